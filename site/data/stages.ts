// Working days each stage of a proposal took, against its deadline: what the proposal page's
// timeline says in plain words. Counted from the public record alone.
import { toLocalDate, type WorkingCalendar } from '../../core/calendar'
import type { PublicProposal, PublicSession } from '../../core/contract'
import { DeadlineStageLabels } from '../../core/labels'
import { answerRounds, firstReply } from '../../core/proposalFacts'

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
    // …and the office owes the proposer a written explanation (a reply of its own).
    if (p.screening && p.screening.decision !== 'accepted')
      add(DeadlineStageLabels.explanation, screenedAt, firstReply(p.replies)?.publishedAt ?? null, cal.addWorkingDays(toLocalDate(screenedAt), s.explanationWorkingDays))
  }
  // The lead section's rounds: the reply after 交办, then one per 重新办理 (the deadline in force at the answer, or now).
  for (const r of answerRounds(p))
    add(r.round === 1 ? DeadlineStageLabels.reply : `${DeadlineStageLabels.rehandling}（第 ${r.round - 1} 轮）`, r.from, r.answeredAt, r.due)
  return stages
}
