// The named steps (办理操作) a signed-in person may take on a proposal or a reply now: the admin's
// action bar offers one button for each, and the action endpoints refuse any other. Decided here,
// from the transition table (core/lifecycle.ts nextStates), the permissions (core/permissions.ts)
// and what waits on whom (core/duties.ts); nothing else decides. `actionOutlook` words what
// follows each step (the deadline it starts, in Chinese dates with the working days left).
import { z } from 'zod'
import { chineseDate, isValidLocalDate, toLocalDate, type WorkingCalendar } from './calendar'
import { currentDeadline, dueText, replyDeadline } from './deadlines'
import { coOpinionsOwed, isReturned, signOffWait, type DutyFacts } from './duties'
import { liveCommitments } from './commitments'
import { canTransition, currentRound, nextStates, sameId, StatusLabels, type TransitionContext } from './lifecycle'
import {
  canApproveExtension,
  canAssign,
  canDecideExtension,
  canDraftReply,
  canInstruct,
  canMarkKeyItem,
  canPublishReply,
  canRecordFollowUp,
  canRequestExtension,
  canSignOffReply,
  canUrge,
  canWriteCoOpinion,
} from './permissions'
import { requiredText, strictBody } from './portal'
import { KeyItemLabel, urgeLine } from './supervision'
import type { Actor, DeadlineSettings, Reply, ScreeningDecision } from './types'

/** The steps taken on a proposal's page, in the order the bar shows them. */
export const ProposalActions = [
  'accept',
  'merge',
  'redirect',
  'notAccept',
  'assign',
  'instruct',
  'takeOn',
  'coOpinion',
  'requestExtension',
  'decideExtension',
  'draftReply',
  'followUp',
  'verify',
  'close',
] as const
export type ProposalAction = (typeof ProposalActions)[number]

/** The steps taken on a reply's page. */
export const ReplyActions = ['signOff', 'returnForRevision', 'publish'] as const
export type ReplyAction = (typeof ReplyActions)[number]

/**
 * 督办 steps on a proposal (its page's action bar and the 督办 board's rows): 催办 by the office and
 * leaders, 重点督办 marked and cleared by a leader, on open items (core/permissions.ts canUrge, canMarkKeyItem).
 */
export const SupervisionActions = ['urge', 'markKey', 'unmarkKey'] as const
export type SupervisionAction = (typeof SupervisionActions)[number]

export type ActionName = ProposalAction | ReplyAction | SupervisionAction

/** The button's words (zh-CN). */
export const ActionLabels: Record<ActionName, string> = {
  accept: '立案',
  merge: '并案',
  redirect: '分流',
  notAccept: '不予立案',
  assign: '拟办',
  instruct: '批示',
  takeOn: '开始办理',
  coOpinion: '提出协办意见',
  requestExtension: '申请延期',
  decideExtension: '审批延期',
  draftReply: '起草答复',
  followUp: '回访',
  verify: '验证',
  close: '办结',
  signOff: '签发',
  returnForRevision: '退回修改',
  publish: '公开',
  urge: '催办',
  markKey: `列为${KeyItemLabel}`,
  unmarkKey: `取消${KeyItemLabel}`,
}

/** What each screening step decides (甄别结论). */
export const ScreeningActions = { accept: 'accepted', merge: 'merged', redirect: 'redirected', notAccept: 'notAccepted' } as const satisfies Partial<Record<ProposalAction, ScreeningDecision>>
type ScreeningAction = keyof typeof ScreeningActions
export const isScreeningAction = (a: string): a is ScreeningAction => a in ScreeningActions

export const isProposalAction = (a: string): a is ProposalAction => (ProposalActions as readonly string[]).includes(a)
export const isReplyAction = (a: string): a is ReplyAction => (ReplyActions as readonly string[]).includes(a)
export const isSupervisionAction = (a: string): a is SupervisionAction => (SupervisionActions as readonly string[]).includes(a)

/** Replies of the current round not yet published and not corrections: the drafts in hand. */
const draftsInHand = (p: DutyFacts) => p.replies.filter((r) => !r.publishedAt && !r.corrects && r.round === currentRound(p))

