// 督办: the plan of the daily deadline sweep (issue 14 §1). Pure: given the open obligations (what
// waits on whom, core/duties.ts, and the commitments of published replies), today's China-local
// date, the working calendar, the session's settings and the ledger of notices already sent, it
// says which notices go out today and to whom; then how they are gathered into one digest per
// staff member and one message per event for a representative, in zh-CN, and when a message may
// go out given a person's quiet hours. The CMS job sends them and keeps the ledger; nothing here
// reads a database or a clock.
//
// The rules, on one line each (each has a test in core/sweep.test.ts):
// - Only working days count, and the sweep only sends on working days.
// - An obligation without a deadline (回访 followUp, 办结 close) gets no notice; nor does a duty on
//   a day it is not owed (`owedOn`: before its `from`, after its `until`), nor a kept commitment.
// - Its steps, in the order they are reached: a reminder N working days before the deadline for
//   each N of the settings (on the working day with N working days left), the overdue notice on the
//   first working day after the deadline, the escalation once M working days overdue, and a second
//   escalation on the first working day the item is 严重逾期 (deadlineState's longOverdue: more than
//   LONG_OVERDUE_WORKING_DAYS working days overdue, as the board and the lists say it).
// - Each run sends at most one notice per obligation: the latest step reached; the earlier steps
//   of the same deadline not yet in the ledger are returned as superseded (missed days are caught
//   up once, not one message per missed day). A duty that becomes owed late (a draft now with the
//   head; a verification from the commitment's date) likewise gets the notice of where it stands.
// - A notice's key names the obligation, its deadline and the step: nothing in the ledger is
//   planned again, and a changed deadline (an extension) starts the steps afresh.

import { chineseDate, toLocalDate, type WorkingCalendar } from './calendar'
import { commitmentStatuses, CommitmentStateLabels, type CommitmentState } from './commitments'
import { deadlineState, dueText, LONG_OVERDUE_WORKING_DAYS } from './deadlines'
import { owedOn, type Duty } from './duties'
import { DeadlineStateLabels, DutyLabels } from './labels'
import { RoleLabels, sameId } from './lifecycle'
import type { ProposalFacts, Role } from './types'

type Id = string | number

// ── Settings ─────────────────────────────────────────────────────────────────────────────────

/**
 * 督办 settings of a session. Defaults (`DefaultSupervisionSettings`):
 * - reminders 3 and 1 working days before a deadline; escalation to the leader and the office
 *   after 5 working days overdue;
 * - 重点督办 (key) items: reminders 5, 3, 2 and 1 working days before (a week ahead, then every
 *   working day of the last three), escalation after 2 working days overdue.
 * 严重逾期 is not a setting: it is the one rule of core/deadlines.ts (LONG_OVERDUE_WORKING_DAYS),
 * so the sweep marks exactly what the board and the lists call 严重逾期.
 */
export interface SupervisionSettings {
  /** A reminder to the one responsible on the working day with this many working days left, for each number (none: no reminders). */
  reminderWorkingDays: readonly number[]
  /** Escalation to the leader and the office once the item is this many working days overdue. */
  escalationWorkingDays: number
  /** The reminders of a 重点督办 item. */
  keyReminderWorkingDays: readonly number[]
  /** The escalation of a 重点督办 item. */
  keyEscalationWorkingDays: number
}

export const DefaultSupervisionSettings: SupervisionSettings = {
  reminderWorkingDays: [3, 1],
  escalationWorkingDays: 5,
  keyReminderWorkingDays: [5, 3, 2, 1],
  keyEscalationWorkingDays: 2,
}

/** The longest a reminder may come before a deadline, in working days (about three months). */
export const MAX_REMINDER_WORKING_DAYS = 60

/**
 * Why these settings may not be saved, in zh-CN (null: they may): reminders are whole numbers of
 * working days from 1 to MAX_REMINDER_WORKING_DAYS; an escalation comes after 1 to
 * LONG_OVERDUE_WORKING_DAYS working days overdue (no later than 严重逾期).
 */
