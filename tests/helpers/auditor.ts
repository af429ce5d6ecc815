// An auditor's recomputation of the site's figures from /data/proposals.json alone, written from
// the definitions the site publishes (/about/, core/definitions.ts) — not from the code that
// computes them: nothing here imports core/stats, core/proposalFacts, core/deadlines or
// core/calendar. Its own calendar, its own deadlines, its own rounding. If the site and this
// disagree, one of them does not follow the published definition.
import type { PublicExport, PublicProposal, PublicSession } from '../../core/contract'

const DAY = 86_400_000
const LONG_OVERDUE = 20
const SAMPLE_MIN = 5

/** 所有日期按北京时间计. */
export const chinaDate = (iso: string): string => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10)
const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY
const dateOf = (n: number) => new Date(n * DAY).toISOString().slice(0, 10)

/** 工作日: Mon–Fri, minus holidays, plus make-up workdays. */
export class AuditCalendar {
  private holidays: Set<string>
  private makeUp: Set<string>
  constructor(c: PublicExport['calendar']) {
    this.holidays = new Set(c.holidays.map((h) => h.date))
    this.makeUp = new Set(c.makeUpWorkdays.map((h) => h.date))
  }
  isWorking(date: string): boolean {
    if (this.makeUp.has(date)) return true
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay()
    return weekday !== 0 && weekday !== 6 && !this.holidays.has(date)
  }
  /** 某日起 N 个工作日: counted from the next day. */
  addWorkingDays(date: string, n: number): string {
    let d = dayNumber(date)
    for (let left = n; left > 0; ) if (this.isWorking(dateOf(++d))) left--
    return dateOf(d)
  }
  /** 两日之间的工作日数: the start day excluded, the end day included (negative when reversed). */
  between(a: string, b: string): number {
    if (b < a) return -this.between(b, a)
    let count = 0
    for (let d = dayNumber(a) + 1; d <= dayNumber(b); d++) if (this.isWorking(dateOf(d))) count++
    return count
  }
}

export interface AuditFigures {
  received: number
  accepted: number
  instructed: number
  assigned: number
  replied: number
  replyRate: [number, number]
  onTimeRate: [number, number]
  overdueNow: number
  longOverdueNow: number
  satisfactionRate: [number, number]
  dissatisfied: number
  medianWorkingDaysToReply: number | null
  /** 承诺兑现率: [kept, due]. */
  commitmentRate: [number, number]
  /** 催办: timeline entries whose action is 催办, at or after 交办 (assignment.assignedAt). */
  urged: number
}

export type AuditState = 'open' | 'kept' | 'unkept' | 'superseded'

/**
 * 承诺事项的状态, as /about/ defines it, from the proposal's replies and followUps alone: a reply
 * another reply corrects → 已更正; else the valid verifications of the commitment (kind
 * verification, naming it, not named by another record's corrects), the latest by time (the later
 * listed on a tie) standing: none → 待兑现, verified → 已兑现, else 未兑现.
 */
export function auditCommitments(p: PublicProposal): { id: string; dueDate: string; state: AuditState; checkedAt: string | null }[] {
  const correctedReplies = new Set(p.replies.map((r) => r.corrects).filter((x): x is string => x != null))
  const correctedChecks = new Set(p.followUps.map((f) => f.corrects).filter((x): x is string => x != null))
  return p.replies.flatMap((r) =>
    r.commitments.map((c) => {
      let standing: PublicProposal['followUps'][number] | undefined
      for (const f of p.followUps)
        if (f.kind === 'verification' && f.commitment === c.id && !correctedChecks.has(f.id) && (!standing || Date.parse(f.at) >= Date.parse(standing.at))) standing = f
      const state: AuditState = correctedReplies.has(r.id) ? 'superseded' : !standing ? 'open' : standing.verified ? 'kept' : 'unkept'
      return { id: c.id, dueDate: c.dueDate, state, checkedAt: standing?.at ?? null }
    }),
  )
}

const firstPublished = (p: PublicProposal, round?: number) =>
  p.replies.filter((r) => round === undefined || r.round === round).map((r) => r.publishedAt).sort((a, b) => Date.parse(a) - Date.parse(b))[0] ?? null

