// Demo data: a year and a half of a sub-district's proposals, walked through the real
// lifecycle with the Local API as the person whose job each step is (overrideAccess: false),
// on a simulated clock (APP_NOW) that runs in office hours up to the load day.
//
// Two halves: `planDemo(now)` is pure and deterministic (a seeded PRNG, the statutory
// calendar): who proposes what, and the instant of every step. `seedDemo` creates the
// reference data and accounts, then replays the plan step by step. Only accounts and
// reference data are written with overrideAccess.
import { coSign } from './coSign'
import type { Payload, RequiredDataFromCollectionSlug } from 'payload'
import type { Proposal, Reply, Representative, User } from '../payload-types'
import { addCalendarDays, DefaultCalendarData, toLocalDate, WorkingCalendar } from '../../core/calendar'
import { isScreenedOut } from '../../core/lifecycle'
import type { ProposalStatus, Rating, ReplyClass, ScreeningDecision } from '../../core/types'
import { DefaultDeadlineSettings, ProposalStatuses } from '../../core/types'
import { docId } from '../access/actor'
import { invalidateCalendar } from '../lib/calendar'
import { createReferenceData, createStaff, DemoPassword, SectionSeeds } from './reference'
import { numberSignedOffReplies } from '../lib/docNumbers'
import * as T from './demoText'
import type { SectionSlug, Topic } from './demoText'
import { SeedContext } from './context'
import { createLocalReq, type TypedUser } from 'payload'
import { mayTakeSupervisionAction } from '../../core/actions'
import { UrgeAction } from '../../core/supervision'
import { actorOf } from '../access/actor'
import { appendEvent } from '../collections/Proposals/hooks/recordEvent'

/* ------------------------------------------------------------------ randomness */

/** The fixed seed: the same load day always gives the same data. */
export const DemoRandomSeed = 0x5eed2026

/** mulberry32: a small, fast, well-mixed 32-bit PRNG. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

class Rng {
  private readonly next: () => number
  constructor(seed: number) {
    this.next = mulberry32(seed)
  }
  float(): number {
    return this.next()
  }
  /** An integer in [a, b]. */
  int(a: number, b: number): number {
    return a + Math.floor(this.next() * (b - a + 1))
  }
  pick<X>(xs: readonly X[]): X {
    return xs[Math.floor(this.next() * xs.length)]
  }
  chance(p: number): boolean {
    return this.next() < p
  }
  shuffle<X>(xs: readonly X[]): X[] {
    const a = [...xs]
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1))
      ;[a[i], a[j]] = [a[j], a[i]]
    }
    return a
  }
}

/* ------------------------------------------------------------------ time */

const MINUTE = 60_000
const CHINA_OFFSET = 8 * 60 * MINUTE
const OPEN = 9 * 60 // 09:00
const LAST = 17 * 60 // latest start of a planned step
const CLOSE = 17 * 60 + 30

/** A China local date and minutes after midnight → epoch ms. */
const instant = (localDate: string, minutes: number): number => Date.parse(`${localDate}T00:00:00Z`) - CHINA_OFFSET + minutes * MINUTE
const localOf = (ms: number): string => toLocalDate(new Date(ms).toISOString())
const minutesOf = (ms: number): number => Math.floor(((ms + CHINA_OFFSET) % 86_400_000) / MINUTE)
const iso = (ms: number): string => new Date(ms).toISOString()

/**
 * One proposal's clock: moves forward in working days, each step at an office-hour minute.
 * Never passes `limit` (the close of the last working day before the load day): a step that
 * would is squeezed in a few minutes after the previous one, so every step stays in the past.
 */
class Timeline {
  t: number
  constructor(
    private readonly cal: WorkingCalendar,
    private readonly rng: Rng,
    private readonly limit: number,
    private readonly hardLimit: number,
    startDate: string,
  ) {
    this.t = this.clamp(instant(this.prevWorking(startDate), this.minute()))
  }
  private minute(): number {
    return OPEN + 5 * this.rng.int(0, (LAST - OPEN) / 5)
  }
  private prevWorking(d: string): string {
    while (!this.cal.isWorkingDay(d)) d = addCalendarDays(d, -1)
    return d
  }
  private clamp(candidate: number): number {
    if (candidate <= this.limit) return candidate
    const squeezed = Math.max(this.t ?? 0, this.limit) + 5 * MINUTE
    if (squeezed >= this.hardLimit) throw new Error('演示数据计划错误：步骤晚于载入时间')
    return squeezed
  }
  get local(): string {
    return localOf(this.t)
  }
  /** The candidate instant `wd` working days later (0: later the same day, or the next working morning). */
  private candidate(wd: number): number {
    if (wd > 0) return instant(this.cal.addWorkingDays(this.local, wd), this.minute())
    const m = minutesOf(this.t) + this.rng.int(2, 18) * 5
    if (m <= CLOSE) return this.t + (m - minutesOf(this.t)) * MINUTE
    return instant(this.cal.addWorkingDays(this.local, 1), OPEN + 5 * this.rng.int(0, 12))
  }
  after(wd: number): number {
    this.t = this.clamp(this.candidate(wd))
    return this.t
  }
  /** An optional step: taken only when it falls before the limit. */
  tryAfter(wd: number): number | null {
    const c = this.candidate(wd)
    if (c > this.limit) return null
    this.t = c
    return c
  }
  /** To a later date (rolled to a working day), or a little later today when the date has passed. */
  advanceTo(date: string): number {
    if (date <= this.local) return this.after(0)
    this.t = this.clamp(instant(this.cal.nextWorkingDay(date), this.minute()))
    return this.t
  }
}

/* ------------------------------------------------------------------ scenarios */

type Stop = 'screened' | 'instructed' | 'replied'

/** One proposal's story, by its final status and what happens on the way. */
interface Scenario {
  to: ProposalStatus
  /** Current session: days before the load day the proposal was submitted. Previous session: days after 2 March of that year. */
  age: number
  decision?: ScreeningDecision
  /** `accepted` only: the office has already assigned it. */
  assign?: boolean
  /** Screened-out items that are not closed yet: how far they got. */
  stop?: Stop
  cls?: ReplyClass
  /** The proposer's evaluation of round 1; 'none': no evaluation came (closed with a reason). */
  rating?: Rating | 'none'
  cls2?: ReplyClass
  rating2?: Rating
  /** Extensions requested by the lead section and approved by a leader: months from assignment each. */
  ext?: number[]
  /** `inProgress` only: a request for this many months from assignment still waits for the leader at the load day (待审批延期). */
  ask?: number
  /** Reply this many working days after the (extended) deadline. */
  late?: number
  /** Reply this many working days after taking the item on. */
  replyIn?: number
  /** Commitments of an `evaluated` item: none checked yet, one checked and found unfinished, or the first verified. */
  verify?: 'none' | 'failed' | 'partial'
  /** B commitments are due this many days after publication. */
  dueIn?: number
  conf?: boolean
  note?: boolean
  rep01?: boolean
  coEval?: boolean
  /** The office publishes a correction of the first reply before the proposer evaluates. */
  correct?: boolean
  /** `merged`: index of the proposal (same list) it is merged into. */
  target?: number
  /** `inProgress` only: how far its reply got at the load day — drafted (待签发), returned to its writer (退回修改), signed off (待公开). */
  held?: 'drafted' | 'returned' | 'signed'
  /** A topic with co-sections, none of which gives its opinion: the reply is signed off after their deadline and names them. */
  silent?: boolean
  /** The first commitment's verification is entered wrongly (not kept), then corrected by a second record. */
  fixVerify?: boolean
  /** `inProgress` only: a leader has marked it 重点督办. */
  key?: boolean
  /** `inProgress` only: 催办 by the office (its note made public) or a leader (its note internal). */
  urge?: 'office' | 'leader'
}