export function supervisionSettingsRefusal(s: SupervisionSettings): string | null {
  const reminders = (list: readonly number[], what: string) =>
    Array.isArray(list) && list.every((n) => Number.isInteger(n) && n >= 1 && n <= MAX_REMINDER_WORKING_DAYS)
      ? null
      : `${what}须为 1 至 ${MAX_REMINDER_WORKING_DAYS} 之间的整数（到期前的工作日数）`
  const escalation = (n: number, what: string) =>
    Number.isInteger(n) && n >= 1 && n <= LONG_OVERDUE_WORKING_DAYS ? null : `${what}须为 1 至 ${LONG_OVERDUE_WORKING_DAYS} 之间的整数（逾期的工作日数）`
  return (
    reminders(s.reminderWorkingDays, '到期提醒') ??
    escalation(s.escalationWorkingDays, '逾期上报') ??
    reminders(s.keyReminderWorkingDays, '重点督办事项的到期提醒') ??
    escalation(s.keyEscalationWorkingDays, '重点督办事项的逾期上报')
  )
}

// ── Obligations ──────────────────────────────────────────────────────────────────────────────

/** What a notice says of the proposal concerned. */
export interface ProposalRef {
  proposal: Id
  /** 编号; null while it has none. */
  number: string | null
  title: string
  /** 重点督办, marked by a leader: listed first within its group, shorter reminder intervals. */
  keyItem: boolean
}

/** One duty row (core/duties.ts `plannedDuties`) of a proposal: the step owed, by whom, by when, on which days. */
export interface DutyObligation extends ProposalRef, Duty {
  kind: 'duty'
  /** What the duty is about, in words, where one proposal owes several of its kind: the commitment's words for a 待验证. */
  subjectText?: string
}

/**
 * A commitment (承诺事项) of a published reply (core/commitments.ts): its section is reminded
 * before its date, and told when it is overdue and escalated after it, until it is verified as kept.
 * (The office's 待验证 is a duty of its own, owed from the commitment's date.)
 */
export interface CommitmentObligation extends ProposalRef {
  kind: 'commitment'
  /** The commitment's id. */
  commitment: string
  text: string
  /** Its 完成时限 (China-local YYYY-MM-DD). */
  due: string
  /** The section that promised it (the reply's); null for the office's own reply, the office then answers for it. */
  section: Id | null
  state: CommitmentState
}

export type Obligation = DutyObligation | CommitmentObligation

/** A proposal's duty rows as obligations. */
export const dutyObligations = (ref: ProposalRef, duties: readonly Duty[]): DutyObligation[] =>
  duties.map((d) => ({ ...ref, ...d, kind: 'duty' }))

/** A proposal's live commitments (those of its published replies no correction supersedes) as obligations, each with its state. */
export function commitmentObligations(ref: ProposalRef, p: Pick<ProposalFacts, 'replies' | 'followUps'>): CommitmentObligation[] {
  return commitmentStatuses(p).map((c) => ({
    ...ref,
    kind: 'commitment',
    commitment: c.id,
    text: c.text,
    due: c.dueDate,
    section: p.replies.find((r) => sameId(r.id, c.reply))?.section ?? null,
    state: c.state,
  }))
}

// ── Notices ──────────────────────────────────────────────────────────────────────────────────

export const SweepStages = ['reminder', 'overdue', 'escalation'] as const
export type SweepStage = (typeof SweepStages)[number]

/** The notices' names, as the admin's notice records show them. */
export const SweepStageLabels: Record<SweepStage, string> = { reminder: '到期提醒', overdue: '逾期提醒', escalation: '逾期督办' }

/** Why a group receives a notice: it owes the step; it is the head of who owes it; it supervises (the leader and the office, on escalation). */
export type Relation = 'responsible' | 'head' | 'supervisor'

/** A group of people a notice goes to: everyone of `role`, narrowed to a section or a person when set (as `Duty` names who owes). */
export interface RecipientGroup {
  role: Role
  section?: Id
  person?: Id
  as: Relation
}

/** One step of an obligation: its stage and its threshold (working days left for a reminder; working days overdue for the others). */
export interface Step {
  stage: SweepStage
  threshold: number
}

export interface Notice extends Step {
  /** Names the obligation, its deadline and the step: the ledger's key. */
  key: string
  /** The day of the sweep (China-local). */
  date: string
  obligation: Obligation
  due: string
  /** As `deadlineState`: working days left (0 on the day), negative when overdue (−3: 3 working days overdue). */
  workingDaysLeft: number
  /** 严重逾期 (deadlineState's longOverdue): heads the list. */
  veryOverdue: boolean
  /** Who owes it first, then (overdue) their head, then (escalation) the leader and the office; each group once. */
  recipients: RecipientGroup[]
}

/** An earlier step of a deadline not sent, passed over for the notice `by` (the ledger records it so, and never plans it). */
export interface Superseded extends Step {
  key: string
  by: string
}

