// 承诺台账: every commitment of a published reply as a stored record of the `commitments`
// collection (cms/collections/Commitments.ts), so the office can list, filter, count and export
// them in the database. The record is derived, never typed: core/commitments.ts commitmentRecords
// decides each one's state from the replies and the verifications (corrections included), and
// `refreshCommitments` writes what it says — in the same transaction as the save of the reply or
// follow-up that changed it (an afterChange hook gets the save's `req`), writing only what changed.
// The replies' `commitments` arrays and the follow-ups stay the one source: the ledger can be
// rebuilt from them at any time (the migration that created it did just that).
import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, CollectionBeforeDeleteHook, CollectionConfig, PayloadRequest } from 'payload'
import { commitmentOutstanding, commitmentRecords, type CommitmentRecord } from '../../core/commitments'
import { idOf } from '../access/actor'
import type { Commitment as CommitmentDoc, FollowUp, Reply } from '../payload-types'
import { ledgerObligations } from '../../core/commitmentObligations'
import type { CommitmentObligation, ProposalRef } from '../../core/sweep'
import { replyFromDoc } from './facts'
import { groupByProposal } from './groupByProposal'

type Id = string | number

/** A ledger row as written: relationships as ids, empty values as null. */
export interface LedgerRow {
  proposal: Id
  session: Id | null
  reply: Id
  commitmentId: string
  text: string
  dueDate: string
  section: Id | null
  round: number
  replyClass: CommitmentRecord['replyClass']
  publishedAt: string
  state: CommitmentRecord['state']
  /** 尚未兑现 (core commitmentOutstanding): stored beside the state so the lists can ask for it with a date. */
  outstanding: boolean
  checkedAt: string | null
  standing: Id | null
  corrected: boolean
}

const Keys = ['proposal', 'session', 'reply', 'commitmentId', 'text', 'dueDate', 'section', 'round', 'replyClass', 'publishedAt', 'state', 'outstanding', 'checkedAt', 'standing', 'corrected'] as const satisfies readonly (keyof LedgerRow)[]

/** Dates compared as instants (the databases give them back in their own spelling). */
const instant = (v: unknown): string | null => (v == null || v === '' ? null : new Date(v as string).toISOString())

/** A row in one spelling, for comparison: ids and dates as text. */
const comparable = (r: LedgerRow): string =>
  JSON.stringify(Keys.map((k) => (k === 'publishedAt' || k === 'checkedAt' ? instant(r[k]) : r[k] == null ? null : typeof r[k] === 'boolean' || typeof r[k] === 'number' ? r[k] : String(r[k]))))

const rowOf = (proposal: Id, session: Id | null, c: CommitmentRecord): LedgerRow => ({
  proposal,
  session,
  reply: c.reply,
  commitmentId: c.id,
  text: c.text,
  dueDate: c.dueDate,
  section: c.section,
  round: c.round,
  replyClass: c.replyClass,
  publishedAt: c.publishedAt,
  state: c.state,
  outstanding: commitmentOutstanding(c.state),
  checkedAt: c.checkedAt,
  standing: c.standing,
  corrected: c.corrected,
})

const storedRow = (d: CommitmentDoc): LedgerRow => ({
  proposal: idOf(d.proposal)!,
  session: idOf(d.session),
  reply: idOf(d.reply)!,
  commitmentId: d.commitmentId,
  text: d.text,
  dueDate: d.dueDate,
  section: idOf(d.section),
  round: d.round,
  replyClass: d.replyClass,
  publishedAt: d.publishedAt,
  state: d.state,
  outstanding: !!d.outstanding,
  checkedAt: d.checkedAt ?? null,
  standing: idOf(d.standing),
  corrected: !!d.corrected,
})

/** What the rule reads, read with only the columns it needs (a migration runs this before later columns exist). */
async function sources(req: PayloadRequest, proposal: Id) {
  const where = { proposal: { equals: proposal } }
  const [replies, followUps] = await Promise.all([
    req.payload.find({
      collection: 'replies',
      where,
      depth: 0,
      pagination: false,
      overrideAccess: true,
      req,
      select: { round: true, section: true, class: true, text: true, commitments: true, publishedAt: true, corrects: true },
    }),
    req.payload.find({ collection: 'follow-ups', where, depth: 0, pagination: false, overrideAccess: true, req, select: { kind: true, at: true, createdAt: true, commitmentId: true, verified: true, corrects: true } }),
  ])
  return {
    replies: (replies.docs as Reply[]).map(replyFromDoc),
    followUps: (followUps.docs as FollowUp[]).map((f) => ({ id: f.id, kind: f.kind, at: f.at ?? f.createdAt, commitmentId: f.commitmentId ?? null, verified: f.verified ?? null, corrects: idOf(f.corrects) })),
  }
}

/**
 * Recomputes one proposal's ledger rows from its replies and follow-ups (core/commitments.ts) and
 * writes only what changed, through the database adapter (a derived row is not an edit: no hooks,
 * no versions). Returns whether anything did.
 */
