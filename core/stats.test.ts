import { describe, expect, it } from 'vitest'
import { DefaultCalendarData, WorkingCalendar } from './calendar'
import {
  PublicExportSchema,
  PublicProposalSchema,
  type PublicExport,
  type PublicProposal,
  type PublicSession,
} from './contract'
import { coHandlingOf, commitmentRate, computeFigures, figuresBySection, figuresBySession, formatCommitmentRate, formatPercent, formatShare, publicDeadline, type Figures } from './stats'
import { DefaultDeadlineSettings } from './types'

// ---------- fixtures ----------

const cal = new WorkingCalendar(DefaultCalendarData)

/** A China-local wall-clock time as an ISO timestamp. */
const T = (date: string, time = '10:00') => `${date}T${time}:00+08:00`

const PROPOSER = { id: 'rep-1', name: '王芳' }
const COSIGNER = { id: 'rep-2', name: '李强' }
const SECTIONS = {
  civil: { slug: 'civil-affairs', name: '民政科' },
  urban: { slug: 'urban-management', name: '城管科' },
  safety: { slug: 'safety', name: '安监科' },
}

const session = (slug: string, year: number, deadlines: Partial<PublicSession['deadlines']> = {}): PublicSession => ({
  slug,
  name: `${year}年居民代表大会`,
  year,
  current: year === 2025,
  deadlines: { ...DefaultDeadlineSettings, ...deadlines },
})
const S2025 = session('2025', 2025)
const SESSIONS = [S2025]

type ProposalInput = Partial<PublicProposal>
type Reply = PublicProposal['replies'][number]
type Assignment = NonNullable<PublicProposal['assignment']>

let seq = 0
/** A public proposal, validated against the contract so fixtures can't drift from the export. */
function proposal(o: ProposalInput = {}): PublicProposal {
  seq++
  return PublicProposalSchema.parse({
    number: `2025-${String(seq).padStart(3, '0')}`,
    session: '2025',
    status: 'submitted',
    title: '修缮小区路灯',
    body: '小区北门路灯损坏已两月。',
    redacted: false,
    keyItem: false,
    category: '市政设施',
    residentialArea: '阳光居民区',
    proposer: PROPOSER,
    coSigners: [COSIGNER],
    submittedAt: T('2025-10-27'),
    screening: null,
    instructions: [],
    assignment: null,
    coOpinions: [],
    replies: [],
    evaluations: [],
    rehandlings: [],
    followUps: [],
    noEvaluationReason: null,
    closedAt: null,
    timeline: [],
    ...o,
  })
}

const screening = (decision: 'accepted' | 'merged' | 'redirected' | 'notAccepted', at = T('2025-10-29')) => ({
  decision,
  reason: '符合立案条件',
  mergedInto: null,
  at,
})
const instruction = (at = T('2025-10-31')) => ({ leader: '张主任', text: '请城管科抓紧办理。', at })

function assignment(o: Partial<Assignment> = {}): Assignment {
  return {
    leadSection: SECTIONS.urban,
    coSections: [],
    assignedAt: T('2025-11-03'),
    deadline: '2025-12-03',
    extensions: [],
    ...o,
  }
}
const extension = (newDeadline: string, approvedAt: string) => ({ newDeadline, reason: '需协调区级部门', approvedAt })

function reply(o: Partial<Reply> & { publishedAt: string }): Reply {
  return {
    id: `reply-${++seq}`,
    round: 1,
    section: SECTIONS.urban,
    class: 'A',
    text: '已更换路灯。',
    commitments: [],
    signedOffAt: o.publishedAt,
    corrects: null,
    silentCoSections: [],
    ...o,
  }
}
const evaluation = (
  r: Reply,
  by: { id: string },
  rating: 'satisfied' | 'basicallySatisfied' | 'dissatisfied',
  at: string,
) => ({ reply: r.id, representative: by.id, rating, comment: null, at })

/** An accepted, instructed, assigned proposal; `replies` published on the given local dates. */
function handled(o: { assignment?: Partial<Assignment> } & Omit<ProposalInput, 'assignment'> = {}) {
  const { assignment: a, ...rest } = o
  return proposal({
    status: rest.replies?.length ? 'replied' : 'inProgress',
    screening: screening('accepted'),
    instructions: [instruction()],
    assignment: assignment(a),
    ...rest,
  })
}

function exportOf(proposals: PublicProposal[], sessions = SESSIONS): PublicExport {
  return PublicExportSchema.parse({
    generatedAt: T('2025-12-10'),
    calendar: { holidays: DefaultCalendarData.holidays, makeUpWorkdays: DefaultCalendarData.makeUpWorkdays },
    sessions,
    sections: Object.values(SECTIONS),
    residentialAreas: ['阳光居民区'],
    proposals,
    confidential: [],
    unscreened: [],
  })
}

const NOW = T('2025-11-20')
const figures = (ps: PublicProposal[], now = NOW, sessions = SESSIONS) => computeFigures(ps, { calendar: cal, now, sessions })

// ---------- tests ----------

