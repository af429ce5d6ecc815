// The action bar's buttons, table-driven over the lifecycle's states × the cast of actors: each row
// is a proposal's situation and the steps each actor is offered in it (every actor not named is
// offered nothing). A second pass checks, for every state and actor, that what is offered is
// exactly what core permits (transition table and permissions), so the bar and the rules agree.
import { describe, expect, it } from 'vitest'
import { DefaultCalendarData, WorkingCalendar } from './calendar'
import {
  ActionLabels,
  actionOutlook,
  mayTakeProposalAction,
  ProposalActions,
  proposalActionsFor,
  ReplyActions,
  replyActionsFor,
  ScreeningActions,
  usesFullForm,
  type ProposalAction,
  type ReplyAction,
} from './actions'
import { replyDeadline } from './deadlines'
import type { DutyFacts } from './duties'
import { nextStates } from './lifecycle'
import { canAssign, canDraftReply, canInstruct, canRecordFollowUp, canRequestExtension, canWriteCoOpinion } from './permissions'
import { DefaultDeadlineSettings, ProposalStatuses, type Reply } from './types'
import { ActorKeys, Actors, afterRehandlings, complete, facts, reply, screenedOut, Sec, vary, type ActorKey, type Scenario } from '../tests/fixtures/facts'

const cal = new WorkingCalendar(DefaultCalendarData)
const S = DefaultDeadlineSettings
const at = (day: number) => `2025-03-${String(day).padStart(2, '0')}T09:00:00+08:00`

const at_ = (status: DutyFacts['status'], change: (p: DutyFacts) => void = () => {}): Scenario => vary(complete('closed', status), change)
const noReplyYet = (p: DutyFacts) => {
  p.replies = []
  p.evaluations = []
  p.followUps = []
}

type Row = [name: string, s: Scenario, offered: Partial<Record<ActorKey, ProposalAction[]>>]

const rows: Row[] = [
  ['a draft', { p: facts(), ctx: {} }, {}],
  ['submitted', { p: facts({ status: 'submitted', submittedAt: at(3) }), ctx: {} }, { office: ['accept', 'merge', 'redirect', 'notAccept'] }],
  [
    'accepted, no lead section yet',
    at_('accepted', (p) => {
      p.assignment = { leadSection: null, coSections: [], extensions: [] }
      p.instructions = []
      noReplyYet(p)
    }),
    { office: ['assign'], leader: ['instruct'] },
  ],
  [
    'accepted, lead section named (拟办)',
    at_('accepted', (p) => {
      p.assignment.assignedAt = null
      p.assignment.deadline = null
      p.instructions = []
      noReplyYet(p)
    }),
    { office: ['assign'], leader: ['instruct'] },
  ],
  ['instructed (交办)', at_('instructed', noReplyYet), { office: ['assign'], leader: ['instruct'], leadStaff: ['takeOn', 'requestExtension'], leadHead: ['takeOn', 'requestExtension'], coStaff: ['coOpinion'], coHead: ['coOpinion'] }],
  [
    'instructed, an extension request pending',
    at_('instructed', (p) => {
      noReplyYet(p)
      p.extensionRequests = [{ id: 'x-1', decision: 'pending' }]
    }),
    { office: ['assign'], leader: ['instruct', 'decideExtension'], leadStaff: ['takeOn'], leadHead: ['takeOn'], coStaff: ['coOpinion'], coHead: ['coOpinion'] },
  ],
  ['in progress, nothing drafted', at_('inProgress', noReplyYet), { leader: ['instruct'], leadStaff: ['requestExtension', 'draftReply'], leadHead: ['requestExtension', 'draftReply'], coStaff: ['coOpinion'], coHead: ['coOpinion'] }],
  [
    'in progress, a draft in hand',
    at_('inProgress', (p) => {
      noReplyYet(p)
      p.coOpinions = [{ section: Sec.co }]
      p.replies = [reply({ signedOffBy: null, signedOffAt: null, publishedAt: null })]
    }),
    { leader: ['instruct'], leadStaff: ['requestExtension'], leadHead: ['requestExtension'], coStaff: ['coOpinion'], coHead: ['coOpinion'] },
  ],
  [
    'replied, not yet evaluated, a commitment to verify',
    at_('replied', (p) => {
      p.evaluations = []
      p.followUps = []
    }),
    { office: ['followUp', 'verify', 'close'], leader: ['instruct'] },
  ],
  ['evaluated, everything done', at_('evaluated'), { office: ['followUp', 'verify', 'close'], leader: ['instruct'] }],
  [
    'evaluated, an A reply without commitments',
    at_('evaluated', (p) => {
      p.replies = [reply()]
      p.followUps = [{ kind: 'visit', at: at(26) }]
    }),
    { office: ['followUp', 'close'], leader: ['instruct'] },
  ],
  ['closed', at_('closed'), {}],
  ['rehandling, nothing drafted', vary(afterRehandlings(1, null, 'rehandling'), (p) => p.replies.pop()), { office: ['followUp'], leader: ['instruct'], leadStaff: ['draftReply'], leadHead: ['draftReply'], coStaff: ['coOpinion'], coHead: ['coOpinion'] }],
  [
    'screened out, no instruction yet',
    vary(screenedOut('notAccepted'), (p) => {
      p.instructions = []
      p.replies = []
      p.followUps = []
    }),
    { office: ['draftReply', 'close'], leader: ['instruct'] },
  ],
  [
    'screened out, the explanation drafted',
    vary(screenedOut('merged'), (p) => {
      p.replies = [reply({ id: 'explain-1', section: null, signedOffBy: null, signedOffAt: null, publishedAt: null })]
      p.followUps = []
    }),
    { office: ['close'], leader: ['instruct'] },
  ],
  ['screened out, explained and followed up', screenedOut('redirected'), { office: ['draftReply', 'followUp', 'close'], leader: ['instruct'] }],
]