export async function refreshCommitments(req: PayloadRequest, proposalId: Id): Promise<boolean> {
  const doc = await req.payload.findByID({ collection: 'proposals', id: proposalId, depth: 0, overrideAccess: true, req, disableErrors: true, select: { session: true } })
  const select = Object.fromEntries(Keys.map((k) => [k, true]))
  const existing = (await req.payload.find({ collection: 'commitments', where: { proposal: { equals: proposalId } }, depth: 0, pagination: false, overrideAccess: true, req, select })).docs as CommitmentDoc[]
  if (!doc) {
    if (existing.length) await req.payload.db.deleteMany({ collection: 'commitments', where: { proposal: { equals: proposalId } }, req })
    return existing.length > 0
  }
  const want = commitmentRecords(await sources(req, doc.id)).map((c) => rowOf(doc.id, idOf(doc.session), c))
  const have = new Map(existing.map((d) => [d.commitmentId, d]))
  let changed = false
  for (const row of want) {
    const stored = have.get(row.commitmentId)
    have.delete(row.commitmentId)
    if (!stored) await req.payload.db.create({ collection: 'commitments', data: { ...row }, req })
    else if (comparable(storedRow(stored)) !== comparable(row)) await req.payload.db.updateOne({ collection: 'commitments', id: stored.id, data: { ...row, updatedAt: new Date().toISOString() }, req })
    else continue
    changed = true
  }
  // A commitment no published reply holds any more (never, as replies are frozen once published; kept for a clean rebuild).
  for (const gone of have.values()) {
    await req.payload.db.deleteOne({ collection: 'commitments', where: { id: { equals: gone.id } }, req })
    changed = true
  }
  return changed
}

/** Every proposal with a published reply, refreshed one after the other (the migration's backfill); returns how many changed. */
export async function refreshAllCommitments(req: PayloadRequest, progress?: (done: number, total: number) => void): Promise<number> {
  const { docs } = await req.payload.find({ collection: 'replies', where: { publishedAt: { exists: true } }, depth: 0, pagination: false, overrideAccess: true, req, select: { proposal: true }, sort: 'id' })
  const proposals = [...new Set(docs.map((d) => idOf(d.proposal)).filter((id): id is Id => id != null).map(String))]
  let changed = 0
  for (const [i, id] of proposals.entries()) {
    if (await refreshCommitments(req, id)) changed++
    progress?.(i + 1, proposals.length)
  }
  return changed
}

/** The collections whose records the ledger is made of. */
const Sources = new Set(['replies', 'follow-ups'])

/**
 * Keeps the ledger in step: after a reply or a follow-up is saved (or removed), or a proposal is
 * filed under another session, its proposal's rows are recomputed in the same transaction; a
 * proposal removed (an unsubmitted draft) takes its rows with it. Other collections pass unchanged.
 */
export function withCommitmentLedger(collection: CollectionConfig): CollectionConfig {
  if (collection.slug === 'proposals') {
    const beforeDelete: CollectionBeforeDeleteHook = async ({ id, req }) => {
      await req.payload.db.deleteMany({ collection: 'commitments', where: { proposal: { equals: id } }, req })
    }
    // The rows carry the proposal's session: filed under another session, they follow.
    const afterChange: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req }) => {
      if (operation === 'update' && String(idOf(doc.session)) !== String(idOf(previousDoc?.session))) await refreshCommitments(req, doc.id)
      return doc
    }
    return {
      ...collection,
      hooks: {
        ...collection.hooks,
        afterChange: [...(collection.hooks?.afterChange ?? []), afterChange],
        beforeDelete: [...(collection.hooks?.beforeDelete ?? []), beforeDelete],
      },
    }
  }
  if (!Sources.has(collection.slug)) return collection
  const afterChange: CollectionAfterChangeHook = async ({ doc, req }) => {
    const id = idOf(doc.proposal)
    if (id != null) await refreshCommitments(req, id)
    return doc
  }
  const afterDelete: CollectionAfterDeleteHook = async ({ doc, req }) => {
    const id = idOf(doc.proposal)
    if (id != null) await refreshCommitments(req, id)
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

/** The columns `ledgerObligationsOf` reads: a stored ledger row as either reader gets it (relationships as ids). */
export const LedgerObligationColumns = ['proposal', 'commitmentId', 'text', 'dueDate', 'section', 'state', 'publishedAt'] as const

export type StoredLedgerRow = { id: Id; proposal: unknown; section?: unknown; publishedAt: string } & Pick<CommitmentDoc, 'commitmentId' | 'text' | 'dueDate' | 'state'>

/**
 * Stored ledger rows as the obligations core plans from (core ledgerObligations), per proposal, for
 * those `refOf` knows (an open one, say): in the order the replies were published, a reply's
 * commitments in the order it lists them. The sweep (cms/notices/sweep.ts) and the 督办台
 * (cms/lib/board.ts) both read the commitments owed this way.
 */
export function ledgerObligationsOf(rows: readonly StoredLedgerRow[], refOf: (proposal: string) => ProposalRef | undefined): CommitmentObligation[] {
  const ordered = [...rows].sort((a, b) => Date.parse(String(a.publishedAt)) - Date.parse(String(b.publishedAt)) || Number(a.id) - Number(b.id))
  const out: CommitmentObligation[] = []
  for (const [p, list] of groupByProposal(ordered)) {
    const ref = refOf(p)
    if (ref) out.push(...ledgerObligations(ref, list.map((r) => ({ commitmentId: r.commitmentId, text: r.text, dueDate: r.dueDate, section: idOf(r.section), state: r.state }))))
  }
  return out
}
