// The 督办 sweep's plan over the real 2026 calendar: deadlines around 国庆 2026 (1–7 October off,
// Saturday 10 October a 调休 make-up working day) and 中秋 (25–27 September off). Dates are written
// out by hand, never computed with the calendar under test.
import { describe, expect, it } from 'vitest'
import { addCalendarDays, DefaultCalendarData, WorkingCalendar } from './calendar'
import { LONG_OVERDUE_WORKING_DAYS } from './deadlines'
import { DutyActions, type Duty, type DutyAction } from './duties'
import {
  byUrgency,
  commitmentObligations,
  DefaultSupervisionSettings,
  deliveryTime,
  digestsOf,
  digestSubject,
  digestText,
  dutyObligations,
  eventMessageText,
  headOf,
  noticeKey,
  parseNoticeKey,
  noticeLine,
  keysToCheck,
  planSweep,
  recipientsOf,
  stepsOf,
  supervisionSettingsRefusal,
  VERY_OVERDUE_THRESHOLD,
  type CommitmentObligation,
  type DutyObligation,
  type Notice,
  type Obligation,
  type ProposalRef,
  type RecipientGroup,
  type SupervisionSettings,
  type SweepPlan,
} from './sweep'
import type { Reply } from './types'

const cal = new WorkingCalendar(DefaultCalendarData)
const S = DefaultSupervisionSettings

/** Friday 9 October 2026, the second working day after 国庆. */
const DUE = '2026-10-09'
const ref: ProposalRef = { proposal: 17, number: '2026-017', title: '小区停车难', keyItem: false }

/** The duty each action is owed as (core/duties.ts plannedDuties): by whom, and on which days. */
const DutyShapes: Record<DutyAction, Omit<Duty, 'action' | 'due'> & { dated?: false }> = {
  screen: { role: 'office', section: null, person: null },
  nameLead: { role: 'office', section: null, person: null },
  instruct: { role: 'leader', section: null, person: null },
  takeOn: { role: 'sectionStaff', section: 'sec-lead', person: null },
  coOpinion: { role: 'sectionStaff', section: 'sec-co', person: null },
  draftReply: { role: 'sectionStaff', section: 'sec-lead', person: null },
  revise: { role: 'sectionStaff', section: 'sec-lead', person: null, subject: 'reply-1' },
  signOff: { role: 'sectionHead', section: 'sec-lead', person: null, subject: 'reply-1' },
  publish: { role: 'office', section: null, person: null, subject: 'reply-1' },
  explain: { role: 'office', section: null, person: null },
  // Owed until the evaluation window closes, which is its deadline.
  evaluate: { role: 'representative', section: null, person: 'rep-1', until: DUE },
  // 回访 and 办结 have no deadline.
  followUp: { role: 'office', section: null, person: null, dated: false },
  // Owed from the commitment's date, which is its deadline.
  verify: { role: 'office', section: null, person: null, subject: 'c-1', from: DUE },
  close: { role: 'office', section: null, person: null, dated: false },
  decideExtension: { role: 'leader', section: null, person: null, subject: 'req-1' },
}

function dutyOf(action: DutyAction, due = DUE, over: Partial<DutyObligation> = {}): DutyObligation {
  const { dated, ...shape } = DutyShapes[action]
  return { ...ref, kind: 'duty', action, ...shape, due: dated === false ? null : due, ...over }
}

function commitment(over: Partial<CommitmentObligation> = {}): CommitmentObligation {
  return { ...ref, kind: 'commitment', commitment: 'c-1', text: '年底前完成划线', due: DUE, section: 'sec-lead', state: 'open', ...over }
}

/**
 * The day's plan. Planned twice, as the CMS asks the ledger only for keysToCheck's keys: from the
 * whole ledger and from the part of it those keys find; both must agree (every test below checks it).
 */
const plan = (obligations: Obligation[], today: string, sent: Iterable<string> = [], settings: SupervisionSettings = S): SweepPlan => {
  const ledger = new Set(sent)
  const full = planSweep(obligations, { today, calendar: cal, settings, sent: ledger })
  const asked = keysToCheck(obligations, { today, calendar: cal, settings })
  expect(planSweep(obligations, { today, calendar: cal, settings, sent: new Set([...ledger].filter((k) => asked.has(k))) }), `${today}: the ledger's keys asked for`).toEqual(full)
  return full
}

/** The ledger after a plan is carried out: what was sent, and what was superseded. */
const recorded = (p: SweepPlan): string[] => [...p.notices.map((n) => n.key), ...p.superseded.map((s) => s.key)]

const step = (n: Pick<Notice, 'stage' | 'threshold'>) => `${n.stage} ${n.threshold}`

/**
 * The sweep run every day from `from` to `to` (inclusive) with its ledger: each day's notices as
 * "date stage threshold", and the ledger at the end. Checks on the way that no day sends two
 * notices for one obligation.
 */
function everyDay(obligations: Obligation[], from: string, to: string, settings: SupervisionSettings = S, ledger = new Set<string>()) {
  const sent: string[] = []
  for (let day = from; day <= to; day = addCalendarDays(day, 1)) {
    const p = plan(obligations, day, ledger, settings)
    const perObligation = new Set(p.notices.map((n) => n.obligation))
    expect(perObligation.size, `${day}: one notice per obligation`).toBe(p.notices.length)
    for (const n of p.notices) sent.push(`${day} ${step(n)}`)
    for (const k of recorded(p)) ledger.add(k)
  }
  return { sent, ledger }
}