/** A reply of the actor's side (their section, or the office for a screened-out item) is being drafted: it is edited, not begun again. */
export const hasDraftInHand = (a: Actor, p: DutyFacts): boolean =>
  draftsInHand(p).some((r) => (r.section == null ? a.role === 'office' : sameId(r.section, a.section)))

/** An answer is out: a reply, or a screened-out item's explanation, is published. */
const answered = (p: DutyFacts): boolean => p.replies.some((r) => r.publishedAt)

const pendingExtension = (p: DutyFacts) => (p.extensionRequests ?? []).find((r) => r.decision === 'pending')

/** Whether `actor` may take `action` on the proposal now (the bar's button; the endpoint's check). */
export function mayTakeProposalAction(action: ProposalAction, actor: Actor, p: DutyFacts): boolean {
  switch (action) {
    case 'accept':
    case 'merge':
    case 'redirect':
    case 'notAccept':
      return nextStates(p.status, actor, p).includes(ScreeningActions[action])
    case 'assign':
      return canAssign(actor, p)
    case 'instruct':
      return canInstruct(actor, p)
    case 'takeOn':
      return nextStates(p.status, actor, p).includes('inProgress')
    case 'coOpinion':
      return canWriteCoOpinion(actor, p)
    case 'requestExtension':
      return canRequestExtension(actor, p) && !pendingExtension(p)
    case 'decideExtension': {
      const pending = pendingExtension(p)
      return !!pending && canDecideExtension(actor, pending) && canApproveExtension(actor, p)
    }
    case 'draftReply':
      return canDraftReply(actor, p) && !hasDraftInHand(actor, p)
    case 'followUp':
      return canRecordFollowUp(actor, p) && answered(p)
    case 'verify':
      return canRecordFollowUp(actor, p) && liveCommitments(p).length > 0
    case 'close':
      return nextStates(p.status, actor, p).includes('closed')
  }
}

/** Every step `actor` may take on the proposal now, in the bar's order. */
export const proposalActionsFor = (actor: Actor, p: DutyFacts): ProposalAction[] => ProposalActions.filter((a) => mayTakeProposalAction(a, actor, p))

/** What the 督办 steps read of a proposal: its status, and whether it is marked 重点督办 now. */
export type SupervisionFacts = Pick<DutyFacts, 'status'> & { keyItem?: boolean | null }

/** Whether `actor` may take a 督办 step on the proposal now: 催办 on an open item; the mark set when unset, cleared when set. */
export function mayTakeSupervisionAction(action: SupervisionAction, actor: Actor, p: SupervisionFacts): boolean {
  switch (action) {
    case 'urge':
      return canUrge(actor, p)
    case 'markKey':
      return canMarkKeyItem(actor, p) && !p.keyItem
    case 'unmarkKey':
      return canMarkKeyItem(actor, p) && !!p.keyItem
  }
}

/** Every 督办 step `actor` may take on the proposal now, in the bar's order. */
export const supervisionActionsFor = (actor: Actor, p: SupervisionFacts): SupervisionAction[] => SupervisionActions.filter((a) => mayTakeSupervisionAction(a, actor, p))

/** Whether `actor` may take `action` on reply `r` of the proposal now. */
export function mayTakeReplyAction(action: ReplyAction, actor: Actor, p: DutyFacts, r: Reply): boolean {
  switch (action) {
    case 'signOff':
      return canSignOffReply(actor, p, r)
    case 'returnForRevision':
      // Returned to its writer in the lead section (the office does not return its own explanation to itself), once per revision.
      return canSignOffReply(actor, p, r) && r.section != null && !isReturned(r)
    case 'publish':
      return canPublishReply(actor, r)
  }
}

export const replyActionsFor = (actor: Actor, p: DutyFacts, r: Reply): ReplyAction[] => ReplyActions.filter((a) => mayTakeReplyAction(a, actor, p, r))

/**
 * The full edit form (status and step fields editable) is only for the admin, and for the office
 * typing in a paper proposal (a new one, or a draft the office entered: the office never reads a
 * representative's draft). Everyone else acts through the named steps, and sees the status and
 * stamped fields as information.
 */
export const usesFullForm = (a: Actor, p: { status?: string | null; enteredBy?: string | null } | null | undefined): boolean =>
  a.role === 'admin' || (a.role === 'office' && (p?.status ?? 'draft') === 'draft' && p?.enteredBy !== 'representative')

