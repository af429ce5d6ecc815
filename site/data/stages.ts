// Working days each stage of a proposal took, against its deadline: what the proposal page's
// timeline says in plain words. Counted from the public record alone.
import { toLocalDate, type WorkingCalendar } from '../../core/calendar'
import type { PublicProposal, PublicSession } from '../../core/contract'
import { DeadlineStageLabels } from '../../core/labels'
import { firstReply, replyDeadlineAt } from '../../core/stats'

export interface Stage {
  label: string
  from: string
  /** When the stage ended; null while it runs. */
  to: string | null
  due: string
  /** Working days from `from` to `to` (or to now while running). */
  workingDays: number
  /** Working days past `due` at the end (or now); 0 when within it. */
  lateBy: number
}

export function stagesOf(p: PublicProposal, session: PublicSession, cal: WorkingCalendar, now: string): Stage[] {
  const s = session.deadlines
  const stages: Stage[] = []
  const add = (label: string, from: string, to: string | null, due: string) => {
    const end = toLocalDate(to ?? now)
    const start = toLocalDate(from)
    stages.push({
      label,
      from,
      to,
      due,
      workingDays: Math.max(0, cal.workingDaysBetween(start, end)),
      lateBy: end > due ? Math.max(1, cal.workingDaysBetween(due, end)) : 0,
    })
  }
  const screenedAt = p.screening?.at ?? null
  add(DeadlineStageLabels.screening, p.submittedAt, screenedAt, cal.addWorkingDays(toLocalDate(p.submittedAt), s.screeningWorkingDays))
  if (screenedAt) {
    const instructedAt = p.instructions[0]?.at ?? null
    // Screened-out items are instructed too (件件有批示), on the same deadline.
    add(DeadlineStageLabels.instruction, screenedAt, instructedAt, cal.addWorkingDays(toLocalDate(screenedAt), s.instructionWorkingDays))
  }
  if (p.assignment) {
    const round1 = p.replies.filter((r) => r.round === 1)
    const first = firstReply({ ...p, replies: round1 })
    // Answered: the deadline in force at the answer; still open: the latest extension's.
    const due = replyDeadlineAt(p.assignment, first?.publishedAt ?? now)
    add(DeadlineStageLabels.reply, p.assignment.assignedAt, first?.publishedAt ?? null, due)
  }
  for (const r of p.rehandlings) {
    const reply = firstReply({ ...p, replies: p.replies.filter((x) => x.round === r.round + 1) })
    add(`${DeadlineStageLabels.rehandling}（第 ${r.round} 轮）`, r.startedAt, reply?.publishedAt ?? null, r.deadline)
  }
  return stages
}