// ── The schedule of every kind of obligation ─────────────────────────────────────────────────

/** Due Friday 9 October 2026, working days counted over 国庆 and the make-up Saturday. */
const Positions = [
  ['4 working days left (N+1)', '2026-09-28'],
  ['3 working days left (N)', '2026-09-29'],
  ['2 working days left (between)', '2026-09-30'],
  ['a holiday before it (国庆)', '2026-10-01'],
  ['1 working day left', '2026-10-08'],
  ['the day itself (0 left)', '2026-10-09'],
  ['1 working day overdue: the make-up Saturday', '2026-10-10'],
  ['a Sunday after it', '2026-10-11'],
  ['4 working days overdue (M−1)', '2026-10-14'],
  ['5 working days overdue (M)', '2026-10-15'],
  ['20 working days overdue', '2026-11-05'],
  ['21 working days overdue: 严重逾期', '2026-11-06'],
] as const

/** The steps of a deadline on 9 October with the default settings: reminders 3 and 1, overdue, escalation after 5 and at 严重逾期. */
const Standard = ['2026-09-29 reminder 3', '2026-10-08 reminder 1', '2026-10-10 overdue 1', '2026-10-15 escalation 5', '2026-11-06 escalation 21']

/** What each kind of obligation is sent over the autumn, the sweep running every day. */
const Schedules: Record<DutyAction | 'commitment', string[]> = {
  screen: Standard,
  nameLead: Standard,
  instruct: Standard,
  takeOn: Standard,
  coOpinion: Standard,
  draftReply: Standard,
  revise: Standard,
  signOff: Standard,
  publish: Standard,
  explain: Standard,
  decideExtension: Standard,
  commitment: Standard,
  // No longer owed once the window has closed: reminders only.
  evaluate: ['2026-09-29 reminder 3', '2026-10-08 reminder 1'],
  // Not owed before the commitment's date: on the day itself, the latest reminder reached (the earlier one superseded).
  verify: ['2026-10-09 reminder 1', '2026-10-10 overdue 1', '2026-10-15 escalation 5', '2026-11-06 escalation 21'],
  // No deadline: never a notice.
  followUp: [],
  close: [],
}

const kinds = [...DutyActions, 'commitment'] as const
const obligationOf = (kind: (typeof kinds)[number]): Obligation => (kind === 'commitment' ? commitment() : dutyOf(kind))

describe('every kind of obligation, the sweep running every day of the autumn', () => {
  it('every duty action has a schedule', () => expect(Object.keys(Schedules).sort()).toEqual([...kinds].sort()))

  it.each(kinds)('%s: exactly its steps, on exactly their days', (kind) => {
    expect(everyDay([obligationOf(kind)], '2026-09-01', '2026-12-31').sent).toEqual(Schedules[kind])
  })

  describe.each(kinds)('%s', (kind) => {
    it.each(Positions)('%s (%s)', (_, day) => {
      const { ledger } = everyDay([obligationOf(kind)], '2026-09-01', addCalendarDays(day, -1))
      const today = plan([obligationOf(kind)], day, ledger).notices.map((n) => `${day} ${step(n)}`)
      expect(today).toEqual(Schedules[kind].filter((s) => s.startsWith(day)))
    })
  })

  it('a deadline on a holiday (3 October): 0 working days left on 30 September, overdue on the first working day after it', () => {
    expect(everyDay([commitment({ due: '2026-10-03' })], '2026-09-01', '2026-12-31').sent).toEqual([
      '2026-09-24 reminder 3',
      // 25–27 September 中秋; 28 September: 2 left.
      '2026-09-29 reminder 1',
      // 30 September: 0 working days left, the day not yet passed: nothing.
      '2026-10-08 overdue 1',
      '2026-10-13 escalation 5',
      '2026-11-04 escalation 21',
    ])
  })

  it('a deadline after a 调休 Sunday (due 22 September): 20 September is a working day, counted', () => {
    expect(everyDay([dutyOf('draftReply', '2026-09-22')], '2026-09-01', '2026-09-30').sent).toEqual([
      // Friday 18 September: 3 working days left, the make-up Sunday 20 September among them.
      '2026-09-18 reminder 3',
      '2026-09-21 reminder 1',
      '2026-09-23 overdue 1',
      // 23, 24, 28, 29, 30 September: the 5th working day overdue after 中秋.
      '2026-09-30 escalation 5',
    ])
  })

  it('严重逾期 is the board\'s: more than LONG_OVERDUE_WORKING_DAYS working days overdue', () => {
    expect(VERY_OVERDUE_THRESHOLD).toBe(LONG_OVERDUE_WORKING_DAYS + 1)
    const at20 = plan([dutyOf('draftReply')], '2026-11-05').notices[0]!
    const at21 = plan([dutyOf('draftReply')], '2026-11-06').notices[0]!
    expect([at20.workingDaysLeft, at20.veryOverdue, step(at20)]).toEqual([-20, false, 'escalation 5'])
    expect([at21.workingDaysLeft, at21.veryOverdue, step(at21)]).toEqual([-21, true, 'escalation 21'])
  })
})

