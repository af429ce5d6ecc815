import { describe, it, expect } from 'vitest'
import { addCalendarDays, DefaultCalendarData, WorkingCalendar } from './calendar'
import {
  dueText,
  DUE_SOON_WORKING_DAYS,
  LONG_OVERDUE_WORKING_DAYS,
  currentDeadline,
  deadlineState,
  deadlineStateRange,
  isOverdue,
  maxExtendedDeadline,
  replyDeadline,
  type DeadlineStage,
  type DeadlineState,
} from './deadlines'
import { replyDeadlineInForce } from './proposalFacts'
import {
  DefaultDeadlineSettings,
  ProposalStatuses,
  type Assignment,
  type ProposalFacts,
  type ProposalStatus,
} from './types'

const cal = new WorkingCalendar(DefaultCalendarData)
const s = DefaultDeadlineSettings

function facts(overrides: Partial<ProposalFacts> = {}): ProposalFacts {
  return {
    status: 'draft',
    proposer: 'rep-1',
    coSigners: [],
    confidential: false,
    // 2026-09-30 (Wed) in China: screening runs over 国庆 2026.
    submittedAt: '2026-09-29T17:00:00Z',
    // 2026-02-12 (Thu) in China: instruction runs over 春节 2026.
    screening: { decision: 'accepted', at: '2026-02-12T02:00:00Z' },
    assignment: {
      leadSection: 'sec-1',
      coSections: [],
      assignedAt: '2026-03-10T01:00:00Z',
      deadline: '2026-04-10',
      extensions: [
        { newDeadline: '2026-05-20', reason: 'first' },
        { newDeadline: '2026-06-10', reason: 'second' },
      ],
    },
    instructions: [],
    replies: [],
    evaluations: [],
    rehandlings: [
      { round: 1, startedAt: '2026-06-20T02:00:00Z', deadline: '2026-07-20' },
      { round: 2, startedAt: '2026-07-25T02:00:00Z', deadline: '2026-08-25' },
    ],
    followUps: [],
    ...overrides,
  }
}

describe('replyDeadline (replyMonths after assignment, rolled to a working day)', () => {
  it.each([
    ['2026-03-10', 1, '2026-04-10'],
    ['2026-09-01', 1, '2026-10-08'], // 国庆 2026
    ['2026-01-31', 1, '2026-02-28'], // clamped; Saturday make-up workday
    ['2026-03-10', 2, '2026-05-11'], // Sunday 05-10 → Monday
  ])('assigned %s, %i month(s) → %s', (assigned, replyMonths, expected) => {
    expect(replyDeadline(assigned, cal, { ...s, replyMonths })).toBe(expected)
  })
})

describe('maxExtendedDeadline (extensionMaxMonths after assignment)', () => {
  it.each([
    ['2026-03-10', 3, '2026-06-10'],
    ['2026-07-01', 3, '2026-10-08'], // 国庆 2026
    ['2025-11-15', 3, '2026-02-24'], // 春节 2026
    ['2026-03-10', 2, '2026-05-11'],
  ])('assigned %s, max %i months → %s', (assigned, extensionMaxMonths, expected) => {
    expect(maxExtendedDeadline(assigned, cal, { ...s, extensionMaxMonths })).toBe(expected)
  })
})

describe('replyDeadlineInForce', () => {
  const base: Assignment = { coSections: [], deadline: '2026-04-10', extensions: [] }
  it.each<[string, Assignment, string | null]>([
    ['no extension → original deadline', base, '2026-04-10'],
    ['one extension', { ...base, extensions: [{ newDeadline: '2026-05-20', reason: 'r' }] }, '2026-05-20'],
    [
      'the last extension wins',
      {
        ...base,
        extensions: [
          { newDeadline: '2026-05-20', reason: 'r' },
          { newDeadline: '2026-06-10', reason: 'r' },
        ],
      },
      '2026-06-10',
    ],
    ['extension without an original deadline', { ...base, deadline: null, extensions: [{ newDeadline: '2026-05-20', reason: 'r' }] }, '2026-05-20'],
    ['nothing set', { ...base, deadline: null }, null],
    ['deadline undefined', { coSections: [], extensions: [] }, null],
  ])('%s', (_label, a, expected) => {
    expect(replyDeadlineInForce(a)).toBe(expected)
  })
})