/** "2026年12月30日（剩 21 个工作日）". */
export const dueWords = (due: string, now: string, cal: WorkingCalendar): string => `${chineseDate(due)}（${dueText(due, now, cal)}）`

export interface OutlookContext {
  cal: WorkingCalendar
  settings: DeadlineSettings
  /** ISO timestamp. */
  now: string
  /** Who signed off each reply (the closing rule needs it). */
  ctx?: TransitionContext
  /** A section's name, for the co-sections awaited before a sign-off. */
  sectionName?: (id: string | number) => string
}

/** What follows a 催办, for its dialog (on the proposal's bar and on the 督办 board's rows). */
export const urgeOutlook = (actor: Actor, now: string): string[] => [
  `记入办理记录；公开网站的办理过程显示“${urgeLine(actor.role, now)}”。`,
  '说明只在勾选“公开说明”时在公开网站显示，否则只有工作人员看到。',
]

const reasonOrNull = (r: { ok: true } | { ok: false; reason: string }) => (r.ok ? null : r.reason)

/**
 * What follows the step, in zh-CN lines for its dialog: the deadline it starts or keeps (Chinese
 * date and working days left), or why it cannot be taken yet as things stand.
 */
export function actionOutlook(action: ActionName, actor: Actor, p: DutyFacts, o: OutlookContext, reply?: Reply): string[] {
  const { cal, settings: s, now } = o
  const today = toLocalDate(now)
  const inForce = currentDeadline(p, cal, s)
  const instructionDue = cal.addWorkingDays(today, s.instructionWorkingDays)
  switch (action) {
    case 'accept':
      return [
        `批示期限：${dueWords(instructionDue, now, cal)}`,
        `街道领导批示即正式交办，答复期限自批示之日起算（${s.replyMonths} 个月，遇节假日顺延）。`,
      ]
    case 'merge':
    case 'redirect':
    case 'notAccept':
      return [
        `批示期限：${dueWords(instructionDue, now, cal)}`,
        `向代表书面说明期限：${dueWords(cal.addWorkingDays(today, s.explanationWorkingDays), now, cal)}`,
      ]
    case 'assign':
      return p.assignment.assignedAt
        ? [`已交办，答复期限不变：${dueWords(inForce?.due ?? p.assignment.deadline ?? today, now, cal)}`]
        : ['街道领导批示即正式交办，答复期限自批示之日起算。']
    case 'instruct': {
      if (p.status !== 'accepted') return ['批示记入办理记录，不能修改或删除。']
      if (p.assignment.leadSection == null) return ['尚未拟办：代表工作室须先指定主办科室，才能批示交办。']
      return [`答复期限：${dueWords(replyDeadline(today, cal, s), now, cal)}`, '批示即交办，批示记入办理记录，不能修改或删除。']
    }
    case 'takeOn':
    case 'draftReply':
    case 'requestExtension':
      return inForce ? [`${inForce.stage === 'explanation' ? '说明期限' : '答复期限'}：${dueWords(inForce.due, now, cal)}`] : []
    case 'coOpinion': {
      const owed = coOpinionsOwed(p, cal, s).find((x) => sameId(x.section, actor.section))
      return owed ? [`协办意见期限：${dueWords(owed.due, now, cal)}`, '主办科室起草答复时看到您的意见。'] : ['主办科室起草答复时看到您的意见。']
    }
    case 'decideExtension':
      return inForce ? [`现在的答复期限：${dueWords(inForce.due, now, cal)}`] : []
    case 'followUp':
      return ['回访情况记入内部记录，不在公开网站显示。']
    case 'verify':
      return ['验证结论（承诺是否兑现）在公开网站显示；录错的结论只能另记一条更正。']
    case 'close': {
      const why = reasonOrNull(canTransition(p.status, 'closed', actor, p, o.ctx ?? {}))
      return why ? [`现在还不能办结：${why}`] : ['办结后提案不再办理，办理记录在公开网站显示。']
    }
    case 'signOff': {
      const wait = reply ? signOffWait(p, reply, cal, s, today, o.sectionName ?? (() => '协办科室')) : null
      return wait ? [wait] : ['签发时自动编文号，之后由代表工作室公开。']
    }
    case 'returnForRevision':
      return ['退回后，经办人在工作台“退回修改”中看到理由；修改后再交您签发。']
    case 'publish': {
      const lines = ['公开后代表在门户网站看到答复，公开网站同时显示。']
      if (reply && !reply.corrects && (p.status === 'inProgress' || p.status === 'rehandling')) lines.unshift(`提案状态改为“${StatusLabels.replied}”。`)
      lines.push(`代表评价期限：${dueWords(cal.addWorkingDays(today, s.evaluationWorkingDays), now, cal)}`)
      return lines
    }
    case 'urge':
      return urgeOutlook(actor, now)
    case 'markKey':
      return [`${KeyItemLabel}事项在督办台排在前面，到期提醒更早、更密，逾期更早上报。`, `公开网站显示“${KeyItemLabel}”。`]
    case 'unmarkKey':
      return ['取消后按一般事项督办。', `公开网站不再显示“${KeyItemLabel}”。`]
  }
}