/** The deadline of the stage the proposal is in now, or null (done, or no stage running). */
export function currentDue(p: PublicProposal, s: PublicSession, cal: AuditCalendar): string | null {
  const d = s.deadlines
  const screened = p.screening ? chinaDate(p.screening.at) : null
  switch (p.status) {
    case 'submitted':
      return cal.addWorkingDays(chinaDate(p.submittedAt), d.screeningWorkingDays)
    case 'accepted':
      return screened && cal.addWorkingDays(screened, d.instructionWorkingDays)
    case 'merged':
    case 'redirected':
    case 'notAccepted':
      if (!screened) return null
      if (p.instructions.length === 0) return cal.addWorkingDays(screened, d.instructionWorkingDays)
      if (p.replies.length === 0) return cal.addWorkingDays(screened, d.explanationWorkingDays)
      return null
    case 'instructed':
    case 'inProgress':
      return p.assignment ? (p.assignment.extensions.at(-1)?.newDeadline ?? p.assignment.deadline) : null
    case 'rehandling':
      return [...p.rehandlings].sort((a, b) => b.round - a.round)[0]?.deadline ?? null
    default:
      return null
  }
}

/** 按期答复率's rounds that count: answered, or past their deadline unanswered. */
function rounds(p: PublicProposal, today: string): { due: string; answeredAt: string | null }[] {
  if (!p.assignment) return []
  const out: { due: string; answeredAt: string | null }[] = []
  const answer1 = firstPublished(p, 1)
  const approved = p.assignment.extensions.filter((x) => !answer1 || Date.parse(x.approvedAt) <= Date.parse(answer1))
  out.push({ due: approved.at(-1)?.newDeadline ?? p.assignment.deadline, answeredAt: answer1 })
  for (const r of p.rehandlings) out.push({ due: r.deadline, answeredAt: firstPublished(p, r.round + 1) })
  return out.filter((r) => r.answeredAt != null || today > r.due)
}

export function audit(proposals: PublicProposal[], exp: PublicExport): AuditFigures {
  const cal = new AuditCalendar(exp.calendar)
  const today = chinaDate(exp.generatedAt)
  const sessions = new Map(exp.sessions.map((s) => [s.slug, s]))
  const f: AuditFigures = {
    received: proposals.length,
    accepted: proposals.filter((p) => p.screening?.decision === 'accepted').length,
    instructed: proposals.filter((p) => p.instructions.length > 0).length,
    assigned: proposals.filter((p) => p.assignment).length,
    replied: proposals.filter((p) => p.replies.length > 0).length,
    replyRate: [0, proposals.length],
    onTimeRate: [0, 0],
    overdueNow: 0,
    longOverdueNow: 0,
    satisfactionRate: [0, 0],
    dissatisfied: 0,
    medianWorkingDaysToReply: null,
    commitmentRate: [0, 0],
    urged: 0,
  }
  f.replyRate[0] = f.replied
  const days: number[] = []
  for (const p of proposals) {
    for (const r of rounds(p, today)) {
      f.onTimeRate[1]++
      if (r.answeredAt && chinaDate(r.answeredAt) <= r.due) f.onTimeRate[0]++
    }
    const answer1 = firstPublished(p, 1)
    if (p.assignment && answer1) days.push(cal.between(chinaDate(p.assignment.assignedAt), chinaDate(answer1)))
    const due = currentDue(p, sessions.get(p.session)!, cal)
    if (due && today > due) {
      f.overdueNow++
      if (cal.between(due, today) > LONG_OVERDUE) f.longOverdueNow++
    }
    if (p.assignment) f.urged += p.timeline.filter((t) => t.action === '催办' && Date.parse(t.at) >= Date.parse(p.assignment!.assignedAt)).length
    const mine = p.evaluations.filter((e) => e.representative === p.proposer.id).sort((a, b) => Date.parse(a.at) - Date.parse(b.at))
    const latest = mine.at(-1)
    if (latest) {
      f.satisfactionRate[1]++
      if (latest.rating === 'dissatisfied') f.dissatisfied++
      else f.satisfactionRate[0]++
    }
    // 承诺兑现率: due = not 已更正 and 完成时限 on or before today; of those, 已兑现.
    for (const c of auditCommitments(p)) {
      if (c.state === 'superseded' || c.dueDate > today) continue
      f.commitmentRate[1]++
      if (c.state === 'kept') f.commitmentRate[0]++
    }
  }
  days.sort((a, b) => a - b)
  const m = days.length >> 1
  f.medianWorkingDaysToReply = days.length === 0 ? null : days.length % 2 ? days[m] : (days[m - 1] + days[m]) / 2
  return f
}

/** 承诺兑现率 as published: no rate when nothing is due (无到期承诺), else as every percentage. */
export const shownCommitmentRate = (share: [number, number]): string => (share[1] === 0 ? '无到期承诺' : shown(share))

/** 百分比: one decimal, half up; 样本不足 when n < 5. Done in decimal strings, not binary fractions. */
export function shown([count, of]: [number, number]): string {
  if (of < SAMPLE_MIN) return '样本不足'
  const thousandths = (count * 1000) / of
  const tenths = Math.floor(thousandths + 0.5 + 1e-9)
  return `${(tenths / 10).toFixed(1)}%`
}
