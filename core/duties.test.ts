// What waits on whom, for every actor of the cast, along the lifecycle: each row is a proposal's
// situation and the actions each actor owes in it (every actor not named owes nothing).
import { describe, expect, it } from 'vitest'
import { addCalendarDays, DefaultCalendarData, WorkingCalendar } from './calendar'
import { coOpinionsOwed, dutiesFor, dutiesOf, DutyActions, owedOn, plannedDuties, signOffWait, silentCoSections, type DutyAction, type DutyFacts } from './duties'
import { DefaultDeadlineSettings } from './types'
import { ActorKeys, Actors, Rep, Sec, afterRehandlings, complete, facts, reply, screenedOut, vary, type ActorKey, type Scenario } from '../tests/fixtures/facts'
import type { TransitionContext } from './lifecycle'

const cal = new WorkingCalendar(DefaultCalendarData)
const S = DefaultDeadlineSettings
/** Tuesday 8 April 2025: after the fixtures' March dates, before the commitment's 30 April. */
const TODAY = '2025-04-08'

const at = (day: number) => `2025-03-${String(day).padStart(2, '0')}T09:00:00+08:00`

/** The complete scenario at `status`, with its later facts taken away by `change`. */
const at_ = (status: DutyFacts['status'], change: (p: DutyFacts, ctx: TransitionContext) => void = () => {}): Scenario =>
  vary(complete('closed', status), change)

const noReplyYet = (p: DutyFacts) => {
  p.replies = []
  p.evaluations = []
  p.followUps = []
}

type Row = [name: string, s: Scenario, owed: Partial<Record<ActorKey, DutyAction[]>>, today?: string]