describe('proposalActionsFor: the buttons each actor sees', () => {
  it('the table names only known actions and actors', () => {
    for (const [, , offered] of rows)
      for (const [k, actions] of Object.entries(offered)) {
        expect(ActorKeys).toContain(k)
        for (const a of actions!) expect(ProposalActions).toContain(a)
      }
  })
  for (const [name, s, offered] of rows)
    describe(name, () => {
      for (const k of ActorKeys)
        it(`${k} sees ${(offered[k] ?? []).join(', ') || 'nothing'}`, () => {
          expect(proposalActionsFor(Actors[k], s.p as DutyFacts)).toEqual(offered[k] ?? [])
        })
    })
})

describe('every state × every actor: offered exactly what core permits', () => {
  // Each state with the facts of a proposal that got there the usual way.
  const scenarioAt = (status: (typeof ProposalStatuses)[number]): Scenario =>
    status === 'draft' ? { p: facts(), ctx: {} } : status === 'submitted' ? { p: facts({ status, submittedAt: at(3) }), ctx: {} } : ['merged', 'redirected', 'notAccepted'].includes(status) ? screenedOut(status as 'merged') : at_(status)
  const permitted = (a: ProposalAction, k: ActorKey, p: DutyFacts): boolean => {
    const actor = Actors[k]
    if (a in ScreeningActions) return nextStates(p.status, actor, p).includes(ScreeningActions[a as keyof typeof ScreeningActions])
    if (a === 'takeOn') return nextStates(p.status, actor, p).includes('inProgress')
    if (a === 'close') return nextStates(p.status, actor, p).includes('closed')
    if (a === 'assign') return canAssign(actor, p)
    if (a === 'instruct') return canInstruct(actor, p)
    if (a === 'coOpinion') return canWriteCoOpinion(actor, p)
    if (a === 'requestExtension') return canRequestExtension(actor, p)
    if (a === 'decideExtension') return false // no request pending in these scenarios
    if (a === 'draftReply') return canDraftReply(actor, p) && !p.replies.some((r) => !r.publishedAt)
    if (a === 'followUp') return canRecordFollowUp(actor, p) && p.replies.some((r) => r.publishedAt)
    return canRecordFollowUp(actor, p) && p.replies.some((r) => r.publishedAt && r.commitments.length > 0)
  }
  for (const status of ProposalStatuses)
    for (const k of ActorKeys)
      it(`${status} × ${k}`, () => {
        const { p } = scenarioAt(status)
        expect(proposalActionsFor(Actors[k], p as DutyFacts)).toEqual(ProposalActions.filter((a) => permitted(a, k, p as DutyFacts)))
      })

  it('representatives and the public are never offered a step', () => {
    for (const status of ProposalStatuses)
      for (const k of ['proposer', 'coSigner', 'otherRep', 'public'] as const) for (const a of ProposalActions) expect(mayTakeProposalAction(a, Actors[k], scenarioAt(status).p as DutyFacts)).toBe(false)
  })
})

describe('replyActionsFor: a reply’s buttons', () => {
  const inProgress = at_('inProgress', (p) => {
    noReplyYet(p)
    p.coOpinions = [{ section: Sec.co }]
  }).p as DutyFacts
  const draft = reply({ signedOffBy: null, signedOffAt: null, publishedAt: null })
  const cases: [string, DutyFacts, Reply, Partial<Record<ActorKey, ReplyAction[]>>][] = [
    ['a draft', inProgress, draft, { leadHead: ['signOff', 'returnForRevision'] }],
    ['a draft returned, not revised', inProgress, { ...draft, returnedAt: at(20) }, { leadHead: ['signOff'] }],
    ['a draft returned and revised', inProgress, { ...draft, returnedAt: at(20), revisedAt: at(21) }, { leadHead: ['signOff', 'returnForRevision'] }],
    ['signed off', inProgress, { ...draft, signedOffBy: Actors.leadHead.id, signedOffAt: at(22) }, { office: ['publish'] }],
    ['published', { ...inProgress, status: 'replied' }, reply(), {}],
    ['the office’s explanation of a screened-out item', screenedOut('merged').p as DutyFacts, { ...draft, section: null }, { office: ['signOff'] }],
  ]
  for (const [name, p, r, offered] of cases)
    describe(name, () => {
      for (const k of ActorKeys) it(`${k} sees ${(offered[k] ?? []).join(', ') || 'nothing'}`, () => expect(replyActionsFor(Actors[k], p, r)).toEqual(offered[k] ?? []))
    })
})

