// After a 延期申请 is saved, in the same transaction: the request and a refusal are recorded on the
// proposal's timeline for staff (internal: the public never sees requests); an approval appends the
// extension to the proposal's record — which moves the reply deadline in force, the stored deadline
// and the duties (cms/collections/Proposals/hooks/prepareChange.ts stamps who approved it and when)
// — and is recorded on the public timeline; its reason is public with the extension.
import type { CollectionAfterChangeHook } from 'payload'
import { chineseDate } from '../../../../core/calendar'
import { idOf } from '../../../access/actor'
import type { ExtensionRequest } from '../../../payload-types'
import { appendEvent } from '../../Proposals/hooks/recordEvent'

export const recordDecision: CollectionAfterChangeHook<ExtensionRequest> = async ({ doc, previousDoc, operation, req }) => {
  const proposalId = idOf(doc.proposal)
  if (proposalId == null) return doc
  const date = chineseDate(doc.newDeadline)
  if (operation === 'create') {
    await appendEvent(req, proposalId, { action: `申请延期至${date}`, note: doc.reason, internal: true })
    return doc
  }
  if (previousDoc?.decision !== 'pending' || doc.decision === 'pending') return doc
  if (doc.decision === 'approved') {
    const proposal = await req.payload.findByID({ collection: 'proposals', id: proposalId, depth: 0, joins: false, overrideAccess: true, req })
    const before = (proposal.extensions ?? []).map((e) => ({ id: e.id, newDeadline: e.newDeadline, reason: e.reason }))
    await req.payload.update({
      collection: 'proposals',
      id: proposalId,
      data: { extensions: [...before, { newDeadline: doc.newDeadline, reason: doc.reason }] },
      overrideAccess: true,
      depth: 0,
      req,
    })
    await appendEvent(req, proposalId, { action: `批准延期：答复期限延至${date}`, note: doc.reason })
  } else {
    await appendEvent(req, proposalId, { action: '不批准延期申请', note: doc.decisionNote ?? undefined, internal: true })
  }
  return doc
}