/** Last year's session: nearly all closed, two B replies with commitments still open. */
const PreviousScenarios: Scenario[] = [
  /* 0 */ { to: 'closed', age: 0, cls: 'A', rating: 'satisfied', coEval: true },
  /* 1 */ { to: 'closed', age: 2, cls: 'B', rating: 'basicallySatisfied', dueIn: 60 },
  /* 2 */ { to: 'closed', age: 3, cls: 'A', rating: 'satisfied', rep01: true },
  /* 3 */ { to: 'closed', age: 5, cls: 'C', rating: 'basicallySatisfied' },
  /* 4 */ { to: 'closed', age: 7, cls: 'B', rating: 'satisfied', dueIn: 90, note: true },
  /* 5 */ { to: 'closed', age: 8, cls: 'A', rating: 'dissatisfied', cls2: 'A', rating2: 'satisfied' },
  /* 6 */ { to: 'closed', age: 10, cls: 'A', rating: 'satisfied', ext: [2], late: 0 },
  /* 7 */ { to: 'closed', decision: 'merged', age: 12, target: 1 },
  /* 8 */ { to: 'closed', age: 13, cls: 'B', rating: 'satisfied', dueIn: 45, coEval: true },
  /* 9 */ { to: 'closed', age: 15, cls: 'A', rating: 'none' },
  /* 10 */ { to: 'closed', age: 16, cls: 'C', rating: 'dissatisfied', cls2: 'B', rating2: 'basicallySatisfied', dueIn: 60 },
  /* 11 */ { to: 'closed', age: 18, cls: 'A', rating: 'basicallySatisfied', conf: true },
  /* 12 */ { to: 'closed', decision: 'redirected', age: 20 },
  /* 13 */ { to: 'closed', age: 22, cls: 'B', rating: 'satisfied', dueIn: 120 },
  /* 14 */ { to: 'closed', age: 24, cls: 'A', rating: 'satisfied', late: 4 },
  /* 15 */ { to: 'closed', age: 26, cls: 'A', rating: 'satisfied' },
  /* 16 */ { to: 'closed', decision: 'notAccepted', age: 28 },
  /* 17 */ { to: 'closed', age: 30, cls: 'C', rating: 'none' },
  /* 18 */ { to: 'closed', age: 33, cls: 'B', rating: 'basicallySatisfied', dueIn: 75, ext: [2] },
  /* 19 */ { to: 'evaluated', age: 35, cls: 'B', rating: 'basicallySatisfied', dueIn: 400, verify: 'none', note: true },
  /* 20 */ { to: 'closed', age: 38, cls: 'A', rating: 'satisfied', coEval: true },
  /* 21 */ { to: 'closed', age: 41, cls: 'A', rating: 'dissatisfied', cls2: 'C', rating2: 'dissatisfied' },
  /* 22 */ { to: 'closed', age: 45, cls: 'B', rating: 'satisfied', dueIn: 30 },
  /* 23 */ { to: 'closed', age: 50, cls: 'A', rating: 'basicallySatisfied' },
  /* 24 */ { to: 'evaluated', age: 55, cls: 'B', rating: 'satisfied', dueIn: 150, verify: 'failed' },
  /* 25 */ { to: 'closed', age: 60, cls: 'A', rating: 'satisfied' },
  /* 26 */ { to: 'closed', age: 70, cls: 'C', rating: 'basicallySatisfied' },
  /* 27 */ { to: 'closed', age: 80, cls: 'B', rating: 'satisfied', dueIn: 40, conf: true },
  /* 28 */ { to: 'closed', age: 95, cls: 'A', rating: 'satisfied' },
  /* 29 */ { to: 'closed', age: 110, cls: 'A', rating: 'basicallySatisfied' },
]