describe('computeFigures on an empty set', () => {
  const f = figures([])
  it.each(['replyRate', 'onTimeRate', 'satisfactionRate'] as const)('%s is 0 of 0, shown as 样本不足', (key) => {
    expect(f[key]).toEqual({ count: 0, of: 0 })
    expect(formatShare(f[key])).toBe('样本不足')
  })
  it('has no median', () => expect(f.medianWorkingDaysToReply).toBeNull())
  it.each([
    'received',
    'accepted',
    'screenedOut',
    'instructed',
    'assigned',
    'replied',
    'overdueNow',
    'longOverdueNow',
    'dissatisfied',
  ] as const)('%s is 0', (key) => expect(f[key]).toBe(0))
  it('has no reply classes', () => expect(f.byReplyClass).toEqual({ A: 0, B: 0, C: 0 }))
})

describe('counting stages', () => {
  const set = [
    proposal(), // submitted, not screened yet
    proposal({ status: 'accepted', screening: screening('accepted') }),
    proposal({ status: 'instructed', screening: screening('accepted'), instructions: [instruction(), instruction()] }),
    handled(),
    handled({ replies: [reply({ publishedAt: T('2025-11-10') })] }),
    proposal({
      status: 'merged',
      screening: { ...screening('merged'), mergedInto: '2025-004' },
      instructions: [instruction()],
      replies: [reply({ publishedAt: T('2025-11-05') })], // the reply explains the merge
    }),
    proposal({ status: 'redirected', screening: screening('redirected') }),
    proposal({ status: 'notAccepted', screening: screening('notAccepted') }),
  ]
  const f = figures(set)
  it.each([
    ['received', 8],
    ['accepted', 4],
    ['screenedOut', 3],
    ['instructed', 4],
    ['assigned', 2],
    ['replied', 2],
  ] as const)('%s = %i', (key, expected) => expect(f[key]).toBe(expected))

  it('replyRate counts every received proposal in the denominator, screened-out ones included', () =>
    expect(f.replyRate).toEqual({ count: 2, of: 8 }))

  it('onTimeRate only considers the lead sections’ answers (the merge explanation is not in it)', () => {
    // The replied one is on time; the unreplied one's deadline (12-03) has not passed at NOW (11-20).
    expect(f.onTimeRate).toEqual({ count: 1, of: 1 })
  })
})

describe('replied on time', () => {
  // Deadline Fri 2025-11-07; Mon 2025-11-10 is the next working day.
  it.each([
    { name: 'on the deadline day', deadline: '2025-11-07', publishedAt: T('2025-11-07', '17:00'), onTime: true },
    { name: 'one working day late', deadline: '2025-11-07', publishedAt: T('2025-11-10', '09:00'), onTime: false },
    // 01:00 China time on Saturday is still Friday in UTC: the local date decides.
    { name: 'after local midnight', deadline: '2025-11-07', publishedAt: '2025-11-07T17:00:00Z', onTime: false },
    { name: 'before the deadline', deadline: '2025-11-07', publishedAt: T('2025-11-05'), onTime: true },
    {
      name: 'late for the first deadline but within an approved extension',
      deadline: '2025-11-07',
      extensions: [extension('2025-12-05', T('2025-11-06'))],
      publishedAt: T('2025-12-05', '16:00'),
      onTime: true,
    },
    {
      name: 'one working day after the extended deadline',
      deadline: '2025-11-07',
      extensions: [extension('2025-12-05', T('2025-11-06'))],
      publishedAt: T('2025-12-08'),
      onTime: false,
    },
    {
      name: 'the last of several extensions is in force',
      deadline: '2025-11-07',
      extensions: [extension('2025-11-21', T('2025-11-06')), extension('2025-12-05', T('2025-11-20'))],
      publishedAt: T('2025-12-01'),
      onTime: true,
    },
    {
      name: 'an extension approved after the reply does not make it on time',
      deadline: '2025-11-07',
      extensions: [extension('2025-12-05', T('2025-11-12'))],
      publishedAt: T('2025-11-10'),
      onTime: false,
    },
  ])('$name → onTime $onTime', ({ deadline, extensions = [], publishedAt, onTime }) => {
    const f = figures([handled({ assignment: { deadline, extensions }, replies: [reply({ publishedAt })] })], T('2026-01-20'))
    expect(f.onTimeRate).toEqual({ count: onTime ? 1 : 0, of: 1 })
  })

  it.each([
    { name: 'in order', reverse: false },
    { name: 'listed latest first', reverse: true },
  ])('judges the first reply, not a later rehandling reply ($name)', ({ reverse }) => {
    const replies = [reply({ publishedAt: T('2025-11-05') }), reply({ round: 2, publishedAt: T('2025-11-20') })]
    if (reverse) replies.reverse()
    // The round-2 reply answers no 重新办理 here (none is recorded): only round 1 is judged.
    const f = figures([handled({ status: 'replied', assignment: { deadline: '2025-11-07' }, replies })])
    expect(f.onTimeRate).toEqual({ count: 1, of: 1 })
  })

  it('counts answers due: replied ones, and unreplied ones whose deadline has passed (not on time)', () => {
    const f = figures([
      handled({ assignment: { deadline: '2025-11-07' }, replies: [reply({ publishedAt: T('2025-11-07') })] }),
      handled({ assignment: { deadline: '2025-11-07' }, replies: [reply({ publishedAt: T('2025-11-10') })] }),
      handled({ assignment: { deadline: '2025-11-07' }, replies: [reply({ publishedAt: T('2025-11-11') })] }),
      handled({ assignment: { deadline: '2025-12-31' } }), // not replied, not due yet: not counted
      handled({ assignment: { deadline: '2025-11-19' } }), // not replied, deadline passed yesterday: counted, late
      handled({ assignment: { deadline: '2025-11-20' } }), // not replied, due today: not counted yet
    ])
    expect(f.onTimeRate).toEqual({ count: 1, of: 4 })
  })

  // Gaming route: a section that never replies must not score 100%.
  it('a section that never replies scores 0 of n, not 100%', () => {
    const silent = [handled({ assignment: { deadline: '2025-10-10' } }), handled({ assignment: { deadline: '2025-09-30' } })]
    const f = figures(silent)
    expect(f.replied).toBe(0)
    expect(f.onTimeRate).toEqual({ count: 0, of: 2 })
    expect(formatPercent(f.onTimeRate)).toBe('0.0%')
    expect(f.overdueNow).toBe(2)
  })

  // Gaming route: lateness in 重新办理 counts too (each round is one answer due).
  it('each 重新办理 round is an answer due of its own', () => {
    const r1 = reply({ publishedAt: T('2025-11-05') })
    const late = figures([
      handled({ status: 'rehandling', assignment: { deadline: '2025-11-07' }, replies: [r1], rehandlings: [{ round: 1, startedAt: T('2025-11-10'), deadline: '2025-11-18' }] }),
    ])
    expect(late.onTimeRate).toEqual({ count: 1, of: 2 }) // round 1 on time, round 2 overdue unanswered
    const answered = figures([
      handled({
        status: 'replied',
        assignment: { deadline: '2025-11-07' },
        replies: [r1, reply({ round: 2, publishedAt: T('2025-11-18', '16:00') })],
        rehandlings: [{ round: 1, startedAt: T('2025-11-10'), deadline: '2025-11-18' }],
      }),
    ])
    expect(answered.onTimeRate).toEqual({ count: 2, of: 2 })
  })
})

