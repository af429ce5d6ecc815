import type { Where } from 'payload'
import { parseParams } from 'payload'
import { transformWhereQuery, validateWhereQuery } from 'payload/shared'
import * as qs from 'qs-esm'
import { describe, expect, it } from 'vitest'
import { asConjunct, chosenOption, conjunctsOf, withChoice, withoutFilters, type ListFilter } from './listFilters'

const section: ListFilter = {
  key: 'section',
  label: '主办科室',
  options: [
    { label: '城管分队', where: { 'assignment.leadSection': { equals: 3 } } },
    { label: '房管办', where: { 'assignment.leadSection': { equals: 4 } } },
  ],
}
const deadline: ListFilter = {
  key: 'deadline',
  label: '期限',
  options: [
    { label: '即将到期', where: { and: [{ currentDue: { greater_than_equal: '2026-03-11' } }, { currentDue: { less_than: '2026-03-17' } }] } },
    { label: '已逾期', where: { and: [{ currentDue: { greater_than_equal: '2026-02-05' } }, { currentDue: { less_than: '2026-03-11' } }] } },
    { label: '严重逾期', where: { currentDue: { less_than: '2026-02-05' } } },
  ],
}
const published: ListFilter = {
  key: 'published',
  label: '公开',
  options: [
    { label: '已公开', where: { publishedAt: { exists: true } } },
    { label: '未公开', where: { publishedAt: { exists: false } } },
  ],
}

/** The `where` as it comes back from the page's address (every value text), as Payload's list reads it (qs, 10 levels deep). */
const viaAddress = (where: Where): Where => (parseParams(qs.parse(qs.stringify({ where }), { depth: 10 }) as Record<string, unknown>).where ?? {}) as Where

/** What Payload's filter builder would show of this `where`: its rows, or none when it leaves the query alone. */
const builderRows = (where: Where): Where[] => {
  if (validateWhereQuery(where)) return (where.or ?? []).flatMap((g) => g.and ?? [])
  const t = transformWhereQuery(where)
  return validateWhereQuery(t) ? (t.or ?? []).flatMap((g) => g.and ?? []) : []
}

describe('the filter bar’s choices in the list’s where', () => {
  it('sets, reads back through the address, changes and clears each filter, keeping the others', () => {
    let where = withChoice({}, section, section.options[0])
    where = withChoice(viaAddress(where), deadline, deadline.options[1])
    where = viaAddress(where)
    expect(chosenOption(section, where)).toBe(0)
    expect(chosenOption(deadline, where)).toBe(1)
    expect(chosenOption(published, where)).toBeNull()

    where = viaAddress(withChoice(where, section, section.options[1]))
    expect(chosenOption(section, where)).toBe(1)
    expect(chosenOption(deadline, where)).toBe(1)
    expect(conjunctsOf(where)).toHaveLength(2)

    where = viaAddress(withChoice(where, deadline, null))
    expect(chosenOption(deadline, where)).toBeNull()
    expect(chosenOption(section, where)).toBe(1)
    expect(withChoice(where, section, null)).toEqual({})
  })

  it('a section alone is a row Payload’s filter builder shows; a date range is left alone by it', () => {
    const bySection = viaAddress(withChoice({}, section, section.options[0]))
    expect(builderRows(bySection)).toEqual([{ 'assignment.leadSection': { equals: '3' } }])
    // Ranges on a text column (and the single bound of 严重逾期) are nested, so the builder shows none of it and changes nothing.
    for (const option of deadline.options) expect(builderRows(viaAddress(withChoice(bySection, deadline, option)))).toEqual([])
    expect(asConjunct(deadline.options[2].where)).toEqual({ and: [deadline.options[2].where] })
    expect(asConjunct(published.options[0].where)).toBe(published.options[0].where)
  })

  it('reads what the builder wrote back (one group of its own), and keeps the builder’s other rows', () => {
    const fromBuilder: Where = { or: [{ and: [{ category: { equals: 'market' } }, { 'assignment.leadSection': { equals: '4' } }] }] }
    expect(chosenOption(section, fromBuilder)).toBe(1)
    const next = withChoice(fromBuilder, published, published.options[1])
    expect(conjunctsOf(next)).toEqual([{ category: { equals: 'market' } }, { 'assignment.leadSection': { equals: '4' } }, { publishedAt: { exists: false } }])
    expect(withoutFilters(next, [section, published])).toEqual({ and: [{ category: { equals: 'market' } }] })
  })

  it('bounds of another day are shown as another condition, and replaced by a choice', () => {
    const stale: Where = { and: [{ and: [{ currentDue: { greater_than_equal: '2026-01-05' } }, { currentDue: { less_than: '2026-02-02' } }] }] }
    expect(chosenOption(deadline, stale)).toBe('other')
    expect(chosenOption(deadline, withChoice(stale, deadline, deadline.options[0]))).toBe(0)
    expect(conjunctsOf(withChoice(stale, deadline, deadline.options[0]))).toHaveLength(1)
  })

  it('a query with alternatives (several builder groups) stays as it is beside a choice', () => {
    const alternatives: Where = { or: [{ and: [{ category: { equals: 'market' } }] }, { and: [{ category: { equals: 'urban' } }] }] }
    expect(conjunctsOf(alternatives)).toEqual([alternatives])
    expect(chosenOption(section, alternatives)).toBeNull()
    expect(withChoice(alternatives, section, section.options[0])).toEqual({ and: [alternatives, section.options[0].where] })
  })

  it('no where, an empty where: nothing chosen', () => {
    for (const w of [undefined, null, {}]) {
      expect(conjunctsOf(w)).toEqual([])
      expect(chosenOption(section, w)).toBeNull()
    }
  })
})
