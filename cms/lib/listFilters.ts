// The filter bar above a list (cms/components/FilterBar.tsx): each filter is a choice among named
// options, each option a condition of Payload's query language (`where`) that the server worked out
// (a section's id, the date bounds of 已逾期 today…). A choice is kept in the list's own query, the
// `where` of the page's address, so Payload's list, its paging and sorting and 导出 Excel all follow
// it. This module reads and writes that `where`; it runs in the browser and on the server alike.
//
// The list's `where` is kept as a conjunction, `{ and: [c1, c2, …] }`, one conjunct per filter plus
// any conditions made with Payload's own filter builder, which shows the simple ones (a field equals
// a value, a field exists). A condition it could not show faithfully — a date range on a text column,
// a query through a join — is nested as `{ and: [ … ] }`: the builder then leaves the query alone
// (it would otherwise rewrite an operator it does not offer for the field into 等于).
import type { Where } from 'payload'

export interface FilterOption {
  /** The option's name, as people say it (never an id). */
  label: string
  where: Where
}

export interface ListFilter {
  key: string
  label: string
  options: FilterOption[]
  /** One option only: shown as a box to tick (e.g. 只看待我处理). */
  toggle?: boolean
}

/** One condition: a field, an operator, a value (values compared as text: the address carries text). */
interface Atom {
  path: string
  op: string
  value: string
}

/** Operators Payload's filter builder shows as they are, on any field. */
const BuilderOperators = new Set(['equals', 'exists'])

/** Values as text, recursively (the page's address turns `3` and `false` into '3' and 'false'). */
function asText(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(asText)
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, asText(x)]))
  return v == null ? '' : String(v)
}

/** The single conditions a conjunct consists of (nested `and`s flattened); null when it has a choice (`or` of several). */
function atomsOf(w: Where): Atom[] | null {
  const out: Atom[] = []
  for (const [key, value] of Object.entries(w ?? {})) {
    if (key === 'and' || key === 'or') {
      const parts = (Array.isArray(value) ? value : []) as Where[]
      if (key === 'or' && parts.length > 1) return null
      for (const part of parts) {
        const atoms = atomsOf(part)
        if (!atoms) return null
        out.push(...atoms)
      }
      continue
    }
    if (!value || typeof value !== 'object') return null
    for (const [op, v] of Object.entries(value)) out.push({ path: key, op, value: JSON.stringify(asText(v)) })
  }
  return out
}

const atomKey = (a: Atom) => `${a.path}\u0000${a.op}\u0000${a.value}`

/**
 * The list's `where` as a list of conjuncts: `{ and: […] }` gives its parts, a builder query
 * `{ or: [{ and: […] }] }` (one group) its group's parts, a plain object one conjunct per field;
 * a query with several alternatives (`or` of groups) stays one conjunct as it is.
 */
export function conjunctsOf(where: Where | undefined | null): Where[] {
  if (!where || typeof where !== 'object' || Object.keys(where).length === 0) return []
  const keys = Object.keys(where)
  if (keys.length === 1 && keys[0] === 'and' && Array.isArray(where.and)) return where.and.filter((w) => w && Object.keys(w).length > 0)
  if (keys.length === 1 && keys[0] === 'or' && Array.isArray(where.or) && where.or.length === 1) return conjunctsOf(where.or[0])
  if (keys.includes('and') || keys.includes('or')) return [where]
  return keys.map((k) => ({ [k]: where[k] }) as Where)
}

/** The fields a filter's options speak of. */
const pathsOf = (filter: ListFilter): Set<string> => new Set(filter.options.flatMap((o) => (atomsOf(o.where) ?? []).map((a) => a.path)))

/** Whether a conjunct belongs to the filter: it speaks of one of the filter's fields. */
function belongs(conjunct: Where, paths: Set<string>): boolean {
  const atoms = atomsOf(conjunct)
  return atoms != null && atoms.some((a) => paths.has(a.path))
}

/**
 * What the filter shows for this `where`: the index of the option it holds; 'other' when it holds
 * conditions on the filter's fields that are none of its options (bounds of another day, a
 * condition from the builder); null when the filter is not set.
 */
export function chosenOption(filter: ListFilter, where: Where | undefined | null): number | 'other' | null {
  const paths = pathsOf(filter)
  const mine = conjunctsOf(where).filter((c) => belongs(c, paths))
  if (mine.length === 0) return null
  const have = new Set(mine.flatMap((c) => atomsOf(c)!.map(atomKey)))
  const index = filter.options.findIndex((o) => {
    const want = new Set((atomsOf(o.where) ?? []).map(atomKey))
    return want.size === have.size && [...want].every((k) => have.has(k))
  })
  return index >= 0 ? index : 'other'
}

/** A condition as the list keeps it: as it is when the builder shows it faithfully, else nested (see above). */
export function asConjunct(where: Where): Where {
  const atoms = atomsOf(where)
  const simple = atoms != null && atoms.length === 1 && BuilderOperators.has(atoms[0].op) && !('and' in where) && !('or' in where)
  return simple || (Object.keys(where).length === 1 && Array.isArray(where.and)) ? where : { and: [where] }
}

/** The `where` with the filter set to `option` (or cleared: null); every other condition stays. */
export function withChoice(where: Where | undefined | null, filter: ListFilter, option: FilterOption | null): Where {
  const paths = pathsOf(filter)
  const kept = conjunctsOf(where).filter((c) => !belongs(c, paths))
  const next = option ? [...kept, asConjunct(option.where)] : kept
  return next.length ? { and: next } : {}
}

/** The `where` with every filter of the bar cleared (conditions from the builder on other fields stay). */
export function withoutFilters(where: Where | undefined | null, filters: ListFilter[]): Where {
  return filters.reduce<Where>((w, f) => withChoice(w, f, null), where ?? {})
}