describe('working days from assignment to first reply', () => {
  const one = (assignedAt: string, publishedAt: string) =>
    handled({ assignment: { assignedAt }, replies: [reply({ publishedAt })] })

  it.each([
    { name: 'same day', assignedAt: T('2025-11-03'), publishedAt: T('2025-11-03', '18:00'), days: 0 },
    { name: 'Monday to Wednesday', assignedAt: T('2025-11-03'), publishedAt: T('2025-11-05'), days: 2 },
    { name: 'over a weekend', assignedAt: T('2025-11-07'), publishedAt: T('2025-11-10'), days: 1 },
    // (09-26, 10-09]: make-up Sunday 09-28, 09-29, 09-30, then 10-01..08 off, 10-09 → 4.
    { name: 'across the 2025 国庆 holidays', assignedAt: T('2025-09-26'), publishedAt: T('2025-10-09'), days: 4 },
    // Assigned 23:30 UTC on 11-02 = 07:30 on Monday 11-03 China time.
    { name: 'assignedAt read in China time', assignedAt: '2025-11-02T23:30:00Z', publishedAt: T('2025-11-05'), days: 2 },
  ])('$name → $days', ({ assignedAt, publishedAt, days }) => {
    expect(figures([one(assignedAt, publishedAt)]).medianWorkingDaysToReply).toBe(days)
  })

  // Assigned Monday 2025-11-03: replies after 2, 4, 10 and 20 working days.
  const d2 = () => one(T('2025-11-03'), T('2025-11-05'))
  const d4 = () => one(T('2025-11-03'), T('2025-11-07'))
  const d10 = () => one(T('2025-11-03'), T('2025-11-17'))
  const d20 = () => one(T('2025-11-03'), T('2025-12-01'))

  it.each([
    { name: 'odd count → middle value (not the mean 5.33)', set: () => [d10(), d2(), d4()], median: 4 },
    { name: 'even count → mean of the two middle values', set: () => [d20(), d2(), d10(), d4()], median: 7 },
    { name: 'two values', set: () => [d2(), d20()], median: 11 },
    {
      name: 'replied but unassigned proposals are left out',
      set: () => [
        d2(),
        d4(),
        d10(),
        proposal({ status: 'notAccepted', screening: screening('notAccepted'), replies: [reply({ publishedAt: T('2025-12-20') })] }),
      ],
      median: 4,
    },
    { name: 'unreplied proposals are left out', set: () => [d2(), handled(), d10()], median: 6 },
    {
      name: 'the first reply counts, not a later rehandling reply',
      set: () => [
        handled({
          assignment: { assignedAt: T('2025-11-03') },
          replies: [reply({ round: 2, publishedAt: T('2025-12-01') }), reply({ publishedAt: T('2025-11-05') })],
        }),
      ],
      median: 2,
    },
  ])('$name', ({ set, median }) => {
    expect(figures(set()).medianWorkingDaysToReply).toBe(median)
  })
})

