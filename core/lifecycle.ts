// The proposal lifecycle: one transition table, its invariants, and the zh-CN reasons a step is refused.
import { openCommitments } from './commitments'
import { evaluationOfLatestReply, latestReply, publishedReplies } from './proposalFacts'
import { ScreeningDecisions, type Actor, type ProposalFacts, type ProposalStatus, type Reply, type Role, type ScreeningDecision } from './types'

/** At most this many rehandling rounds after a 不满意 evaluation. */
export const MAX_REHANDLING_ROUNDS = 1

export const StatusLabels: Record<ProposalStatus, string> = {
  draft: '草稿',
  submitted: '已提交待甄别',
  accepted: '已立案待批示',
  merged: '已并案',
  redirected: '已依法分流',
  notAccepted: '不予立案',
  instructed: '已批示交办',
  inProgress: '办理中',
  replied: '已答复',
  evaluated: '已评价',
  rehandling: '重新办理中',
  closed: '已办结',
}

export const RoleLabels: Record<Role, string> = {
  admin: '系统管理员',
  office: '代表工作室',
  leader: '街道领导',
  sectionStaff: '科室经办人',
  sectionHead: '科室负责人',
  representative: '居民代表',
  public: '公众',
}

// ── Status groups ────────────────────────────────────────────────────────────────────────────
// Every list of statuses that stands for one idea is written down here, once, with its meaning;
// everything else (core, the CMS, the site, the portal) names the group. The phases partition the
// statuses (core/statusGroups.test.ts checks every status is in exactly one).

type Statuses = readonly ProposalStatus[]
const union = <A extends Statuses, B extends Statuses>(a: A, b: B) => [...a, ...b] as const

/** Phase: not yet screened by the office (待甄别; private to its people and staff: residents write neighbours' names and numbers). */
export const UnscreenedStatuses = ['draft', 'submitted'] as const satisfies ProposalStatus[]
/** Phase: accepted (立案), waiting for the leader's 批示, which is the 交办. */
export const AwaitingInstructionStatuses = ['accepted'] as const satisfies ProposalStatus[]
/** Phase: screened out (未立案: 并案, 依法分流, 不予立案); instructed too (件件有批示), explained to the proposer in writing, then closed. */
export const ScreenedOutStatuses = ['merged', 'redirected', 'notAccepted'] as const satisfies ProposalStatus[]
/** Phase: being handled (交办 done): the lead section works on the current round's answer; the reply clock runs. */
export const HandlingStatuses = ['instructed', 'inProgress', 'rehandling'] as const satisfies ProposalStatus[]
/** Phase: the current round's answer is published and the item is open: evaluated, answered (问题是否已解决？), followed up. */
export const RepliedStatuses = ['replied', 'evaluated'] as const satisfies ProposalStatus[]
/** Phase: 办结. */
export const ClosedStatuses = ['closed'] as const satisfies ProposalStatus[]

/** The phases, in lifecycle order; each status is in exactly one. */
export const StatusPhases = {
  unscreened: UnscreenedStatuses,
  awaitingInstruction: AwaitingInstructionStatuses,
  screenedOut: ScreenedOutStatuses,
  handling: HandlingStatuses,
  replied: RepliedStatuses,
  closed: ClosedStatuses,
} as const
export type StatusPhase = keyof typeof StatusPhases