/** This year's session: every status, with overdue and long-overdue items at the load day. */
const CurrentScenarios: Scenario[] = [
  // closed
  /* 0 */ { to: 'closed', age: 300, cls: 'A', rating: 'satisfied', coEval: true },
  /* 1 */ { to: 'closed', age: 290, cls: 'B', rating: 'satisfied', dueIn: 60 },
  /* 2 */ { to: 'closed', age: 280, cls: 'A', rating: 'dissatisfied', cls2: 'A', rating2: 'satisfied', rep01: true },
  /* 3 */ { to: 'closed', age: 270, cls: 'C', rating: 'basicallySatisfied' },
  /* 4 */ { to: 'closed', age: 255, cls: 'B', rating: 'basicallySatisfied', dueIn: 45, note: true },
  /* 5 */ { to: 'closed', age: 240, cls: 'A', rating: 'none' },
  /* 6 */ { to: 'closed', age: 230, decision: 'merged', target: 1 },
  /* 7 */ { to: 'closed', age: 220, cls: 'A', rating: 'satisfied', ext: [2], late: 2 },
  /* 8 */ { to: 'closed', age: 210, cls: 'B', rating: 'dissatisfied', cls2: 'B', rating2: 'basicallySatisfied', dueIn: 30 },
  /* 9 */ { to: 'closed', age: 195, cls: 'B', rating: 'satisfied', dueIn: 40, conf: true },
  /* 10 */ { to: 'closed', age: 180, decision: 'notAccepted' },
  /* 11 */ { to: 'closed', age: 170, cls: 'A', rating: 'basicallySatisfied', coEval: true },
  /* 12 */ { to: 'closed', age: 160, cls: 'A', rating: 'satisfied' },
  /* 13 */ { to: 'closed', age: 145, cls: 'C', rating: 'basicallySatisfied' },
  /* 14 */ { to: 'closed', age: 130, cls: 'A', rating: 'satisfied' },
  // evaluated: waiting for follow-up, verification, closing
  /* 15 */ { to: 'evaluated', age: 150, cls: 'A', rating: 'dissatisfied', cls2: 'C', rating2: 'dissatisfied', note: true },
  /* 16 */ { to: 'evaluated', age: 125, cls: 'B', rating: 'basicallySatisfied', dueIn: 40, verify: 'failed' },
  /* 17 */ { to: 'evaluated', age: 95, cls: 'B', rating: 'satisfied', dueIn: 150, verify: 'none' },
  /* 18 */ { to: 'evaluated', age: 75, cls: 'A', rating: 'satisfied', correct: true },
  /* 19 */ { to: 'evaluated', age: 68, cls: 'B', rating: 'basicallySatisfied', dueIn: 120, verify: 'none', coEval: true },
  // rehandling
  /* 20 */ { to: 'rehandling', age: 112, cls: 'C', rating: 'dissatisfied', replyIn: 12 },
  /* 21 */ { to: 'rehandling', age: 78, cls: 'A', rating: 'dissatisfied', rep01: true },
  /* 22 */ { to: 'rehandling', age: 55, cls: 'B', rating: 'dissatisfied', dueIn: 60, replyIn: 10 },
  // replied: waiting for the proposer's evaluation
  /* 23 */ { to: 'replied', age: 100, cls: 'A', rating: 'dissatisfied', cls2: 'B', dueIn: 50 },
  /* 24 */ { to: 'replied', age: 45, cls: 'C', replyIn: 20 },
  /* 25 */ { to: 'replied', age: 33, cls: 'A', replyIn: 14, rep01: true },
  /* 26 */ { to: 'replied', age: 28, cls: 'B', replyIn: 10, dueIn: 45 },
  /* 27 */ { to: 'replied', age: 40, cls: 'A', replyIn: 18, coEval: true },
  // inProgress: on track, due soon, overdue, long overdue, extended
  /* 28 */ { to: 'inProgress', age: 16 },
  /* 29 */ { to: 'inProgress', age: 24, ask: 2 },
  /* 30 */ { to: 'inProgress', age: 33 },
  /* 31 */ { to: 'inProgress', age: 44, note: true },
  /* 32 */ { to: 'inProgress', age: 52 },
  /* 33 */ { to: 'inProgress', age: 82, urge: 'leader' },
  /* 34 */ { to: 'inProgress', age: 96, note: true },
  /* 35 */ { to: 'inProgress', age: 55, ext: [2] },
  /* 36 */ { to: 'inProgress', age: 106, ext: [2, 3], key: true, urge: 'office' },
  // instructed: waiting for the lead section to take it on
  /* 37 */ { to: 'instructed', age: 7 },
  /* 38 */ { to: 'instructed', age: 14 },
  /* 39 */ { to: 'instructed', age: 30 },
  /* 40 */ { to: 'instructed', age: 48 },
  // accepted: waiting for the leader's instruction
  /* 41 */ { to: 'accepted', age: 5, assign: true },
  /* 42 */ { to: 'accepted', age: 4 },
  /* 43 */ { to: 'accepted', age: 20, assign: true },
  // submitted: waiting for screening
  /* 44 */ { to: 'submitted', age: 1, rep01: true },
  /* 45 */ { to: 'submitted', age: 3 },
  /* 46 */ { to: 'submitted', age: 9 },
  /* 47 */ { to: 'submitted', age: 38 },
  // screened out
  /* 48 */ { to: 'merged', decision: 'merged', age: 6, target: 29, stop: 'screened' },
  /* 49 */ { to: 'merged', decision: 'merged', age: 40, target: 34, stop: 'replied' },
  /* 50 */ { to: 'redirected', decision: 'redirected', age: 12, stop: 'instructed' },
  /* 51 */ { to: 'redirected', decision: 'redirected', age: 30, stop: 'replied' },
  /* 52 */ { to: 'notAccepted', decision: 'notAccepted', age: 4, stop: 'screened' },
  /* 53 */ { to: 'notAccepted', decision: 'notAccepted', age: 26, stop: 'replied' },
  // instructed, then left without the written explanation the proposer is owed: overdue
  /* 54 */ { to: 'notAccepted', decision: 'notAccepted', age: 45, stop: 'instructed' },
  // drafts
  /* 55 */ { to: 'draft', age: 2, rep01: true },
  /* 56 */ { to: 'draft', age: 9 },
  /* 57 */ { to: 'draft', age: 17 },
  /* 58 */ { to: 'draft', age: 30 },
  // replies on their way: waiting for the head's 签发, returned to the writer, waiting for 公开
  /* 59 */ { to: 'inProgress', age: 40, held: 'drafted' },
  /* 60 */ { to: 'inProgress', age: 36, held: 'returned' },
  /* 61 */ { to: 'inProgress', age: 50, held: 'signed' },
  // a co-section that never gave its opinion (named in the reply and on its record)
  /* 62 */ { to: 'replied', age: 60, cls: 'A', replyIn: 15, silent: true },
  // a verification entered wrongly, then corrected
  /* 63 */ { to: 'closed', age: 200, cls: 'B', rating: 'satisfied', dueIn: 40, fixVerify: true },
]

/* ------------------------------------------------------------------ the plan */

export type Step =
  | { kind: 'create'; at: number }
  | { kind: 'submit'; at: number }
  | { kind: 'screen'; at: number; decision: ScreeningDecision; reason: string; confidentialReason?: string; internalNotes?: string }
  | { kind: 'assign'; at: number }
  | { kind: 'instruct'; at: number; text: string; changeStatus: boolean; deadline?: string }
  | { kind: 'takeOn'; at: number }
  | { kind: 'coOpinion'; at: number; section: SectionSlug; text: string }
  | { kind: 'extend'; at: number; newDeadline: string; reason: string }
  | { kind: 'requestExtension'; at: number; newDeadline: string; reason: string }
  | { kind: 'draftReply'; at: number; round: number; by: 'staff' | 'head' | 'office'; cls: ReplyClass; text: string; commitments: { text: string; dueDate: string }[]; corrects?: boolean }
  | { kind: 'signOff'; at: number; round: number }
  | { kind: 'returnDraft'; at: number; round: number; reason: string }
  | { kind: 'publish'; at: number; round: number }
  | { kind: 'evaluate'; at: number; round: number; who: number; rating: Rating; comment?: string }
  | { kind: 'followUp'; at: number; followUp: 'visit' | 'call' | 'verification'; notes: string; commitment?: { round: number; index: number }; verified?: boolean; correctionNote?: string }
  | { kind: 'close'; at: number; noEvaluationReason?: string }
  | { kind: 'markKey'; at: number }
  | { kind: 'urge'; at: number; by: 'office' | 'leader'; note: string; notePublic: boolean }