describe('重点督办: shorter intervals', () => {
  it('reminders 5, 3, 2 and 1 working days before, escalation after 2', () => {
    expect(DefaultSupervisionSettings).toEqual({ reminderWorkingDays: [3, 1], escalationWorkingDays: 5, keyReminderWorkingDays: [5, 3, 2, 1], keyEscalationWorkingDays: 2 })
    expect(everyDay([dutyOf('draftReply', DUE, { keyItem: true })], '2026-09-01', '2026-12-31').sent).toEqual([
      // 5 left on the Thursday before 中秋 (25–27 September off).
      '2026-09-24 reminder 5',
      '2026-09-29 reminder 3',
      '2026-09-30 reminder 2',
      '2026-10-08 reminder 1',
      '2026-10-10 overdue 1',
      '2026-10-12 escalation 2',
      '2026-11-06 escalation 21',
    ])
  })

  it('an item marked key on the way gets the steps it has not had; the ones it had are not sent again', () => {
    const { ledger } = everyDay([dutyOf('draftReply')], '2026-09-01', '2026-09-29')
    expect(everyDay([dutyOf('draftReply', DUE, { keyItem: true })], '2026-09-30', '2026-10-31', S, ledger).sent).toEqual([
      '2026-09-30 reminder 2',
      '2026-10-08 reminder 1',
      '2026-10-10 overdue 1',
      '2026-10-12 escalation 2',
    ])
  })

  it('each session\'s settings, per obligation', () => {
    const quiet: SupervisionSettings = { ...S, reminderWorkingDays: [], escalationWorkingDays: 10 }
    const other = dutyOf('draftReply', DUE, { proposal: 18 })
    const p = planSweep([dutyOf('draftReply'), other], { today: '2026-09-29', calendar: cal, settings: (o) => (o === other ? quiet : S), sent: new Set() })
    expect(p.notices.map((n) => [n.obligation.proposal, step(n)])).toEqual([[17, 'reminder 3']])
    expect(everyDay([other], '2026-09-01', '2026-12-31', quiet).sent).toEqual(['2026-10-10 overdue 1', '2026-10-22 escalation 10', '2026-11-06 escalation 21'])
  })
})

describe('only working days', () => {
  const overdue = [dutyOf('draftReply', '2026-09-22'), commitment({ due: '2026-09-22' })]
  // With an empty ledger, each sends the step it stands at on a working day (before the deadline: a reminder caught up).
  it.each([
    ['a plain Saturday', '2026-09-19', 0],
    ['the make-up Sunday', '2026-09-20', 2],
    ['中秋 (a Friday)', '2026-09-25', 0],
    ['中秋 (the Saturday)', '2026-09-26', 0],
    ['国庆', '2026-10-01', 0],
    ['国庆, the last day', '2026-10-07', 0],
    ['the make-up Saturday', '2026-10-10', 2],
    ['a plain Sunday', '2026-10-11', 0],
    ['a plain Monday', '2026-10-12', 2],
  ])('%s (%s): %i notices', (_, day, count) => {
    const p = plan(overdue, day)
    expect(p.notices).toHaveLength(count)
    if (count === 0) expect(p).toEqual({ date: day, notices: [], superseded: [] })
  })

  it('a make-up Sunday sends exactly what is due that day', () => {
    // Due Wednesday 23 September: 21, 22 and 23 September left.
    expect(plan([dutyOf('draftReply', '2026-09-23')], '2026-09-20').notices.map(step)).toEqual(['reminder 3'])
    expect(plan([dutyOf('draftReply', '2026-09-23')], '2026-09-20').superseded).toEqual([])
  })
})

describe('what is not owed gets nothing', () => {
  it.each([
    ['no deadline (回访)', dutyOf('followUp')],
    ['no deadline (办结)', dutyOf('close')],
    ['owed from a later day', dutyOf('signOff', DUE, { from: '2026-10-20' })],
    ['owed until an earlier day', dutyOf('evaluate', DUE, { until: '2026-10-09' })],
    ['a commitment verified as kept', commitment({ state: 'kept' })],
  ])('%s: nothing, even with an empty ledger on 15 October', (_, o) => {
    expect(plan([o], '2026-10-15')).toEqual({ date: '2026-10-15', notices: [], superseded: [] })
  })

  it('owed again from its day: the step it stands at', () => {
    expect(plan([dutyOf('signOff', DUE, { from: '2026-10-15' })], '2026-10-15').notices.map(step)).toEqual(['escalation 5'])
  })

  it('a commitment checked and found not kept is still chased', () => {
    expect(plan([commitment({ state: 'unkept' })], '2026-10-15').notices.map(step)).toEqual(['escalation 5'])
  })
})

// ── Idempotence, extensions, catch-up ────────────────────────────────────────────────────────