export interface SweepPlan {
  date: string
  /** Most urgent first (`byUrgency`). */
  notices: Notice[]
  superseded: Superseded[]
}

export interface SweepOptions {
  /** The sweep's day, China-local YYYY-MM-DD. */
  today: string
  calendar: WorkingCalendar
  /** The session's settings, or a function giving each obligation its session's. */
  settings: SupervisionSettings | ((o: Obligation) => SupervisionSettings)
  /** The ledger: the keys sent or superseded before (at least those of `keysToCheck`). */
  sent: ReadonlySet<string>
}

/** The first step of 严重逾期: one working day more than LONG_OVERDUE_WORKING_DAYS overdue (deadlineState's longOverdue). */
export const VERY_OVERDUE_THRESHOLD = LONG_OVERDUE_WORKING_DAYS + 1

const StageOrder: Record<SweepStage, number> = { reminder: 0, overdue: 1, escalation: 2 }
// A step's place on one axis: working days overdue when it is reached (a reminder N: −N).
const position = (s: Step) => (s.stage === 'reminder' ? -s.threshold : s.threshold)

/** Every step of an obligation under these settings, in the order they are reached. */
export function stepsOf(keyItem: boolean, s: SupervisionSettings): Step[] {
  const reminders = keyItem ? s.keyReminderWorkingDays : s.reminderWorkingDays
  const escalation = keyItem ? s.keyEscalationWorkingDays : s.escalationWorkingDays
  const steps: Step[] = [
    ...[...new Set(reminders)].map((threshold) => ({ stage: 'reminder' as const, threshold })),
    { stage: 'overdue', threshold: 1 },
    ...[...new Set([escalation, VERY_OVERDUE_THRESHOLD])].map((threshold) => ({ stage: 'escalation' as const, threshold })),
  ]
  return steps.sort((a, b) => position(a) - position(b) || StageOrder[a.stage] - StageOrder[b.stage])
}

const idKey = (id: Id | null | undefined): string | null => (id == null ? null : String(id))

/** The ledger key of a step of an obligation: from the proposal, the step owed and by whom, what it concerns, the deadline, the stage and its threshold. */
export function noticeKey(o: Obligation, step: Step): string {
  const what =
    o.kind === 'duty'
      ? [o.action, o.role, idKey(o.section), idKey(o.person), idKey(o.subject)]
      : ['commitment', null, idKey(o.section), null, o.commitment]
  return JSON.stringify([String(o.proposal), ...what, o.due, step.stage, step.threshold])
}

/** What a sweep notice's ledger key names (noticeKey read back): ids as strings. */
export type NoticeKeyParts =
  | { kind: 'duty'; proposal: string; action: string; role: string; section: string | null; person: string | null; subject: string | null; due: string; stage: SweepStage; threshold: number }
  | { kind: 'commitment'; proposal: string; commitment: string; section: string | null; due: string; stage: SweepStage; threshold: number }

const isIdPart = (v: unknown): v is string | null => v === null || typeof v === 'string'

/** A sweep notice's ledger key read back (noticeKey's inverse); null for any other key (an event's, or one malformed). */
export function parseNoticeKey(key: string): NoticeKeyParts | null {
  let v: unknown
  try {
    v = JSON.parse(key)
  } catch {
    return null
  }
  if (!Array.isArray(v) || v.length !== 9) return null
  const [proposal, action, role, section, person, subject, due, stage, threshold] = v as unknown[]
  if (typeof proposal !== 'string' || typeof action !== 'string' || typeof due !== 'string' || typeof threshold !== 'number') return null
  if (!(SweepStages as readonly unknown[]).includes(stage) || !isIdPart(section) || !isIdPart(person) || !isIdPart(subject)) return null
  const at = { due, stage: stage as SweepStage, threshold }
  if (action === 'commitment') return role === null && person === null && typeof subject === 'string' ? { kind: 'commitment', proposal, commitment: subject, section, ...at } : null
  return typeof role === 'string' ? { kind: 'duty', proposal, action, role, section, person, subject, ...at } : null
}

/** Who owes the step. */
export function responsibleOf(o: Obligation): RecipientGroup {
  if (o.kind === 'commitment') return o.section != null ? { role: 'sectionStaff', section: o.section, as: 'responsible' } : { role: 'office', as: 'responsible' }
  return {
    role: o.role,
    ...(o.section != null ? { section: o.section } : {}),
    ...(o.person != null ? { person: o.person } : {}),
    as: 'responsible',
  }
}