export interface PlannedProposal {
  key: string
  session: 'previous' | 'current'
  status: ProposalStatus
  title: string
  body: string
  category: T.Category
  area: number
  /** Representative indexes (0 = rep01). */
  proposer: number
  coSigners: number[]
  lead: SectionSlug | null
  co: SectionSlug[]
  /** `merged`: the key of the proposal it is merged into. */
  mergedInto?: string
  steps: Step[]
}

export interface DemoPlan {
  year: number
  representatives: { username: string; name: string; area: number; kind: 'resident' | 'deputy'; phone: string; idNumber: string; address: string }[]
  /** In the order they are replayed: by submission (drafts by creation). */
  proposals: PlannedProposal[]
}

const sectionName = (slug: SectionSlug): string => SectionSeeds.find((s) => s.slug === slug)!.name

const fill = (template: string, vars: Record<string, string | number>): string =>
  template.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m))

/** An 18-character ID number that is plainly not anyone's: region 310000 is a province code, never issued. */
function fakeIdNumber(i: number, rng: Rng): string {
  const born = `19${rng.int(45, 85)}${String(rng.int(1, 12)).padStart(2, '0')}${String(rng.int(1, 28)).padStart(2, '0')}`
  const body = `310000${born}${String(i).padStart(3, '0')}`
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  const sum = [...body].reduce((s, ch, k) => s + Number(ch) * weights[k], 0)
  return body + '10X98765432'[sum % 11]
}

/** China local year of an instant. */
export const chinaYear = (now: Date): number => Number(toLocalDate(now.toISOString()).slice(0, 4))

export function planDemo(now: Date): DemoPlan {
  const rng = new Rng(DemoRandomSeed)
  const cal = new WorkingCalendar(DefaultCalendarData)
  const year = chinaYear(now)
  const nowMs = now.getTime()
  const today = toLocalDate(now.toISOString())
  let lastWorking = addCalendarDays(today, -1)
  while (!cal.isWorkingDay(lastWorking)) lastWorking = addCalendarDays(lastWorking, -1)
  const limit = Math.min(instant(lastWorking, CLOSE), nowMs - 60 * MINUTE)
  const hardLimit = nowMs - MINUTE

  const representatives = T.RepresentativeSeeds.map((r, i) => {
    const places = T.AreaPlaces[r.area]
    return {
      username: `rep${String(i + 1).padStart(2, '0')}`,
      name: r.name,
      area: r.area,
      kind: (r.deputy ? 'deputy' : 'resident') as 'resident' | 'deputy',
      phone: `1390000${String(1001 + i).padStart(4, '0')}`,
      idNumber: fakeIdNumber(i + 1, rng),
      address: `${places.c}${rng.int(1, 28)}号楼${rng.int(1, 4)}单元${rng.int(1, 6)}0${rng.int(1, 4)}室`,
    }
  })
  const repsOfArea = (area: number) => representatives.map((r, i) => (r.area === area ? i : -1)).filter((i) => i >= 0)

  const usedTitles = new Set<string>()
  const all: PlannedProposal[] = []
  let redirectNext = 0
  let notAcceptedNext = 0

  for (const session of ['previous', 'current'] as const) {
    const scenarios = session === 'previous' ? PreviousScenarios : CurrentScenarios
    // Topics: targets of a merge get one with a duplicate text, confidential items one with a reason.
    const topics = rng.shuffle(T.Topics)
    const takeTopic = (want: (t: Topic) => boolean): Topic => {
      const i = topics.findIndex(want)
      return topics.splice(i >= 0 ? i : 0, 1)[0]
    }
    const targets = new Set(scenarios.filter((s) => s.target != null).map((s) => s.target!))
    const topicOf = new Map<number, Topic>()
    scenarios.forEach((s, i) => {
      if (targets.has(i)) topicOf.set(i, takeTopic((t) => !!t.dup))
    })
    scenarios.forEach((s, i) => {
      if (s.conf) topicOf.set(i, takeTopic((t) => !!t.conf && !t.dup))
    })
    const planned: PlannedProposal[] = []
    const byIndex = new Map<number, PlannedProposal>()
    const placeVars = new Map<PlannedProposal, Record<string, string | number>>()

    // Merge targets first, so that a merged item can copy its target's place and topic.
    const order = scenarios.map((_, i) => i).sort((a, b) => Number(targets.has(b)) - Number(targets.has(a)))
    for (const i of order) {
      const s = scenarios[i]
      const decision: ScreeningDecision = s.decision ?? 'accepted'
      let title = ''
      let body = ''
      let category: T.Category
      let proposer = 0
      let vars: Record<string, string | number> = {}
      let topic: Topic | undefined
      let special: { reason: string; reply: string } | undefined
      let mergedInto: PlannedProposal | undefined
      if (decision === 'merged') {
        mergedInto = byIndex.get(s.target!)!
        const tv = placeVars.get(mergedInto)!
        const candidates = repsOfArea(mergedInto.area).filter((r) => r !== mergedInto!.proposer && r !== 0)
        proposer = rng.pick(candidates)
        vars = tv
        const dup = topicOf.get(s.target!)!.dup!
        title = fill(dup.t, vars)
        body = fill(dup.b, vars)
        category = mergedInto.category
      } else {
        if (decision === 'redirected') {
          const st = T.RedirectTopics[redirectNext++ % T.RedirectTopics.length]
          special = st
          ;({ cat: category } = st)
          ;[title, body] = [st.t, st.b]
        } else if (decision === 'notAccepted') {
          const st = T.NotAcceptedTopics[notAcceptedNext++ % T.NotAcceptedTopics.length]
          special = st
          ;({ cat: category } = st)
          ;[title, body] = [st.t, st.b]
        } else {
          topic = topicOf.get(i) ?? takeTopic(s.silent ? (t) => t.co.length > 0 : () => true)
          topicOf.set(i, topic)
          category = topic.cat
          ;[title, body] = [topic.t, topic.b]
        }
        // A proposer for whom the filled-in title is new (the same topic may recur in another estate).
        for (let tries = 0; ; tries++) {
          proposer = s.rep01 && tries === 0 ? 0 : rng.int(0, representatives.length - 1)
          if (proposer === 0 && !s.rep01 && tries < 40) continue
          const places = T.AreaPlaces[representatives[proposer].area]
          vars = { ...places, n: rng.int(1, 28) }
          if (!usedTitles.has(fill(title, vars)) || tries > 60) break
        }
      }
      const area = representatives[proposer].area
      const finalTitle = fill(title, vars)
      usedTitles.add(finalTitle)

      // Co-signers: neighbours from the same area, on about four in ten items (always when they evaluate).
      const neighbours = rng.shuffle(repsOfArea(area).filter((r) => r !== proposer))
      const coCount = s.coEval ? rng.int(1, 2) : rng.chance(0.4) ? rng.int(1, 2) : 0
      const coSigners = neighbours.slice(0, coCount).sort((a, b) => a - b)

      const p: PlannedProposal = {
        key: `${session}-${String(i).padStart(2, '0')}`,
        session,
        status: s.to,
        title: finalTitle,
        body: fill(body, vars),
        category: category!,
        area,
        proposer,
        coSigners,
        lead: topic ? topic.lead : null,
        co: topic ? [...topic.co] : [],
        mergedInto: mergedInto?.key,
        steps: [],
      }
      placeVars.set(p, vars)
      byIndex.set(i, p)

      const start =
        session === 'current'
          ? toLocalDate(new Date(nowMs - s.age * 86_400_000).toISOString())
          : addCalendarDays(`${year - 1}-03-02`, s.age)
      p.steps = planSteps(s, p, { rng, cal, limit, hardLimit, start, vars, topic, special, proposerName: representatives[proposer].name })
      if (mergedInto && firstSubmit(p) <= firstSubmit(mergedInto)) throw new Error(`演示数据计划错误：${p.key} 早于被并入的提案提交`)
      planned.push(p)
    }
    all.push(...planned)
  }

  const firstAt = (p: PlannedProposal) => p.steps.find((s) => s.kind === 'submit')?.at ?? p.steps[0].at
  all.sort((a, b) => firstAt(a) - firstAt(b) || a.key.localeCompare(b.key))
  return { year, representatives, proposals: all }
}