describe('currentDeadline for every status', () => {
  const expected: Record<ProposalStatus, { stage: DeadlineStage; due: string } | null> = {
    draft: null,
    submitted: { stage: 'screening', due: '2026-10-10' }, // 09-30 + 3: 10-08, 10-09, Sat 10-10 make-up
    accepted: { stage: 'instruction', due: '2026-02-26' }, // 02-12 + 5: 02-13, Sat 02-14, 02-24, 02-25, 02-26
    // Screened out, not yet instructed: 件件有批示, on the accepted items' deadline.
    merged: { stage: 'instruction', due: '2026-02-26' },
    redirected: { stage: 'instruction', due: '2026-02-26' },
    notAccepted: { stage: 'instruction', due: '2026-02-26' },
    instructed: { stage: 'reply', due: '2026-06-10' },
    inProgress: { stage: 'reply', due: '2026-06-10' },
    replied: null,
    evaluated: null,
    rehandling: { stage: 'rehandling', due: '2026-08-25' },
    closed: null,
  }

  it.each(ProposalStatuses.map((status) => [status]))('%s', (status) => {
    expect(currentDeadline(facts({ status }), cal, s)).toEqual(expected[status])
  })
})

describe('currentDeadline edge cases', () => {
  it.each<[string, Partial<ProposalFacts>, { stage: DeadlineStage; due: string } | null]>([
    ['submitted without submittedAt', { status: 'submitted', submittedAt: null }, null],
    ['accepted without screening time', { status: 'accepted', screening: { decision: 'accepted' } }, null],
    [
      'instructed without any deadline',
      { status: 'instructed', assignment: { coSections: [], deadline: null, extensions: [] } },
      null,
    ],
    [
      'inProgress without extensions uses the assignment deadline',
      { status: 'inProgress', assignment: { coSections: [], deadline: '2026-04-10', extensions: [] } },
      { stage: 'reply', due: '2026-04-10' },
    ],
    ['rehandling without a round', { status: 'rehandling', rehandlings: [] }, null],
    [
      // 02-12 + 10 working days over 春节 2026: 02-13, Sat 02-14, 02-24 … 02-27, Sat 02-28, 03-02, 03-03, 03-04.
      'screened out and instructed: the explanation, 10 working days after screening',
      { status: 'notAccepted', screening: { decision: 'notAccepted', at: '2026-02-12T02:00:00Z' }, instructions: [{ leader: 'l', text: '请说明', at: '2026-02-13T02:00:00Z' }] },
      { stage: 'explanation', due: '2026-03-04' },
    ],
    [
      'screened out, instructed and explained: nothing more is due',
      {
        status: 'merged',
        screening: { decision: 'merged', at: '2026-02-12T02:00:00Z' },
        instructions: [{ leader: 'l', text: '请说明', at: '2026-02-13T02:00:00Z' }],
        replies: [{ id: 'x', round: 1, section: null, text: '已并入', class: 'A', commitments: [], publishedAt: '2026-02-25T02:00:00Z' }],
      },
      null,
    ],
    [
      'screened out with an unpublished explanation: still due',
      {
        status: 'redirected',
        screening: { decision: 'redirected', at: '2026-02-12T02:00:00Z' },
        instructions: [{ leader: 'l', text: '请说明', at: '2026-02-13T02:00:00Z' }],
        replies: [{ id: 'x', round: 1, section: null, text: '草稿', class: 'A', commitments: [], publishedAt: null }],
      },
      { stage: 'explanation', due: '2026-03-04' },
    ],
    ['screened out without a screening time', { status: 'merged', screening: { decision: 'merged' } }, null],
    [
      'rehandling picks the highest round even if listed first',
      {
        status: 'rehandling',
        rehandlings: [
          { round: 2, startedAt: '2026-07-25T02:00:00Z', deadline: '2026-08-25' },
          { round: 1, startedAt: '2026-06-20T02:00:00Z', deadline: '2026-07-20' },
        ],
      },
      { stage: 'rehandling', due: '2026-08-25' },
    ],
    [
      'submitted at 16:00Z counts from the next China day',
      { status: 'submitted', submittedAt: '2026-03-09T16:00:00Z' }, // 2026-03-10 local
      { stage: 'screening', due: '2026-03-13' },
    ],
    [
      'submitted at 15:59Z counts from the same China day',
      { status: 'submitted', submittedAt: '2026-03-09T15:59:59Z' }, // 2026-03-09 local
      { stage: 'screening', due: '2026-03-12' },
    ],
  ])('%s', (_label, overrides, expected) => {
    expect(currentDeadline(facts(overrides), cal, s)).toEqual(expected)
  })

  it('uses the session settings, not the defaults', () => {
    const p = facts({ status: 'submitted' })
    expect(currentDeadline(p, cal, { ...s, screeningWorkingDays: 1 })).toEqual({ stage: 'screening', due: '2026-10-08' })
    const q = facts({ status: 'accepted' })
    expect(currentDeadline(q, cal, { ...s, instructionWorkingDays: 2 })).toEqual({ stage: 'instruction', due: '2026-02-14' })
    const r = facts({ status: 'notAccepted', instructions: [{ leader: 'l', text: '请说明', at: '2026-02-13T02:00:00Z' }] })
    expect(currentDeadline(r, cal, { ...s, explanationWorkingDays: 2 })).toEqual({ stage: 'explanation', due: '2026-02-14' })
  })
})

