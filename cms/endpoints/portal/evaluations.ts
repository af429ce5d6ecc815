// Answering a reply: the proposer's or a co-signer's evaluation (满意 / 基本满意 / 不满意, once per
// reply; 不满意 starts rehandling), and their "问题是否已解决？" answer for the current round.
import { isProposerOrCoSigner, StatusLabels } from '../../../core/lifecycle'
import type { ProposalStatus } from '../../../core/types'
import { evaluationRefusal } from '../../../core/permissions'
import { actorOfReq } from '../../access/actor'
import { proposalFacts } from '../../access/proposalRule'
import { portalEndpoint, refusal } from '../../portal/endpoint'
import { as, param, readProposal } from './shared'

export const evaluationEndpoints = [
  portalEndpoint({ route: 'POST /proposals/:id/evaluations' }, async ({ req, body, answer }) => {
    const doc = await readProposal(req, param(req))
    // The collection's create access refuses what core's canEvaluate refuses: to the proposer and
    // co-signers, say why first (anyone else gets the access refusal, as for everything of others).
    const facts = await proposalFacts(req, doc.id)
    const refused = facts && isProposerOrCoSigner(actorOfReq(req), facts) && evaluationRefusal(actorOfReq(req), facts, body.reply)
    if (refused) throw refusal(400, 'refused', refused.message, { [refused.field]: refused.message })
    const evaluation = await req.payload.create({
      collection: 'evaluations',
      data: { proposal: doc.id, reply: body.reply as number, rating: body.rating, comment: body.comment },
      depth: 0,
      ...as(req),
    })
    const after = await readProposal(req, doc.id)
    return answer({ evaluation, proposal: { status: after.status, statusLabel: StatusLabels[after.status as ProposalStatus] } }, 201)
  }),

  portalEndpoint({ route: 'POST /proposals/:id/resolution' }, async ({ req, body, answer }) => {
    const doc = await readProposal(req, param(req))
    const created = await req.payload.create({ collection: 'resolution-answers', data: { proposal: doc.id, answer: body.answer, comment: body.comment }, depth: 0, ...as(req) })
    return answer({ resolution: created }, 201)
  }),
]
