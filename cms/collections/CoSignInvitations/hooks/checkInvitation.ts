// Before an invitation is saved. A new one: the invitee is another active representative, not
// invited before, within MAX_CO_SIGNERS; it starts unanswered. An answer: accept or decline, by
// the invitee, while the proposal is not yet screened (core's canAnswerInvitation); stamped.
import type { CollectionBeforeChangeHook } from 'payload'
import { sameId } from '../../../../core/lifecycle'
import { canAnswerInvitation } from '../../../../core/permissions'
import { MAX_CO_SIGNERS } from '../../../../core/portal'
import { actorOfReq, idOf } from '../../../access/actor'
import { proposalFacts } from '../../../access/proposalRule'
import { nowISO } from '../../../lib/clock'
import { refuse } from '../../../lib/refuse'
import type { CoSignInvitation } from '../../../payload-types'

export const checkInvitation: CollectionBeforeChangeHook<CoSignInvitation> = async ({ data, req, operation, originalDoc }) => {
  const facts = await proposalFacts(req, data.proposal ?? originalDoc?.proposal)
  if (!facts) return refuse('找不到对应的提案', 'proposal')
  if (operation === 'create') {
    const invitee = idOf(data.representative)
    if (invitee == null) return refuse('请选择要邀请的代表', 'representative')
    if (sameId(invitee, facts.proposer)) refuse('不能邀请提案人自己附议', 'representative')
    if (facts.coSigners.some((c) => sameId(c, invitee)) || (facts.invitees ?? []).some((c) => sameId(c, invitee)))
      refuse('已邀请过这位代表', 'representative')
    if (facts.coSigners.length + (facts.invitees ?? []).length >= MAX_CO_SIGNERS) refuse(`附议代表最多 ${MAX_CO_SIGNERS} 位`, 'representative')
    const rep = await req.payload.findByID({ collection: 'representatives', id: invitee, depth: 0, overrideAccess: true, disableErrors: true, req })
    if (!rep || rep.active === false) refuse('找不到这位代表，或其账号已停用', 'representative')
    return { ...data, status: 'invited', answeredAt: null }
  }
  const to = data.status
  if (to === originalDoc?.status) return data
  if (to !== 'accepted' && to !== 'declined') refuse('请选择同意或不同意附议', 'status')
  const answerable = !!originalDoc && canAnswerInvitation(actorOfReq(req), facts, { representative: idOf(originalDoc.representative)!, status: originalDoc.status })
  if (!answerable) refuse('该提案已进入办理程序，邀请已不能答复', 'status')
  return { ...data, answeredAt: nowISO() }
}