describe('usesFullForm: who edits the whole form', () => {
  const cases: [string, ActorKey, Parameters<typeof usesFullForm>[1], boolean][] = [
    ['the admin, any proposal', 'admin', { status: 'inProgress', enteredBy: 'representative' }, true],
    ['the office, a new proposal', 'office', {}, true],
    ['the office, a paper proposal it is typing in', 'office', { status: 'draft', enteredBy: 'office' }, true],
    ['the office, its paper proposal once submitted', 'office', { status: 'submitted', enteredBy: 'office' }, false],
    ['the office, a representative’s proposal', 'office', { status: 'submitted', enteredBy: 'representative' }, false],
    ['the office, a representative’s draft (never shown to it)', 'office', { status: 'draft', enteredBy: 'representative' }, false],
    ['a leader', 'leader', { status: 'accepted', enteredBy: 'office' }, false],
    ['section staff', 'leadStaff', { status: 'inProgress', enteredBy: 'office' }, false],
    ['a section head, even on a draft', 'leadHead', { status: 'draft', enteredBy: 'office' }, false],
  ]
  it.each(cases)('%s', (_, k, p, expected) => expect(usesFullForm(Actors[k], p)).toBe(expected))
})

describe('actionOutlook: what follows, in Chinese dates with working days left', () => {
  // Tuesday 8 April 2025, 10:00 in China.
  const now = '2025-04-08T02:00:00.000Z'
  const o = { cal, settings: S, now }
  it('批示 on an accepted proposal with its lead section: the reply deadline it starts', () => {
    const p = at_('accepted', (q) => {
      q.assignment.assignedAt = null
      q.assignment.deadline = null
      q.instructions = []
      noReplyYet(q)
    }).p as DutyFacts
    const due = replyDeadline('2025-04-08', cal, S)
    expect(due).toBe('2025-05-08')
    expect(actionOutlook('instruct', Actors.leader, p, o)[0]).toBe(`答复期限：2025年5月8日（剩 ${cal.workingDaysBetween('2025-04-08', due)} 个工作日）`)
  })
  it('批示 without a lead section: says what is missing first', () => {
    const p = at_('accepted', (q) => {
      q.assignment = { leadSection: null, coSections: [], extensions: [] }
      q.instructions = []
    }).p as DutyFacts
    expect(actionOutlook('instruct', Actors.leader, p, o)[0]).toContain('须先指定主办科室')
  })
  it('立案: the instruction deadline (5 working days)', () => {
    expect(actionOutlook('accept', Actors.office, facts({ status: 'submitted', submittedAt: at(3) }) as DutyFacts, o)[0]).toBe('批示期限：2025年4月15日（剩 5 个工作日）')
  })
  it('办结 while the rules refuse it: the reason', () => {
    const p = at_('replied', (q) => {
      q.evaluations = []
      q.followUps = []
    }).p as DutyFacts
    expect(actionOutlook('close', Actors.office, p, { ...o, ctx: { signers: { 'reply-1': Actors.leadHead } } })[0]).toBe('现在还不能办结：提案人尚未评价，须记录未评价的原因')
  })
  it('签发 while a co-section’s opinion is awaited: names it', () => {
    const p = at_('inProgress', noReplyYet).p as DutyFacts
    const draft = reply({ signedOffBy: null, signedOffAt: null, publishedAt: null })
    p.replies = [draft]
    const lines = actionOutlook('signOff', Actors.leadHead, p, { ...o, now: '2025-03-10T02:00:00.000Z', sectionName: () => '绿化办' }, draft)
    expect(lines[0]).toContain('协办科室“绿化办”的意见尚未提交')
  })
  it('every action has zh-CN words and an outlook in zh-CN', () => {
    for (const [a, label] of Object.entries(ActionLabels)) expect(label, a).toMatch(/^[\u4e00-\u9fff]+$/)
    const p = at_('inProgress', noReplyYet).p as DutyFacts
    for (const a of [...ProposalActions, ...ReplyActions]) for (const line of actionOutlook(a, Actors.office, p, o, reply())) expect(line, a).not.toMatch(/[A-Za-z]{2,}/)
  })
})
