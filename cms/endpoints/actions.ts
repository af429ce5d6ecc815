// The named steps of the admin's action bar, one endpoint per step:
//   POST /api/proposals/:id/actions/:action   立案 并案 分流 不予立案 拟办 批示 开始办理 协办意见 回访 验证 办结,
//                                             and 督办: 催办, 列为/取消重点督办
//   POST /api/replies/:id/actions/:action     签发 退回修改 公开
// Each checks who is asking (401 nobody signed in; 403 a representative, or a step core does not
// offer this person now: core/actions.ts), reads the body by the step's schema (400, zh-CN, per
// field), then does the step through the Local API as the signed-in person (`user: req.user,
// overrideAccess: false`) in one transaction, so every collection hook and access rule applies as
// for any other save; a refusal rolls everything back and answers the rule's zh-CN message,
// structured: { errors: [{ code, message, fields? }] }.
import { addDataAndFileToRequest, APIError, ValidationError, type CollectionSlug, type Endpoint, type PayloadRequest } from 'payload'
import { inTransaction } from '../lib/inTransaction'
import {
  ActionBodies,
  ActionLabels,
  isEndpointAction,
  isProposalAction,
  isReplyAction,
  isSupervisionAction,
  mayTakeProposalAction,
  mayTakeReplyAction,
  mayTakeSupervisionAction,
  ScreeningActions,
  type ActionBody,
  type EndpointAction,
} from '../../core/actions'
import { toLocalDate } from '../../core/calendar'
import { sameId } from '../../core/lifecycle'
import { canUseAdmin } from '../../core/permissions'
import { checkInput } from '../../core/portal'
import { actorOfReq, docId, idOf } from '../access/actor'
import { nowISO } from '../lib/clock'
import { loadDutyContext } from '../lib/derived'
import { replyFromDoc } from '../lib/facts'
import { isValidId } from '../lib/inputCheck'
import { RuleError } from '../lib/refuse'
import { keyItemOf } from '../lib/supervision'
import { UrgeAction } from '../../core/supervision'
import { appendEvent } from '../collections/Proposals/hooks/recordEvent'

type Id = number | string

export interface ActionError {
  code: 'unauthenticated' | 'forbidden' | 'notFound' | 'invalid' | 'refused' | 'server'
  message: string
  /** Messages by the step's own field names (reason, leadSection, text…). */
  fields?: Record<string, string>
}

const json = (body: unknown, status = 200) => Response.json(body, { status, headers: { 'Cache-Control': 'no-store' } })
const failure = (status: number, error: ActionError) => json({ errors: [error] }, status)

/** What the person is told once the step is done. */
const Done: Record<EndpointAction, string> = {
  accept: '已立案，等待街道领导批示',
  merge: '已并案',
  redirect: '已分流',
  notAccept: '已决定不予立案',
  assign: '已拟办：主办、协办科室已指定',
  instruct: '批示已保存',
  takeOn: '已开始办理',
  coOpinion: '协办意见已提交',
  followUp: '回访已记录',
  verify: '验证已记录',
  close: '已办结',
  signOff: '已签发，等待代表工作室公开',
  returnForRevision: '已退回经办人修改',
  publish: '答复已公开',
  urge: '已催办，记入办理记录',
  markKey: '已列为重点督办',
  unmarkKey: '已取消重点督办',
}

/** A collection field a rule names, as the step's own field (else the message is the dialog's, not a field's). */
const FieldOfPath: Record<string, string> = {
  'screening.reason': 'reason',
  'screening.mergedInto': 'mergedInto',
  'assignment.leadSection': 'leadSection',
  'assignment.coSections': 'coSections',
  newInstruction: 'text',
  returnForRevision: 'reason',
}

function stepField(action: EndpointAction, path: string | undefined): string | null {
  if (!path) return null
  const field = FieldOfPath[path] ?? path.split('.').at(-1)!
  return field in ActionBodies[action].shape ? field : null
}