describe('deadlineState', () => {
  it('uses the documented thresholds', () => {
    expect(DUE_SOON_WORKING_DAYS).toBe(3)
    expect(LONG_OVERDUE_WORKING_DAYS).toBe(20)
  })

  // due Wed 2026-03-11; 清明 2026-04-04..06 lies inside the overdue range.
  it.each<[string, DeadlineState, number]>([
    ['2026-03-05T02:00:00Z', 'onTrack', 4], // Thu: 03-06, 09, 10, 11
    ['2026-03-06T02:00:00Z', 'dueSoon', 3],
    ['2026-03-10T02:00:00Z', 'dueSoon', 1],
    ['2026-03-11T02:00:00Z', 'dueSoon', 0], // due today
    ['2026-03-11T15:59:59Z', 'dueSoon', 0], // 23:59:59 in China
    ['2026-03-11T16:00:00Z', 'overdue', -1], // 00:00 on 03-12 in China
    ['2026-03-12T02:00:00Z', 'overdue', -1],
    ['2026-04-09T02:00:00Z', 'overdue', -20],
    ['2026-04-10T02:00:00Z', 'longOverdue', -21],
    ['2026-04-11T02:00:00Z', 'longOverdue', -21], // Saturday adds no working day
  ])('due 2026-03-11, now %s → %s (%i)', (now, state, left) => {
    expect(deadlineState('2026-03-11', now, cal)).toEqual({ state, workingDaysLeft: left })
  })

  it.each<[string, string, DeadlineState, number]>([
    // Overdue starts the calendar day after `due`, even before another working day passes.
    ['2026-03-13', '2026-03-14T02:00:00Z', 'overdue', 0],
    ['2026-03-13', '2026-03-16T02:00:00Z', 'overdue', -1],
    // A deadline on a holiday: nothing left to work, but not yet late.
    ['2026-10-01', '2026-09-30T02:00:00Z', 'dueSoon', 0],
    // Across 国庆 2026: 09-28, 29, 30, 10-08 are the four working days.
    ['2026-10-08', '2026-09-25T02:00:00Z', 'onTrack', 4],
    ['2026-10-08', '2026-09-28T02:00:00Z', 'dueSoon', 3],
  ])('due %s, now %s → %s (%i)', (due, now, state, left) => {
    expect(deadlineState(due, now, cal)).toEqual({ state, workingDaysLeft: left })
  })

  it.each<[string, string]>([
    ['2026-3-11', '2026-03-05T02:00:00Z'],
    ['2026-03-11', '2026-03-05T10:00:00'], // now without a zone
    ['2026-03-11', 'now'],
  ])('rejects due %j / now %j', (due, now) => {
    expect(() => deadlineState(due, now, cal)).toThrow(RangeError)
  })
})

