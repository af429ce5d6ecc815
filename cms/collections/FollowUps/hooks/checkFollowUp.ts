// Before a follow-up is recorded: the commitment a verification checks is one of the proposal's
// live commitments, and a correction names one of its standing verifications (core/commitments.ts);
// a correction checks the commitment of the record it corrects. The record's title (what the
// admin's lists and the correction's chooser show) is written here, in words.
import type { CollectionBeforeChangeHook, PayloadRequest } from 'payload'
import { followUpRefusal, followUpTitle, liveCommitments } from '../../../../core/commitments'
import { idOf } from '../../../access/actor'
import { loadFacts } from '../../../lib/facts'
import { refuse } from '../../../lib/refuse'
import type { FollowUp } from '../../../payload-types'

export const checkFollowUp: CollectionBeforeChangeHook<FollowUp> = async ({ data, req, operation }) => {
  if (operation !== 'create') return data
  const proposalId = idOf(data.proposal)
  if (proposalId == null) return data
  const proposal = await req.payload.findByID({ collection: 'proposals', id: proposalId, depth: 0, overrideAccess: true, req, disableErrors: true })
  if (!proposal) refuse('找不到这件提案', 'proposal')
  const p = await loadFacts(req, proposal!)
  const corrects = idOf(data.corrects)
  // A correction checks what the corrected record checked: take its commitment when none is chosen.
  const target = corrects != null ? p.followUps.find((f) => String(f.id) === String(corrects)) : undefined
  const commitmentId = data.commitmentId?.trim() || (target?.commitmentId ?? null)
  const refusal = followUpRefusal(p, { kind: data.kind!, commitmentId, verified: data.verified ?? false, corrects, correctionNote: data.correctionNote })
  if (refusal) refuse(refusal.message, refusal.field)
  const verification = data.kind === 'verification'
  const what = verification && commitmentId ? liveCommitments(p).find((c) => c.id === commitmentId)?.text : undefined
  const title = followUpTitle({ at: data.at!, kind: data.kind!, verified: data.verified, corrects }, what)
  return {
    ...data,
    commitmentId: verification ? commitmentId : null,
    verified: verification ? !!data.verified : null,
    corrects: verification ? corrects : null,
    correctionNote: verification && corrects != null ? data.correctionNote!.trim() : null,
    title,
  } as typeof data
}

/** Gives every follow-up recorded before titles existed its title (used once by a migration); returns how many. */
export async function titleUntitled(req: PayloadRequest): Promise<number> {
  const { docs } = await req.payload.find({ collection: 'follow-ups', where: { title: { exists: false } }, pagination: false, depth: 0, overrideAccess: true, req })
  if (docs.length === 0) return 0
  const { docs: replies } = await req.payload.find({ collection: 'replies', pagination: false, depth: 0, select: { commitments: true }, overrideAccess: true, req })
  const texts = new Map(replies.flatMap((r) => (r.commitments ?? []).map((c) => [String(c.id), c.text] as const)))
  for (const f of docs) {
    const title = followUpTitle({ at: f.at ?? f.createdAt, kind: f.kind, verified: f.verified, corrects: idOf(f.corrects) }, f.commitmentId ? texts.get(f.commitmentId) : null)
    await req.payload.db.updateOne({ collection: 'follow-ups', id: f.id, data: { title, updatedAt: f.updatedAt }, req })
  }
  return docs.length
}
