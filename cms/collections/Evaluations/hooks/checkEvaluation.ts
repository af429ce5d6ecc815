// Before an evaluation is saved: who gives it (the representative, or the office recording a paper
// one on their behalf), and whether it may be given at all — core's canEvaluate, a reason for
// 不满意, and within the evaluation period. A refusal names what is wrong.
import type { CollectionBeforeChangeHook } from 'payload'
import { toLocalDate } from '../../../../core/calendar'
import { DissatisfiedReasonRequired, lacksReason, sameId } from '../../../../core/lifecycle'
import { evaluationRefusal } from '../../../../core/permissions'
import type { Actor } from '../../../../core/types'
import { actorOfReq, docId, idOf } from '../../../access/actor'
import { proposalFacts } from '../../../access/proposalRule'
import { getCalendar, lastEvaluationDay } from '../../../lib/calendar'
import { nowISO } from '../../../lib/clock'
import { refuse as refuseWith } from '../../../lib/refuse'
import type { Evaluation } from '../../../payload-types'

const refuse = (message: string, path = 'rating'): never => refuseWith(message, path)

export const checkEvaluation: CollectionBeforeChangeHook<Evaluation> = async ({ data, req, operation }) => {
  if (operation !== 'create') return data
  const actor = actorOfReq(req)
  if (actor.role === 'representative') {
    data.representative = docId(actor.id)
    delete data.recordedBy
  } else data.recordedBy = docId(actor.id)
  if (data.representative == null) refuse('请选择评价的代表', 'representative')
  const facts = await proposalFacts(req, data.proposal)
  if (!facts) return refuse('找不到对应的提案', 'proposal')
  // Whoever records it (the representative, or the office from paper), the evaluation must be one
  // the representative may give (core's canEvaluate); the checks after a refusal only choose the words.
  const representative: Actor = { role: 'representative', id: idOf(data.representative)! }
  const refused = evaluationRefusal(representative, facts, idOf(data.reply))
  if (refused) refuse(refused.message, refused.field)
  const reply = facts.replies.find((r) => sameId(r.id, idOf(data.reply)))
  if (lacksReason(data.rating, data.comment)) refuse(DissatisfiedReasonRequired, 'comment')
  const proposal = await req.payload.findByID({ collection: 'proposals', id: idOf(data.proposal)!, depth: 1, joins: false, overrideAccess: true, req })
  const last = lastEvaluationDay(await getCalendar(req.payload, req), proposal.session, reply!.publishedAt!)
  if (toLocalDate(nowISO()) > last) refuse(`评价期限已过（${last}），请联系代表工作室`)
  return data
}