describe('evaluations', () => {
  const r1 = reply({ id: 'r1', round: 1, publishedAt: T('2025-11-10') })
  const r1fix = reply({ id: 'r1-fix', round: 1, publishedAt: T('2025-11-12'), corrects: 'r1' })
  const r2 = reply({ id: 'r2', round: 2, publishedAt: T('2025-12-10') })
  const rehandling = { round: 1, startedAt: T('2025-11-20'), deadline: '2025-12-19' }

  it.each([
    { name: 'proposer satisfied', replies: [r1], evals: [evaluation(r1, PROPOSER, 'satisfied', T('2025-11-11'))], want: [1, 1, 0] },
    {
      name: 'basically satisfied counts as satisfied',
      replies: [r1],
      evals: [evaluation(r1, PROPOSER, 'basicallySatisfied', T('2025-11-11'))],
      want: [1, 1, 0],
    },
    { name: 'proposer dissatisfied', replies: [r1], evals: [evaluation(r1, PROPOSER, 'dissatisfied', T('2025-11-11'))], want: [1, 0, 1] },
    {
      name: 'after rehandling the evaluation of the second reply wins',
      replies: [r1, r2],
      rehandlings: [rehandling],
      evals: [evaluation(r1, PROPOSER, 'dissatisfied', T('2025-11-14')), evaluation(r2, PROPOSER, 'satisfied', T('2025-12-12'))],
      want: [1, 1, 0],
    },
    {
      // Gaming route: publishing a new reply after 不满意 must not drop the proposal from 满意率.
      name: 'after a new reply, the earlier 不满意 stands until the proposer evaluates again',
      replies: [r1, r2],
      rehandlings: [rehandling],
      evals: [evaluation(r1, PROPOSER, 'dissatisfied', T('2025-11-14'))],
      want: [1, 0, 1],
    },
    {
      name: 'a later evaluation of the same reply wins, whatever the list order',
      replies: [r1],
      evals: [evaluation(r1, PROPOSER, 'dissatisfied', T('2025-11-15')), evaluation(r1, PROPOSER, 'satisfied', T('2025-11-11'))],
      want: [1, 0, 1],
    },
    {
      name: "a co-signer's evaluation alone does not count",
      replies: [r1],
      evals: [evaluation(r1, COSIGNER, 'satisfied', T('2025-11-11'))],
      want: [0, 0, 0],
    },
    {
      name: "a co-signer's later dissatisfaction does not override the proposer",
      replies: [r1],
      evals: [evaluation(r1, PROPOSER, 'satisfied', T('2025-11-11')), evaluation(r1, COSIGNER, 'dissatisfied', T('2025-11-13'))],
      want: [1, 1, 0],
    },
    {
      name: "a co-signer's satisfaction does not override the proposer",
      replies: [r1],
      evals: [evaluation(r1, PROPOSER, 'dissatisfied', T('2025-11-11')), evaluation(r1, COSIGNER, 'satisfied', T('2025-11-13'))],
      want: [1, 0, 1],
    },
    {
      // Gaming route: a correction does not wipe out an evaluation either.
      name: 'an evaluation given before a correction of the same round still stands',
      replies: [r1, r1fix],
      evals: [evaluation(r1, PROPOSER, 'satisfied', T('2025-11-11'))],
      want: [1, 1, 0],
    },
  ])('$name', ({ replies, evals, rehandlings = [], want: [evaluated, satisfied, dissatisfied] }) => {
    const f = figures([handled({ status: 'evaluated', replies, evaluations: evals, rehandlings })])
    expect([f.satisfactionRate.of, f.satisfactionRate.count, f.dissatisfied]).toEqual([evaluated, satisfied, dissatisfied])
  })

  it('satisfactionRate = satisfied / evaluated over the set', () => {
    const set = (['satisfied', 'basicallySatisfied', 'dissatisfied', 'satisfied'] as const).map((rating) => {
      const r = reply({ publishedAt: T('2025-11-10') })
      return handled({ status: 'evaluated', replies: [r], evaluations: [evaluation(r, PROPOSER, rating, T('2025-11-11'))] })
    })
    set.push(handled({ replies: [reply({ publishedAt: T('2025-11-10') })] })) // replied, not evaluated
    const f = figures(set)
    expect(f.satisfactionRate).toEqual({ count: 3, of: 4 })
    expect(f.dissatisfied).toBe(1)
  })
})

describe('reply classes', () => {
  it.each([
    { name: 'a single reply', replies: [reply({ class: 'B', publishedAt: T('2025-11-10') })], want: { A: 0, B: 1, C: 0 } },
    {
      name: 'the rehandling reply replaces the first',
      replies: [reply({ class: 'C', publishedAt: T('2025-11-10') }), reply({ round: 2, class: 'A', publishedAt: T('2025-12-10') })],
      want: { A: 1, B: 0, C: 0 },
    },
    {
      name: 'a correction replaces what it corrects',
      replies: [
        reply({ id: 'orig', class: 'B', publishedAt: T('2025-11-10') }),
        reply({ id: 'fix', class: 'A', publishedAt: T('2025-11-11'), corrects: 'orig' }),
      ],
      want: { A: 1, B: 0, C: 0 },
    },
    {
      name: 'the higher round wins even when listed first',
      replies: [reply({ round: 2, class: 'C', publishedAt: T('2025-12-10') }), reply({ class: 'A', publishedAt: T('2025-11-10') })],
      want: { A: 0, B: 0, C: 1 },
    },
  ])('$name', ({ replies, want }) => {
    expect(figures([handled({ replies })]).byReplyClass).toEqual(want)
  })

  it('counts one class per replied proposal', () => {
    const f = figures([
      handled({ replies: [reply({ class: 'A', publishedAt: T('2025-11-10') })] }),
      handled({ replies: [reply({ class: 'A', publishedAt: T('2025-11-10') })] }),
      handled({ replies: [reply({ class: 'C', publishedAt: T('2025-11-10') })] }),
      handled(),
    ])
    expect(f.byReplyClass).toEqual({ A: 2, B: 0, C: 1 })
  })
})

