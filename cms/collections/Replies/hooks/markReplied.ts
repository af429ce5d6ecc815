// Publishing the answer of the current round is the proposal's "replied" step, taken with the
// publisher's own access (a correction of an earlier answer moves nothing).
import type { CollectionAfterChangeHook } from 'payload'
import { AnsweringStatuses, isIn } from '../../../../core/lifecycle'
import { idOf } from '../../../access/actor'
import type { Reply } from '../../../payload-types'

export const markReplied: CollectionAfterChangeHook<Reply> = async ({ doc, previousDoc, req }) => {
  if (!doc.publishedAt || previousDoc?.publishedAt) return doc
  const proposalId = idOf(doc.proposal)!
  const proposal = await req.payload.findByID({ collection: 'proposals', id: proposalId, depth: 0, joins: false, overrideAccess: true, req })
  if (isIn(AnsweringStatuses, proposal.status) && !doc.corrects) {
    await req.payload.update({
      collection: 'proposals',
      id: proposalId,
      data: { status: 'replied' },
      user: req.user,
      overrideAccess: false,
      req,
    })
  }
  return doc
}