/** Of the handling phase, those in which the lead section writes the answer: its publication is the 已答复 step. */
export const AnsweringStatuses = ['inProgress', 'rehandling'] as const satisfies ProposalStatus[]
/** The answer is out or the item closed (办结): a reply is then only corrected by a new one; the public badge shows it done. */
export const AnsweredStatuses = union(RepliedStatuses, ClosedStatuses)
/** A published reply (or the office's written explanation of a screened-out item) may be evaluated. */
export const EvaluableStatuses = union(RepliedStatuses, ScreenedOutStatuses)
/** An evaluation is due or was: the office may record why none came (未评价原因). */
export const EvaluationDueStatuses = union(EvaluableStatuses, ClosedStatuses)
/** 交办 done, or closed: the reply deadline and its extensions apply. */
export const AssignedStatuses = union(HandlingStatuses, AnsweredStatuses)
/** Accepted (立案) and on: the assignment (主办、协办科室 and the reply deadline) applies. Not before screening, not screened out. */
export const AcceptedStatuses = union(AwaitingInstructionStatuses, AssignedStatuses)
/** From 立案 until the lead section takes the item on (办理中): the office names, or changes, the lead and co-sections. */
export const AssignableStatuses = union(AwaitingInstructionStatuses, ['instructed'] as const)
/** Screened and not closed: a leader may still instruct (件件有批示), and the office records follow-ups. */
export const OpenScreenedStatuses = [...AwaitingInstructionStatuses, ...ScreenedOutStatuses, ...HandlingStatuses, ...RepliedStatuses] as const
/** Submitted and not closed: open items (督办) — the office and leaders may 催办 them, a leader may mark them 重点督办. */
export const SupervisedStatuses = ['submitted', ...OpenScreenedStatuses] as const

/** Whether `status` is one of `group` (any status string, e.g. from a form, is accepted and simply not found). */
export const isIn = (group: Statuses, status: string | null | undefined): boolean =>
  status != null && (group as readonly string[]).includes(status)

export const isScreened = (status: ProposalStatus): boolean => !isIn(UnscreenedStatuses, status)

export const isScreenedOut = (status: ProposalStatus): boolean => isIn(ScreenedOutStatuses, status)

export const sameId = (a: unknown, b: unknown): boolean => a != null && b != null && String(a) === String(b)

export const isProposerOrCoSigner = (actor: Actor, p: Pick<ProposalFacts, 'proposer' | 'coSigners'>): boolean =>
  actor.role === 'representative' &&
  (sameId(actor.id, p.proposer) || p.coSigners.some((c) => sameId(c, actor.id)))

export const isProposer = (actor: Actor, p: Pick<ProposalFacts, 'proposer'>): boolean =>
  actor.role === 'representative' && sameId(actor.id, p.proposer)

export const isOfLeadSection = (actor: Actor, p: Pick<ProposalFacts, 'assignment'>): boolean =>
  (actor.role === 'sectionStaff' || actor.role === 'sectionHead') && sameId(actor.section, p.assignment.leadSection)

export const isOfCoSection = (actor: Actor, p: Pick<ProposalFacts, 'assignment'>): boolean =>
  (actor.role === 'sectionStaff' || actor.role === 'sectionHead') &&
  p.assignment.coSections.some((s) => sameId(s, actor.section))

/** The round the lead section is answering now: 1, then 2 after the first rehandling, … */
export const currentRound = (p: Pick<ProposalFacts, 'rehandlings'>): number => p.rehandlings.length + 1

const isSignedOff = (r: Reply): boolean => r.signedOffBy != null && !!r.signedOffAt


/**
 * The reply round a representative's "问题是否已解决？" answer belongs to: the number of published
 * replies that are not corrections of an earlier one (a correction restates a round, it is not a new one).
 */
export const answerRound = (replies: readonly { publishedAt?: string | null; corrects?: unknown }[]): number =>
  replies.filter((r) => r.publishedAt && r.corrects == null).length

export const latestPublishedReply = (p: Pick<ProposalFacts, 'replies'>): Reply | undefined => latestReply(p.replies)

/** A reply the rules accept as the answer: signed off by the lead section's head (or by the office for a screened-out item). */
export const isValidSignOff = (r: Reply, p: Pick<ProposalFacts, 'assignment' | 'screening'>, signer: Actor | null): boolean => {
  if (!isSignedOff(r) || !signer) return false
  // The office signs only its own explanation of a screened-out item (the status may already be the target's).
  if (r.section == null) return signer.role === 'office' && p.screening.decision != null && p.screening.decision !== 'accepted'
  return (
    signer.role === 'sectionHead' &&
    sameId(r.section, p.assignment.leadSection) &&
    sameId(signer.section, p.assignment.leadSection)
  )
}

/** The proposer's evaluation of the latest published reply itself, if given (core/proposalFacts.ts). */
export const proposerEvaluationOfLatest = (p: ProposalFacts) => evaluationOfLatestReply(p.replies, p.evaluations, p.proposer)