describe('publicDeadline', () => {
  const slow = session('slow', 2025, { screeningWorkingDays: 5, instructionWorkingDays: 10 })
  it.each([
    // Submitted Tue 09-30; 3 working days: 10-09, 10-10, make-up Saturday 10-11.
    { name: 'submitted → screening', p: () => proposal({ submittedAt: T('2025-09-30') }), s: S2025, want: { stage: 'screening', due: '2025-10-11' } },
    { name: "screening uses the session's setting", p: () => proposal({ submittedAt: T('2025-09-30') }), s: slow, want: { stage: 'screening', due: '2025-10-14' } },
    {
      name: 'submittedAt read in China time',
      p: () => proposal({ submittedAt: '2025-11-02T17:00:00Z' }), // Monday 01:00 China time
      s: S2025,
      want: { stage: 'screening', due: '2025-11-06' },
    },
    {
      name: 'accepted → instruction from screening.at',
      p: () => proposal({ status: 'accepted', screening: screening('accepted', T('2025-11-03')) }),
      s: S2025,
      want: { stage: 'instruction', due: '2025-11-10' },
    },
    { name: 'inProgress → reply deadline', p: () => handled({ assignment: { deadline: '2025-12-03' } }), s: S2025, want: { stage: 'reply', due: '2025-12-03' } },
    {
      name: 'inProgress with extensions → the last one',
      p: () =>
        handled({
          assignment: {
            deadline: '2025-12-03',
            extensions: [extension('2025-12-31', T('2025-11-20')), extension('2026-01-30', T('2025-12-20'))],
          },
        }),
      s: S2025,
      want: { stage: 'reply', due: '2026-01-30' },
    },
    {
      name: 'rehandling → the latest round',
      p: () =>
        handled({
          status: 'rehandling',
          replies: [reply({ publishedAt: T('2025-11-10') })],
          rehandlings: [
            { round: 2, startedAt: T('2025-12-20'), deadline: '2026-01-20' },
            { round: 1, startedAt: T('2025-11-20'), deadline: '2025-12-19' },
          ],
        }),
      s: S2025,
      want: { stage: 'rehandling', due: '2026-01-20' },
    },
    { name: 'replied → none', p: () => handled({ replies: [reply({ publishedAt: T('2025-11-10') })] }), s: S2025, want: null },
    // Screened out (screened Wed 2025-10-29): 件件有批示 — the instruction on the accepted items' deadline (5 working days)…
    { name: 'notAccepted, not instructed → instruction', p: () => proposal({ status: 'notAccepted', screening: screening('notAccepted') }), s: S2025, want: { stage: 'instruction', due: '2025-11-05' } },
    // …then the office's explanation to the proposer, 10 working days after the screening.
    { name: 'merged, instructed, not explained → explanation', p: () => proposal({ status: 'merged', screening: { ...screening('merged'), mergedInto: '2025-001' }, instructions: [instruction()] }), s: S2025, want: { stage: 'explanation', due: '2025-11-12' } },
    { name: 'redirected, instructed and explained → none', p: () => proposal({ status: 'redirected', screening: screening('redirected'), instructions: [instruction()], replies: [reply({ section: null, publishedAt: T('2025-11-06') })] }), s: S2025, want: null },
  ])('$name', ({ p, s, want }) => {
    expect(publicDeadline(p(), s, cal)).toEqual(want)
  })
})

describe('screened-out items left waiting', () => {
  // Gaming route: an item screened out and then left without 批示 or explanation is overdue like any other.
  it('count in 当前逾期 while the instruction or the explanation is late', () => {
    const waiting = proposal({ status: 'notAccepted', screening: screening('notAccepted') }) // instruction due 11-05
    const unexplained = proposal({ status: 'merged', screening: { ...screening('merged'), mergedInto: '2025-001' }, instructions: [instruction()] }) // explanation due 11-12
    const done = proposal({ status: 'redirected', screening: screening('redirected'), instructions: [instruction()], replies: [reply({ section: null, publishedAt: T('2025-11-06') })] })
    expect(figures([waiting, unexplained, done]).overdueNow).toBe(2)
    expect(figures([waiting, unexplained, done], T('2025-11-05')).overdueNow).toBe(0)
  })
})