describe('the ledger', () => {
  const all = kinds.map(obligationOf)

  it.each(Positions.map(([name, day]) => [name, day]))('a second run on the same day (%s) sends nothing', (_, day) => {
    const first = plan(all, day)
    expect(plan(all, day, recorded(first))).toEqual({ date: day, notices: [], superseded: [] })
  })

  it.each(Positions.map(([name, day]) => [name, day]))('the keys asked of the ledger (%s): exactly every step reached of every open obligation', (_, day) => {
    expect(keysToCheck(all, { today: day, calendar: cal, settings: S })).toEqual(new Set(recorded(plan(all, day))))
  })

  it('only keys in the ledger are held back', () => {
    const first = plan(all, '2026-10-15')
    expect(first.notices.length).toBeGreaterThan(1)
    const [held, ...rest] = first.notices
    const again = plan(all, '2026-10-15', [held!.key, ...first.superseded.map((s) => s.key)])
    expect(again.notices.map((n) => n.key)).toEqual(rest.map((n) => n.key))
  })

  it('the same obligation twice in the input is planned once', () => {
    expect(plan([dutyOf('draftReply'), dutyOf('draftReply')], '2026-10-15').notices).toHaveLength(1)
  })

  it('an extension gives new keys: the steps start afresh for the new deadline', () => {
    const { ledger, sent } = everyDay([dutyOf('draftReply')], '2026-09-01', '2026-10-15')
    expect(sent).toEqual(Standard.slice(0, 4))
    // Extended on 16 October to 30 October.
    expect(everyDay([dutyOf('draftReply', '2026-10-30')], '2026-10-16', '2026-11-30', S, ledger).sent).toEqual([
      '2026-10-27 reminder 3',
      '2026-10-29 reminder 1',
      '2026-11-02 overdue 1',
      '2026-11-06 escalation 5',
      '2026-11-30 escalation 21',
    ])
  })

  it('a key changes with every part of it, and with nothing else', () => {
    const base = dutyOf('signOff')
    const key = noticeKey(base, { stage: 'reminder', threshold: 3 })
    const variants: [string, string][] = [
      ['proposal', noticeKey({ ...base, proposal: 18 }, { stage: 'reminder', threshold: 3 })],
      ['action', noticeKey({ ...base, action: 'publish' }, { stage: 'reminder', threshold: 3 })],
      ['role', noticeKey({ ...base, role: 'office' }, { stage: 'reminder', threshold: 3 })],
      ['section', noticeKey({ ...base, section: 'sec-co' }, { stage: 'reminder', threshold: 3 })],
      ['person', noticeKey({ ...base, person: 'u-1' }, { stage: 'reminder', threshold: 3 })],
      ['subject', noticeKey({ ...base, subject: 'reply-2' }, { stage: 'reminder', threshold: 3 })],
      ['due', noticeKey({ ...base, due: '2026-10-12' }, { stage: 'reminder', threshold: 3 })],
      ['stage', noticeKey(base, { stage: 'escalation', threshold: 3 })],
      ['threshold', noticeKey(base, { stage: 'reminder', threshold: 1 })],
      ['a commitment', noticeKey(commitment(), { stage: 'reminder', threshold: 3 })],
      ['another commitment', noticeKey(commitment({ commitment: 'c-2' }), { stage: 'reminder', threshold: 3 })],
    ]
    for (const [what, k] of variants) expect(k, what).not.toBe(key)
    expect(new Set(variants.map(([, k]) => k)).size).toBe(variants.length)
    // Not the title, the 编号, the key mark, nor whether an id came as a number or a string.
    expect(noticeKey({ ...base, title: '改', number: null, keyItem: true, proposal: '17' }, { stage: 'reminder', threshold: 3 })).toBe(key)
  })

  it('a key reads back as what it names (ids as strings); any other key reads as nothing', () => {
    const duty = dutyOf('signOff')
    expect(parseNoticeKey(noticeKey({ ...duty, person: 'u-1', subject: 7 }, { stage: 'overdue', threshold: 1 }))).toEqual({
      kind: 'duty',
      proposal: String(duty.proposal),
      action: 'signOff',
      role: duty.role,
      section: duty.section == null ? null : String(duty.section),
      person: 'u-1',
      subject: '7',
      due: duty.due,
      stage: 'overdue',
      threshold: 1,
    })
    const c = commitment({ commitment: 'c-2' })
    expect(parseNoticeKey(noticeKey(c, { stage: 'escalation', threshold: 5 }))).toEqual({
      kind: 'commitment',
      proposal: String(c.proposal),
      commitment: 'c-2',
      section: c.section == null ? null : String(c.section),
      due: c.due,
      stage: 'escalation',
      threshold: 5,
    })
    for (const other of [
      JSON.stringify(['event', 'numbered', '17']),
      'not json',
      JSON.stringify(['17', 'signOff', 'sectionHead', null, null, null, '2026-10-09', 'numbered', 1]),
      JSON.stringify(['17', 'signOff', 'sectionHead', null, null, null, '2026-10-09', 'reminder', '1']),
      JSON.stringify(['17', 'commitment', 'office', null, null, 'c-1', '2026-10-09', 'reminder', 1]),
      JSON.stringify({ proposal: '17' }),
    ])
      expect(parseNoticeKey(other), other).toBeNull()
  })
})

