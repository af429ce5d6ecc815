// The action bar beside 保存 on a proposal's and on a reply's page: a button for each step the
// signed-in person may take now (core/actions.ts, from the transition table, the permissions and
// what waits on whom), each opening a small dialog (cms/components/ActionDialogs.tsx) that says
// what follows. 申请延期 and 审批延期 are the extension request's own button and link
// (cms/components/RequestExtension.tsx), shown here. 验证 lists the commitments as the follow-up form's
// chooser does (cms/endpoints/commitments.ts). On a proposal whose reply is being drafted,
// the draft is one click away.
import { Button } from '@payloadcms/ui'
import { createLocalReq, type Payload, type PayloadRequest, type TypedUser } from 'payload'
import { actionOutlook, ActionLabels, proposalActionsFor, replyActionsFor, supervisionActionsFor, type ActionName } from '../../core/actions'
import { toLocalDate } from '../../core/calendar'
import { correctedFollowUps } from '../../core/commitments'
import { isReturned, type DutyFacts } from '../../core/duties'
import { currentRound, proposerEvaluationOfLatest, sameId } from '../../core/lifecycle'
import { canRequestExtension, canUseAdmin } from '../../core/permissions'
import type { Actor, Reply } from '../../core/types'
import { actorOf, idOf } from '../access/actor'
import { nowISO } from '../lib/clock'
import { loadDutyContext, type DutyContext } from '../lib/derived'
import { loadSigners, replyFromDoc } from '../lib/facts'
import { keyItemOf } from '../lib/supervision'
import { commitmentChoices } from '../endpoints/commitments'
import { ActionButtons, type ActionData, type ActionSpec } from './ActionDialogs'
import { RequestExtension } from './RequestExtension'

type Props = { id?: number | string; payload: Payload; user?: TypedUser | null }

/** Every section's name, by id (few rows). */
async function sectionsOf(req: PayloadRequest) {
  const { docs } = await req.payload.find({ collection: 'sections', pagination: false, depth: 0, sort: 'name', select: { name: true }, overrideAccess: true, req })
  return docs.map((d) => ({ id: d.id, name: d.name }))
}

async function specsOf(req: PayloadRequest, actions: ActionName[], actor: Actor, ctx: DutyContext, reply?: Reply): Promise<ActionSpec[]> {
  const names = new Map((await sectionsOf(req)).map((s) => [String(s.id), s.name]))
  const o = { cal: ctx.calendar, settings: ctx.settings, now: nowISO(), ctx: await loadSigners(req, ctx.facts.replies), sectionName: (id: string | number) => names.get(String(id)) ?? '协办科室' }
  return actions.map((action) => ({ action, label: ActionLabels[action], outlook: actionOutlook(action, actor, ctx.facts, o, reply) }))
}

/** What the dialogs of these steps need to show, read once. */
async function dataFor(req: PayloadRequest, actions: ActionName[], facts: DutyFacts): Promise<ActionData> {
  const data: ActionData = { today: toLocalDate(nowISO()) }
  if (actions.includes('accept') || actions.includes('assign')) {
    data.sections = await sectionsOf(req)
    data.lead = facts.assignment.leadSection ?? null
    data.coSections = facts.assignment.coSections
  }
  if (actions.includes('verify')) {
    data.commitments = commitmentChoices(facts)
    const voided = correctedFollowUps(facts.followUps)
    const standing = facts.followUps.filter((f) => f.kind === 'verification' && f.id != null && !voided.has(String(f.id)))
    if (standing.length) {
      const { docs } = await req.payload.find({ collection: 'follow-ups', where: { id: { in: standing.map((f) => f.id!) } }, pagination: false, depth: 0, select: { title: true }, overrideAccess: true, req })
      const titles = new Map(docs.map((d) => [String(d.id), d.title ?? '']))
      data.verifications = standing.map((f) => ({ id: f.id!, title: titles.get(String(f.id)) ?? '', commitmentId: f.commitmentId ?? null, verified: !!f.verified }))
    }
  }
  if (actions.includes('close')) data.askNoEvaluationReason = !proposerEvaluationOfLatest(facts) && !facts.noEvaluationReason?.trim()
  return data
}