describe('overdue now', () => {
  // Reply deadline Fri 2025-11-07; 20 working days later is Fri 2025-12-05, 21 is Mon 2025-12-08.
  const due1107 = () => handled({ assignment: { deadline: '2025-11-07' } })
  it.each([
    { name: 'on the deadline day, late evening', p: due1107, now: T('2025-11-07', '23:59'), want: [0, 0] },
    // 16:30 UTC on 11-07 is already Saturday 00:30 in China.
    { name: 'just after local midnight', p: due1107, now: '2025-11-07T16:30:00Z', want: [1, 0] },
    { name: '20 working days late → overdue, not long', p: due1107, now: T('2025-12-05'), want: [1, 0] },
    { name: '21 working days late → longOverdue', p: due1107, now: T('2025-12-08'), want: [1, 1] },
    {
      name: 'an approved extension moves the deadline',
      p: () => handled({ assignment: { deadline: '2025-11-07', extensions: [extension('2025-12-05', T('2025-11-05'))] } }),
      now: T('2025-11-20'),
      want: [0, 0],
    },
    {
      name: 'a replied proposal is no longer overdue',
      p: () => handled({ assignment: { deadline: '2025-11-07' }, replies: [reply({ publishedAt: T('2025-11-20') })] }),
      now: T('2025-12-08'),
      want: [0, 0],
    },
    // Screening due Sat 2025-10-11 (make-up workday).
    { name: 'screening due on a make-up Saturday, that day', p: () => proposal({ submittedAt: T('2025-09-30') }), now: T('2025-10-11'), want: [0, 0] },
    { name: 'screening, the Monday after', p: () => proposal({ submittedAt: T('2025-09-30') }), now: T('2025-10-13'), want: [1, 0] },
    {
      name: 'rehandling past its own deadline',
      p: () =>
        handled({
          status: 'rehandling',
          assignment: { deadline: '2025-11-07' },
          replies: [reply({ publishedAt: T('2025-11-05') })],
          rehandlings: [{ round: 1, startedAt: T('2025-11-20'), deadline: '2025-12-19' }],
        }),
      now: T('2025-12-22'),
      want: [1, 0],
    },
  ])('$name', ({ p, now, want: [overdue, longOverdue] }) => {
    const f = figures([p()], now)
    expect([f.overdueNow, f.longOverdueNow]).toEqual([overdue, longOverdue])
  })

  it('rejects a proposal whose session is not in the export', () => {
    expect(() => figures([proposal({ session: 'nope' })])).toThrow(/unknown session/)
  })
})

describe('figuresBySection', () => {
  const exp = exportOf(
    [
      handled({ assignment: { leadSection: SECTIONS.urban, coSections: [SECTIONS.safety, SECTIONS.civil] } }),
      handled({ assignment: { leadSection: SECTIONS.urban }, replies: [reply({ publishedAt: T('2025-11-10') })] }),
      handled({ assignment: { leadSection: SECTIONS.civil, coSections: [SECTIONS.urban] } }),
      proposal(), // unassigned: belongs to no section
    ],
    [S2025, session('2024', 2024)],
  )
  const by = figuresBySection(exp, cal, NOW)

  it.each([
    ['urban-management', 2, 1],
    ['civil-affairs', 1, 0],
    ['safety', 0, 0],
  ] as const)('%s counts its lead proposals only: received %i, replied %i', (slug, received, replied) => {
    expect([by[slug].received, by[slug].replied]).toEqual([received, replied])
  })

  it('sums to the assigned proposals, not the received ones', () => {
    expect(Object.values(by).reduce((n, f) => n + f.received, 0)).toBe(3)
  })

  it('a section with nothing has empty shares', () => expect(by.safety.replyRate).toEqual({ count: 0, of: 0 }))

  it('can be limited to one session', () => {
    const mixed = exportOf(
      [
        handled({ session: '2025', assignment: { leadSection: SECTIONS.urban } }),
        handled({ session: '2024', assignment: { leadSection: SECTIONS.urban } }),
        handled({ session: '2024', assignment: { leadSection: SECTIONS.urban } }),
      ],
      [S2025, session('2024', 2024)],
    )
    expect(figuresBySection(mixed, cal, NOW, '2024')['urban-management'].received).toBe(2)
    expect(figuresBySection(mixed, cal, NOW, '2025')['urban-management'].received).toBe(1)
    expect(figuresBySection(mixed, cal, NOW)['urban-management'].received).toBe(3)
  })
})

describe('figuresBySession', () => {
  const S2024 = session('2024', 2024, { screeningWorkingDays: 15 })
  const S2026 = session('2026', 2026)
  const exp = exportOf(
    [
      // Both submitted Mon 2025-11-03; at NOW (11-20, 13 working days later) only the 3-day screening is late.
      proposal({ session: '2025', submittedAt: T('2025-11-03') }),
      proposal({ session: '2024', submittedAt: T('2025-11-03') }),
      handled({ session: '2024', replies: [reply({ publishedAt: T('2025-11-10') })] }),
    ],
    [S2024, S2025, S2026],
  )
  const by: Record<string, Figures> = figuresBySession(exp, cal, NOW)

  it.each([
    ['2025', 1, 0],
    ['2024', 2, 1],
    ['2026', 0, 0],
  ] as const)('session %s: received %i, replied %i', (slug, received, replied) => {
    expect([by[slug].received, by[slug].replied]).toEqual([received, replied])
  })

  it("each proposal's deadline uses its own session's settings", () => {
    expect(by['2025'].overdueNow).toBe(1)
    expect(by['2024'].overdueNow).toBe(0)
  })

  it('a session with no proposals has empty shares', () => {
    expect([by['2026'].replyRate, by['2026'].onTimeRate, by['2026'].satisfactionRate]).toEqual([
      { count: 0, of: 0 },
      { count: 0, of: 0 },
      { count: 0, of: 0 },
    ])
  })
})

