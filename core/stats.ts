// Statistics recomputable by anyone from the public export (`/data/proposals.json`) alone:
// every input is a PublicProposal, the calendar and an injected `now`; nothing reads private data or the clock.

import { toLocalDate, type WorkingCalendar } from './calendar'
import type { PublicExport, PublicProposal, PublicReply, PublicSession } from './contract'
import { currentDeadline, deadlineState, isOverdue, type DeadlineStage } from './deadlines'
import type { ProposalFacts, ProposalStatus } from './types'

export interface Figures {
  /** Proposals in the set (drafts never appear in the export). */
  received: number
  /** screening.decision === 'accepted'. */
  accepted: number
  /** merged + redirected + notAccepted. */
  screenedOut: number
  /** ≥ 1 instruction. */
  instructed: number
  /** assignment != null. */
  assigned: number
  /** ≥ 1 published reply (every reply in the export is published). */
  replied: number
  /** Assigned, and the first reply was published (local date) on or before the reply deadline then in force. */
  repliedOnTime: number
  /** The deadline in force (publicDeadline) is past at `now`: overdue or longOverdue. */
  overdueNow: number
  longOverdueNow: number
  /** The proposer evaluated the latest round's reply. */
  evaluated: number
  /** Of those, the proposer's latest evaluation is satisfied or basicallySatisfied. */
  satisfied: number
  dissatisfied: number
  /** 办复率 = replied / received. */
  replyRate: number | null
  /** 按期办复率 = repliedOnTime / (assigned and replied). */
  onTimeRate: number | null
  /** 满意率 = satisfied / evaluated. */
  satisfactionRate: number | null
  /** Median working days from assignment to first reply, over assigned and replied proposals. */
  medianWorkingDaysToReply: number | null
  /** Class of each proposal's latest reply. */
  byReplyClass: { A: number; B: number; C: number }
}

export interface FiguresContext {
  calendar: WorkingCalendar
  /** ISO timestamp standing for "now"; injected so figures are reproducible. */
  now: string
  sessions: PublicSession[]
}

const SCREENED_OUT = new Set(['merged', 'redirected', 'notAccepted'])
const SATISFIED = new Set(['satisfied', 'basicallySatisfied'])

const ms = (iso: string): number => Date.parse(iso)

/** A fraction in [0, 1], or null when there is nothing to divide by (never NaN). */
function rate(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator
}

function median(values: number[]): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

/** The earliest published reply (by instant; a later one wins no tie). */
export function firstReply(p: PublicProposal): PublicReply | null {
  let first: PublicReply | null = null
  for (const r of p.replies) if (!first || ms(r.publishedAt) < ms(first.publishedAt)) first = r
  return first
}

/** The reply that stands now: highest round, then the last published (so a correction replaces what it corrects). */
export function latestReply(p: PublicProposal): PublicReply | null {
  let latest: PublicReply | null = null
  for (const r of p.replies) {
    if (
      !latest ||
      r.round > latest.round ||
      (r.round === latest.round && ms(r.publishedAt) >= ms(latest.publishedAt))
    )
      latest = r
  }
  return latest
}

/**
 * The proposer's latest evaluation of the latest round's reply, or null.
 * Any reply of that round counts (an evaluation given before a correction still stands);
 * co-signers' evaluations are public but never count here.
 */
export function proposerEvaluation(p: PublicProposal): PublicProposal['evaluations'][number] | null {
  const latest = latestReply(p)
  if (!latest) return null
  const roundReplies = new Set(p.replies.filter((r) => r.round === latest.round).map((r) => r.id))
  let best: PublicProposal['evaluations'][number] | null = null
  for (const e of p.evaluations) {
    if (e.representative !== p.proposer.id || !roundReplies.has(e.reply)) continue
    if (!best || ms(e.at) >= ms(best.at)) best = e
  }
  return best
}

/**
 * The reply deadline in force when the first reply was published: the last extension approved
 * by then, else the deadline set at assignment. An extension approved after the reply can't make it on time.
 */