describe('catch-up after missed days', () => {
  const all = kinds.map(obligationOf)

  it('7 missed working days (30 September to 14 October): one notice per obligation, its latest step; the others superseded by it', () => {
    const { ledger } = everyDay(all, '2026-09-01', '2026-09-29')
    const p = plan(all, '2026-10-15', ledger)
    const byKind = Object.fromEntries(p.notices.map((n) => [n.obligation.kind === 'duty' ? n.obligation.action : 'commitment', step(n)]))
    const escalated = kinds.filter((k) => Schedules[k].includes('2026-10-15 escalation 5'))
    expect(byKind).toEqual(Object.fromEntries(escalated.map((k) => [k, 'escalation 5'])))
    for (const n of p.notices) {
      const superseded = p.superseded.filter((s) => s.by === n.key).map(step)
      // Reminder 3 was sent on 29 September, except to the verification, not owed then.
      expect(superseded, step(n)).toEqual(n.obligation.kind === 'duty' && n.obligation.action === 'verify' ? ['reminder 3', 'reminder 1', 'overdue 1'] : ['reminder 1', 'overdue 1'])
    }
    expect(new Set(p.superseded.map((s) => s.key)).size).toBe(p.superseded.length)
    // And the next day nothing: the superseded steps are in the ledger too.
    for (const k of recorded(p)) ledger.add(k)
    expect(plan(all, '2026-10-16', ledger).notices).toEqual([])
  })

  it('down from the start, run when 严重逾期: one notice, every earlier step superseded', () => {
    const p = plan([dutyOf('draftReply')], '2026-11-20')
    expect(p.notices.map((n) => [step(n), n.veryOverdue, n.workingDaysLeft])).toEqual([['escalation 21', true, -31]])
    expect(p.superseded.map(step)).toEqual(['reminder 3', 'reminder 1', 'overdue 1', 'escalation 5'])
  })

  it('a missed reminder is caught up before the deadline, saying the days actually left', () => {
    const p = plan([dutyOf('draftReply')], '2026-09-30')
    expect(p.notices.map((n) => [step(n), n.workingDaysLeft])).toEqual([['reminder 3', 2]])
    expect(p.superseded).toEqual([])
    // Missed on 8 October too: on the day itself, reminder 1, reminder 3 superseded.
    const onTheDay = plan([dutyOf('draftReply')], DUE)
    expect(onTheDay.notices.map((n) => [step(n), n.workingDaysLeft])).toEqual([['reminder 1', 0]])
    expect(onTheDay.superseded.map((s) => [step(s), s.by])).toEqual([['reminder 3', onTheDay.notices[0]!.key]])
  })

  it('reminders are never caught up once the deadline has passed', () => {
    const { ledger } = everyDay([dutyOf('draftReply')], '2026-09-01', '2026-09-28')
    expect(plan([dutyOf('draftReply')], '2026-10-10', ledger).notices.map(step)).toEqual(['overdue 1'])
  })
})

// ── Who is told, in which order ──────────────────────────────────────────────────────────────

describe('recipients per stage and role', () => {
  const staff = (section: string, as: RecipientGroup['as'] = 'responsible'): RecipientGroup => ({ role: 'sectionStaff', section, as })
  const head = (section: string): RecipientGroup => ({ role: 'sectionHead', section, as: 'head' })
  const leader = (as: RecipientGroup['as']): RecipientGroup => ({ role: 'leader', as })
  const office = (as: RecipientGroup['as']): RecipientGroup => ({ role: 'office', as })

  const rows: [string, Obligation, RecipientGroup[], RecipientGroup[], RecipientGroup[]][] = [
    [
      'section staff (起草答复)',
      dutyOf('draftReply'),
      [staff('sec-lead')],
      [staff('sec-lead'), head('sec-lead')],
      [staff('sec-lead'), head('sec-lead'), leader('supervisor'), office('supervisor')],
    ],
    [
      'a co-section\'s staff (协办意见): their own head',
      dutyOf('coOpinion'),
      [staff('sec-co')],
      [staff('sec-co'), head('sec-co')],
      [staff('sec-co'), head('sec-co'), leader('supervisor'), office('supervisor')],
    ],
    [
      'a section head (签发)',
      dutyOf('signOff'),
      [{ role: 'sectionHead', section: 'sec-lead', as: 'responsible' }],
      [{ role: 'sectionHead', section: 'sec-lead', as: 'responsible' }, leader('head')],
      [{ role: 'sectionHead', section: 'sec-lead', as: 'responsible' }, leader('head'), office('supervisor')],
    ],
    ['the office (甄别)', dutyOf('screen'), [office('responsible')], [office('responsible'), leader('head')], [office('responsible'), leader('head')]],
    ['the leader (批示)', dutyOf('instruct'), [leader('responsible')], [leader('responsible')], [leader('responsible'), office('supervisor')]],
    [
      'a representative (评价)',
      dutyOf('evaluate', DUE, { until: null }),
      [{ role: 'representative', person: 'rep-1', as: 'responsible' }],
      [{ role: 'representative', person: 'rep-1', as: 'responsible' }, office('head')],
      [{ role: 'representative', person: 'rep-1', as: 'responsible' }, office('head'), leader('supervisor')],
    ],
    [
      'a commitment: the section that promised it',
      commitment(),
      [staff('sec-lead')],
      [staff('sec-lead'), head('sec-lead')],
      [staff('sec-lead'), head('sec-lead'), leader('supervisor'), office('supervisor')],
    ],
    [
      'a commitment of the office\'s own reply',
      commitment({ section: null }),
      [office('responsible')],
      [office('responsible'), leader('head')],
      [office('responsible'), leader('head')],
    ],
  ]

  it.each(rows)('%s', (_, o, reminder, overdue, escalation) => {
    expect(recipientsOf(o, 'reminder')).toEqual(reminder)
    expect(recipientsOf(o, 'overdue')).toEqual(overdue)
    expect(recipientsOf(o, 'escalation')).toEqual(escalation)
  })

  it('the plan carries them: the day\'s stage decides', () => {
    const o = dutyOf('draftReply')
    expect(plan([o], '2026-09-29').notices[0]!.recipients).toEqual(rows[0]![2])
    expect(plan([o], '2026-10-10').notices[0]!.recipients).toEqual(rows[0]![3])
    expect(plan([o], '2026-10-15').notices[0]!.recipients).toEqual(rows[0]![4])
    expect(plan([o], '2026-11-06').notices[0]!.recipients).toEqual(rows[0]![4])
  })

  it('section staff without a section answer to the leader', () => {
    expect(headOf({ role: 'sectionStaff', section: undefined })).toEqual(leader('head'))
    expect(headOf({ role: 'admin' })).toBeNull()
  })
})