/** A refusal from the Local API (a rule's RuleError, a field's ValidationError, access) as the step's structured error. */
function refusalOf(action: EndpointAction, e: unknown): { status: number; error: ActionError } | null {
  if (e instanceof ValidationError || e instanceof RuleError || (e instanceof APIError && e.status < 500)) {
    const status = e instanceof ValidationError ? 400 : e.status
    if (status === 403) return { status, error: { code: 'forbidden', message: '您没有权限进行这项操作（可能情况已有变化，请刷新页面）' } }
    if (status === 404) return { status, error: { code: 'notFound', message: '找不到要办理的记录（可能已被删除），请刷新页面' } }
    const listed = ((e.data as { errors?: { message?: string; path?: string }[] } | undefined)?.errors ?? []).filter((x) => x?.message)
    const fields: Record<string, string> = {}
    for (const x of listed) {
      const f = stepField(action, x.path)
      if (f && !fields[f]) fields[f] = x.message!
    }
    const message = listed[0]?.message ?? e.message
    return { status: 400, error: { code: 'refused', message, ...(Object.keys(fields).length ? { fields } : {}) } }
  }
  return null
}

class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly error: ActionError,
  ) {
    super(error.message)
  }
}
const refuse = (status: number, error: ActionError): never => {
  throw new Refusal(status, error)
}

/** The signed-in staff member, or the refusal: 401 nobody signed in, 403 anyone who does not use the admin. */
function staffOf(req: PayloadRequest) {
  if (!req.user) refuse(401, { code: 'unauthenticated', message: '请先登录（登录已过期或已退出）' })
  const actor = actorOfReq(req)
  if (!canUseAdmin(actor)) refuse(403, { code: 'forbidden', message: '只有工作人员登录后台后可以办理' })
  return actor
}

async function bodyOf<A extends EndpointAction>(req: PayloadRequest, action: A): Promise<ActionBody<A>> {
  try {
    await addDataAndFileToRequest(req)
  } catch {
    refuse(400, { code: 'invalid', message: '提交的内容格式不对，请刷新页面后重试' })
  }
  const checked = checkInput(ActionBodies[action], req.data ?? {})
  if (!checked.ok) refuse(400, { code: 'invalid', message: checked.error.message, ...(checked.error.fields ? { fields: checked.error.fields } : {}) })
  return (checked as { data: ActionBody<A> }).data
}

/** A date a person picked (China-local YYYY-MM-DD) as the record's time: now when it is today, else that day's start. */
const pickedTime = (date: string | null | undefined): string | undefined =>
  !date || date === toLocalDate(nowISO()) ? undefined : new Date(`${date}T00:00:00+08:00`).toISOString()

/** The sections chosen exist (a missing one would otherwise surface as the database's error). */
async function checkSections(req: PayloadRequest, ids: Id[], field: string) {
  if (ids.length === 0) return
  const found = await req.payload.count({ collection: 'sections', where: { id: { in: ids } }, overrideAccess: true, req })
  if (found.totalDocs !== new Set(ids.map(String)).size) refuse(400, { code: 'invalid', message: '所选科室不存在，请刷新页面后重新选择', fields: { [field]: '所选科室不存在' } })
}

type Ctx = { req: PayloadRequest; id: Id }

/** An id as the database keys its documents (a form sends "12"; SQLite and PostgreSQL key by number). */
const keyOf = (req: PayloadRequest, v: Id): Id => (req.payload.db.defaultIDType === 'number' ? Number(v) : String(v))
const keysOf = (req: PayloadRequest, vs: Id[]): Id[] => [...new Set(vs.map((v) => keyOf(req, v)))]

const as = (req: PayloadRequest) => ({ req, user: req.user, overrideAccess: false as const, depth: 0 })
const updateProposal = ({ req, id }: Ctx, data: Record<string, unknown>) => req.payload.update({ collection: 'proposals', id, data, ...as(req) })
const createRecord = ({ req }: Ctx, collection: CollectionSlug, data: Record<string, unknown>) => req.payload.create({ collection, data, ...as(req) } as Parameters<PayloadRequest['payload']['create']>[0])

