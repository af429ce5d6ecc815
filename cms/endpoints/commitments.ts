// GET /api/proposals/:id/commitments — the proposal's live commitments and where each stands
// (core/commitments.ts), for the follow-up form's chooser (cms/components/CommitmentPicker.tsx):
// staff who may read the proposal (Payload's read access, as the signed-in person) get them;
// anyone else 403, an unknown or unreadable proposal 404, as structured JSON.
import type { Endpoint } from 'payload'
import { CommitmentStateLabels, commitmentStatuses } from '../../core/commitments'
import { canUseAdmin } from '../../core/permissions'
import { actorOfReq } from '../access/actor'
import { loadFacts } from '../lib/facts'
import type { ProposalFacts } from '../../core/types'

const json = (body: unknown, status = 200) => Response.json(body, { status, headers: { 'Cache-Control': 'no-store' } })

export interface CommitmentChoice {
  id: string
  text: string
  dueDate: string
  state: 'open' | 'unkept' | 'kept'
  stateLabel: string
  checkedAt: string | null
  /** The verification that stands for it (a correction names it), if any. */
  standing: string | null
}

/** The proposal's live commitments as a chooser lists them (here, and in the action bar's 验证 dialog). */
export const commitmentChoices = (p: Pick<ProposalFacts, 'replies' | 'followUps'>): CommitmentChoice[] =>
  commitmentStatuses(p).map((c) => ({
    id: c.id,
    text: c.text,
    dueDate: c.dueDate,
    state: c.state,
    stateLabel: CommitmentStateLabels[c.state],
    checkedAt: c.checkedAt,
    standing: c.standing == null ? null : String(c.standing),
  }))

export const commitmentsEndpoint: Endpoint = {
  path: '/:id/commitments',
  method: 'get',
  handler: async (req) => {
    if (!canUseAdmin(actorOfReq(req))) return json({ errors: [{ code: 'forbidden', message: '只有工作人员登录后可以查看承诺事项' }] }, 403)
    const id = req.routeParams?.id as string
    const doc = await req.payload.findByID({ collection: 'proposals', id, depth: 0, overrideAccess: false, user: req.user, req, disableErrors: true })
    if (!doc) return json({ errors: [{ code: 'notFound', message: '找不到这件提案，或您无权查看' }] }, 404)
    const commitments = commitmentChoices(await loadFacts(req, doc))
    return json({ commitments })
  },
}