/** On a proposal's page. */
export async function ProposalActionBar({ id, payload, user }: Props) {
  if (id == null || !user) return null
  const actor = actorOf(user)
  if (!canUseAdmin(actor)) return null
  const req = await createLocalReq({ user }, payload)
  // Only on what the person may read (the page itself would not open otherwise).
  const doc = await payload.findByID({ collection: 'proposals', id, depth: 0, overrideAccess: false, user, disableErrors: true, req })
  if (!doc) return null
  const ctx = await loadDutyContext(req, doc.id)
  if (!ctx) return null
  const actions = proposalActionsFor(actor, ctx.facts)
  // The extension request's own button (申请延期, or the note that one waits) and link (审批延期).
  const pending = (ctx.facts.extensionRequests ?? []).some((r) => r.decision === 'pending')
  const extension = actions.includes('requestExtension') || actions.includes('decideExtension') || (pending && canRequestExtension(actor, ctx.facts))
  // …then the 督办 steps: 催办 (the office, leaders), 列为/取消重点督办 (a leader).
  const dialogs: ActionName[] = [...actions.filter((a) => a !== 'requestExtension' && a !== 'decideExtension'), ...supervisionActionsFor(actor, { status: ctx.facts.status, keyItem: keyItemOf(doc) })]
  // The draft in hand of this round, for whoever works on it: its writer's side, its signer, the office.
  const draft = ctx.facts.replies.filter((r) => !r.publishedAt && !r.corrects && r.round === currentRound(ctx.facts)).at(-1)
  const draftState = draft ? (draft.signedOffAt ? '已签发，待公开' : isReturned(draft) ? '已退回修改' : '待签发') : null
  const seesDraft = !!draft && (actor.role === 'office' || (draft.section != null && sameId(draft.section, actor.section)))
  if (dialogs.length === 0 && !extension && !seesDraft) return null
  const [specs, data] = await Promise.all([specsOf(req, dialogs, actor, ctx), dataFor(req, dialogs, ctx.facts)])
  return (
    <div className="action-bar" role="group" aria-label="办理">
      {specs.length > 0 && <ActionButtons collection="proposals" id={doc.id} proposal={doc.id} actions={specs} data={data} />}
      {extension && <RequestExtension id={doc.id} payload={payload} user={user} />}
      {seesDraft && (
        <Button el="link" url={`/admin/collections/replies/${draft!.id}`} buttonStyle="secondary" size="medium" margin={false}>
          答复稿（{draftState}）
        </Button>
      )}
    </div>
  )
}

/** On a reply's page: 签发 / 退回修改 for its signer, 公开 for the office. */
export async function ReplyActionBar({ id, payload, user }: Props) {
  if (id == null || !user) return null
  const actor = actorOf(user)
  if (!canUseAdmin(actor)) return null
  const req = await createLocalReq({ user }, payload)
  const doc = await payload.findByID({ collection: 'replies', id, depth: 0, overrideAccess: false, user, disableErrors: true, req })
  const proposal = idOf(doc?.proposal)
  if (!doc || proposal == null) return null
  const ctx = await loadDutyContext(req, proposal)
  if (!ctx) return null
  const reply = replyFromDoc(doc)
  const actions = replyActionsFor(actor, ctx.facts, reply)
  if (actions.length === 0) return null
  const specs = await specsOf(req, actions, actor, ctx, reply)
  return (
    <div className="action-bar" role="group" aria-label="办理">
      <ActionButtons collection="replies" id={doc.id} proposal={proposal} actions={specs} data={{ today: toLocalDate(nowISO()) }} />
    </div>
  )
}