describe('deadlineStateRange (the due dates of each state on a day, for a list\'s query)', () => {
  const States: DeadlineState[] = ['onTrack', 'dueSoon', 'overdue', 'longOverdue']
  const inRange = (due: string, r: { from?: string; before?: string }) => (r.from == null || due >= r.from) && (r.before == null || due < r.before)

  // today (China-local): on track from, and long overdue before (counted by hand on the 2026 calendar).
  it.each<[string, string, string]>([
    // Wed 03-11: 03-12, 13, 16 are three working days left, 03-17 the fourth. Back: 03-11…02 (8), the
    // 春节 make-up Saturdays 02-28 and 02-14 count, 02-15…23 do not: 02-05 is the 21st working day.
    ['2026-03-11', '2026-03-17', '2026-02-05'],
    // Sat 03-14: the day itself is no working day; 03-19 is the fourth after it, 02-09 the 21st before it.
    ['2026-03-14', '2026-03-19', '2026-02-09'],
    // Wed 09-30, before 国庆 (10-01…07): 10-08, 09 and the make-up Saturday 10-10 are three, 10-12 the fourth;
    // back over 中秋 (09-25) and the make-up Sunday 09-20: 09-02 is the 21st.
    ['2026-09-30', '2026-10-12', '2026-09-02'],
  ])('on %s: dueSoon before %s, longOverdue before %s', (today, onTrackFrom, longOverdueBefore) => {
    expect(deadlineStateRange('onTrack', today, cal)).toEqual({ from: onTrackFrom })
    expect(deadlineStateRange('dueSoon', today, cal)).toEqual({ from: today, before: onTrackFrom })
    expect(deadlineStateRange('overdue', today, cal)).toEqual({ from: longOverdueBefore, before: today })
    expect(deadlineStateRange('longOverdue', today, cal)).toEqual({ before: longOverdueBefore })
  })

  // Every due date within 80 days either side of each day, on days around weekends and holidays:
  // a date lies in exactly the range of the state deadlineState gives it.
  it.each(['2026-01-01', '2026-02-13', '2026-02-24', '2026-03-11', '2026-03-14', '2026-05-05', '2026-09-30', '2026-10-08', '2026-12-31'])('on %s the ranges are exactly deadlineState', (today) => {
    const now = `${today}T04:00:00.000Z` // 12:00 in China
    for (let d = -80; d <= 80; d++) {
      const due = addCalendarDays(today, d)
      const { state } = deadlineState(due, now, cal)
      for (const s of States) expect(inRange(due, deadlineStateRange(s, today, cal)), `${due}: ${state} vs ${s}`).toBe(s === state)
    }
  })
})

describe('isOverdue', () => {
  it.each<[DeadlineState, boolean]>([
    ['onTrack', false],
    ['dueSoon', false],
    ['overdue', true],
    ['longOverdue', true],
  ])('%s → %s', (state, expected) => {
    expect(isOverdue(state)).toBe(expected)
  })
})

describe('dueText', () => {
  const noon = (d: string) => `${d}T04:00:00.000Z` // 12:00 in China
  it.each([
    ['2026-03-10', '2026-03-04', '剩 4 个工作日'],
    ['2026-03-10', '2026-03-10', '今天到期'],
    ['2026-03-10', '2026-03-11', '已逾期 1 个工作日'],
    // Friday's deadline, seen on Saturday: overdue, no working day passed yet.
    ['2026-03-13', '2026-03-14', '已逾期'],
    ['2026-03-02', '2026-04-07', '严重逾期 25 个工作日'],
  ])('due %s seen on %s: %s', (due, today, text) => {
    expect(dueText(due, noon(today), cal)).toBe(text)
  })
})
