// The proposer's verdict on the latest reply moves the proposal: 不满意 → rehandling (while
// rounds remain), else evaluated (core's statusAfterEvaluation), with the evaluator's own access.
import type { CollectionAfterChangeHook } from 'payload'
import { statusAfterEvaluation } from '../../../../core/lifecycle'
import { idOf } from '../../../access/actor'
import { proposalFacts } from '../../../access/proposalRule'
import type { Evaluation } from '../../../payload-types'

export const moveProposal: CollectionAfterChangeHook<Evaluation> = async ({ doc, req, operation }) => {
  if (operation !== 'create') return doc
  const facts = await proposalFacts(req, doc.proposal)
  const to = facts && statusAfterEvaluation(facts, { reply: idOf(doc.reply)!, representative: idOf(doc.representative)!, rating: doc.rating })
  if (!to) return doc
  await req.payload.update({
    collection: 'proposals',
    id: idOf(doc.proposal)!,
    data: { status: to },
    user: req.user,
    overrideAccess: false,
    req,
  })
  return doc
}