/**
 * The head of who owes a step, told when it is overdue: a section's staff → that section's head;
 * a section head and the office → the leader; a representative → the office (who follows up
 * with representatives); the leader answers to no one here (the escalation tells the office).
 */
export function headOf(g: Pick<RecipientGroup, 'role' | 'section'>): RecipientGroup | null {
  switch (g.role) {
    case 'sectionStaff':
      return g.section != null ? { role: 'sectionHead', section: g.section, as: 'head' } : { role: 'leader', as: 'head' }
    case 'sectionHead':
    case 'office':
      return { role: 'leader', as: 'head' }
    case 'representative':
      return { role: 'office', as: 'head' }
    default:
      return null
  }
}

/** Who a stage goes to: reminder → who owes it; overdue → and their head; escalation → and the leader and the office. Each group once, the first reason kept. */
export function recipientsOf(o: Obligation, stage: SweepStage): RecipientGroup[] {
  const responsible = responsibleOf(o)
  const groups: (RecipientGroup | null)[] = [responsible]
  if (stage !== 'reminder') groups.push(headOf(responsible))
  if (stage === 'escalation') groups.push({ role: 'leader', as: 'supervisor' }, { role: 'office', as: 'supervisor' })
  const out: RecipientGroup[] = []
  for (const g of groups)
    if (g && !out.some((x) => x.role === g.role && idKey(x.section) === idKey(g.section) && idKey(x.person) === idKey(g.person))) out.push(g)
  return out
}

/** Whether an obligation is open on `today`: it has a deadline, it is owed that day (a duty), it is not verified as kept (a commitment). */
function open(o: Obligation, today: string): o is Obligation & { due: string } {
  if (o.due == null) return false
  return o.kind === 'commitment' ? o.state !== 'kept' : owedOn(o, today)
}

/** The steps of an obligation reached when it has `workingDaysLeft` (negative: overdue), in order. */
const reachedSteps = (o: Obligation, workingDaysLeft: number, s: SupervisionSettings): Step[] => stepsOf(o.keyItem, s).filter((step) => position(step) <= -workingDaysLeft)

/**
 * The ledger keys planSweep may look up on `today` (every step reached of every open obligation):
 * what to ask the ledger for, so that its answer (`sent`) is the size of the day's work, not of
 * every notice ever recorded.
 */
export function keysToCheck(obligations: Iterable<Obligation>, { today, calendar, settings }: Omit<SweepOptions, 'sent'>): Set<string> {
  const keys = new Set<string>()
  if (!calendar.isWorkingDay(today)) return keys
  for (const o of obligations) {
    if (!open(o, today)) continue
    const s = typeof settings === 'function' ? settings(o) : settings
    for (const step of reachedSteps(o, deadlineState(o.due, today, calendar).workingDaysLeft, s)) keys.add(noticeKey(o, step))
  }
  return keys
}

/**
 * The notices to send on `today`, and the earlier steps they supersede. Nothing on a day that is
 * not a working day; for each open obligation at most one notice, its latest step reached, unless
 * the ledger has it (see the rules at the top of this file).
 */
export function planSweep(obligations: Iterable<Obligation>, { today, calendar, settings, sent }: SweepOptions): SweepPlan {
  const plan: SweepPlan = { date: today, notices: [], superseded: [] }
  if (!calendar.isWorkingDay(today)) return plan
  const checked = new WeakSet<SupervisionSettings>()
  const planned = new Set<string>()
  for (const o of obligations) {
    if (!open(o, today)) continue
    const s = typeof settings === 'function' ? settings(o) : settings
    if (!checked.has(s)) {
      const refusal = supervisionSettingsRefusal(s)
      if (refusal) throw new RangeError(`督办设置有误：${refusal}`)
      checked.add(s)
    }
    const { state, workingDaysLeft } = deadlineState(o.due, today, calendar)
    const reached = reachedSteps(o, workingDaysLeft, s)
    const latest = reached.at(-1)
    if (!latest) continue
    const key = noticeKey(o, latest)
    if (sent.has(key) || planned.has(key)) continue
    planned.add(key)
    plan.notices.push({
      key,
      ...latest,
      date: today,
      obligation: o,
      due: o.due,
      workingDaysLeft,
      veryOverdue: state === 'longOverdue',
      recipients: recipientsOf(o, latest.stage),
    })
    for (const step of reached.slice(0, -1)) {
      const earlier = noticeKey(o, step)
      if (sent.has(earlier) || planned.has(earlier)) continue
      planned.add(earlier)
      plan.superseded.push({ key: earlier, ...step, by: key })
    }
  }
  plan.notices.sort(byUrgency)
  return plan
}

