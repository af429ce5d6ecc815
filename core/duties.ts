// What waits on whom: for one proposal, every action owed now, who owes it (a role, and where it
// matters a section or a person) and by when. One function for the workbench's queues, the
// proposals list's 待我处理 and the reminders: `dutiesOf` lists them, `dutiesFor` keeps one
// person's. Derived only from the facts the lifecycle rules use (core/lifecycle.ts), so a duty
// disappears exactly when the step that discharges it is taken.
import type { WorkingCalendar } from './calendar'
import { addCalendarDays, toLocalDate } from './calendar'
import { currentDeadline } from './deadlines'
import { isExtendable, type ExtensionRequestFact } from './extensions'
import {
  AnsweringStatuses,
  canTransition,
  currentRound,
  HandlingStatuses,
  isIn,
  isScreenedOut,
  openCommitments,
  proposerEvaluationOfLatest,
  RepliedStatuses,
  sameId,
  type TransitionContext,
} from './lifecycle'
import { latestReply } from './proposalFacts'
import type { Actor, DeadlineSettings, ProposalFacts, Reply, Role } from './types'

type Id = string | number

export const DutyActions = [
  'screen',
  'nameLead',
  'instruct',
  'takeOn',
  'coOpinion',
  'draftReply',
  'revise',
  'signOff',
  'publish',
  'explain',
  'evaluate',
  'followUp',
  'verify',
  'close',
  'decideExtension',
] as const
export type DutyAction = (typeof DutyActions)[number]

export interface Duty {
  action: DutyAction
  /** Who owes it: a role, narrowed to a section (section staff and heads) or a person (a representative) when set. */
  role: Role
  section: Id | null
  person: Id | null
  /** The last day (China-local YYYY-MM-DD) to do it, or null when no deadline is defined for it. */
  due: string | null
  /**
   * The days it is owed on, when not from now on for as long as it is not done: from `from` (a
   * verification from the commitment's date; a 回访 from the end of the evaluation window) and
   * until `until` (an evaluation, until its window closes). Stored duties stay right as days pass.
   */
  from?: string | null
  until?: string | null
  /** For revise/signOff/publish: the reply concerned; for verify: the commitment; for decideExtension: the request. */
  subject?: Id | null
}

/** A co-section's opinion (协办意见) on a proposal. */
export interface CoOpinionFact {
  section: Id
}

export interface DutyFacts extends ProposalFacts {
  coOpinions?: CoOpinionFact[]
  /** The lead section's requests for a later reply deadline (申请延期), core/extensions.ts. */
  extensionRequests?: ExtensionRequestFact[]
}

type More = Partial<Pick<Duty, 'section' | 'person' | 'subject' | 'from' | 'until'>>

const duty = (action: DutyAction, role: Role, due: string | null, more: More = {}): Duty => ({
  action,
  role,
  section: more.section ?? null,
  person: more.person ?? null,
  due,
  ...(more.subject != null ? { subject: more.subject } : {}),
  ...(more.from ? { from: more.from } : {}),
  ...(more.until ? { until: more.until } : {}),
})

/** Whether a duty is owed on `today` (China-local YYYY-MM-DD). */
export const owedOn = (d: Pick<Duty, 'from' | 'until'>, today: string): boolean => (!d.from || d.from <= today) && (!d.until || today <= d.until)

/** The office, as the closing check sees it (only its role matters there). */
const Office: Actor = { role: 'office' }

/** Every action owed on this proposal now: its planned duties owed on `today` (China-local). */
export const dutiesOf = (p: DutyFacts, cal: WorkingCalendar, s: DeadlineSettings, today: string, ctx: TransitionContext = {}): Duty[] =>
  plannedDuties(p, cal, s, ctx).filter((d) => owedOn(d, today))

/**
 * Every action owed on this proposal as its records stand, each with the days it is owed on
 * (whatever today is: what the CMS stores). `ctx` carries who signed off each reply (as for the
 * transition rules), needed to know whether it may be closed.
 */