/** Promises are made "by the end of the month": its last working day. */
function monthEnd(cal: WorkingCalendar, date: string): string {
  const [y, m] = date.split('-').map(Number)
  let d = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10)
  while (!cal.isWorkingDay(d)) d = addCalendarDays(d, -1)
  return d
}

const firstSubmit = (p: PlannedProposal): number => p.steps.find((s) => s.kind === 'submit')?.at ?? Infinity

interface StepContext {
  rng: Rng
  cal: WorkingCalendar
  limit: number
  hardLimit: number
  start: string
  vars: Record<string, string | number>
  topic?: Topic
  special?: { reason: string; reply: string }
  proposerName: string
}

function planSteps(s: Scenario, p: PlannedProposal, c: StepContext): Step[] {
  const { rng, cal } = c
  const steps: Step[] = []
  const decision: ScreeningDecision = s.decision ?? 'accepted'
  const settings = DefaultDeadlineSettings
  const lead = p.lead
  const leadName = lead ? sectionName(lead) : ''
  const coText = p.co.length ? `，${p.co.map(sectionName).join('、')}配合` : ''
  const v = { ...c.vars, lead: leadName, co: coText, rep: c.proposerName, title: p.title }

  // Submitted `age` days ago; the draft was written the same day or a few days before.
  const submitDate = c.start
  const tl = new Timeline(cal, rng, c.limit, c.hardLimit, rng.chance(0.5) ? submitDate : addCalendarDays(submitDate, -rng.int(1, 6)))
  steps.push({ kind: 'create', at: tl.t })
  if (s.to === 'draft') return steps
  steps.push({ kind: 'submit', at: tl.advanceTo(submitDate) })
  if (s.to === 'submitted') return steps

  // Screening.
  const reason =
    decision === 'accepted' ? fill(rng.pick(T.AcceptReasons), { ...v, co: p.co.length ? `，${p.co.map(sectionName).join('、')}协办` : '' }) : decision === 'merged' ? T.MergeReason : fill(c.special!.reason, v)
  steps.push({
    kind: 'screen',
    at: tl.after(rng.int(1, 3)),
    decision,
    reason,
    confidentialReason: s.conf ? c.topic?.conf : undefined,
    internalNotes: s.note ? rng.pick(T.InternalNotes) : undefined,
  })

  if (isScreenedOut(decision)) {
    if (s.stop === 'screened') return steps
    steps.push({ kind: 'instruct', at: tl.after(rng.int(1, 3)), text: rng.pick(T.ScreenedOutInstructionTexts), changeStatus: false })
    if (s.stop === 'instructed') return steps
    const text = decision === 'merged' ? T.MergeReply : fill(c.special!.reply, v)
    steps.push({ kind: 'draftReply', at: tl.after(rng.int(1, 3)), round: 1, by: 'office', cls: decision === 'merged' ? 'A' : 'C', text, commitments: [] })
    steps.push({ kind: 'signOff', at: tl.after(0), round: 1 })
    steps.push({ kind: 'publish', at: tl.after(rng.int(0, 1)), round: 1 })
    if (s.stop === 'replied') return steps
    steps.push({ kind: 'followUp', at: tl.after(rng.int(2, 6)), followUp: 'call', notes: fill(rng.pick(T.CallNotes), v) })
    steps.push({ kind: 'close', at: tl.after(rng.int(1, 4)), noEvaluationReason: rng.pick(T.ScreenedOutNoEvaluationReasons) })
    return steps
  }

  // The office names the lead section (拟办); the leader's instruction hands it over (交办) and
  // starts the reply clock.
  if (s.to === 'accepted' && !s.assign) return steps
  steps.push({ kind: 'assign', at: tl.after(rng.int(0, 1)) })
  if (s.to === 'accepted') return steps
  const instructAt = tl.after(rng.int(1, 3))
  const assignDate = localOf(instructAt)
  let deadline = cal.addMonthsDeadline(assignDate, settings.replyMonths)
  steps.push({ kind: 'instruct', at: instructAt, text: fill(rng.pick(T.InstructionTexts), v), changeStatus: true, deadline })
  if (s.to === 'instructed') return steps
  const takeOnAt = tl.after(rng.int(1, 2))
  steps.push({ kind: 'takeOn', at: takeOnAt })

  const written = new Set<string>()
  const coOpinions = () => {
    for (const co of p.co) {
      const at = tl.tryAfter(rng.int(2, 6))
      if (at == null) return
      // A section writing again (in a rehandling round) says something new.
      const fresh = T.CoOpinionTexts[co].filter((t) => !written.has(t))
      const text = rng.pick(fresh.length ? fresh : T.CoOpinionTexts[co])
      written.add(text)
      steps.push({ kind: 'coOpinion', at, section: co, text })
    }
  }
  if (!s.silent) coOpinions()
  for (const months of s.ext ?? []) {
    const at = tl.advanceTo(addCalendarDays(deadline, -rng.int(3, 8)))
    deadline = cal.addMonthsDeadline(assignDate, months)
    steps.push({ kind: 'extend', at, newDeadline: deadline, reason: rng.pick(T.ExtensionReasons) })
  }
  if (s.ask != null && s.to === 'inProgress') {
    // Asked the next working morning after the last step (or just after it, near the load day); no
    // random draw, so the rest of the plan stays as it was.
    const at = Math.max(tl.t + 5 * MINUTE, Math.min(instant(cal.addWorkingDays(tl.local, 1), 10 * 60), c.limit))
    if (at < c.hardLimit) steps.push({ kind: 'requestExtension', at, newDeadline: cal.addMonthsDeadline(assignDate, s.ask), reason: T.ExtensionReasons[1] })
  }
  if (s.to === 'inProgress' && s.held) {
    // A reply on its way, stopped where it waits at the load day.
    const at = tl.after(rng.int(6, 10))
    const text = fill(T.ReplyTemplates.A[0], { ...v, a: fill(c.topic!.a, v) })
    steps.push({ kind: 'draftReply', at, round: 1, by: 'staff', cls: 'A', text, commitments: [] })
    if (s.held === 'returned') steps.push({ kind: 'returnDraft', at: tl.after(1), round: 1, reason: T.ReturnReason })
    if (s.held === 'signed') steps.push({ kind: 'signOff', at: tl.after(1), round: 1 })
    return steps
  }
  if (s.to === 'inProgress') {
    // 督办: the next working morning after its last step (or just after it, near the load day), a
    // leader marks it 重点督办, then it is 催办ed; no random draw, so the rest of the plan stays as it was.
    let at = Math.max(tl.t + 5 * MINUTE, Math.min(instant(cal.addWorkingDays(tl.local, 1), 10 * 60), c.limit))
    if (s.key && at < c.hardLimit) {
      steps.push({ kind: 'markKey', at })
      at += 30 * MINUTE
    }
    if (s.urge && at < c.hardLimit)
      steps.push({ kind: 'urge', at, by: s.urge, notePublic: s.urge === 'office', note: fill(s.urge === 'office' ? T.UrgeNotes.office : T.UrgeNotes.leader, v) })
    return steps
  }

  // Replies: drafted by staff (or the head), signed off by the head, published by the office.
  let round = 1
  const reply = (cls: ReplyClass, replyDate: string) => {
    const templates = round > 1 ? T.SecondRoundTemplates[cls] : T.ReplyTemplates[cls]
    const text = fill(rng.pick(templates), { ...v, a: fill(c.topic!.a, v), bp: fill(c.topic!.bp, v), c: fill(c.topic!.c, v) })
    const draftAt = tl.advanceTo(replyDate)
    const signAt = tl.after(rng.int(0, 2))
    const publishAt = tl.after(rng.int(0, 1))
    const commitments =
      cls === 'B'
        ? c.topic!.bc.map((t, k) => ({
            text: fill(t, v),
            dueDate: monthEnd(cal, addCalendarDays(localOf(publishAt), (s.dueIn ?? 60) + 20 * k)),
          }))
        : []
    steps.push({ kind: 'draftReply', at: draftAt, round, by: rng.chance(0.75) ? 'staff' : 'head', cls, text, commitments })
    steps.push({ kind: 'signOff', at: signAt, round })
    steps.push({ kind: 'publish', at: publishAt, round })
    return { publishAt, commitments }
  }
  const firstReplyDate =
    s.late != null ? cal.addWorkingDays(deadline, s.late) : cal.addWorkingDays(localOf(takeOnAt), s.replyIn ?? rng.int(8, 17))
  const published = [reply(s.cls ?? 'A', firstReplyDate)]
  if (s.correct) {
    // A correction replaces the reply it corrects (its class and commitments too); it starts no new round.
    steps.push({ kind: 'draftReply', at: tl.after(1), round, by: 'head', cls: s.cls ?? 'A', text: T.CorrectionText, commitments: [], corrects: true })
    steps.push({ kind: 'signOff', at: tl.after(0), round })
    steps.push({ kind: 'publish', at: tl.after(0), round })
  }

  const comment = (r: Rating, final = false) =>
    r === 'dissatisfied' ? rng.pick(final ? T.FinalDissatisfiedComments : T.DissatisfiedComments) : r === 'basicallySatisfied' ? rng.pick(T.BasicallySatisfiedComments) : rng.pick(T.SatisfiedComments) || undefined
  const evaluate = (who: number, rating: Rating, final = false) =>
    steps.push({ kind: 'evaluate', at: tl.after(rng.int(1, 6)), round, who, rating, comment: comment(rating, final) })

  if (s.rating == null) return steps // replied, waiting for the evaluation
  if (s.coEval && p.coSigners.length) evaluate(p.coSigners[0], s.rating === 'dissatisfied' ? 'basicallySatisfied' : s.rating === 'none' ? 'satisfied' : s.rating)
  if (s.rating !== 'none') evaluate(p.proposer, s.rating)

  if (s.rating === 'dissatisfied') {
    // Rehandling: a new round with its own deadline, and a second reply.
    if (s.to === 'rehandling') {
      coOpinions()
      return steps
    }
    round = 2
    published.push(reply(s.cls2 ?? 'A', cal.addWorkingDays(tl.local, rng.int(8, 16))))
    if (s.rating2 == null) return steps
    evaluate(p.proposer, s.rating2, true)
  }

  // Follow-up and verification of every commitment.
  const commitments = published.flatMap((r, k) => r.commitments.map((x, index) => ({ ...x, round: k + 1, index })))
  if (s.to === 'evaluated') {
    const at = tl.tryAfter(rng.int(2, 8))
    if (at != null) steps.push({ kind: 'followUp', at, followUp: rng.chance(0.5) ? 'visit' : 'call', notes: fill(rng.pick(T.VisitNotes.concat(T.CallNotes)), v) })
    if (s.verify === 'failed' || s.verify === 'partial') {
      const x = commitments[0]
      const vat = tl.advanceTo(addCalendarDays(x.dueDate, rng.int(1, 5)))
      const ok = s.verify === 'partial'
      steps.push({
        kind: 'followUp',
        at: vat,
        followUp: 'verification',
        notes: fill(rng.pick(ok ? T.VerifiedNotes : T.UnverifiedNotes), { ...v, what: x.text }),
        commitment: { round: x.round, index: x.index },
        verified: ok,
      })
    }
    return steps
  }

  const lastPublished = published[published.length - 1].publishAt
  steps.push({
    kind: 'followUp',
    at: tl.after(rng.int(2, 8)),
    followUp: rng.chance(0.6) ? 'visit' : 'call',
    notes: fill(rng.pick(rng.chance(0.6) ? T.VisitNotes : T.CallNotes), v),
  })
  for (const x of commitments) {
    if (s.fixVerify && x === commitments[0]) {
      // Entered as not kept by mistake; the next record corrects it (the wrong one stays, named as corrected).
      steps.push({
        kind: 'followUp',
        at: tl.advanceTo(addCalendarDays(x.dueDate, -rng.int(0, 6))),
        followUp: 'verification',
        notes: fill(T.UnverifiedNotes[0], { ...v, what: x.text }),
        commitment: { round: x.round, index: x.index },
        verified: false,
      })
      steps.push({
        kind: 'followUp',
        at: tl.after(1),
        followUp: 'verification',
        notes: fill(T.VerifiedNotes[0], { ...v, what: x.text }),
        commitment: { round: x.round, index: x.index },
        verified: true,
        correctionNote: T.VerificationCorrectionNote,
      })
      continue
    }
    steps.push({
      kind: 'followUp',
      at: tl.advanceTo(addCalendarDays(x.dueDate, -rng.int(0, 6))),
      followUp: 'verification',
      notes: fill(rng.pick(T.VerifiedNotes), { ...v, what: x.text }),
      commitment: { round: x.round, index: x.index },
      verified: true,
    })
  }
  let noEvaluationReason: string | undefined
  if (s.rating === 'none') {
    // The evaluation window has to pass before the office records why none came.
    tl.advanceTo(cal.addWorkingDays(localOf(lastPublished), settings.evaluationWorkingDays + 1))
    noEvaluationReason = rng.pick(T.NoEvaluationReasons)
  }
  steps.push({ kind: 'close', at: tl.after(rng.int(1, 5)), noEvaluationReason })
  return steps
}