/** 0 严重逾期, 1 escalation, 2 overdue, 3 reminder. */
const urgencyGroup = (n: Notice) => (n.veryOverdue ? 0 : n.stage === 'escalation' ? 1 : n.stage === 'overdue' ? 2 : 3)

/**
 * Most urgent first: 严重逾期, then escalations, then overdue notices, then reminders; within
 * each, 重点督办 items first, then the longest overdue / fewest working days left; then by 编号 and key.
 */
export function byUrgency(a: Notice, b: Notice): number {
  return (
    urgencyGroup(a) - urgencyGroup(b) ||
    Number(b.obligation.keyItem) - Number(a.obligation.keyItem) ||
    a.workingDaysLeft - b.workingDaysLeft ||
    (a.obligation.number ?? '').localeCompare(b.obligation.number ?? '') ||
    (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)
  )
}

// ── Digests and messages ─────────────────────────────────────────────────────────────────────

/** A notice as one person receives it: why they receive it. */
export interface DigestItem {
  notice: Notice
  as: Relation
}

/** A staff member's one digest of a day's notices, most urgent first. */
export interface Digest {
  person: Id
  date: string
  items: DigestItem[]
}

/** A representative's message: one per notice (no digest). */
export interface EventMessage {
  person: Id
  date: string
  item: DigestItem
}

/**
 * The day's notices per person: `resolve` gives the ids of the people of a group (users for staff
 * roles, representatives for `representative`). Staff get one digest per day with each notice
 * once (as the first group that names them: responsible, head, supervisor), most urgent first
 * (`byUrgency`); representatives one message per notice. Digests and messages in the order their
 * person first appears.
 */
export function digestsOf(
  notices: readonly Notice[],
  resolve: (group: RecipientGroup, notice: Notice) => readonly Id[],
): { digests: Digest[]; messages: EventMessage[] } {
  const digests = new Map<string, Digest>()
  const messages: EventMessage[] = []
  const given = new Set<string>()
  for (const notice of [...notices].sort(byUrgency)) {
    for (const group of notice.recipients) {
      const representative = group.role === 'representative'
      for (const person of resolve(group, notice)) {
        const who = JSON.stringify([representative, String(person), notice.date])
        const once = JSON.stringify([who, notice.key])
        if (given.has(once)) continue
        given.add(once)
        const item = { notice, as: group.as }
        if (representative) messages.push({ person, date: notice.date, item })
        else {
          const digest = digests.get(who) ?? { person, date: notice.date, items: [] }
          digest.items.push(item)
          digests.set(who, digest)
        }
      }
    }
  }
  return { digests: [...digests.values()], messages }
}

/** A commitment named by its words: 承诺事项“年底前完成划线” (the digests' lines and the 督办台's rows). */
export const commitmentPhrase = (text: string): string => `承诺事项“${text}”`

/**
 * The step owed, in words: the queue's name (待起草答复, DutyLabels), with what it is about where one
 * proposal can owe several (待验证承诺事项“…”); or a commitment: 承诺事项“…”待兑现, or 经验证尚未兑现
 * once a verification found it not kept.
 */
export const obligationStep = (o: Obligation): string =>
  o.kind === 'duty'
    ? `${DutyLabels[o.action]}${o.subjectText ? commitmentPhrase(o.subjectText) : ''}`
    : `${commitmentPhrase(o.text)}${o.state === 'unkept' ? CommitmentStateLabels.unkept : '待兑现'}`

/** Who owes an obligation, in words by default: the role's name (科室经办人); the CMS passes one that names the section or person. */
export const ownerByRole = (o: Obligation): string => RoleLabels[responsibleOf(o).role]

const proposalName = (o: Obligation) => (o.number ? `${o.number}「${o.title}」` : `「${o.title}」`)

/**
 * One line of a digest: 【重点督办】2026-017「小区停车难」待起草答复（城管科），期限 2026年10月9日，
 * 已逾期 5 个工作日. Who owes it is named when it is not the reader (`owner`); how the deadline
 * stands is core/deadlines.ts `dueText` on the sweep's day.
 */
