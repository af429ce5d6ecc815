// Which deadline applies to a proposal and how close it is. Derived on read, never stored.

import { addCalendarDays, toLocalDate, type WorkingCalendar } from './calendar'
import { DeadlineStateLabels } from './labels'
import { isScreenedOut } from './lifecycle'
import { replyDeadlineInForce, type AssignmentFacts, type RehandlingFacts, type ReplyFacts } from './proposalFacts'
import type { DeadlineSettings, ProposalStatus } from './types'

/** 甄别, 批示, 答复, 重新办理; and for a screened-out item, the office's 说明 to the proposer. */
export type DeadlineStage = 'screening' | 'instruction' | 'reply' | 'rehandling' | 'explanation'
export type DeadlineState = 'onTrack' | 'dueSoon' | 'overdue' | 'longOverdue'

/** Due within this many working days → dueSoon. */
export const DUE_SOON_WORKING_DAYS = 3
/** Overdue by more than this many working days → longOverdue. */
export const LONG_OVERDUE_WORKING_DAYS = 20

/** Reply deadline set at assignment: `replyMonths` after it, rolled to a working day. */
export function replyDeadline(assignedAtLocalDate: string, cal: WorkingCalendar, s: DeadlineSettings): string {
  return cal.addMonthsDeadline(assignedAtLocalDate, s.replyMonths)
}

/** The latest date extensions may reach (total at most `extensionMaxMonths` from assignment). */
export function maxExtendedDeadline(assignedAtLocalDate: string, cal: WorkingCalendar, s: DeadlineSettings): string {
  return cal.addMonthsDeadline(assignedAtLocalDate, s.extensionMaxMonths)
}

/**
 * What `currentDeadline` reads of a proposal, in the shapes of core/proposalFacts.ts: the internal
 * record (ProposalFacts) and the public one (the open data) both have them, so both are judged by
 * the one rule. The screening and the assignment may be missing (null) where the record has none yet.
 */
export interface DeadlineFacts {
  status: ProposalStatus
  submittedAt?: string | null
  screening: { at?: string | null } | null
  assignment: AssignmentFacts | null
  instructions: readonly { text: string }[]
  replies: readonly ReplyFacts[]
  rehandlings: readonly RehandlingFacts[]
}

/**
 * The deadline that applies now, by status: submitted → screening; accepted → instruction;
 * instructed/inProgress → reply; rehandling → the latest round's deadline; screened out
 * (并案/分流/不予立案) → the instruction until there is one (件件有批示, same deadline as for
 * accepted items), then the office's written explanation to the proposer until one is published
 * (`explanationWorkingDays` after screening); otherwise null. Also null when the fact it counts from is missing.
 */
export function currentDeadline(
  p: DeadlineFacts,
  cal: WorkingCalendar,
  s: DeadlineSettings,
): { stage: DeadlineStage; due: string } | null {
  if (isScreenedOut(p.status)) {
    if (!p.screening?.at) return null
    const screened = toLocalDate(p.screening.at)
    if (!p.instructions.some((i) => i.text.trim())) return { stage: 'instruction', due: cal.addWorkingDays(screened, s.instructionWorkingDays) }
    if (!p.replies.some((r) => r.publishedAt)) return { stage: 'explanation', due: cal.addWorkingDays(screened, s.explanationWorkingDays) }
    return null
  }
  switch (p.status) {
    case 'submitted':
      if (!p.submittedAt) return null
      return { stage: 'screening', due: cal.addWorkingDays(toLocalDate(p.submittedAt), s.screeningWorkingDays) }
    case 'accepted':
      if (!p.screening?.at) return null
      return { stage: 'instruction', due: cal.addWorkingDays(toLocalDate(p.screening.at), s.instructionWorkingDays) }
    case 'instructed':
    case 'inProgress': {
      const due = p.assignment && replyDeadlineInForce(p.assignment)
      return due ? { stage: 'reply', due } : null
    }
    case 'rehandling': {
      // Highest round, not array position, so an out-of-order list can't pick a stale round.
      const latest = p.rehandlings.reduce<RehandlingFacts | undefined>(
        (best, r) => (!best || r.round >= best.round ? r : best),
        undefined,
      )
      return latest ? { stage: 'rehandling', due: latest.deadline } : null
    }
    default:
      return null
  }
}

/**
 * How `due` stands at `now` (an ISO timestamp), counted in working days of China local time.
 * Overdue starts the calendar day after `due`, so on a weekend right after it workingDaysLeft can be 0.
 */
export function deadlineState(
  due: string,
  now: string,
  cal: WorkingCalendar,
): { state: DeadlineState; workingDaysLeft: number } {
  const today = toLocalDate(now)
  const workingDaysLeft = cal.workingDaysBetween(today, due)
  if (today > due) {
    const state = -workingDaysLeft > LONG_OVERDUE_WORKING_DAYS ? 'longOverdue' : 'overdue'
    return { state, workingDaysLeft }
  }
  return { state: workingDaysLeft <= DUE_SOON_WORKING_DAYS ? 'dueSoon' : 'onTrack', workingDaysLeft }
}

/**
 * The deadlines that stand in `state` on `today` (a China-local date), as a range of local dates:
 * `from` inclusive, `before` exclusive, either open when absent. Exactly the dates `deadlineState`
 * judges so, on this calendar, so a list can ask its database for them (`currentDue` between the bounds).
 */
export function deadlineStateRange(state: DeadlineState, today: string, cal: WorkingCalendar): { from?: string; before?: string } {
  // Due on or after this: more than DUE_SOON working days left (onTrack).
  const onTrackFrom = cal.addWorkingDays(today, DUE_SOON_WORKING_DAYS + 1)
  // Due before this: more than LONG_OVERDUE working days have passed (the (LONG_OVERDUE + 1)-th working day back, today counted).
  const longOverdueBefore = workingDayBack(today, LONG_OVERDUE_WORKING_DAYS + 1, cal)
  switch (state) {
    case 'onTrack':
      return { from: onTrackFrom }
    case 'dueSoon':
      return { from: today, before: onTrackFrom }
    case 'overdue':
      return { from: longOverdueBefore, before: today }
    case 'longOverdue':
      return { before: longOverdueBefore }
  }
}

/** The n-th working day on or before `date` (n ≥ 1; `date` itself is the first when it is a working day). */
function workingDayBack(date: string, n: number, cal: WorkingCalendar): string {
  let day = date
  for (let left = n; ; day = addCalendarDays(day, -1)) {
    if (cal.isWorkingDay(day) && --left === 0) return day
  }
}

export function isOverdue(state: DeadlineState): boolean {
  return state === 'overdue' || state === 'longOverdue'
}

/**
 * How `due` stands at `now`, in words: "剩 5 个工作日", "已逾期 3 个工作日", "严重逾期 25 个工作日"
 * (the state's own name, core/labels DeadlineStateLabels), "今天到期" on the day itself.
 */
export function dueText(due: string, now: string, cal: WorkingCalendar): string {
  const { state, workingDaysLeft } = deadlineState(due, now, cal)
  // Overdue from the day after: on a weekend right after the due day no working day has passed yet.
  if (isOverdue(state)) return workingDaysLeft < 0 ? `${DeadlineStateLabels[state]} ${-workingDaysLeft} 个工作日` : DeadlineStateLabels[state]
  return due === toLocalDate(now) ? '今天到期' : `剩 ${workingDaysLeft} 个工作日`
}
