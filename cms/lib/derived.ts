// What the system derives from a proposal's records and keeps in the database so lists can sort,
// filter and count without loading documents:
// - the deadline in force (core/deadlines currentDeadline) as two columns on the proposal,
//   `currentDue` and `currentStage`, for the staff's lists and 待我处理, with `undated`, the
//   sort key that puts the proposals without one last (hidden from every API; `undatedLast`);
// - the class of the reply that stands (core latestReply) as `replyClass`, for the 答复类别 filter;
// - what waits on whom (core/duties plannedDuties) as rows of the `duties` collection, for the
//   workbench's queues.
// Nobody types them. The proposal's own save computes its columns (prepareChange); after that
// save, and after any change to a record they depend on (an instruction, a reply, a co-opinion,
// an evaluation, a follow-up, a request for a later deadline), `refreshDerived` recomputes both and writes only what changed.
import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, CollectionAfterReadHook, CollectionBeforeDeleteHook, CollectionBeforeOperationHook, CollectionConfig, CollectionSlug, PayloadRequest, Where } from 'payload'
import { currentDeadline } from '../../core/deadlines'
import { plannedDuties, type Duty, type DutyFacts } from '../../core/duties'
import { ScreenedOutStatuses } from '../../core/lifecycle'
import { latestReply } from '../../core/proposalFacts'
import type { WorkingCalendar } from '../../core/calendar'
import type { DeadlineSettings, ProposalFacts } from '../../core/types'
import { idOf } from '../access/actor'
import type { Duty as DutyDoc, Proposal } from '../payload-types'
import { deadlineSettingsOf, getCalendar } from './calendar'
import { factsFromDoc, findAll, loadRelated, loadSigners } from './facts'

export type DerivedColumns = Pick<Proposal, 'currentDue' | 'currentStage' | 'replyClass'> & { undated: boolean }

/** The derived columns for these facts, under the session's settings. */
export async function derivedColumnsOf(req: PayloadRequest, facts: ProposalFacts, session: unknown): Promise<DerivedColumns> {
  const due = currentDeadline(facts, await getCalendar(req.payload, req), deadlineSettingsOf(session))
  return { currentDue: due?.due ?? null, currentStage: due?.stage ?? null, undated: due == null, replyClass: latestReply(facts.replies)?.class ?? null }
}

const DerivedKeys = ['currentDue', 'currentStage', 'undated', 'replyClass'] as const

/** The derived columns as stored (a row from before a column existed reads as null). */
const storedColumns = (doc: Proposal & { undated?: boolean | null }) => Object.fromEntries(DerivedKeys.map((k) => [k, doc[k] ?? null]))

/**
 * A sort of proposals as the database runs it: by 当前期限, those without a deadline come last
 * whichever way (SQLite puts empty values first ascending, PostgreSQL first descending), so
 * `currentDue` / `-currentDue` is preceded by the stored `undated` (false before true). Every
 * other field sorts as asked. Accepts what Payload accepts: a field, a comma-separated list, an array.
 */
export function undatedLast(sort: string | string[] | undefined): string[] | undefined {
  if (sort == null || sort === '') return undefined
  const fields = (Array.isArray(sort) ? sort : sort.split(',')).map((f) => f.trim()).filter(Boolean)
  const out: string[] = []
  for (const f of fields) {
    if (f.replace(/^-/, '') === 'currentDue' && out.at(-1) !== 'undated') out.push('undated')
    out.push(f)
  }
  return out
}

/** The sort key is the database's: no read of a proposal shows it (the admin, REST, the Local API). */
export const hideSortKey: CollectionAfterReadHook = ({ doc }) => {
  if (doc && typeof doc === 'object') delete (doc as { undated?: unknown }).undated
  return doc
}

/** Reads of proposals (the admin's list, REST, the Local API) sort by 当前期限 with the undated last. */
export const sortUndatedLast: CollectionBeforeOperationHook = ({ args, collection, operation }) => {
  if (operation !== 'read') return args
  const a = args as { sort?: string | string[] }
  const sort = undatedLast(a.sort ?? (collection.defaultSort as string | string[] | undefined))
  return sort ? { ...args, sort } : args
}

type DutyRow = Pick<DutyDoc, 'action' | 'role' | 'due' | 'from' | 'until' | 'subject'> & { section: string | number | null; person: string | number | null }

const rowOf = (d: Duty): DutyRow => ({
  action: d.action,
  role: d.role,
  section: d.section,
  person: d.person,
  due: d.due,
  from: d.from ?? null,
  until: d.until ?? null,
  subject: d.subject != null ? String(d.subject) : null,
})

/** A row as stored, in the same shape (relationships as ids, empty values as null). */
const storedRow = (d: DutyDoc): DutyRow => ({
  action: d.action,
  role: d.role,
  section: idOf(d.section),
  person: idOf(d.person),
  due: d.due ?? null,
  from: d.from ?? null,
  until: d.until ?? null,
  subject: d.subject ?? null,
})

const key = (r: DutyRow) => JSON.stringify([r.action, r.role, String(r.section), String(r.person), r.due, r.from, r.until, r.subject])

/** The proposal's co-opinions, by section (the system reading its own records). */
async function loadCoOpinions(req: PayloadRequest, proposal: string | number): Promise<NonNullable<DutyFacts['coOpinions']>> {
  return (await findAll(req, 'co-opinions', proposal)).map((o) => idOf(o.section)).filter((s): s is string | number => s != null).map((section) => ({ section }))
}

/** One proposal as the duties see it: its stored record, session settings, calendar, and facts with co-opinions. */
export interface DutyContext {
  doc: Proposal
  facts: DutyFacts
  calendar: WorkingCalendar
  settings: DeadlineSettings
  session: unknown
}

