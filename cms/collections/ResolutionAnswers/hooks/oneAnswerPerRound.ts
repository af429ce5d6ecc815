// A representative's "问题是否已解决？" answer: their own, when core's canAnswerResolution allows
// it, and once per reply round (a new one after rehandling is welcome, a second for the same round is not).
import type { CollectionBeforeChangeHook } from 'payload'
import { answerRound } from '../../../../core/lifecycle'
import { canAnswerResolution } from '../../../../core/permissions'
import { actorOfReq, docId, idOf } from '../../../access/actor'
import { proposalFacts } from '../../../access/proposalRule'
import { refuse } from '../../../lib/refuse'
import type { ResolutionAnswer } from '../../../payload-types'

export const oneAnswerPerRound: CollectionBeforeChangeHook<ResolutionAnswer> = async ({ data, req, operation }) => {
  if (operation !== 'create') return data
  const actor = actorOfReq(req)
  data.representative = docId(actor.id)
  const facts = await proposalFacts(req, data.proposal)
  if (!facts || !canAnswerResolution(actor, facts)) return refuse('该提案现在不能反馈解决情况', 'answer')
  // Counted in the database for exactly this proposal, representative and round (not the latest answer of some order).
  const round = answerRound(facts.replies)
  const earlier = await req.payload.count({
    collection: 'resolution-answers',
    where: { and: [{ proposal: { equals: idOf(data.proposal) } }, { representative: { equals: actor.id } }, { round: { equals: round } }] },
    overrideAccess: true,
    req,
  })
  if (earlier.totalDocs > 0) refuse('本轮答复的解决情况已反馈过', 'answer')
  return { ...data, round }
}
