// Statistics recomputable by anyone from the public export (`/data/proposals.json`) alone:
// every input is a PublicProposal, the calendar and an injected `now`; nothing reads private data or the clock.

import { toLocalDate, type WorkingCalendar } from './calendar'
import { commitmentDue, publicCommitmentRecords, type CommitmentRecord } from './commitments'
import type { PublicExport, PublicProposal, PublicSession } from './contract'
import { currentDeadline, deadlineState, isOverdue, type DeadlineStage } from './deadlines'
import { isScreenedOut } from './lifecycle'
import { answerDue, answeredOnTime, answerRounds, firstReply, latestReply, standingEvaluation } from './proposalFacts'
import { UrgeAction } from './supervision'
import type { ProposalStatus } from './types'

/** A share: `count` of `of` (n). Shown as a percentage with n beside it, or 样本不足 when n < SAMPLE_MIN. */
export interface Share {
  count: number
  of: number
}

/** Below this many (n), a percentage says too little: the site shows 样本不足 instead. */
export const SAMPLE_MIN = 5

export interface Figures {
  /** 收到: public proposals in the set (screened; confidential and unscreened ones are counted apart). */
  received: number
  /** 立案: screening.decision === 'accepted'. */
  accepted: number
  /** 未立案: screened out (ScreenedOutStatuses, core/lifecycle.ts). */
  screenedOut: number
  /** 已批示: ≥ 1 instruction. */
  instructed: number
  /** 交办: the leader's instruction handed it to a lead section (assignment.assignedAt set). */
  assigned: number
  /** 已答复: ≥ 1 published reply (every reply in the open data is published). */
  replied: number
  /** 办复率: replied of received. */
  replyRate: Share
  /**
   * 按期答复率: answer rounds (round 1 after 交办, one more per 重新办理) that are due — answered, or
   * their deadline has passed unanswered — and of those, the ones answered by the deadline then in force.
   */
  onTimeRate: Share
  /** 当前逾期: the deadline in force now (any stage) has passed. */
  overdueNow: number
  /** 严重逾期: of those, more than LONG_OVERDUE_WORKING_DAYS working days past. */
  longOverdueNow: number
  /** 满意率: proposals whose proposer has evaluated, each once by their latest evaluation; satisfied = 满意 or 基本满意. */
  satisfactionRate: Share
  /** Of the proposals in satisfactionRate, those whose latest evaluation is 不满意. */
  dissatisfied: number
  /** 答复用时中位数: working days from 交办 to the first reply, over assigned and replied proposals. */
  medianWorkingDaysToReply: number | null
  /** Class of each proposal's latest reply. */
  byReplyClass: { A: number; B: number; C: number }
  /**
   * 承诺兑现率: of the commitments of published replies that stand (a corrected reply's do not) and
   * whose 完成时限 is on or before today, those whose standing verification found them kept
   * (core/commitments.ts commitmentRecords). n = 0: nothing due yet, no rate.
   */
  commitmentRate: Share
  /** 催办: the 催办 on the timelines of these proposals made on or after their 交办 (assignment.assignedAt), while the item was the lead section's. */
  urged: number
}

export interface FiguresContext {
  calendar: WorkingCalendar
  /** ISO timestamp standing for "now"; injected so figures are reproducible. */
  now: string
  sessions: PublicSession[]
}

const SATISFIED = new Set(['satisfied', 'basicallySatisfied'])

/** The share as a fraction, or null when n is 0. */
export const shareValue = (s: Share): number | null => (s.of === 0 ? null : s.count / s.of)

/** The median; of an even count, the mean of the two middle values. */
export function median(values: number[]): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

/**
 * The deadline in force for a public proposal (the rule of `currentDeadline`): submitted → screening;
 * accepted → instruction; instructed/inProgress → reply; rehandling → latest round; screened out →
 * instruction, then the explanation; else null.
 */
export function publicDeadline(
  p: PublicProposal,
  session: PublicSession,
  cal: WorkingCalendar,
): { stage: DeadlineStage; due: string } | null {
  // The open data has every fact the rule reads; its status is typed as any public status string.
  return currentDeadline({ ...p, status: p.status as ProposalStatus }, cal, session.deadlines)
}

export function computeFigures(proposals: PublicProposal[], ctx: FiguresContext): Figures {
  const { calendar: cal, now } = ctx
  const today = toLocalDate(now)
  const sessions = new Map(ctx.sessions.map((s) => [s.slug, s]))
  const f: Figures = {
    received: proposals.length,
    accepted: 0,
    screenedOut: 0,
    instructed: 0,
    assigned: 0,
    replied: 0,
    replyRate: { count: 0, of: proposals.length },
    onTimeRate: { count: 0, of: 0 },
    overdueNow: 0,
    longOverdueNow: 0,
    satisfactionRate: { count: 0, of: 0 },
    dissatisfied: 0,
    medianWorkingDaysToReply: null,
    byReplyClass: { A: 0, B: 0, C: 0 },
    commitmentRate: { count: 0, of: 0 },
    urged: 0,
  }
  const daysToReply: number[] = []

  for (const p of proposals) {
    const decision = p.screening?.decision
    if (decision === 'accepted') f.accepted++
    else if (decision && isScreenedOut(decision)) f.screenedOut++
    if (p.instructions.length > 0) f.instructed++
    if (p.assignment) f.assigned++

    if (firstReply(p.replies)) {
      f.replied++
      f.byReplyClass[latestReply(p.replies)!.class]++
    }
    for (const round of answerRounds(p)) {
      if (!answerDue(round, today)) continue
      f.onTimeRate.of++
      if (answeredOnTime(round)) f.onTimeRate.count++
      if (round.round === 1 && round.answeredAt) daysToReply.push(cal.workingDaysBetween(toLocalDate(round.from), toLocalDate(round.answeredAt)))
    }

    const session = sessions.get(p.session)
    // A proposal naming no known session is broken data; fail loudly rather than undercount overdue items.
    if (!session) throw new Error(`Proposal ${p.number} names unknown session ${JSON.stringify(p.session)}`)
    const deadline = publicDeadline(p, session, cal)
    if (deadline) {
      const { state } = deadlineState(deadline.due, now, cal)
      if (isOverdue(state)) f.overdueNow++
      if (state === 'longOverdue') f.longOverdueNow++
    }

    f.urged += urgedAfterAssignment(p)

    const evaluation = standingEvaluation(p.evaluations, p.proposer.id)
    if (evaluation) {
      f.satisfactionRate.of++
      if (SATISFIED.has(evaluation.rating)) f.satisfactionRate.count++
      else f.dissatisfied++
    }

    const kept = commitmentRate(publicCommitmentRecords(p), today)
    f.commitmentRate.count += kept.count
    f.commitmentRate.of += kept.of
  }
  f.replyRate.count = f.replied
  f.medianWorkingDaysToReply = median(daysToReply)
  return f
}