const rows: Row[] = [
  ['a draft', { p: facts(), ctx: {} }, {}],
  ['submitted', { p: facts({ status: 'submitted', submittedAt: at(3) }), ctx: {} }, { office: ['screen'] }],
  [
    'accepted, no lead section named yet',
    at_('accepted', (p) => {
      p.assignment = { leadSection: null, coSections: [], extensions: [] }
      p.instructions = []
      noReplyYet(p)
    }),
    { office: ['nameLead'], leader: ['instruct'] },
  ],
  [
    'accepted, lead section named (拟办)',
    at_('accepted', (p) => {
      p.assignment.assignedAt = null
      p.assignment.deadline = null
      p.instructions = []
      noReplyYet(p)
    }),
    { leader: ['instruct'] },
  ],
  ['instructed (交办)', at_('instructed', noReplyYet), { leadStaff: ['takeOn'], coStaff: ['coOpinion'] }],
  ['in progress, nothing drafted', at_('inProgress', noReplyYet), { leadStaff: ['draftReply'], coStaff: ['coOpinion'] }],
  [
    'in progress, the co-section has given its opinion',
    at_('inProgress', (p) => {
      noReplyYet(p)
      p.coOpinions = [{ section: Sec.co }]
    }),
    { leadStaff: ['draftReply'] },
  ],
  [
    'in progress, a draft waits for sign-off',
    at_('inProgress', (p) => {
      noReplyYet(p)
      p.coOpinions = [{ section: Sec.co }]
      p.replies = [reply({ signedOffBy: null, signedOffAt: null, publishedAt: null })]
    }),
    { leadHead: ['signOff'] },
  ],
  [
    'in progress, the head returned the draft (退回修改)',
    at_('inProgress', (p) => {
      noReplyYet(p)
      p.coOpinions = [{ section: Sec.co }]
      p.replies = [reply({ signedOffBy: null, signedOffAt: null, publishedAt: null, returnedAt: at(20) })]
    }),
    { leadStaff: ['revise'] },
  ],
  [
    'in progress, the returned draft revised: back with the head',
    at_('inProgress', (p) => {
      noReplyYet(p)
      p.coOpinions = [{ section: Sec.co }]
      p.replies = [reply({ signedOffBy: null, signedOffAt: null, publishedAt: null, returnedAt: at(20), revisedAt: at(21) })]
    }),
    { leadHead: ['signOff'] },
  ],
  [
    'in progress, a draft while the co-opinion is awaited within its deadline: not yet the head’s',
    at_('inProgress', (p) => {
      noReplyYet(p)
      p.replies = [reply({ signedOffBy: null, signedOffAt: null, publishedAt: null })]
    }),
    { coStaff: ['coOpinion'] },
    '2025-03-12',
  ],
  [
    'in progress, a draft, the co-opinion’s deadline passed without it: the head may sign',
    at_('inProgress', (p) => {
      noReplyYet(p)
      p.replies = [reply({ signedOffBy: null, signedOffAt: null, publishedAt: null })]
    }),
    { coStaff: ['coOpinion'], leadHead: ['signOff'] },
  ],
  [
    'in progress, signed off, waits to be published',
    at_('inProgress', (p) => {
      noReplyYet(p)
      p.coOpinions = [{ section: Sec.co }]
      p.replies = [reply({ publishedAt: null })]
    }),
    { office: ['publish'] },
  ],
  [
    'replied, the proposer has not evaluated yet',
    at_('replied', (p) => {
      p.coOpinions = [{ section: Sec.co }]
      p.evaluations = []
      p.followUps = []
    }),
    { proposer: ['evaluate'] },
    '2025-04-01',
  ],
  [
    'replied, the evaluation window passed without one',
    at_('replied', (p) => {
      p.evaluations = []
      p.followUps = []
    }),
    { office: ['followUp', 'verify'] },
    '2025-05-06',
  ],
  [
    'evaluated, no follow-up yet',
    at_('evaluated', (p) => {
      p.followUps = []
    }),
    { office: ['followUp'] },
  ],
  [
    'evaluated, followed up, the commitment not yet due',
    at_('evaluated', (p) => {
      p.followUps = [{ kind: 'visit', at: at(26) }]
    }),
    {},
  ],
  [
    'evaluated, followed up, the commitment due and unverified',
    at_('evaluated', (p) => {
      p.followUps = [{ kind: 'visit', at: at(26) }]
    }),
    { office: ['verify'] },
    '2025-05-06',
  ],
  [
    'instructed, the lead section asks for a later deadline (申请延期)',
    at_('instructed', (p) => {
      noReplyYet(p)
      p.extensionRequests = [{ id: 'x-1', decision: 'pending' }]
    }),
    { leader: ['decideExtension'], leadStaff: ['takeOn'], coStaff: ['coOpinion'] },
  ],
  [
    'in progress, a request for a later deadline waits for the leader',
    at_('inProgress', (p) => {
      noReplyYet(p)
      p.coOpinions = [{ section: Sec.co }]
      p.extensionRequests = [{ id: 'x-1', decision: 'refused' }, { id: 'x-2', decision: 'pending' }]
    }),
    { leader: ['decideExtension'], leadStaff: ['draftReply'] },
  ],
  [
    'in progress, the requests decided',
    at_('inProgress', (p) => {
      noReplyYet(p)
      p.coOpinions = [{ section: Sec.co }]
      p.extensionRequests = [{ id: 'x-1', decision: 'refused' }, { id: 'x-2', decision: 'approved' }]
    }),
    { leadStaff: ['draftReply'] },
  ],
  [
    'replied with a request still pending: nothing left to extend',
    at_('replied', (p) => {
      p.coOpinions = [{ section: Sec.co }]
      p.evaluations = []
      p.followUps = []
      p.extensionRequests = [{ id: 'x-1', decision: 'pending' }]
    }),
    { proposer: ['evaluate'] },
    '2025-04-01',
  ],
  [
    'rehandling with a request still pending: the round has a deadline of its own',
    vary(afterRehandlings(1, null, 'rehandling'), (p) => {
      p.replies.pop()
      ;(p as DutyFacts).extensionRequests = [{ id: 'x-1', decision: 'pending' }]
    }),
    { leadStaff: ['draftReply'] },
  ],
  ['evaluated, everything done: may be closed', at_('evaluated'), { office: ['close'] }],
  ['closed', at_('closed'), {}],
  ['rehandling, nothing drafted yet', vary(afterRehandlings(1, null, 'rehandling'), (p) => p.replies.pop()), { leadStaff: ['draftReply'] }],
  [
    'screened out, no instruction yet',
    vary(screenedOut('notAccepted'), (p) => {
      p.instructions = []
      p.replies = []
      p.followUps = []
    }),
    { leader: ['instruct'] },
  ],
  [
    'screened out, instructed, the explanation not written',
    vary(screenedOut('redirected'), (p) => {
      p.replies = []
      p.followUps = []
    }),
    { office: ['explain'] },
  ],
  [
    'screened out, the explanation drafted by the office',
    vary(screenedOut('merged'), (p) => {
      p.replies = [reply({ id: 'explain-1', section: null, signedOffBy: null, signedOffAt: null, publishedAt: null })]
      p.followUps = []
    }),
    { office: ['signOff'] },
  ],
  ['screened out, explained and followed up, no evaluation coming (recorded): may be closed', screenedOut('redirected'), { office: ['close'] }],
  [
    'screened out, explained, the proposer may still evaluate',
    vary(screenedOut('redirected'), (p) => {
      p.noEvaluationReason = null
      p.followUps = []
    }),
    { proposer: ['evaluate'] },
  ],
]