/** Each proposal step, as the saves a person would make in the admin, with the same data. */
const ProposalSteps: { [A in Exclude<EndpointAction, 'signOff' | 'returnForRevision' | 'publish'>]: (c: Ctx, body: ActionBody<A>) => Promise<unknown> } = {
  // 立案 and 拟办 in one step: the screening save, then the assignment save (the office names sections once accepted).
  accept: async (c, b) => {
    const lead = keyOf(c.req, b.leadSection!)
    const coSections = keysOf(c.req, b.coSections.filter((s) => !sameId(s, lead)))
    await checkSections(c.req, [lead, ...coSections], 'leadSection')
    await updateProposal(c, { status: 'accepted', screening: { decision: 'accepted', reason: b.reason } })
    await updateProposal(c, { assignment: { leadSection: lead, coSections } })
  },
  merge: async (c, b) => {
    if (sameId(b.mergedInto, c.id)) refuse(400, { code: 'invalid', message: '不能并入本提案自己', fields: { mergedInto: '请选择另一件提案' } })
    const target = await c.req.payload.findByID({ collection: 'proposals', id: keyOf(c.req, b.mergedInto!), ...as(c.req), disableErrors: true })
    if (!target) refuse(400, { code: 'invalid', message: '找不到要并入的提案', fields: { mergedInto: '找不到这件提案' } })
    await updateProposal(c, { status: 'merged', screening: { decision: 'merged', reason: b.reason, mergedInto: target!.id } })
  },
  redirect: (c, b) => updateProposal(c, { status: ScreeningActions.redirect, screening: { decision: ScreeningActions.redirect, reason: b.reason } }),
  notAccept: (c, b) => updateProposal(c, { status: ScreeningActions.notAccept, screening: { decision: ScreeningActions.notAccept, reason: b.reason } }),
  assign: async (c, b) => {
    const lead = keyOf(c.req, b.leadSection!)
    const coSections = keysOf(c.req, b.coSections.filter((s) => !sameId(s, lead)))
    await checkSections(c.req, [lead, ...coSections], 'leadSection')
    await updateProposal(c, { assignment: { leadSection: lead, coSections } })
  },
  // The 批示 box of the form (a leader's instruction; an accepted item is instructed by it).
  instruct: (c, b) => updateProposal(c, { newInstruction: b.text }),
  takeOn: (c) => updateProposal(c, { status: 'inProgress' }),
  coOpinion: (c, b) => createRecord(c, 'co-opinions', { proposal: c.id, text: b.text }),
  followUp: (c, b) => createRecord(c, 'follow-ups', { proposal: c.id, kind: b.kind, notes: b.notes, ...(pickedTime(b.at) ? { at: pickedTime(b.at) } : {}) }),
  verify: (c, b) =>
    createRecord(c, 'follow-ups', {
      proposal: c.id,
      kind: 'verification',
      notes: b.notes,
      commitmentId: b.commitmentId ?? null,
      verified: b.verified,
      ...(b.corrects != null ? { corrects: keyOf(c.req, b.corrects), correctionNote: b.correctionNote ?? null } : {}),
      ...(pickedTime(b.at) ? { at: pickedTime(b.at) } : {}),
    }),
  close: (c, b) => updateProposal(c, { status: 'closed', ...(b.noEvaluationReason?.trim() ? { noEvaluationReason: b.noEvaluationReason.trim() } : {}) }),
  // 催办 is an event of the proposal's log, which nobody writes through the API: the step (offered
  // by core canUrge, checked above) appends it as the system, in this request's transaction.
  urge: ({ req, id }, b) => appendEvent(req, id, { action: UrgeAction, note: b.note?.trim() || null, notePublic: !!b.note?.trim() && b.notePublic }),
  // The mark is the proposal's field, saved as the person: its access (core canMarkKeyItem) decides.
  markKey: (c) => updateProposal(c, { keyItem: true }),
  unmarkKey: (c) => updateProposal(c, { keyItem: false }),
}