describe('order: 严重逾期, escalations, overdue, reminders; key items first in each', () => {
  it('the plan lists the most urgent first', () => {
    const o = (proposal: number, number: string, due: string, keyItem = false) => dutyOf('draftReply', due, { proposal, number, keyItem })
    const obligations = [
      o(1, '2026-001', '2026-10-20'), // reminder 3
      o(2, '2026-002', '2026-10-20', true), // key: reminder 3
      o(3, '2026-003', '2026-10-14'), // overdue 1
      o(4, '2026-004', '2026-10-14', true), // key: overdue 1
      o(5, '2026-005', '2026-10-09'), // escalation 5
      o(6, '2026-006', '2026-10-12', true), // key: escalation 2
      o(7, '2026-007', '2026-09-10'), // 严重逾期
      o(8, '2026-008', '2026-09-08', true), // key, 严重逾期
      o(9, '2026-009', '2026-10-21', true), // key: 4 left, reminder 5 (caught up)
      o(10, '2026-010', '2026-09-09'), // 严重逾期, longer
    ]
    const p = plan(obligations, '2026-10-15')
    expect(p.notices.map((n) => [n.obligation.number, step(n), n.workingDaysLeft, n.veryOverdue])).toEqual([
      ['2026-008', 'escalation 21', -23, true],
      ['2026-010', 'escalation 21', -22, true],
      ['2026-007', 'escalation 21', -21, true],
      ['2026-006', 'escalation 2', -3, false],
      ['2026-005', 'escalation 5', -5, false],
      ['2026-004', 'overdue 1', -1, false],
      ['2026-003', 'overdue 1', -1, false],
      ['2026-002', 'reminder 3', 3, false],
      ['2026-009', 'reminder 5', 4, false],
      ['2026-001', 'reminder 3', 3, false],
    ])
  })

  it('byUrgency breaks ties by 编号, then key', () => {
    const a = plan([dutyOf('draftReply', DUE, { number: '2026-002' })], '2026-10-10').notices[0]!
    const b = plan([dutyOf('draftReply', DUE, { number: '2026-001', proposal: 1 })], '2026-10-10').notices[0]!
    expect([a, b].sort(byUrgency)).toEqual([b, a])
  })
})

// ── Digests and the zh-CN texts ──────────────────────────────────────────────────────────────