/** Reads what core/duties needs about one proposal (the system reading its own records); null when it does not exist. */
export async function loadDutyContext(req: PayloadRequest, proposalId: string | number): Promise<DutyContext | null> {
  const doc = await req.payload.findByID({ collection: 'proposals', id: proposalId, depth: 0, overrideAccess: true, req, disableErrors: true })
  if (!doc) return null
  const sessionId = idOf(doc.session)
  const [session, related, coOpinions, calendar, extensionRequests] = await Promise.all([
    sessionId != null ? req.payload.findByID({ collection: 'sessions', id: sessionId, depth: 0, overrideAccess: true, req, disableErrors: true }) : null,
    loadRelated(req, doc.id),
    loadCoOpinions(req, doc.id),
    getCalendar(req.payload, req),
    loadExtensionRequests(req, doc.id),
  ])
  return { doc, session, facts: { ...factsFromDoc(doc, related), coOpinions, extensionRequests }, calendar, settings: deadlineSettingsOf(session) }
}

/** The proposal's requests for a later reply deadline and how each was decided (the system reading its own records). */
async function loadExtensionRequests(req: PayloadRequest, proposal: string | number): Promise<NonNullable<DutyFacts['extensionRequests']>> {
  return (await findAll(req, 'extension-requests', proposal)).map((r) => ({ id: r.id, decision: r.decision }))
}

/**
 * Recomputes one proposal's stored deadline columns and its duties from its stored record and
 * related records, and writes only what changed. Returns whether anything did.
 */
export async function refreshDerived(req: PayloadRequest, proposalId: string | number): Promise<boolean> {
  const ctx = await loadDutyContext(req, proposalId)
  if (!ctx) return false
  const { doc, facts, session, calendar, settings } = ctx
  const existing = await findAll(req, 'duties', doc.id)
  const next = await derivedColumnsOf(req, facts, session)
  const stored = storedColumns(doc)
  const same = DerivedKeys.every((k) => next[k] === stored[k])
  // A draft is the representative's own: nothing is owed on it, and its columns are as they were made.
  if (doc.status === 'draft' && existing.length === 0 && same) return false
  let changed = false

  if (!same) {
    // The adapter directly: a derived column is not an edit of the proposal (no hooks, no event, same updatedAt).
    await req.payload.db.updateOne({ collection: 'proposals', id: doc.id, data: { ...next, updatedAt: doc.updatedAt }, req })
    changed = true
  }

  const rows = plannedDuties(facts, calendar, settings, await loadSigners(req, facts.replies)).map(rowOf)
  const want = rows.map(key).sort()
  const have = existing.map((d) => key(storedRow(d))).sort()
  if (want.join('\n') !== have.join('\n')) {
    await req.payload.db.deleteMany({ collection: 'duties', where: { proposal: { equals: doc.id } }, req })
    for (const r of rows) await req.payload.db.create({ collection: 'duties', data: { ...r, proposal: doc.id }, req })
    changed = true
  }
  return changed
}

/** Every proposal matching `where` (all when absent), refreshed one after the other; returns how many changed. */
export async function refreshAll(req: PayloadRequest, where?: Where, progress?: (done: number, total: number) => void): Promise<number> {
  // In id order: the list's default (当前期限, undated last) names columns that migrations calling this predate.
  const { docs } = await req.payload.find({ collection: 'proposals', where, sort: 'id', pagination: false, depth: 0, select: {}, overrideAccess: true, req })
  let changed = 0
  for (const [i, d] of docs.entries()) {
    if (await refreshDerived(req, d.id)) changed++
    progress?.(i + 1, docs.length)
  }
  return changed
}

/**
 * Recomputes the columns of every screened-out proposal (并案/分流/不予立案): before the
 * explanation stage existed they were stored without it. Used once by a migration.
 */
export const refreshScreenedOut = (req: PayloadRequest): Promise<number> => refreshAll(req, { status: { in: [...ScreenedOutStatuses] } })

/** The collections whose records the derived values depend on (see core/deadlines and core/duties). */
const Sources = new Set<CollectionSlug>(['proposals', 'instructions', 'replies', 'co-opinions', 'evaluations', 'follow-ups', 'extension-requests'])

/** Adds the recomputation to a collection the derived values depend on; others are returned as they are. */
export function withDerivedRefresh(collection: CollectionConfig): CollectionConfig {
  if (!Sources.has(collection.slug as CollectionSlug)) return collection
  const proposalOf = (doc: { id?: unknown; proposal?: unknown }) => (collection.slug === 'proposals' ? idOf(doc.id) : idOf(doc.proposal))
  const afterChange: CollectionAfterChangeHook = async ({ doc, req }) => {
    const id = proposalOf(doc)
    if (id != null) await refreshDerived(req, id)
    return doc
  }
  const afterDelete: CollectionAfterDeleteHook = async ({ doc, req }) => {
    const id = proposalOf(doc)
    if (id != null) await refreshDerived(req, id)
    return doc
  }
  // A proposal deleted (an unsubmitted draft) takes its duties with it, before its row goes.
  const beforeDelete: CollectionBeforeDeleteHook = async ({ id, req }) => {
    await req.payload.db.deleteMany({ collection: 'duties', where: { proposal: { equals: id } }, req })
  }
  const isProposals = collection.slug === 'proposals'
  return {
    ...collection,
    hooks: {
      ...collection.hooks,
      afterChange: [...(collection.hooks?.afterChange ?? []), afterChange],
      ...(isProposals
        ? { beforeDelete: [...(collection.hooks?.beforeDelete ?? []), beforeDelete] }
        : { afterDelete: [...(collection.hooks?.afterDelete ?? []), afterDelete] }),
    },
  }
}