export function plannedDuties(p: DutyFacts, cal: WorkingCalendar, s: DeadlineSettings, ctx: TransitionContext = {}): Duty[] {
  const out: Duty[] = []
  const inForce = currentDeadline(p, cal, s)?.due ?? null
  const lead = p.assignment.leadSection ?? null
  const round = currentRound(p)
  // Replies of this round not yet published, oldest first: a draft waits on its signer, a signed one on the office.
  const pending = p.replies.filter((r) => !r.publishedAt && r.round === round && r.corrects == null)

  if (p.status === 'submitted') out.push(duty('screen', 'office', inForce))
  if (p.status === 'accepted' || isScreenedOut(p.status)) {
    if (!p.instructions.some((i) => i.text.trim())) {
      if (p.status === 'accepted' && lead == null) out.push(duty('nameLead', 'office', inForce))
      out.push(duty('instruct', 'leader', inForce))
    }
  }
  if (p.status === 'instructed' && lead != null) out.push(duty('takeOn', 'sectionStaff', inForce, { section: lead }))
  if (isIn(HandlingStatuses, p.status) && round === 1)
    for (const o of coOpinionsOwed(p, cal, s)) out.push(duty('coOpinion', 'sectionStaff', o.due, { section: o.section }))
  if (isIn(AnsweringStatuses, p.status) && lead != null && !pending.some((r) => sameId(r.section, lead))) out.push(duty('draftReply', 'sectionStaff', inForce, { section: lead }))
  if (isIn(AnsweringStatuses, p.status) || isScreenedOut(p.status)) {
    for (const r of pending) {
      if (r.signedOffAt) out.push(duty('publish', 'office', inForce, { subject: r.id }))
      else if (r.section == null) out.push(duty('signOff', 'office', inForce, { subject: r.id }))
      else if (isReturned(r)) out.push(duty('revise', 'sectionStaff', inForce, { section: r.section, subject: r.id }))
      else {
        // The head signs once every co-section has given its opinion or its time to do so is over.
        const wait = coOpinionsAwaited(p, r, cal, s).map((o) => o.due).sort().at(-1)
        out.push(duty('signOff', 'sectionHead', inForce, { section: r.section, subject: r.id, from: wait ? addCalendarDays(wait, 1) : null }))
      }
    }
  }
  // 待审批延期: a leader decides the lead section's request while the deadline it would move is in
  // force, by that deadline; the lead section's draft keeps that deadline until an approval moves it.
  if (isExtendable(p.status))
    for (const r of p.extensionRequests ?? []) if (r.decision === 'pending') out.push(duty('decideExtension', 'leader', inForce, { subject: r.id }))
  const explained = p.replies.some((r) => r.publishedAt)
  if (isScreenedOut(p.status) && p.instructions.some((i) => i.text.trim()) && !explained && pending.length === 0) out.push(duty('explain', 'office', inForce))

  const latest = latestReply(p.replies)
  const answered = isIn(RepliedStatuses, p.status) || (isScreenedOut(p.status) && explained)
  if (answered && latest) {
    const evaluation = proposerEvaluationOfLatest(p)
    const lastDay = cal.addWorkingDays(toLocalDate(latest.publishedAt), s.evaluationWorkingDays)
    // Awaited until the window closes, unless the office has recorded why none will come.
    const awaited = !evaluation && !p.noEvaluationReason?.trim()
    if (awaited) out.push(duty('evaluate', 'representative', lastDay, { person: p.proposer, until: lastDay }))
    // 回访 once the proposer has spoken or no longer will (the day after the window): no deadline is set for it.
    if (p.followUps.length === 0) out.push(duty('followUp', 'office', null, awaited ? { from: addCalendarDays(lastDay, 1) } : {}))
    for (const c of openCommitments(p)) out.push(duty('verify', 'office', c.dueDate, { subject: c.id, from: c.dueDate }))
    if (canTransition(p.status, 'closed', Office, p, ctx).ok) out.push(duty('close', 'office', null))
  }
  return out
}

/** A draft its signer returned to its writer (退回修改) and not changed since. */
export const isReturned = (r: Pick<Reply, 'returnedAt' | 'revisedAt' | 'signedOffAt'>): boolean =>
  !r.signedOffAt && !!r.returnedAt && !(r.revisedAt && r.revisedAt > r.returnedAt)

/**
 * The co-sections that have not given their opinion (协办意见), each with the last day to give it
 * (session setting, working days from 交办). Co-opinions belong to the first round's answer.
 */
export function coOpinionsOwed(p: DutyFacts, cal: WorkingCalendar, s: DeadlineSettings): { section: Id; due: string }[] {
  if (!p.assignment.assignedAt) return []
  const due = cal.addWorkingDays(toLocalDate(p.assignment.assignedAt), s.coOpinionWorkingDays)
  const lead = p.assignment.leadSection ?? null
  const given = p.coOpinions ?? []
  return p.assignment.coSections.filter((section) => !sameId(section, lead) && !given.some((o) => sameId(o.section, section))).map((section) => ({ section, due }))
}

/** The co-opinions a reply waits for before it may be signed off: the first round's answer (not a correction) waits for every one owed. */
export const coOpinionsAwaited = (p: DutyFacts, r: Pick<Reply, 'round' | 'corrects' | 'section'>, cal: WorkingCalendar, s: DeadlineSettings) =>
  r.section != null && r.round === 1 && r.corrects == null ? coOpinionsOwed(p, cal, s) : []

/**
 * Why a reply may not be signed off on `today` (null: it may, as far as its timing goes; who may
 * sign is core/permissions.ts canSignOffReply): returned and not yet revised, or a co-section's
 * opinion is still awaited within its deadline. `names` words the sections.
 */
export function signOffWait(p: DutyFacts, r: Reply, cal: WorkingCalendar, s: DeadlineSettings, today: string, names: (section: Id) => string): string | null {
  if (isReturned(r)) return '这份答复已退回修改，经办人修改后才能签发'
  const waiting = coOpinionsAwaited(p, r, cal, s).filter((o) => today <= o.due)
  if (waiting.length === 0) return null
  return `协办科室${waiting.map((o) => `“${names(o.section)}”`).join('、')}的意见尚未提交（期限 ${waiting[0]!.due}）；协办意见全部提交或期限届满后才能签发`
}

/** The co-sections that did not give their opinion by the time the reply was signed off: the reply says so, publicly. */
export const silentCoSections = (p: DutyFacts, r: Pick<Reply, 'round' | 'corrects' | 'section'>, cal: WorkingCalendar, s: DeadlineSettings): Id[] =>
  coOpinionsAwaited(p, r, cal, s).map((o) => o.section)

/** The duties `actor` owes: their role's, within their section or as the person named. */
export function dutiesFor(actor: Actor, duties: readonly Duty[]): Duty[] {
  return duties.filter(
    (d) =>
      d.role === actor.role &&
      (d.section == null || sameId(d.section, actor.section)) &&
      (d.person == null || sameId(d.person, actor.id)),
  )
}