/* ------------------------------------------------------------------ replaying the plan */

type Id = number | string
/** The records of a proposal that the demo writes, each as the person whose job it is. */
type RecordSlug = 'instructions' | 'replies' | 'co-opinions' | 'evaluations' | 'follow-ups' | 'extension-requests'
/**
 * A new proposal as its proposer types it: the category named by its Chinese label, as people and
 * forms may (the field's own hook stores the value). Status, proposer and session are the hooks' to set.
 */
type NewProposal = Pick<Proposal, 'title' | 'body' | 'residentialArea'> & { category: T.Category }

export async function isEmpty(payload: Payload): Promise<boolean> {
  const users = await payload.count({ collection: 'users', overrideAccess: true })
  return users.totalDocs === 0
}

export interface SeedResult {
  proposals: number
  byStatus: Record<string, number>
}

export async function seedDemo(payload: Payload, opts: { now?: Date; log?: (msg: string) => void } = {}): Promise<SeedResult> {
  const now = opts.now ?? new Date()
  const log = opts.log ?? (() => undefined)
  if (!(await isEmpty(payload))) throw new Error('演示数据只能载入空数据库（已有工作人员账号）')
  const plan = planDemo(now)
  const previousClock = process.env.APP_NOW
  const at = (ms: number) => {
    process.env.APP_NOW = iso(ms)
  }
  try {
    // Reference data and accounts are stamped at the start of the previous session.
    at(instant(`${plan.year - 1}-02-20`, OPEN))
    const ref = await createReferenceData(payload, plan.year)
    invalidateCalendar() // the calendar may have been read before the holidays existed
    const staff = await createStaff(payload, ref)
    const asUser = (u: User): User => ({ ...u, collection: 'users' })
    const office = asUser(staff.office)
    const leader = asUser(staff.leader)
    const sectionUsers: Record<string, { staff: User; head: User }> = {
      chengguan: { staff: asUser(staff.sectionStaff), head: asUser(staff.sectionHead) },
    }
    for (const [slug, names] of Object.entries(T.SectionStaffSeeds)) {
      const mk = async (role: 'sectionStaff' | 'sectionHead', name: string, suffix: string) =>
        asUser(
          await payload.create({
            collection: 'users',
            data: { email: `${slug}-${suffix}@demo.local`, name, role, section: ref.sections[slug], password: DemoPassword } as RequiredDataFromCollectionSlug<'users'>,
            overrideAccess: true, context: SeedContext,
          }),
        )
      sectionUsers[slug] = { staff: await mk('sectionStaff', names.staff, 'staff'), head: await mk('sectionHead', names.head, 'head') }
    }
    const reps: Representative[] = []
    for (const r of plan.representatives) {
      const doc = await payload.create({
        collection: 'representatives',
        data: {
          username: r.username,
          name: r.name,
          password: DemoPassword,
          residentialArea: ref.areas[r.area],
          kind: r.kind,
          active: true,
          mustChangePassword: false,
          phone: r.phone,
          idNumber: r.idNumber,
          address: r.address,
        } as RequiredDataFromCollectionSlug<'representatives'>,
        overrideAccess: true, context: SeedContext,
      })
      reps.push({ ...doc, collection: 'representatives' })
    }

    const ids = new Map<string, Id>()
    const numbers = new Map<string, string>()
    const byStatus: Record<string, number> = Object.fromEntries(ProposalStatuses.map((s) => [s, 0]))
    let done = 0
    for (const p of plan.proposals) {
      const final = await replay(payload, p, { ref, office, leader, sectionUsers, reps, ids, numbers, at })
      if (final.status !== p.status) throw new Error(`演示数据：${p.title} 应为 ${p.status}，实为 ${final.status}`)
      byStatus[final.status]++
      done++
      if (done % 10 === 0 || done === plan.proposals.length) log(`演示数据：已生成 ${done}/${plan.proposals.length} 件提案`)
    }
    // The replay signs proposal after proposal, not in time order: number the replies' 文号 in sign-off order.
    await numberSignedOffReplies(payload, undefined, { renumber: true })
    return { proposals: done, byStatus }
  } finally {
    if (previousClock === undefined) delete process.env.APP_NOW
    else process.env.APP_NOW = previousClock
  }
}