/** A 不满意 evaluation must say why, in at least this many characters. */
export const DISSATISFIED_REASON_MIN_CHARS = 2
export const DissatisfiedReasonRequired = '选择“不满意”时请写明理由'

/** The evaluation is 不满意 and gives no reason (the portal form and the evaluations collection both ask this). */
export const lacksReason = (rating: string | null | undefined, comment: string | null | undefined): boolean =>
  rating === 'dissatisfied' && (comment ?? '').trim().length < DISSATISFIED_REASON_MIN_CHARS

/** 不满意 while a rehandling round remains: the proposal goes back to the lead section (重新办理), not to 已评价. */
export const callsForRehandling = (rating: string | null | undefined, p: Pick<ProposalFacts, 'rehandlings'>): boolean =>
  rating === 'dissatisfied' && p.rehandlings.length < MAX_REHANDLING_ROUNDS

/**
 * Where a new evaluation moves the proposal: only the proposer's, of the latest published reply,
 * while 已答复 moves it: to 重新办理 when it calls for rehandling, else to 已评价. null: it moves
 * nothing (a co-signer's, an earlier reply's, a screened-out item's explanation, or not 已答复).
 */
export function statusAfterEvaluation(
  p: ProposalFacts,
  e: Pick<ProposalFacts['evaluations'][number], 'reply' | 'representative' | 'rating'>,
): ProposalStatus | null {
  if (p.status !== 'replied') return null
  if (!isProposer({ role: 'representative', id: e.representative }, p)) return null
  if (!sameId(latestPublishedReply(p)?.id, e.reply)) return null
  return callsForRehandling(e.rating, p) ? 'rehandling' : 'evaluated'
}

/** Commitments not verified as kept (core/commitments.ts). */
export { openCommitments }

/**
 * What the transition needs to know beyond the proposal: who signed off each reply
 * (role and section, looked up by the CMS), keyed by reply id.
 */
export interface TransitionContext {
  signers?: Record<string, Actor>
}

type Check = (p: ProposalFacts, actor: Actor, ctx: TransitionContext) => string | null

interface Transition {
  from: ProposalStatus
  to: ProposalStatus
  /** Who may take the step; a function when it depends on the proposal. */
  who: (actor: Actor, p: ProposalFacts) => boolean
  whoLabel: string
  /** Invariants of the target state: null when they hold, else the zh-CN reason. */
  check: Check
}

const office = (a: Actor) => a.role === 'office'
const leader = (a: Actor) => a.role === 'leader'

const screeningCheck =
  (decision: ScreeningDecision): Check =>
  (p) => {
    if (p.screening.decision !== decision) return '甄别结论与目标状态不一致'
    if (!p.screening.reason?.trim()) return '甄别须写明理由'
    if (decision === 'merged' && p.screening.mergedInto == null) return '并案须指明并入的提案'
    return null
  }

const signedOffReplyForRound: Check = (p, _a, ctx) => {
  const round = currentRound(p)
  const ok = p.replies.some(
    (r) => r.round === round && isValidSignOff(r, p, ctx.signers?.[String(r.id)] ?? null),
  )
  return ok ? null : '没有经主办科室负责人签发的本轮答复，不能答复'
}

const evaluationAllowsClose = (p: ProposalFacts): string | null => {
  const evaluation = proposerEvaluationOfLatest(p)
  if (!evaluation && !p.noEvaluationReason?.trim()) return '提案人尚未评价，须记录未评价的原因'
  if (callsForRehandling(evaluation?.rating, p) && !isScreenedOut(p.screening.decision ?? 'accepted'))
    return '提案人不满意，应进入重新办理'
  return null
}

const closingCheck: Check = (p, _a, ctx) => {
  if (!p.instructions.some((i) => i.text.trim())) return '没有领导批示，不能办结'
  const signed = publishedReplies(p.replies).some((r) => isValidSignOff(r, p, ctx.signers?.[String(r.id)] ?? null))
  if (!signed) return '没有已签发并公开的答复，不能办结'
  const evaluation = evaluationAllowsClose(p)
  if (evaluation) return evaluation
  if (p.followUps.length === 0) return '没有回访记录，不能办结'
  if (openCommitments(p).length > 0) return '答复中的承诺事项尚未全部验证，不能办结'
  return null
}

