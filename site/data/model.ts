// What the pages show, derived from the validated export alone (so anyone can recompute it
// from /data/proposals.json). "Now" is the export's generatedAt, never the build machine's clock.
import { loadPublicExport } from './loader'
import { toLocalDate, WorkingCalendar } from '../../core/calendar'
import type { PublicExport, PublicProposal, PublicSession } from '../../core/contract'
import { deadlineState, isOverdue, type DeadlineStage, type DeadlineState } from '../../core/deadlines'
import { latestReply } from '../../core/proposalFacts'
import { figuresBySection, figuresBySession, publicDeadline, type Figures } from '../../core/stats'

export type ExportMeta = Omit<PublicExport, 'proposals'>

export interface ProposalView {
  p: PublicProposal
  session: PublicSession
  /** The deadline in force now, and how it stands (null when none applies: done or screened out). */
  deadline: { stage: DeadlineStage; due: string; state: DeadlineState; workingDaysLeft: number } | null
  overdue: boolean
  /** Working days overdue (0 unless overdue). */
  overdueDays: number
  /** Working days since submission until closed, or until now while open. */
  waitingDays: number
  replyClass: 'A' | 'B' | 'C' | null
  /** Latest activity (last timeline entry). */
  lastActivity: string
}

export interface SiteData {
  meta: ExportMeta
  now: string
  calendar: WorkingCalendar
  proposals: ProposalView[]
  byNumber: Map<string, ProposalView>
  currentSession: PublicSession
  /** The figures of each session (core/stats, the same code the tests and the /about/ page describe). */
  sessionFigures: Record<string, Figures>
  /** The figures of each lead section in one session. */
  sectionFigures: (session: string) => Record<string, Figures>
}

let cached: Promise<SiteData> | null = null

export function siteData(): Promise<SiteData> {
  cached ??= build()
  return cached
}

async function build(): Promise<SiteData> {
  const exp = await loadPublicExport()
  const { proposals: raw, ...meta } = exp
  const calendar = new WorkingCalendar(meta.calendar)
  const now = meta.generatedAt
  const today = toLocalDate(now)
  const sessions = new Map(meta.sessions.map((s) => [s.slug, s]))
  const proposals = raw.map((p): ProposalView => {
    const session = sessions.get(p.session)
    if (!session) throw new Error(`提案 ${p.number} 所属届次 ${p.session} 不在公开数据中`)
    const due = publicDeadline(p, session, calendar)
    const deadline = due ? { ...due, ...deadlineState(due.due, now, calendar) } : null
    const overdue = !!deadline && isOverdue(deadline.state)
    const end = p.closedAt ? toLocalDate(p.closedAt) : today
    return {
      p,
      session,
      deadline,
      overdue,
      overdueDays: overdue ? -deadline!.workingDaysLeft : 0,
      waitingDays: Math.max(0, calendar.workingDaysBetween(toLocalDate(p.submittedAt), end)),
      replyClass: latestReply(p.replies)?.class ?? null,
      lastActivity: p.timeline.length ? p.timeline[p.timeline.length - 1].at : p.submittedAt,
    }
  })
  // Newest submission first; the number breaks ties so the order never depends on the input's.
  proposals.sort((a, b) => b.p.submittedAt.localeCompare(a.p.submittedAt) || b.p.number.localeCompare(a.p.number))
  const current = meta.sessions.find((s) => s.current) ?? meta.sessions[meta.sessions.length - 1]
  if (!current) throw new Error('公开数据中没有届次')
  const bySection: Record<string, Record<string, Figures>> = {}
  return {
    meta,
    now,
    calendar,
    proposals,
    byNumber: new Map(proposals.map((v) => [v.p.number, v])),
    currentSession: current,
    sessionFigures: figuresBySession(exp, calendar, now),
    sectionFigures: (session) => (bySection[session] ??= figuresBySection(exp, calendar, now, session)),
  }
}

/** Overdue first by how long, then the rest by deadline. */
export function byUrgency(a: ProposalView, b: ProposalView): number {
  return b.overdueDays - a.overdueDays || (a.deadline?.due ?? '9999').localeCompare(b.deadline?.due ?? '9999')
}