const ReplySteps: { [A in 'signOff' | 'returnForRevision' | 'publish']: (c: Ctx, body: ActionBody<A>) => Promise<unknown> } = {
  signOff: ({ req, id }) => req.payload.update({ collection: 'replies', id, data: { signOff: true } as Record<string, unknown>, ...as(req) }),
  returnForRevision: ({ req, id }, b) => req.payload.update({ collection: 'replies', id, data: { returnForRevision: b.reason } as Record<string, unknown>, ...as(req) }),
  publish: ({ req, id }) => req.payload.update({ collection: 'replies', id, data: { publish: true } as Record<string, unknown>, ...as(req) }),
}

/** The common frame: who, which record, which step, its body, one transaction, the answer. */
function actionEndpoint(collection: 'proposals' | 'replies'): Endpoint {
  return {
    path: '/:id/actions/:action',
    method: 'post',
    handler: async (req) => {
      const action = String(req.routeParams?.action ?? '')
      try {
        const actor = staffOf(req)
        const id = String(req.routeParams?.id ?? '')
        const known = collection === 'proposals' ? isProposalAction(action) || isSupervisionAction(action) : isReplyAction(action)
        if (!known || !isEndpointAction(action)) return failure(404, { code: 'notFound', message: '没有这项办理操作' })
        const unseen = collection === 'proposals' ? '找不到这件提案，或您无权查看' : '找不到这份答复，或您无权查看'
        if (!isValidId(req.payload, id)) return failure(404, { code: 'notFound', message: unseen })
        // Read as the person: what they may not read does not exist for them.
        const doc = await req.payload.findByID({ collection, id, depth: 0, user: req.user, overrideAccess: false, disableErrors: true, req })
        if (!doc) return failure(404, { code: 'notFound', message: unseen })
        const proposalId = collection === 'proposals' ? doc.id : idOf((doc as { proposal?: unknown }).proposal)
        const ctx = proposalId != null ? await loadDutyContext(req, proposalId) : null
        if (!ctx) return failure(404, { code: 'notFound', message: unseen })
        const offered =
          collection === 'proposals'
            ? isSupervisionAction(action)
              ? mayTakeSupervisionAction(action, actor, { status: ctx.facts.status, keyItem: keyItemOf(ctx.doc) })
              : isProposalAction(action) && mayTakeProposalAction(action, actor, ctx.facts)
            : isReplyAction(action) && mayTakeReplyAction(action, actor, ctx.facts, replyFromDoc(doc as Parameters<typeof replyFromDoc>[0]))
        if (!offered) return failure(403, { code: 'forbidden', message: `您现在不能办理“${ActionLabels[action]}”（可能情况已有变化，请刷新页面）` })
        const body = await bodyOf(req, action)
        const steps = (collection === 'proposals' ? ProposalSteps : ReplySteps) as Record<string, (c: Ctx, b: unknown) => Promise<unknown>>
        const step = steps[action]
        await inTransaction(req, () => step({ req, id: doc.id }, body))
        const after = await req.payload.findByID({ collection: 'proposals', id: proposalId!, depth: 0, overrideAccess: true, select: { status: true }, req })
        return json({ message: Done[action], proposal: { id: docId(proposalId!), status: after.status } })
      } catch (e) {
        if (e instanceof Refusal) return failure(e.status, e.error)
        const refusal = isEndpointAction(action) ? refusalOf(action, e) : null
        if (refusal) return failure(refusal.status, refusal.error)
        req.payload.logger.error({ err: e, msg: `办理操作失败：${collection} ${action}` })
        return failure(500, { code: 'server', message: '服务器出错，未能办理；您填写的内容仍在，请稍后再试' })
      }
    },
  }
}

export const proposalActionsEndpoint = actionEndpoint('proposals')
export const replyActionsEndpoint = actionEndpoint('replies')
