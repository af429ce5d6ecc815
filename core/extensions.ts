// 申请延期: the lead section asks a leader for a later reply deadline, with a reason; the leader
// approves (the extension joins the proposal's record and moves the deadline in force) or refuses
// (with a reason). The rules of the date and of the proposal's state live here; who may ask and
// decide is core/permissions.ts; the public sees only approved extensions (core/contract.ts).
import { chineseDate, isValidLocalDate, toLocalDate, type WorkingCalendar } from './calendar'
import { maxExtendedDeadline } from './deadlines'
import { isIn, StatusLabels } from './lifecycle'
import { replyDeadlineInForce, type AssignmentFacts } from './proposalFacts'
import type { DeadlineSettings, ProposalStatus } from './types'

export const ExtensionDecisions = ['pending', 'approved', 'refused'] as const
export type ExtensionDecision = (typeof ExtensionDecisions)[number]

/**
 * The statuses in which the reply deadline set at 交办 is the one in force (core/deadlines.ts
 * currentDeadline), so that an extension moves it: 已交办 and 办理中. Once answered it is past; a
 * rehandling round has a deadline of its own.
 */
export const ExtendableStatuses = ['instructed', 'inProgress'] as const satisfies ProposalStatus[]

export const isExtendable = (status: ProposalStatus): boolean => isIn(ExtendableStatuses, status)

/** A request as the duties see it (core/duties.ts): a pending one waits on a leader. */
export interface ExtensionRequestFact {
  id: string | number
  decision: ExtensionDecision
}

/** The facts the date rule reads: the status and the assignment (its 交办 time, first deadline and approved extensions). */
export interface ExtensionDateFacts {
  status: ProposalStatus
  assignment: AssignmentFacts
}

/** The latest date an extension may reach for this proposal, or null before 交办. */
export function extensionCap(p: Pick<ExtensionDateFacts, 'assignment'>, cal: WorkingCalendar, s: DeadlineSettings): string | null {
  return p.assignment.assignedAt ? maxExtendedDeadline(toLocalDate(p.assignment.assignedAt), cal, s) : null
}

/**
 * Why `newDeadline` cannot be asked for or approved on this proposal, in zh-CN; null when it can:
 * the proposal is being handled under its reply deadline (ExtendableStatuses), the date is a real
 * YYYY-MM-DD, later than the deadline in force and no later than the cap (`extensionMaxMonths` after 交办).
 */
export function extensionRefusal(p: ExtensionDateFacts, newDeadline: unknown, cal: WorkingCalendar, s: DeadlineSettings): string | null {
  if (!isExtendable(p.status)) return `提案${StatusLabels[p.status]}，不能延期（只有已交办、办理中的提案可以延期答复）`
  const inForce = replyDeadlineInForce(p.assignment)
  const cap = extensionCap(p, cal, s)
  if (!inForce || !cap) return '尚未交办，不能延期'
  if (typeof newDeadline !== 'string' || !isValidLocalDate(newDeadline)) return '请按 YYYY-MM-DD 填写一个存在的日期，例如 2026-12-30'
  if (newDeadline <= inForce) return `新的答复期限须晚于现在的期限（${chineseDate(inForce)}）`
  if (newDeadline > cap) return `新的答复期限不能晚于${chineseDate(cap)}（自交办起最多 ${s.extensionMaxMonths} 个月）`
  return null
}