describe('digests', () => {
  const People: Record<string, string[]> = {
    'sectionStaff sec-lead': ['u-staff-1', 'u-staff-2'],
    'sectionHead sec-lead': ['u-head'],
    'sectionStaff sec-co': ['u-co'],
    'sectionHead sec-co': ['u-co-head'],
    // A member of the office also stands in for the leader: one person in two groups.
    leader: ['u-leader', 'u-office'],
    office: ['u-office'],
    'representative rep-1': ['rep-1'],
  }
  const resolve = (g: RecipientGroup) => People[[g.role, g.section ?? g.person].filter(Boolean).join(' ')] ?? []

  const notices = [
    ...plan(
      [
        dutyOf('draftReply', '2026-10-20', { number: '2026-001', proposal: 1 }), // reminder 3
        dutyOf('draftReply', '2026-10-14', { number: '2026-002', proposal: 2 }), // overdue 1
        dutyOf('coOpinion', DUE, { number: '2026-003', proposal: 3 }), // escalation 5
        dutyOf('screen', '2026-09-10', { number: '2026-004', proposal: 4, keyItem: true }), // key, 严重逾期
        dutyOf('evaluate', '2026-10-16', { number: '2026-005', proposal: 5, until: '2026-10-16' }), // reminder 1
        dutyOf('evaluate', '2026-10-19', { number: '2026-006', proposal: 6, until: '2026-10-19' }), // reminder 3
      ],
      '2026-10-15',
    ).notices,
  ].reverse() // the digests order them again

  const { digests, messages } = digestsOf(notices, resolve)
  const of = (person: string) => digests.find((d) => d.person === person)!
  const items = (person: string) => of(person).items.map((i) => [i.notice.obligation.number, step(i.notice), i.as])

  it('one digest per staff member, most urgent first, each notice once with the first reason that names them', () => {
    expect(digests.map((d) => d.person).sort()).toEqual(['u-co', 'u-co-head', 'u-head', 'u-leader', 'u-office', 'u-staff-1', 'u-staff-2'])
    expect(items('u-staff-1')).toEqual([
      ['2026-002', 'overdue 1', 'responsible'],
      ['2026-001', 'reminder 3', 'responsible'],
    ])
    expect(items('u-staff-2')).toEqual(items('u-staff-1'))
    expect(items('u-head')).toEqual([['2026-002', 'overdue 1', 'head']])
    expect(items('u-co')).toEqual([['2026-003', 'escalation 5', 'responsible']])
    expect(items('u-co-head')).toEqual([['2026-003', 'escalation 5', 'head']])
    // Named as the office (responsible) and as the leader's stand-in: each notice once, the first reason kept.
    expect(items('u-office')).toEqual([
      ['2026-004', 'escalation 21', 'responsible'],
      ['2026-003', 'escalation 5', 'supervisor'],
    ])
    // The office's 甄别 overdue: the leader as its head; the coOpinion escalated: as supervisor.
    expect(items('u-leader')).toEqual([
      ['2026-004', 'escalation 21', 'head'],
      ['2026-003', 'escalation 5', 'supervisor'],
    ])
    expect(digests.every((d) => d.date === '2026-10-15')).toBe(true)
  })

  it('representatives: one message per notice, no digest', () => {
    expect(messages.map((m) => [m.person, m.item.notice.obligation.number, step(m.item.notice)])).toEqual([
      ['rep-1', '2026-005', 'reminder 1'],
      ['rep-1', '2026-006', 'reminder 3'],
    ])
    expect(digests.some((d) => d.person === 'rep-1')).toBe(false)
  })

  it('one digest per person per day', () => {
    const tomorrow = plan([dutyOf('draftReply', '2026-10-20', { number: '2026-001', proposal: 1 })], '2026-10-19').notices
    const both = digestsOf([...notices, ...tomorrow], resolve).digests.filter((d) => d.person === 'u-staff-1')
    expect(both.map((d) => [d.date, d.items.length])).toEqual([
      ['2026-10-15', 2],
      ['2026-10-19', 1],
    ])
  })

  it('the subject counts by how the deadlines stand, and by whose they are', () => {
    expect(digestSubject(of('u-staff-1'))).toBe('【督办】您有 2 件待办：已逾期 1 件，即将到期 1 件')
    expect(digestSubject(of('u-office'))).toBe('【督办】您有 1 件待办、1 件需督促：严重逾期 1 件，已逾期 1 件')
    expect(digestSubject(of('u-leader'))).toBe('【督办】您有 2 件需督促：严重逾期 1 件，已逾期 1 件')
  })

  it('the lines: 编号, 标题, the step, 期限, how it stands; who owes it when not the reader', () => {
    expect(digestText(of('u-staff-1'), cal)).toBe(
      ['1. 2026-002「小区停车难」待起草答复，期限 2026年10月14日，已逾期 1 个工作日', '2. 2026-001「小区停车难」待起草答复，期限 2026年10月20日，剩 3 个工作日'].join('\n'),
    )
    const names = (o: Obligation) => (o.kind === 'duty' && o.section === 'sec-co' ? '规划科' : '代表工作室')
    expect(digestText(of('u-leader'), cal, names)).toBe(
      ['1. 【重点督办】2026-004「小区停车难」待甄别（代表工作室），期限 2026年9月10日，严重逾期 21 个工作日', '2. 2026-003「小区停车难」协办待提意见（规划科），期限 2026年10月9日，已逾期 5 个工作日'].join('\n'),
    )
    // Without names: the role's.
    expect(noticeLine(of('u-co-head').items[0]!, cal)).toBe('2026-003「小区停车难」协办待提意见（科室经办人），期限 2026年10月9日，已逾期 5 个工作日')
  })

  it('a commitment, an item without 编号, a deadline today', () => {
    const n = plan([commitment({ number: null })], DUE).notices[0]!
    expect(noticeLine({ notice: n, as: 'responsible' }, cal)).toBe('「小区停车难」承诺事项“年底前完成划线”待兑现，期限 2026年10月9日，今天到期')
  })

  it('a commitment a verification found not kept says so; a 待验证 names its commitment (one proposal owes one per commitment)', () => {
    const unkept = plan([commitment({ number: null, state: 'unkept' })], DUE).notices[0]!
    expect(noticeLine({ notice: unkept, as: 'responsible' }, cal)).toBe('「小区停车难」承诺事项“年底前完成划线”经验证尚未兑现，期限 2026年10月9日，今天到期')
    const verify = { ...unkept, obligation: dutyOf('verify', DUE, { subjectText: '年底前完成划线' }) }
    expect(noticeLine({ notice: verify, as: 'responsible' }, cal)).toBe('2026-017「小区停车难」待验证承诺事项“年底前完成划线”，期限 2026年10月9日，今天到期')
  })

  it('a representative\'s message', () => {
    expect(eventMessageText(messages[0]!, cal)).toBe('【提醒】您的提案 2026-005「小区停车难」待评价，期限 2026年10月16日，剩 1 个工作日。')
  })
})

// ── Quiet hours, settings, obligations from the records ──────────────────────────────────────

describe('deliveryTime: quiet hours in China time', () => {
  const night = { from: '22:00', to: '08:00' }
  const lunch = { from: '12:00', to: '13:30' }
  it.each([
    ['no quiet hours', '2026-10-15T15:00:00Z', null, '2026-10-15T15:00:00.000Z'],
    ['08:30 China time: not quiet', '2026-10-15T00:30:00Z', night, '2026-10-15T00:30:00.000Z'],
    ['21:59: not yet quiet', '2026-10-15T13:59:00Z', night, '2026-10-15T13:59:00.000Z'],
    ['22:00: quiet, until 08:00 next morning', '2026-10-15T14:00:00Z', night, '2026-10-16T00:00:00.000Z'],
    ['23:30: next morning', '2026-10-15T15:30:00Z', night, '2026-10-16T00:00:00.000Z'],
    ['00:10 after midnight: the same morning', '2026-10-15T16:10:00Z', night, '2026-10-16T00:00:00.000Z'],
    ['07:59: the same morning', '2026-10-15T23:59:59Z', night, '2026-10-16T00:00:00.000Z'],
    ['08:00 sharp: quiet hours over', '2026-10-16T00:00:00Z', night, '2026-10-16T00:00:00.000Z'],
    ['a zone given as +08:00', '2026-10-15T23:30:00+08:00', night, '2026-10-16T00:00:00.000Z'],
    ['across the year end', '2026-12-31T15:00:00Z', night, '2027-01-01T00:00:00.000Z'],
    ['within the day: 12:15', '2026-10-15T04:15:00Z', lunch, '2026-10-15T05:30:00.000Z'],
    ['within the day: 13:30 sharp', '2026-10-15T05:30:00Z', lunch, '2026-10-15T05:30:00.000Z'],
    ['within the day: 23:00', '2026-10-15T15:00:00Z', lunch, '2026-10-15T15:00:00.000Z'],
    ['equal times: none', '2026-10-15T15:00:00Z', { from: '22:00', to: '22:00' }, '2026-10-15T15:00:00.000Z'],
  ])('%s', (_, now, quiet, expected) => {
    expect(deliveryTime(now, quiet)).toBe(expected)
  })

  it.each([
    ['a bare date', '2026-10-15', night],
    ['no zone', '2026-10-15T15:00:00', night],
    ['a time of day without minutes', '2026-10-15T15:00:00Z', { from: '22', to: '08:00' }],
    ['24:00', '2026-10-15T15:00:00Z', { from: '22:00', to: '24:00' }],
  ])('refuses %s', (_, now, quiet) => {
    expect(() => deliveryTime(now, quiet)).toThrow(RangeError)
  })
})