/**
 * 承诺兑现率 of some commitments on `today` (a China-local date): n is those due (standing, 完成时限
 * on or before today), the count those of them verified as kept. A commitment not yet due counts
 * in neither, even when already verified as kept: it counts from its date on.
 */
export function commitmentRate(records: readonly Pick<CommitmentRecord, 'state' | 'dueDate'>[], today: string): Share {
  const due = records.filter((c) => commitmentDue(c, today))
  return { count: due.filter((c) => c.state === 'kept').length, of: due.length }
}

/** The 催办 on a proposal's timeline made on or after its 交办 (none before it is assigned). */
export function urgedAfterAssignment(p: Pick<PublicProposal, 'assignment' | 'timeline'>): number {
  const assigned = p.assignment?.assignedAt
  if (!assigned) return 0
  const from = Date.parse(assigned)
  return p.timeline.filter((t) => t.action === UrgeAction && Date.parse(t.at) >= from).length
}

function groupBy(proposals: PublicProposal[], key: (p: PublicProposal) => string | null): Map<string, PublicProposal[]> {
  const groups = new Map<string, PublicProposal[]>()
  for (const p of proposals) {
    const k = key(p)
    if (k === null) continue
    const list = groups.get(k)
    if (list) list.push(p)
    else groups.set(k, [p])
  }
  return groups
}

/** Figures per session slug; every listed session appears, even with no proposals. */
export function figuresBySession(exp: PublicExport, cal: WorkingCalendar, now: string): Record<string, Figures> {
  const ctx = { calendar: cal, now, sessions: exp.sessions }
  const groups = groupBy(exp.proposals, (p) => p.session)
  const out: Record<string, Figures> = {}
  for (const s of exp.sessions) out[s.slug] = computeFigures(groups.get(s.slug) ?? [], ctx)
  for (const [slug, list] of groups) out[slug] ??= computeFigures(list, ctx)
  return out
}

/**
 * Figures per lead-section slug (a proposal counts for its lead section only, never its co-sections);
 * unassigned proposals belong to no section. Optionally limited to one session.
 */
export function figuresBySection(
  exp: PublicExport,
  cal: WorkingCalendar,
  now: string,
  session?: string,
): Record<string, Figures> {
  const ctx = { calendar: cal, now, sessions: exp.sessions }
  const inScope = session === undefined ? exp.proposals : exp.proposals.filter((p) => p.session === session)
  const groups = groupBy(inScope, (p) => p.assignment?.leadSection.slug ?? null)
  const out: Record<string, Figures> = {}
  for (const s of exp.sections) out[s.slug] = computeFigures(groups.get(s.slug) ?? [], ctx)
  for (const [slug, list] of groups) out[slug] ??= computeFigures(list, ctx)
  return out
}

/**
 * A section's co-handling (协办) record: the proposals assigned with it as a co-section, and of
 * those the ones whose published reply states that it gave no opinion by its deadline.
 */
export function coHandlingOf(proposals: readonly PublicProposal[], slug: string): { coHandled: number; silent: number } {
  let coHandled = 0
  let silent = 0
  for (const p of proposals) {
    if (!p.assignment?.coSections.some((s) => s.slug === slug)) continue
    coHandled++
    if (p.replies.some((r) => r.silentCoSections.some((s) => s.slug === slug))) silent++
  }
  return { coHandled, silent }
}

/**
 * A share in percent with one decimal, rounded half up exactly (on the integers, not on a binary
 * fraction): 7 of 8 → '87.5%', 1 of 6 → '16.7%'. n = 0 → '—'.
 */
export function formatPercent(s: Share): string {
  if (s.of === 0) return '—'
  const tenths = Math.floor((2000 * s.count + s.of) / (2 * s.of))
  return `${Math.floor(tenths / 10)}.${tenths % 10}%`
}

/** What the site prints for a share: the percentage, or 样本不足 when n < SAMPLE_MIN. */
export const formatShare = (s: Share): string => (s.of < SAMPLE_MIN ? '样本不足' : formatPercent(s))

/** 承诺兑现率 as the site prints it: 无到期承诺 when nothing is due yet (no rate, never 0%), otherwise as every share. */
export const formatCommitmentRate = (s: Share): string => (s.of === 0 ? '无到期承诺' : formatShare(s))