const rehandlingCheck: Check = (p) => {
  const evaluation = proposerEvaluationOfLatest(p)
  if (evaluation?.rating !== 'dissatisfied') return '只有提案人对最新答复不满意时才能重新办理'
  if (p.rehandlings.length >= MAX_REHANDLING_ROUNDS) return `重新办理最多 ${MAX_REHANDLING_ROUNDS} 次`
  return null
}

const evaluatedCheck: Check = (p) => {
  const evaluation = proposerEvaluationOfLatest(p)
  if (!evaluation) return '提案人尚未评价最新答复'
  if (callsForRehandling(evaluation.rating, p)) return '提案人不满意，应进入重新办理'
  return null
}

export const Transitions: readonly Transition[] = [
  {
    from: 'draft',
    to: 'submitted',
    who: (a, p) => isProposer(a, p) || office(a),
    whoLabel: '提案人或代表工作室',
    check: () => null,
  },
  ...ScreeningDecisions.map(
    (to): Transition => ({ from: 'submitted', to, who: office, whoLabel: '代表工作室', check: screeningCheck(to) }),
  ),
  {
    from: 'accepted',
    to: 'instructed',
    who: leader,
    whoLabel: '街道领导',
    check: (p) => {
      if (!p.instructions.some((i) => i.text.trim())) return '须先写批示'
      if (p.assignment.leadSection == null) return '须先指定主办科室'
      if (!p.assignment.deadline) return '须先确定办理期限'
      return null
    },
  },
  {
    from: 'instructed',
    to: 'inProgress',
    who: isOfLeadSection,
    whoLabel: '主办科室',
    check: () => null,
  },
  { from: 'inProgress', to: 'replied', who: office, whoLabel: '代表工作室', check: signedOffReplyForRound },
  { from: 'rehandling', to: 'replied', who: office, whoLabel: '代表工作室', check: signedOffReplyForRound },
  {
    from: 'replied',
    to: 'evaluated',
    who: (a, p) => isProposer(a, p) || office(a),
    whoLabel: '提案人或代表工作室',
    check: evaluatedCheck,
  },
  ...RepliedStatuses.map(
    (from): Transition => ({
      from,
      to: 'rehandling',
      who: (a, p) => isProposer(a, p) || office(a),
      whoLabel: '提案人或代表工作室',
      check: rehandlingCheck,
    }),
  ),
  // Closed once answered, or once a screened-out item is explained.
  ...[...RepliedStatuses, ...ScreenedOutStatuses].map(
    (from): Transition => ({ from, to: 'closed', who: office, whoLabel: '代表工作室', check: closingCheck }),
  ),
]

export type TransitionResult = { ok: true } | { ok: false; reason: string }

export function canTransition(
  from: ProposalStatus,
  to: ProposalStatus,
  actor: Actor,
  proposal: ProposalFacts,
  ctx: TransitionContext = {},
): TransitionResult {
  const t = Transitions.find((x) => x.from === from && x.to === to)
  if (!t) return { ok: false, reason: `不能从“${StatusLabels[from]}”变为“${StatusLabels[to]}”` }
  if (!t.who(actor, proposal))
    return { ok: false, reason: `“${StatusLabels[from]}”→“${StatusLabels[to]}”只能由${t.whoLabel}办理` }
  // The invariants are those of the state the proposal would be in: check the facts as given.
  const reason = t.check({ ...proposal, status: to }, actor, ctx)
  return reason ? { ok: false, reason } : { ok: true }
}

/** The states this actor may move the proposal to now (structurally allowed and permitted; invariants not checked). */
export function nextStates(from: ProposalStatus, actor: Actor, proposal: ProposalFacts): ProposalStatus[] {
  return Transitions.filter((t) => t.from === from && t.who(actor, proposal)).map((t) => t.to)
}

/** Every (from, to) pair of the table, for the admin's action list and the tests. */
export const allowedPairs = (): [ProposalStatus, ProposalStatus][] => Transitions.map((t) => [t.from, t.to])