describe('dutiesOf / dutiesFor: what waits on whom', () => {
  it('the table names only known actions and actors', () => {
    for (const [, , owed] of rows) for (const [k, actions] of Object.entries(owed)) {
      expect(ActorKeys).toContain(k)
      for (const a of actions!) expect(DutyActions).toContain(a)
    }
  })

  for (const [name, s, owed, today] of rows) {
    describe(name, () => {
      const duties = dutiesOf(s.p as DutyFacts, cal, S, today ?? TODAY, s.ctx)
      for (const k of ActorKeys) {
        it(`${k} owes ${(owed[k] ?? []).join(', ') || 'nothing'}`, () => {
          expect(dutiesFor(Actors[k], duties).map((d) => d.action).sort()).toEqual([...(owed[k] ?? [])].sort())
        })
      }
      it('every duty is owed by someone in the cast', () => {
        for (const d of duties) expect(ActorKeys.some((k) => dutiesFor(Actors[k], [d]).length === 1), JSON.stringify(d)).toBe(true)
      })
    })
  }
})

describe('deadlines of the duties', () => {
  it('screening: 3 working days after submission', () => {
    const [d] = dutiesOf(facts({ status: 'submitted', submittedAt: '2025-03-03T09:00:00+08:00' }), cal, S, TODAY)
    expect(d).toMatchObject({ action: 'screen', due: '2025-03-06' })
  })

  it('a co-opinion: coOpinionWorkingDays after assignment; the draft: the reply deadline in force', () => {
    const s = at_('inProgress', noReplyYet)
    const byAction = Object.fromEntries(dutiesOf(s.p, cal, S, TODAY).map((d) => [d.action, d.due]))
    expect(byAction.coOpinion).toBe(cal.addWorkingDays('2025-03-05', S.coOpinionWorkingDays))
    expect(byAction.draftReply).toBe('2025-04-05')
  })

  it('an approved extension moves the draft’s deadline', () => {
    const s = at_('inProgress', (p) => {
      noReplyYet(p)
      p.assignment.extensions = [{ newDeadline: '2025-05-20', reason: '需要招标', approvedBy: Actors.leader.id, approvedAt: at(20) }]
    })
    expect(dutiesOf(s.p, cal, S, TODAY).find((d) => d.action === 'draftReply')?.due).toBe('2025-05-20')
  })

  it('a request for a later deadline: the leader decides by the deadline in force, which the draft keeps until approval', () => {
    const s = at_('inProgress', (p) => {
      noReplyYet(p)
      p.extensionRequests = [{ id: 'x-1', decision: 'pending' }]
    })
    const duties = dutiesOf(s.p, cal, S, TODAY)
    expect(duties.find((d) => d.action === 'decideExtension')).toMatchObject({ role: 'leader', due: '2025-04-05', subject: 'x-1', section: null })
    expect(duties.find((d) => d.action === 'draftReply')?.due).toBe('2025-04-05')
  })

  it('the evaluation: evaluationWorkingDays after the reply was published, and only the proposer owes it', () => {
    const s = at_('replied', (p) => {
      p.evaluations = []
      p.followUps = []
    })
    const d = dutiesOf(s.p, cal, S, '2025-03-24').find((x) => x.action === 'evaluate')!
    expect(d.due).toBe(cal.addWorkingDays('2025-03-21', S.evaluationWorkingDays))
    expect(d.person).toBe(Rep.proposer)
  })

  it('planned once, right on every day: the evaluation until its last day, then the 回访 from the next', () => {
    const s = at_('replied', (p) => {
      p.evaluations = []
      p.followUps = []
    })
    const planned = plannedDuties(s.p, cal, S, s.ctx)
    const last = cal.addWorkingDays('2025-03-21', S.evaluationWorkingDays)
    const next = addCalendarDays(last, 1)
    const on = (day: string) => planned.filter((d) => owedOn(d, day)).map((d) => d.action).sort()
    expect(on(last)).toEqual(['evaluate'])
    expect(on(next)).toEqual(['followUp'])
    for (const day of [last, next, '2025-04-29', '2025-04-30', '2025-06-01'])
      expect(dutiesOf(s.p, cal, S, day, s.ctx)).toEqual(planned.filter((d) => owedOn(d, day)))
    expect(on('2025-04-30')).toContain('verify')
    expect(on('2025-04-29')).not.toContain('verify')
  })

  it('a verification is due on the commitment’s date and names it', () => {
    const s = at_('evaluated', (p) => {
      p.followUps = [{ kind: 'visit', at: at(26) }]
    })
    expect(dutiesOf(s.p, cal, S, '2025-04-30')).toEqual([expect.objectContaining({ action: 'verify', due: '2025-04-30', subject: 'c-1' })])
  })
})