export function noticeLine({ notice, as }: DigestItem, cal: WorkingCalendar, owner: (o: Obligation) => string = ownerByRole): string {
  const o = notice.obligation
  return [
    o.keyItem ? '【重点督办】' : '',
    proposalName(o),
    obligationStep(o),
    as === 'responsible' ? '' : `（${owner(o)}）`,
    `，期限 ${chineseDate(notice.due)}，${dueText(notice.due, notice.date, cal)}`,
  ].join('')
}

/** A digest's subject: 【督办】您有 2 件待办、1 件需督促：严重逾期 1 件，已逾期 1 件，即将到期 1 件. */
export function digestSubject(d: Digest): string {
  const own = d.items.filter((i) => i.as === 'responsible').length
  const others = d.items.length - own
  const whose = [own ? `${own} 件待办` : '', others ? `${others} 件需督促` : ''].filter(Boolean).join('、')
  const very = d.items.filter((i) => i.notice.veryOverdue).length
  const overdue = d.items.filter((i) => !i.notice.veryOverdue && i.notice.stage !== 'reminder').length
  const soon = d.items.filter((i) => i.notice.stage === 'reminder').length
  const counts = [
    very ? `${DeadlineStateLabels.longOverdue} ${very} 件` : '',
    overdue ? `${DeadlineStateLabels.overdue} ${overdue} 件` : '',
    soon ? `${DeadlineStateLabels.dueSoon} ${soon} 件` : '',
  ].filter(Boolean)
  return `【督办】您有 ${whose}：${counts.join('，')}`
}

/** A digest's text: its lines, numbered, most urgent first. */
export function digestText(d: Digest, cal: WorkingCalendar, owner: (o: Obligation) => string = ownerByRole): string {
  return [...d.items]
    .sort((a, b) => byUrgency(a.notice, b.notice))
    .map((item, i) => `${i + 1}. ${noticeLine(item, cal, owner)}`)
    .join('\n')
}

/** A representative's message: 【提醒】您的提案 2026-017「小区停车难」待评价，期限 2026年10月9日，剩 1 个工作日。 */
export function eventMessageText(m: EventMessage, cal: WorkingCalendar): string {
  const n = m.item.notice
  return `【提醒】您的提案 ${proposalName(n.obligation)}${obligationStep(n.obligation)}，期限 ${chineseDate(n.due)}，${dueText(n.due, n.date, cal)}。`
}

// ── Quiet hours ──────────────────────────────────────────────────────────────────────────────

/** A person's quiet hours, China time (HH:MM, 24-hour): from `from` until `to`, across midnight when `to` is earlier. */
export interface QuietHours {
  from: string
  to: string
}

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/
const MINUTE_MS = 60_000
const DAY_MS = 86_400_000
const CHINA_OFFSET_MS = 8 * 3_600_000

function minutesOf(hhmm: string): number {
  const m = typeof hhmm === 'string' ? HHMM.exec(hhmm) : null
  if (!m) throw new RangeError(`Invalid time of day (expected HH:MM): ${JSON.stringify(hhmm)}`)
  return Number(m[1]) * 60 + Number(m[2])
}

/**
 * When a message due at `nowISO` may go out (an ISO timestamp, UTC): now, unless now is within the
 * quiet hours in China time (Asia/Shanghai, UTC+8, no DST), then the moment they end (the same
 * morning, or the next one when the quiet hours began before midnight). Quiet hours run from
 * `from` inclusive to `to` exclusive; equal times mean none.
 */
export function deliveryTime(nowISO: string, quiet: QuietHours | null): string {
  // toLocalDate checks the timestamp (a zone required); a bare date is not a moment.
  if (typeof nowISO !== 'string' || !nowISO.includes('T')) throw new RangeError(`Invalid ISO timestamp (zone required): ${JSON.stringify(nowISO)}`)
  toLocalDate(nowISO)
  const ms = Date.parse(nowISO)
  if (!quiet) return new Date(ms).toISOString()
  const from = minutesOf(quiet.from)
  const to = minutesOf(quiet.to)
  const local = ms + CHINA_OFFSET_MS
  const midnight = Math.floor(local / DAY_MS) * DAY_MS
  const minute = Math.floor((local - midnight) / MINUTE_MS)
  const quietNow = from < to ? from <= minute && minute < to : from > to ? minute >= from || minute < to : false
  if (!quietNow) return new Date(ms).toISOString()
  const day = from > to && minute >= from ? midnight + DAY_MS : midnight
  return new Date(day + to * MINUTE_MS - CHINA_OFFSET_MS).toISOString()
}