export function replyDeadlineAt(assignment: NonNullable<PublicProposal['assignment']>, at: string): string {
  const approved = assignment.extensions.filter((x) => ms(x.approvedAt) <= ms(at))
  return approved.length ? approved[approved.length - 1].newDeadline : assignment.deadline
}

/** Only the fields `currentDeadline` reads; the rule itself stays in deadlines.ts. */
function deadlineFacts(p: PublicProposal): ProposalFacts {
  return {
    status: p.status as ProposalStatus,
    proposer: p.proposer.id,
    coSigners: [],
    confidential: false,
    submittedAt: p.submittedAt,
    screening: { decision: p.screening?.decision ?? null, at: p.screening?.at ?? null },
    assignment: p.assignment
      ? {
          coSections: [],
          assignedAt: p.assignment.assignedAt,
          deadline: p.assignment.deadline,
          extensions: p.assignment.extensions.map((x) => ({ ...x })),
        }
      : { coSections: [], extensions: [] },
    instructions: [],
    replies: [],
    evaluations: [],
    rehandlings: p.rehandlings.map((r) => ({ ...r })),
    followUps: [],
  }
}

/**
 * The deadline in force for a public proposal, by status (same rule as `currentDeadline`):
 * submitted → screening; accepted → instruction; instructed/inProgress → reply; rehandling → latest round; else null.
 */
export function publicDeadline(
  p: PublicProposal,
  session: PublicSession,
  cal: WorkingCalendar,
): { stage: DeadlineStage; due: string } | null {
  return currentDeadline(deadlineFacts(p), cal, session.deadlines)
}

export function computeFigures(proposals: PublicProposal[], ctx: FiguresContext): Figures {
  const { calendar: cal, now } = ctx
  const sessions = new Map(ctx.sessions.map((s) => [s.slug, s]))
  const f: Figures = {
    received: proposals.length,
    accepted: 0,
    screenedOut: 0,
    instructed: 0,
    assigned: 0,
    replied: 0,
    repliedOnTime: 0,
    overdueNow: 0,
    longOverdueNow: 0,
    evaluated: 0,
    satisfied: 0,
    dissatisfied: 0,
    replyRate: null,
    onTimeRate: null,
    satisfactionRate: null,
    medianWorkingDaysToReply: null,
    byReplyClass: { A: 0, B: 0, C: 0 },
  }
  let assignedAndReplied = 0
  const daysToReply: number[] = []

  for (const p of proposals) {
    const decision = p.screening?.decision
    if (decision === 'accepted') f.accepted++
    else if (decision && SCREENED_OUT.has(decision)) f.screenedOut++
    if (p.instructions.length > 0) f.instructed++
    if (p.assignment) f.assigned++

    const first = firstReply(p)
    if (first) {
      f.replied++
      f.byReplyClass[latestReply(p)!.class]++
      if (p.assignment) {
        assignedAndReplied++
        const repliedOn = toLocalDate(first.publishedAt)
        if (repliedOn <= replyDeadlineAt(p.assignment, first.publishedAt)) f.repliedOnTime++
        daysToReply.push(cal.workingDaysBetween(toLocalDate(p.assignment.assignedAt), repliedOn))
      }
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

    const evaluation = proposerEvaluation(p)
    if (evaluation) {
      f.evaluated++
      if (SATISFIED.has(evaluation.rating)) f.satisfied++
      else f.dissatisfied++
    }
  }

  f.replyRate = rate(f.replied, f.received)
  f.onTimeRate = rate(f.repliedOnTime, assignedAndReplied)
  f.satisfactionRate = rate(f.satisfied, f.evaluated)
  f.medianWorkingDaysToReply = median(daysToReply)
  return f
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

/** 0.875 → '87.5%'; null → '—'. */
export function formatRate(r: number | null): string {
  if (r === null || !Number.isFinite(r)) return '—'
  // Round in tenths of a percent first, so binary fractions like 0.0005 don't round down.
  return `${(Math.round(r * 1000) / 10).toFixed(1)}%`
}