describe('co-opinions and sign-off (协办)', () => {
  const draft = reply({ signedOffBy: null, signedOffAt: null, publishedAt: null })
  const due = cal.addWorkingDays('2025-03-05', S.coOpinionWorkingDays)
  const names = (id: unknown) => (id === Sec.co ? '民政科' : String(id))
  const waiting = at_('inProgress', (p) => {
    noReplyYet(p)
    p.replies = [draft]
  }).p
  const rows: [string, DutyFacts, typeof draft, string, string | null, string[]][] = [
    ['awaited, within its deadline', waiting, draft, due, '协办科室“民政科”的意见尚未提交', []],
    ['awaited, on the day after its deadline', waiting, draft, addCalendarDays(due, 1), null, [Sec.co]],
    ['given', { ...waiting, coOpinions: [{ section: Sec.co }] }, draft, due, null, []],
    ['a correction does not wait', waiting, { ...draft, corrects: 'reply-0' }, due, null, []],
    ['a rehandling round’s reply does not wait', waiting, { ...draft, round: 2 }, due, null, []],
    ['the office’s own explanation does not wait', waiting, { ...draft, section: null }, due, null, []],
    ['the lead section named as a co-section owes nothing', { ...waiting, assignment: { ...waiting.assignment, coSections: [Sec.lead] } }, draft, due, null, []],
    ['returned and not revised', { ...waiting, coOpinions: [{ section: Sec.co }] }, { ...draft, returnedAt: at(20) }, TODAY, '已退回修改', []],
    ['returned, then revised', { ...waiting, coOpinions: [{ section: Sec.co }] }, { ...draft, returnedAt: at(20), revisedAt: at(21) }, TODAY, null, []],
    ['returned again after a revision', { ...waiting, coOpinions: [{ section: Sec.co }] }, { ...draft, returnedAt: at(22), revisedAt: at(21) }, TODAY, '已退回修改', []],
  ]
  it.each(rows)('%s', (_, p, r, today, wait, silent) => {
    const message = signOffWait(p, r, cal, S, today, names)
    if (wait === null) expect(message).toBeNull()
    else expect(message).toContain(wait)
    if (wait === null) expect(silentCoSections(p, r, cal, S)).toEqual(silent)
  })
  it('the waiting message names the deadline', () => expect(signOffWait(waiting, draft, cal, S, due, names)).toContain(due))
  it('the co-opinion owed is due coOpinionWorkingDays after 交办', () => expect(coOpinionsOwed(waiting, cal, S)).toEqual([{ section: Sec.co, due }]))
})

describe('labels', () => {
  it('every action has a zh-CN queue name, each its own', async () => {
    const { DutyLabels } = await import('./labels')
    const names = DutyActions.map((a) => DutyLabels[a])
    for (const n of names) expect(n).toMatch(/^[\u4e00-\u9fff]+$/)
    expect(new Set(names).size).toBe(names.length)
  })
})