describe('settings', () => {
  it.each([
    ['the defaults', {}, null],
    ['no reminders at all', { reminderWorkingDays: [] }, null],
    ['a reminder 60 working days before', { reminderWorkingDays: [60] }, null],
    ['escalation at 20', { escalationWorkingDays: 20 }, null],
    ['a reminder on the day (0)', { reminderWorkingDays: [3, 0] }, '到期提醒须为 1 至 60 之间的整数（到期前的工作日数）'],
    ['a reminder 61 days before', { reminderWorkingDays: [61] }, '到期提醒须为 1 至 60 之间的整数（到期前的工作日数）'],
    ['half a day', { keyReminderWorkingDays: [1.5] }, '重点督办事项的到期提醒须为 1 至 60 之间的整数（到期前的工作日数）'],
    ['escalation at 0', { escalationWorkingDays: 0 }, '逾期上报须为 1 至 20 之间的整数（逾期的工作日数）'],
    ['escalation after 严重逾期', { escalationWorkingDays: 21 }, '逾期上报须为 1 至 20 之间的整数（逾期的工作日数）'],
    ['key escalation not a number', { keyEscalationWorkingDays: Number.NaN }, '重点督办事项的逾期上报须为 1 至 20 之间的整数（逾期的工作日数）'],
  ])('%s', (_, change, refusal) => {
    expect(supervisionSettingsRefusal({ ...S, ...change })).toBe(refusal)
  })

  it('the sweep refuses to plan with settings that may not be saved', () => {
    expect(() => plan([dutyOf('draftReply')], '2026-10-15', [], { ...S, escalationWorkingDays: -1 })).toThrow('督办设置有误：逾期上报须为')
  })

  it('the steps in the order they are reached; an escalation on the day of the overdue notice supersedes it', () => {
    expect(stepsOf(false, S).map(step)).toEqual(['reminder 3', 'reminder 1', 'overdue 1', 'escalation 5', 'escalation 21'])
    expect(stepsOf(true, { ...S, keyReminderWorkingDays: [1, 2, 2], keyEscalationWorkingDays: 1 }).map(step)).toEqual(['reminder 2', 'reminder 1', 'overdue 1', 'escalation 1', 'escalation 21'])
    const p = plan([dutyOf('draftReply', DUE, { keyItem: true })], '2026-10-10', [], { ...S, keyEscalationWorkingDays: 1 })
    expect(p.notices.map(step)).toEqual(['escalation 1'])
    expect(p.superseded.map(step)).toEqual(['reminder 5', 'reminder 3', 'reminder 2', 'reminder 1', 'overdue 1'])
  })
})

describe('obligations from the records', () => {
  it('duty rows keep everything the plan and the key read', () => {
    const duties: Duty[] = [{ action: 'signOff', role: 'sectionHead', section: 'sec-lead', person: null, due: DUE, subject: 'reply-1', from: '2026-09-01' }]
    expect(dutyObligations(ref, duties)).toEqual([{ ...ref, kind: 'duty', ...duties[0] }])
  })

  it('commitments of the published replies, with the reply\'s section and their state; a corrected reply\'s are gone', () => {
    const reply = (over: Partial<Reply>): Reply => ({ id: 'r-1', round: 1, section: 'sec-lead', text: '', class: 'B', commitments: [], publishedAt: '2026-09-01T02:00:00Z', ...over })
    const p = {
      replies: [
        reply({ id: 'r-1', commitments: [{ id: 'c-old', text: '旧', dueDate: '2026-10-01' }] }),
        reply({ id: 'r-2', corrects: 'r-1', section: 'sec-co', commitments: [{ id: 'c-1', text: '划线', dueDate: DUE }, { id: 'c-2', text: '装灯', dueDate: '2026-11-30' }] }),
        reply({ id: 'r-3', publishedAt: null, commitments: [{ id: 'c-draft', text: '草稿', dueDate: DUE }] }),
      ],
      followUps: [{ kind: 'verification' as const, at: '2026-10-10T02:00:00Z', commitmentId: 'c-2', verified: true }],
    }
    expect(commitmentObligations(ref, p).map((c) => [c.commitment, c.text, c.due, c.section, c.state])).toEqual([
      ['c-1', '划线', DUE, 'sec-co', 'open'],
      ['c-2', '装灯', '2026-11-30', 'sec-co', 'kept'],
    ])
  })
})