// ── What each step's request carries (the action endpoints check bodies with these; zh-CN messages) ──

const id = z.union([z.number().int().positive(), z.string().regex(/^[1-9]\d{0,9}$/)], { error: '编号无效' })
const reason = requiredText('理由', 2000)
const optionalDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '请按 2026-12-30 的格式填写日期')
  .refine(isValidLocalDate, '请填写一个存在的日期')
  .optional()
  .nullable()
const sections = { leadSection: id.nullable().optional(), coSections: z.array(id).max(20, '协办科室太多').default([]) }
const leadRequired = (v: { leadSection?: unknown }, ctx: z.RefinementCtx) => {
  if (v.leadSection == null) ctx.addIssue({ code: 'custom', path: ['leadSection'], message: '请选择主办科室' })
}

export const ActionBodies = {
  accept: strictBody({ reason, ...sections }).superRefine(leadRequired),
  merge: strictBody({ reason, mergedInto: id.nullable().optional() }).superRefine((v, ctx) => {
    if (v.mergedInto == null) ctx.addIssue({ code: 'custom', path: ['mergedInto'], message: '请选择并入的提案' })
  }),
  redirect: strictBody({ reason }),
  notAccept: strictBody({ reason }),
  assign: strictBody(sections).superRefine(leadRequired),
  instruct: strictBody({ text: requiredText('批示内容', 2000) }),
  takeOn: strictBody({}),
  coOpinion: strictBody({ text: requiredText('协办意见', 5000) }),
  followUp: strictBody({ kind: z.enum(['visit', 'call'], { error: '请选择上门回访或电话回访' }), at: optionalDate, notes: requiredText('回访情况', 5000) }),
  verify: strictBody({
    commitmentId: z.string().max(100).optional().nullable(),
    verified: z.boolean({ error: '请选择承诺是否兑现' }),
    at: optionalDate,
    notes: requiredText('验证情况', 5000),
    corrects: id.nullable().optional(),
    correctionNote: z.string().max(500, '更正说明不能超过 500 个字').optional().nullable(),
  }),
  close: strictBody({ noEvaluationReason: z.string().max(2000, '未评价原因不能超过 2000 个字').optional().nullable() }),
  signOff: strictBody({}),
  returnForRevision: strictBody({ reason }),
  publish: strictBody({}),
  // 催办: a note (optional) and whether it is public; a public note needs words.
  urge: strictBody({
    note: z.string().max(2000, '催办说明不能超过 2000 个字').optional().nullable(),
    notePublic: z.boolean({ error: '请选择是否公开说明' }).optional().default(false),
  }).superRefine((v, ctx) => {
    if (v.notePublic && !v.note?.trim()) ctx.addIssue({ code: 'custom', path: ['note'], message: '勾选了“公开说明”，请填写说明' })
  }),
  markKey: strictBody({}),
  unmarkKey: strictBody({}),
} as const satisfies Partial<Record<ActionName, z.ZodType>>

export type ActionBody<A extends keyof typeof ActionBodies> = z.infer<(typeof ActionBodies)[A]>
/** The steps whose dialog saves through an action endpoint (申请延期, 审批延期 and 起草答复 save through their own collections' forms). */
export type EndpointAction = keyof typeof ActionBodies
export const isEndpointAction = (a: string): a is EndpointAction => a in ActionBodies