describe('formatPercent: one decimal, half up, exactly', () => {
  it.each([
    [7, 8, '87.5%'],
    [1, 1, '100.0%'],
    [0, 3, '0.0%'],
    [2, 3, '66.7%'],
    [1, 6, '16.7%'],
    [247, 2000, '12.4%'], // 12.35 exactly: half up, although 247/2000 as a binary fraction is 0.12349…
    [1, 2000, '0.1%'], // 0.05% → 0.1%
    [1, 2001, '0.0%'], // 0.04998% → 0.0%
    [16, 21, '76.2%'],
    [0, 0, '—'],
  ])('%i of %i → %s', (count, of, want) => expect(formatPercent({ count, of })).toBe(want))
})

describe('formatShare: 样本不足 below 5', () => {
  it.each([
    [4, 4, '样本不足'],
    [0, 4, '样本不足'],
    [4, 5, '80.0%'],
    [0, 5, '0.0%'],
  ])('%i of %i → %s', (count, of, want) => expect(formatShare({ count, of })).toBe(want))
})

describe('co-handling (协办) per section', () => {
  const coHandled = (silent: (typeof SECTIONS)[keyof typeof SECTIONS][], coSections = [SECTIONS.civil, SECTIONS.safety]) =>
    proposal({
      status: 'replied',
      screening: screening('accepted'),
      instructions: [instruction()],
      assignment: assignment({ coSections }),
      replies: [reply({ publishedAt: T('2025-11-20'), silentCoSections: silent })],
    })
  const rows: [string, PublicProposal[], string, { coHandled: number; silent: number }][] = [
    ['nothing co-handled', [proposal()], SECTIONS.civil.slug, { coHandled: 0, silent: 0 }],
    ['co-handled and answered', [coHandled([])], SECTIONS.civil.slug, { coHandled: 1, silent: 0 }],
    ['co-handled, silent', [coHandled([SECTIONS.civil])], SECTIONS.civil.slug, { coHandled: 1, silent: 1 }],
    ['another section’s silence is not this one’s', [coHandled([SECTIONS.safety])], SECTIONS.civil.slug, { coHandled: 1, silent: 0 }],
    ['the lead section is not a co-section', [coHandled([])], SECTIONS.urban.slug, { coHandled: 0, silent: 0 }],
    ['several proposals', [coHandled([SECTIONS.civil]), coHandled([SECTIONS.civil]), coHandled([])], SECTIONS.civil.slug, { coHandled: 3, silent: 2 }],
    [
      'counted once per proposal, however many replies name it',
      [{ ...coHandled([SECTIONS.civil]), replies: [reply({ publishedAt: T('2025-11-20'), silentCoSections: [SECTIONS.civil] }), reply({ publishedAt: T('2025-11-21'), silentCoSections: [SECTIONS.civil] })] }],
      SECTIONS.civil.slug,
      { coHandled: 1, silent: 1 },
    ],
  ]
  it.each(rows)('%s', (_, proposals, slug, expected) => expect(coHandlingOf(proposals, slug)).toEqual(expected))
})