interface ReplayContext {
  ref: Awaited<ReturnType<typeof createReferenceData>>
  office: User
  leader: User
  sectionUsers: Record<string, { staff: User; head: User }>
  reps: Representative[]
  ids: Map<string, Id>
  numbers: Map<string, string>
  at: (ms: number) => void
}

async function replay(payload: Payload, p: PlannedProposal, x: ReplayContext): Promise<Proposal> {
  const { office, leader, reps } = x
  const lead = p.lead ? x.sectionUsers[p.lead] : null
  const proposer = reps[p.proposer]
  let id: Id | undefined
  let doc: Partial<Proposal> = {}
  const replies = new Map<number, Reply>()
  /** The latest verification of each commitment (by its id), which a correction names. */
  const verifications = new Map<string, Id>()
  const target = p.mergedInto ? { id: x.ids.get(p.mergedInto)!, number: x.numbers.get(p.mergedInto)! } : null
  const withTarget = (s: string) => (target ? s.replaceAll('{target}', target.number) : s)

  const update = async (user: User | Representative, data: Partial<Proposal>) => {
    doc = await payload.update({ collection: 'proposals', id: id!, data, user, overrideAccess: false, context: SeedContext, depth: 0 })
    return doc
  }
  const create = <C extends RecordSlug>(collection: C, user: User | Representative, data: Omit<RequiredDataFromCollectionSlug<C>, 'proposal'>) =>
    payload.create({ collection, data: { ...data, proposal: docId(id!) } as RequiredDataFromCollectionSlug<C>, user, overrideAccess: false, context: SeedContext, depth: 0 })
  const updateReply = async (round: number, user: User, data: Partial<Reply>, check: 'signedOffAt' | 'publishedAt') => {
    const r = await payload.update({ collection: 'replies', id: replies.get(round)!.id, data, user, overrideAccess: false, context: SeedContext, depth: 0 })
    if (!r[check]) throw new Error(`演示数据：${p.title} 第${round}轮答复未能${check === 'signedOffAt' ? '签发' : '公开'}`)
    replies.set(round, r)
  }

  for (const step of p.steps) {
    x.at(step.at)
    switch (step.kind) {
      case 'create': {
        const draft: NewProposal = { title: p.title, body: p.body, category: p.category, residentialArea: docId(x.ref.areas[p.area]) }
        doc = await payload.create({
          collection: 'proposals',
          data: draft as unknown as RequiredDataFromCollectionSlug<'proposals'>,
          user: proposer,
          overrideAccess: false, context: SeedContext,
          depth: 0,
        })
        id = doc.id
        // Co-signers are invited and accept, as in the portal.
        await coSign(payload, id!, proposer, p.coSigners.map((i) => reps[i]), SeedContext)
        x.ids.set(p.key, id!)
        // A proposal of the previous session is history loaded with the demo: it is filed under that
        // session before it is submitted (and numbered), which no one may do to a representative's
        // own draft today (the office neither reads nor edits it), so the loader does it itself.
        if (p.session !== 'current')
          doc = await payload.update({ collection: 'proposals', id: id!, data: { session: docId(x.ref.sessions.previous) }, overrideAccess: true, context: SeedContext, depth: 0 })
        break
      }
      case 'submit':
        await update(proposer, { status: 'submitted' })
        x.numbers.set(p.key, doc.number!)
        break
      case 'screen':
        await update(office, {
          status: step.decision,
          screening: { decision: step.decision, reason: withTarget(step.reason), ...(target ? { mergedInto: docId(target.id) } : {}) },
          ...(step.confidentialReason ? { confidential: true, confidentialReason: step.confidentialReason } : {}),
          ...(step.internalNotes ? { internalNotes: step.internalNotes } : {}),
        })
        break
      case 'assign':
        await update(office, { assignment: { leadSection: docId(x.ref.sections[p.lead!]), coSections: p.co.map((s) => docId(x.ref.sections[s])) } })
        break
      case 'instruct':
        // The leader's instruction is its own record (stamped with the simulated time), then the status moves.
        await create('instructions', leader, { text: step.text })
        if (step.changeStatus) await update(leader, { status: 'instructed' })
        if (step.deadline && doc.assignment?.deadline !== step.deadline)
          throw new Error(`演示数据：${p.title} 的答复期限为 ${doc.assignment?.deadline}，计划为 ${step.deadline}（日历不一致？）`)
        break
      case 'takeOn':
        await update(lead!.staff, { status: 'inProgress' })
        break
      case 'coOpinion':
        await create('co-opinions', x.sectionUsers[step.section].staff, { text: step.text })
        break
      case 'extend': {
        // The lead section asks (申请延期); a minute later the leader approves, which extends the deadline.
        // (A new request is always pending: the server sets it whatever is sent.)
        const asked = await create('extension-requests', lead!.staff, { newDeadline: step.newDeadline, reason: step.reason, decision: 'pending' })
        x.at(step.at + MINUTE)
        await payload.update({ collection: 'extension-requests', id: asked.id, data: { decision: 'approved' }, user: leader, overrideAccess: false, context: SeedContext, depth: 0 })
        doc = await payload.findByID({ collection: 'proposals', id: id!, depth: 0, joins: false, overrideAccess: true })
        if (doc.extensions?.at(-1)?.newDeadline !== step.newDeadline) throw new Error(`演示数据：${p.title} 延期未生效`)
        break
      }
      case 'requestExtension':
        await create('extension-requests', lead!.staff, { newDeadline: step.newDeadline, reason: step.reason, decision: 'pending' })
        break
      case 'draftReply': {
        const by = step.by === 'office' ? office : step.by === 'head' ? lead!.head : lead!.staff
        const corrects = step.corrects ? { corrects: replies.get(step.round)!.id, correctionNote: T.CorrectionNote } : {}
        const r = await create('replies', by, { class: step.cls, text: withTarget(step.text), commitments: step.commitments, ...corrects })
        replies.set(step.round, r)
        break
      }
      case 'signOff':
        await updateReply(step.round, lead ? lead.head : office, { signOff: true }, 'signedOffAt')
        break
      case 'returnDraft': {
        const r = await payload.update({ collection: 'replies', id: replies.get(step.round)!.id, data: { returnForRevision: step.reason } as Partial<Reply>, user: lead!.head, overrideAccess: false, context: SeedContext, depth: 0 })
        if (!r.returnedAt) throw new Error(`演示数据：${p.title} 第${step.round}轮答复未能退回修改`)
        replies.set(step.round, r)
        break
      }
      case 'publish':
        await updateReply(step.round, office, { publish: true }, 'publishedAt')
        break
      case 'evaluate':
        await create('evaluations', reps[step.who], { reply: replies.get(step.round)!.id, rating: step.rating, ...(step.comment ? { comment: step.comment } : {}) })
        break
      case 'followUp': {
        const commitmentId = step.commitment ? String(replies.get(step.commitment.round)!.commitments![step.commitment.index].id) : undefined
        const corrects = step.correctionNote ? { corrects: docId(verifications.get(commitmentId!)!), correctionNote: step.correctionNote } : {}
        const made = await create('follow-ups', office, { kind: step.followUp, notes: step.notes, ...(commitmentId ? { commitmentId, verified: !!step.verified } : {}), ...corrects })
        if (commitmentId) verifications.set(commitmentId, made.id)
        break
      }
      case 'close':
        await update(office, { status: 'closed', ...(step.noEvaluationReason ? { noEvaluationReason: step.noEvaluationReason } : {}) })
        break
      case 'markKey':
        // The mark is the proposal's field, saved as the leader (its access decides, as on the action bar).
        await update(leader, { keyItem: true })
        if (!doc.keyItem) throw new Error(`演示数据：${p.title} 未能列为重点督办`)
        break
      case 'urge': {
        // As the action bar's 催办 (cms/endpoints/actions.ts): offered by core, appended to the log as the person.
        const who = step.by === 'office' ? office : leader
        if (!mayTakeSupervisionAction('urge', actorOf(who as TypedUser), { status: doc.status! })) throw new Error(`演示数据：${p.title} 不能催办`)
        const req = await createLocalReq({ user: who as TypedUser, context: SeedContext }, payload)
        await appendEvent(req, id!, { action: UrgeAction, note: step.note, notePublic: step.notePublic })
        break
      }
    }
  }
  return payload.findByID({ collection: 'proposals', id: id!, depth: 0, joins: false, overrideAccess: true })
}
