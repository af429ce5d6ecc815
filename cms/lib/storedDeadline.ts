// The deadline in force (core/deadlines currentDeadline) is also kept on the proposal as two
// columns, `currentDue` and `currentStage`, so the staff's lists and 待我处理 can sort and count
// overdue items in the database. They are derived, never typed: the proposal's own save computes
// them (prepareChange), and a change to a record they depend on — an instruction (a screened-out
// item's 批示), a reply's publication (its explanation) — recomputes them here.
import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, CollectionConfig, PayloadRequest } from 'payload'
import { currentDeadline } from '../../core/deadlines'
import { ScreenedOutStatuses } from '../../core/lifecycle'
import type { ProposalFacts } from '../../core/types'
import { idOf } from '../access/actor'
import type { Proposal } from '../payload-types'
import { deadlineSettingsOf, getCalendar } from './calendar'
import { factsFromDoc, loadRelated } from './facts'

export type StoredDeadline = Pick<Proposal, 'currentDue' | 'currentStage'>

/** The two columns for these facts, under the session's settings. */
export async function storedDeadlineOf(req: PayloadRequest, facts: ProposalFacts, session: unknown): Promise<StoredDeadline> {
  const due = currentDeadline(facts, await getCalendar(req.payload, req), deadlineSettingsOf(session))
  return { currentDue: due?.due ?? null, currentStage: due?.stage ?? null }
}

/** Recomputes one proposal's columns from its stored record and related records; writes only if they changed. */
export async function refreshStoredDeadline(req: PayloadRequest, proposalId: string | number): Promise<boolean> {
  const doc = await req.payload.findByID({ collection: 'proposals', id: proposalId, depth: 0, overrideAccess: true, req, disableErrors: true })
  if (!doc) return false
  const sessionId = idOf(doc.session)
  const session = sessionId != null ? await req.payload.findByID({ collection: 'sessions', id: sessionId, depth: 0, overrideAccess: true, req, disableErrors: true }) : null
  const next = await storedDeadlineOf(req, factsFromDoc(doc, await loadRelated(req, doc.id)), session)
  if (next.currentDue === (doc.currentDue ?? null) && next.currentStage === (doc.currentStage ?? null)) return false
  // The adapter directly: a derived column is not an edit of the proposal (no hooks, no event, same updatedAt).
  await req.payload.db.updateOne({ collection: 'proposals', id: doc.id, data: { ...next, updatedAt: doc.updatedAt }, req })
  return true
}

/** The collections whose records move a proposal's deadline in force (see core/deadlines currentDeadline). */
const DeadlineSources = new Set(['instructions', 'replies'])

/** Adds the recomputation to a collection whose records the deadline in force depends on; others are returned as they are. */
export function withDeadlineRefresh(collection: CollectionConfig): CollectionConfig {
  if (!DeadlineSources.has(collection.slug)) return collection
  const refresh = async (doc: { proposal?: unknown }, req: PayloadRequest) => {
    const id = idOf(doc.proposal)
    if (id != null) await refreshStoredDeadline(req, id)
  }
  const afterChange: CollectionAfterChangeHook = async ({ doc, req }) => {
    await refresh(doc, req)
    return doc
  }
  const afterDelete: CollectionAfterDeleteHook = async ({ doc, req }) => {
    await refresh(doc, req)
    return doc
  }
  return {
    ...collection,
    hooks: {
      ...collection.hooks,
      afterChange: [...(collection.hooks?.afterChange ?? []), afterChange],
      afterDelete: [...(collection.hooks?.afterDelete ?? []), afterDelete],
    },
  }
}

/**
 * Recomputes the columns of every screened-out proposal (并案/分流/不予立案): before the
 * explanation stage existed they were stored without it. Used once by a migration; returns how many changed.
 */
export async function refreshScreenedOut(req: PayloadRequest): Promise<number> {
  const { docs } = await req.payload.find({
    collection: 'proposals',
    where: { status: { in: [...ScreenedOutStatuses] } },
    pagination: false,
    depth: 0,
    select: {},
    overrideAccess: true,
    req,
  })
  let changed = 0
  for (const d of docs) if (await refreshStoredDeadline(req, d.id)) changed++
  return changed
}