describe('承诺兑现率: commitments verified as kept ÷ commitments due (完成时限 on or before today)', () => {
  // NOW is 2025-11-20 (China-local).
  type Check = PublicProposal['followUps'][number]
  let n = 0
  const c = (dueDate: string) => ({ id: `c-${++n}`, text: '完成路灯更换', dueDate, verifiedAt: null, state: 'open' as const, checkedAt: null })
  const check = (commitment: string, verified: boolean, day: string, corrects: string | null = null): Check => ({ id: `f-${++n}`, kind: 'verification', at: T(day), commitment, verified, corrects })
  /** A B reply published 2025-11-10 promising `commitments`, and the office's `checks`. */
  const promised = (commitments: ReturnType<typeof c>[], checks: (ids: string[]) => Check[] = () => [], lead = SECTIONS.urban) =>
    handled({ assignment: { leadSection: lead }, replies: [reply({ class: 'B', publishedAt: T('2025-11-10'), commitments })], followUps: checks(commitments.map((x) => x.id)) })

  const rows: [string, PublicProposal[], { count: number; of: number }, string][] = [
    ['no proposal at all: no rate, not 0%', [], { count: 0, of: 0 }, '无到期承诺'],
    ['a reply without commitments', [handled({ replies: [reply({ publishedAt: T('2025-11-10') })] })], { count: 0, of: 0 }, '无到期承诺'],
    ['nothing due yet (due tomorrow): no rate', [promised([c('2025-11-21')])], { count: 0, of: 0 }, '无到期承诺'],
    ['kept early, not yet due: counts from its date on', [promised([c('2025-11-30')], ([id]) => [check(id, true, '2025-11-18')])], { count: 0, of: 0 }, '无到期承诺'],
    ['due today, not checked', [promised([c('2025-11-20')])], { count: 0, of: 1 }, '样本不足'],
    ['due yesterday, verified as kept', [promised([c('2025-11-19')], ([id]) => [check(id, true, '2025-11-19')])], { count: 1, of: 1 }, '样本不足'],
    ['due, checked and not found kept', [promised([c('2025-11-19')], ([id]) => [check(id, false, '2025-11-19')])], { count: 0, of: 1 }, '样本不足'],
    ['verified as kept after its date: kept (late, still kept)', [promised([c('2025-11-12')], ([id]) => [check(id, true, '2025-11-19')])], { count: 1, of: 1 }, '样本不足'],
    [
      'a mistaken 已兑现 corrected to 未兑现 counts as not kept',
      [promised([c('2025-11-12')], ([id]) => [check(id, true, '2025-11-13'), { ...check(id, false, '2025-11-14'), corrects: `f-${n - 1}` }])],
      { count: 0, of: 1 },
      '样本不足',
    ],
    [
      'five due, three kept (one of them through a correction); one not due',
      [
        promised([c('2025-11-01'), c('2025-11-02'), c('2025-11-03')], ([a, b, x]) => [check(a, true, '2025-11-05'), check(b, true, '2025-11-05'), check(x, false, '2025-11-06')]),
        promised([c('2025-11-04'), c('2025-11-05'), c('2025-12-31')], ([a]) => {
          const wrong = check(a, false, '2025-11-06')
          return [wrong, { ...check(a, true, '2025-11-07'), corrects: wrong.id }]
        }),
      ],
      { count: 3, of: 5 },
      '60.0%',
    ],
  ]
  it.each(rows)('%s', (_, proposals, share, shown) => {
    const f = figures(proposals)
    expect(f.commitmentRate).toEqual(share)
    expect(formatCommitmentRate(f.commitmentRate)).toBe(shown)
  })

  it('a corrected reply’s commitments count for nothing; the correction’s count instead', () => {
    const wrong = reply({ class: 'B', publishedAt: T('2025-11-10'), commitments: [c('2025-11-12')] })
    const right = reply({ class: 'B', publishedAt: T('2025-11-11'), corrects: wrong.id, commitments: [c('2025-11-13'), c('2025-11-30')] })
    expect(figures([handled({ replies: [wrong, right] })]).commitmentRate).toEqual({ count: 0, of: 1 })
  })

  it('per section (the lead section’s proposals) and per session', () => {
    const exp = exportOf(
      [
        promised([c('2025-11-01')], ([id]) => [check(id, true, '2025-11-02')]),
        promised([c('2025-11-01'), c('2025-11-01')], ([a]) => [check(a, true, '2025-11-02')], SECTIONS.civil),
        { ...promised([c('2025-11-01')]), session: '2024' },
      ],
      [S2025, session('2024', 2024)],
    )
    const sections = figuresBySection(exp, cal, NOW, '2025')
    expect(sections['urban-management'].commitmentRate).toEqual({ count: 1, of: 1 })
    expect(sections['civil-affairs'].commitmentRate).toEqual({ count: 1, of: 2 })
    expect(sections.safety.commitmentRate).toEqual({ count: 0, of: 0 })
    const sessions = figuresBySession(exp, cal, NOW)
    expect(sessions['2025'].commitmentRate).toEqual({ count: 2, of: 3 })
    expect(sessions['2024'].commitmentRate).toEqual({ count: 0, of: 1 })
  })

  it('commitmentRate over records: the same rule, on any day', () => {
    const records = [
      { state: 'kept', dueDate: '2025-11-20' },
      { state: 'unkept', dueDate: '2025-11-20' },
      { state: 'open', dueDate: '2025-11-21' },
      { state: 'superseded', dueDate: '2025-11-01' },
    ] as const
    expect(commitmentRate(records, '2025-11-19')).toEqual({ count: 0, of: 0 })
    expect(commitmentRate(records, '2025-11-20')).toEqual({ count: 1, of: 2 })
    expect(commitmentRate(records, '2025-11-21')).toEqual({ count: 1, of: 3 })
  })
})

describe('催办 per section (urged)', () => {
  const urge = (at: string, role = 'office', note: string | null = null) => ({ at, from: null, to: null, action: '催办', role, note })
  const other = (at: string) => ({ at, from: null, to: null, action: '列为重点督办', role: 'leader', note: null })
  const exp = exportOf([
    // Two after 交办 (2025-11-03 10:00), one on the minute of it, one before it (urging the 批示): 3 count.
    handled({ assignment: { leadSection: SECTIONS.urban }, timeline: [urge(T('2025-10-31')), urge(T('2025-11-03')), urge(T('2025-11-05'), 'leader', '请按期答复'), urge(T('2025-11-12')), other(T('2025-11-06'))] }),
    // A co-section's 催办 are its lead section's: 民政科 1, 城管科 none from here.
    handled({ assignment: { leadSection: SECTIONS.civil, coSections: [SECTIONS.urban] }, timeline: [urge(T('2025-11-20'))] }),
    // Not yet assigned: its 催办 belong to no section.
    proposal({ status: 'accepted', screening: screening('accepted'), timeline: [urge(T('2025-11-01'))] }),
  ])
  const by = figuresBySection(exp, cal, NOW)

  it.each([
    ['urban-management', 3],
    ['civil-affairs', 1],
    ['safety', 0],
  ] as const)('%s: %i 催办 of the proposals it leads, made on or after their 交办', (slug, urged) => expect(by[slug].urged).toBe(urged))

  it('the session counts only those after 交办, every section together', () => expect(figures(exp.proposals).urged).toBe(4))
})
