import { describe, it, expect } from 'vitest'
import {
  MAX_REHANDLING_ROUNDS,
  StatusLabels,
  allowedPairs,
  callsForRehandling,
  canTransition,
  isValidSignOff,
  lacksReason,
  nextStates,
  statusAfterEvaluation,
} from './lifecycle'
import { ProposalStatuses, Roles, type Actor, type ProposalStatus, type Rating } from './types'
import {
  ActorKeys,
  Actors,
  Rep,
  Sec,
  afterRehandlings,
  complete,
  reply,
  screenedOut,
  vary,
  type ActorKey,
  type Scenario,
} from '../tests/fixtures/facts'

const CJK = /[\u4e00-\u9fff]/

// The lifecycle (docs/rules.md), written out by hand: [from, to, who may take the step].
// Everything not listed here must be refused.
const Allowed: [ProposalStatus, ProposalStatus, ActorKey[]][] = [
  ['draft', 'submitted', ['proposer', 'office']],
  ['submitted', 'accepted', ['office']],
  ['submitted', 'merged', ['office']],
  ['submitted', 'redirected', ['office']],
  ['submitted', 'notAccepted', ['office']],
  ['accepted', 'instructed', ['leader']],
  ['instructed', 'inProgress', ['leadStaff', 'leadHead']],
  ['inProgress', 'replied', ['office']],
  ['rehandling', 'replied', ['office']],
  ['replied', 'evaluated', ['proposer', 'office']],
  ['replied', 'rehandling', ['proposer', 'office']],
  ['evaluated', 'rehandling', ['proposer', 'office']],
  ['replied', 'closed', ['office']],
  ['evaluated', 'closed', ['office']],
  ['merged', 'closed', ['office']],
  ['redirected', 'closed', ['office']],
  ['notAccepted', 'closed', ['office']],
]

const allowedFor = (from: ProposalStatus, to: ProposalStatus) => Allowed.find(([f, t]) => f === from && t === to)?.[2]

describe('the fixtures', () => {
  it('cast an actor of every role', () => {
    expect(new Set(ActorKeys.map((k) => Actors[k].role))).toEqual(new Set(Roles))
  })

  it('cover every status', () => {
    expect(ProposalStatuses).toHaveLength(12)
  })
})

describe('the transition table', () => {
  it('holds exactly the pairs of the lifecycle', () => {
    const key = ([f, t]: [string, string]) => `${f}→${t}`
    expect(allowedPairs().map(key).sort()).toEqual(Allowed.map(([f, t]) => key([f, t])).sort())
  })
})

describe('canTransition over every (from, to, actor) with complete facts', () => {
  const rows = ProposalStatuses.flatMap((from) =>
    ProposalStatuses.flatMap((to) =>
      ActorKeys.map((who) => [from, to, who, allowedFor(from, to)?.includes(who) ?? false] as const),
    ),
  )

  it.each(rows)('%s → %s by %s: %s', (from, to, who, ok) => {
    const { p, ctx } = complete(to, from)
    const result = canTransition(from, to, Actors[who], p, ctx)
    expect(result.ok).toBe(ok)
    if (!result.ok) {
      expect(result.reason).toMatch(CJK)
      // A pair outside the table is refused as such; a pair in it, for who may take it.
      if (allowedFor(from, to)) expect(result.reason).toContain('只能由')
      else expect(result.reason).toBe(`不能从“${StatusLabels[from]}”变为“${StatusLabels[to]}”`)
    }
  })
})

describe('nextStates agrees with the lifecycle', () => {
  const rows = ProposalStatuses.flatMap((from) => ActorKeys.map((who) => [from, who] as const))

  it.each(rows)('from %s for %s', (from, who) => {
    const expected = Allowed.filter(([f, , w]) => f === from && w.includes(who)).map(([, t]) => t)
    const { p } = complete('closed', from)
    expect([...nextStates(from, Actors[who], p)].sort()).toEqual([...expected].sort())
  })
})

describe('who may take a step', () => {
  it.each<[string, Actor, boolean]>([
    ['the proposer', { role: 'representative', id: Rep.proposer }, true],
    ['a co-signer', { role: 'representative', id: Rep.coSigner }, false],
    ['a representative without an id', { role: 'representative' }, false],
    ['a staff user whose id happens to equal the proposer’s', { role: 'sectionStaff', id: Rep.proposer, section: Sec.lead }, false],
    ['a public visitor carrying the proposer’s id', { role: 'public', id: Rep.proposer }, false],
  ])('draft → submitted by %s: %s', (_name, actor, ok) => {
    const { p } = complete('submitted', 'draft')
    expect(canTransition('draft', 'submitted', actor, p).ok).toBe(ok)
  })

  it('compares ids as strings (a numeric proposer and a string actor id are the same person)', () => {
    const { p } = vary(complete('submitted', 'draft'), (p) => {
      p.proposer = 101
    })
    expect(canTransition('draft', 'submitted', { role: 'representative', id: '101' }, p).ok).toBe(true)
  })

  it.each<[string, Actor]>([
    ['a representative', { role: 'representative', id: Rep.other, section: Sec.lead }],
    ['the office', { role: 'office', id: 'u-office', section: Sec.lead }],
    ['a leader', { role: 'leader', id: 'u-leader', section: Sec.lead }],
  ])('%s carrying the lead section’s id cannot take the item on', (_name, actor) => {
    const { p } = complete('inProgress', 'instructed')
    expect(canTransition('instructed', 'inProgress', actor, p).ok).toBe(false)
  })

  it('with no lead section, staff of no section cannot take the item on (no section is not the same section)', () => {
    const { p } = vary(complete('inProgress', 'instructed'), (p) => void (p.assignment.leadSection = null))
    expect(canTransition('instructed', 'inProgress', { role: 'sectionHead', id: 'u-x', section: null }, p).ok).toBe(false)
    expect(canTransition('instructed', 'inProgress', { role: 'sectionStaff', id: 'u-y' }, p).ok).toBe(false)
  })

  it('a section that is only a co-section cannot take the item on', () => {
    const { p } = vary(complete('inProgress', 'instructed'), (p) => {
      p.assignment.coSections = [Sec.lead]
      p.assignment.leadSection = Sec.other
    })
    expect(canTransition('instructed', 'inProgress', Actors.leadHead, p).ok).toBe(false)
    expect(canTransition('instructed', 'inProgress', Actors.otherStaff, p).ok).toBe(true)
  })
})

// Each invariant: refused when its fact is missing (with a reason naming it), allowed when present.
interface Row {
  name: string
  from: ProposalStatus
  to: ProposalStatus
  who: ActorKey
  present: Scenario
  missing: Scenario
  phrase: string
}

const checkRows = (rows: Row[]) =>
  it.each(rows)('$name', ({ from, to, who, present, missing, phrase }) => {
    const refused = canTransition(from, to, Actors[who], missing.p, missing.ctx)
    expect(refused.ok).toBe(false)
    if (!refused.ok) {
      expect(refused.reason).toMatch(CJK)
      expect(refused.reason).toContain(phrase)
    }
    expect(canTransition(from, to, Actors[who], present.p, present.ctx)).toEqual({ ok: true })
  })

const otherDecision = { accepted: 'notAccepted', merged: 'accepted', redirected: 'merged', notAccepted: 'redirected' } as const

describe.each(['accepted', 'merged', 'redirected', 'notAccepted'] as const)('screening: submitted → %s', (to) => {
  const present = complete(to, 'submitted')
  const row = (name: string, change: Parameters<typeof vary>[1], phrase: string): Row => ({
    name,
    from: 'submitted',
    to,
    who: 'office',
    present,
    missing: vary(present, change),
    phrase,
  })
  const rows: Row[] = [
    row('decision is another one', (p) => void (p.screening.decision = otherDecision[to]), '甄别结论与目标状态不一致'),
    row('no decision recorded', (p) => void (p.screening.decision = null), '甄别结论与目标状态不一致'),
    row('no reason', (p) => void (p.screening.reason = null), '甄别须写明理由'),
    row('a blank reason', (p) => void (p.screening.reason = '  \n'), '甄别须写明理由'),
  ]
  if (to === 'merged')
    rows.push(row('merge without the proposal it goes into', (p) => void (p.screening.mergedInto = null), '并案须指明并入的提案'))
  checkRows(rows)

  if (to !== 'merged')
    it('needs no merge target', () => {
      const { p, ctx } = vary(present, (p) => void (p.screening.mergedInto = null))
      expect(canTransition('submitted', to, Actors.office, p, ctx).ok).toBe(true)
    })
})

describe('instruction: accepted → instructed', () => {
  const present = complete('instructed', 'accepted')
  const row = (name: string, change: Parameters<typeof vary>[1], phrase: string): Row => ({
    name,
    from: 'accepted',
    to: 'instructed',
    who: 'leader',
    present,
    missing: vary(present, change),
    phrase,
  })
  checkRows([
    row('no instruction', (p) => void (p.instructions = []), '须先写批示'),
    row('only a blank instruction', (p) => void (p.instructions[0]!.text = ' \t'), '须先写批示'),
    row('no lead section', (p) => void (p.assignment.leadSection = null), '须先指定主办科室'),
    row('no deadline', (p) => void (p.assignment.deadline = null), '须先确定办理期限'),
    row('an empty deadline', (p) => void (p.assignment.deadline = ''), '须先确定办理期限'),
  ])
})

describe('reply: inProgress → replied', () => {
  const present = complete('replied', 'inProgress')
  const phrase = '没有经主办科室负责人签发的本轮答复'
  const row = (name: string, change: Parameters<typeof vary>[1]): Row => ({
    name,
    from: 'inProgress',
    to: 'replied',
    who: 'office',
    present,
    missing: vary(present, change),
    phrase,
  })
  checkRows([
    row('no reply at all', (p) => void (p.replies = [])),
    row('reply not signed off', (p) => Object.assign(p.replies[0]!, { signedOffBy: null, signedOffAt: null })),
    row('sign-off without a time', (p) => void (p.replies[0]!.signedOffAt = null)),
    row('sign-off without a signer', (p) => void (p.replies[0]!.signedOffBy = null)),
    row('signer unknown to the context', (_p, ctx) => void delete ctx.signers!['reply-1']),
    row('signed by the head of a co-section', (_p, ctx) => void (ctx.signers!['reply-1'] = Actors.coHead)),
    row('signed by the head of an unrelated section', (_p, ctx) => void (ctx.signers!['reply-1'] = Actors.otherHead)),
    row('signed by the lead section’s staff, not its head', (_p, ctx) => void (ctx.signers!['reply-1'] = Actors.leadStaff)),
    row('signed by a leader', (_p, ctx) => void (ctx.signers!['reply-1'] = Actors.leader)),
    row('a lead-section reply signed by the office', (_p, ctx) => void (ctx.signers!['reply-1'] = Actors.office)),
    row('a co-section’s reply signed by its own head', (p, ctx) => {
      p.replies[0]!.section = Sec.co
      ctx.signers!['reply-1'] = Actors.coHead
    }),
    row('a co-section’s reply signed by the lead head', (p) => void (p.replies[0]!.section = Sec.co)),
    row('the signed reply is for a later round', (p) => void (p.replies[0]!.round = 2)),
  ])
})

describe('reply: rehandling → replied', () => {
  // One rehandling done: round 2 is being answered.
  const present = afterRehandlings(1, null, 'rehandling')
  const row = (name: string, change: Parameters<typeof vary>[1]): Row => ({
    name,
    from: 'rehandling',
    to: 'replied',
    who: 'office',
    present,
    missing: vary(present, change),
    phrase: '没有经主办科室负责人签发的本轮答复',
  })
  checkRows([
    row('only the old round’s signed reply', (p) => void (p.replies = p.replies.filter((r) => r.round === 1))),
    row('the new round’s reply not yet signed off', (p) =>
      Object.assign(p.replies.find((r) => r.round === 2)!, { signedOffBy: null, signedOffAt: null, publishedAt: null }),
    ),
    row('the new round’s reply signed by staff', (_p, ctx) => void (ctx.signers!['reply-2'] = Actors.leadStaff)),
  ])
})

describe('isValidSignOff: who may sign off which reply', () => {
  // The office's own explanation (section null) belongs to a screened-out item; a section's reply to an accepted one.
  const facts = (section: string | null) => (section == null ? screenedOut('notAccepted') : complete('replied', 'inProgress')).p
  it.each<[string, string | null, ActorKey | null, boolean]>([
    ['office explanation by the office', null, 'office', true],
    ['office explanation by the lead head', null, 'leadHead', false],
    ['office explanation by a leader', null, 'leader', false],
    ['office explanation by an admin', null, 'admin', false],
    ['lead reply by the lead head', Sec.lead, 'leadHead', true],
    ['lead reply by the office', Sec.lead, 'office', false],
    ['lead reply by lead staff', Sec.lead, 'leadStaff', false],
    ['lead reply by a co-section head', Sec.lead, 'coHead', false],
    ['lead reply by an unrelated head', Sec.lead, 'otherHead', false],
    ['lead reply with no signer known', Sec.lead, null, false],
    ['co-section reply by its head', Sec.co, 'coHead', false],
  ])('%s: %s', (_name, section, signer, ok) => {
    expect(isValidSignOff(reply({ section }), facts(section), signer ? Actors[signer] : null)).toBe(ok)
  })

  it('an unsigned reply is never valid', () => {
    expect(isValidSignOff(reply({ signedOffBy: null, signedOffAt: null }), facts(Sec.lead), Actors.leadHead)).toBe(false)
    expect(isValidSignOff(reply({ section: null, signedOffBy: null, signedOffAt: null }), facts(null), Actors.office)).toBe(false)
  })
})

describe('evaluation: replied → evaluated', () => {
  const present = complete('evaluated', 'replied')
  const row = (name: string, change: Parameters<typeof vary>[1], phrase: string, base = present): Row => ({
    name,
    from: 'replied',
    to: 'evaluated',
    who: 'proposer',
    present: base,
    missing: vary(base, change),
    phrase,
  })
  const usedUp = afterRehandlings(MAX_REHANDLING_ROUNDS, 'satisfied')
  checkRows([
    row('no evaluation', (p) => void (p.evaluations = []), '提案人尚未评价最新答复'),
    row('only a co-signer evaluated', (p) => void (p.evaluations[0]!.representative = Rep.coSigner), '提案人尚未评价最新答复'),
    row('only an unrelated representative evaluated', (p) => void (p.evaluations[0]!.representative = Rep.other), '提案人尚未评价最新答复'),
    row(
      'the proposer evaluated only an earlier reply',
      (p) => void (p.evaluations = p.evaluations.filter((e) => e.reply !== `reply-${MAX_REHANDLING_ROUNDS + 1}`)),
      '提案人尚未评价最新答复',
      usedUp,
    ),
    row(
      'the proposer evaluated only an earlier reply (replies stored newest first: publication order decides)',
      (p) => void (p.evaluations = p.evaluations.filter((e) => e.reply !== `reply-${MAX_REHANDLING_ROUNDS + 1}`)),
      '提案人尚未评价最新答复',
      vary(usedUp, (p) => void p.replies.reverse()),
    ),
    row('dissatisfied while a rehandling round remains', (p) => void (p.evaluations[0]!.rating = 'dissatisfied'), '提案人不满意，应进入重新办理'),
    row(
      'the proposer’s latest evaluation is 不满意 (an earlier 满意 does not count)',
      (p) =>
        void p.evaluations.push({ reply: 'reply-1', representative: Rep.proposer, rating: 'dissatisfied', at: '2025-03-27T09:00:00+08:00' }),
      '提案人不满意，应进入重新办理',
    ),
  ])

  it.each<[string, Scenario]>([
    ['基本满意', vary(present, (p) => void (p.evaluations[0]!.rating = 'basicallySatisfied'))],
    ['不满意 once every rehandling round is used up', afterRehandlings(MAX_REHANDLING_ROUNDS, 'dissatisfied')],
    [
      'the proposer’s later 满意 replaces an earlier 不满意',
      vary(present, (p) => {
        p.evaluations[0]!.rating = 'dissatisfied'
        p.evaluations.push({ reply: 'reply-1', representative: Rep.proposer, rating: 'satisfied', at: '2025-03-27T09:00:00+08:00' })
      }),
    ],
    [
      'a co-signer’s 不满意 beside the proposer’s 满意',
      vary(present, (p) => void p.evaluations.push({ reply: 'reply-1', representative: Rep.coSigner, rating: 'dissatisfied', at: '2025-03-27T09:00:00+08:00' })),
    ],
  ])('allowed: %s', (_name, { p, ctx }) => {
    expect(canTransition('replied', 'evaluated', Actors.proposer, p, ctx)).toEqual({ ok: true })
  })
})

describe('a 不满意 needs a reason (the portal form and the evaluations collection)', () => {
  it.each<[string, string | null | undefined, boolean]>([
    ['dissatisfied', undefined, true],
    ['dissatisfied', null, true],
    ['dissatisfied', '', true],
    ['dissatisfied', '  差 ', true],
    ['dissatisfied', '太差', false],
    ['dissatisfied', ' 没有解决 ', false],
    ['satisfied', '', false],
    ['basicallySatisfied', undefined, false],
  ])('%s with %j → lacks a reason: %s', (rating, comment, lacks) => {
    expect(lacksReason(rating, comment)).toBe(lacks)
  })
})

describe('where a new evaluation moves the proposal (statusAfterEvaluation)', () => {
  const replied = complete('evaluated', 'replied')
  const latest = (s: Scenario) => s.p.replies.at(-1)!.id
  const cases: [string, Scenario, { reply: string | number; representative: string; rating: Rating }, ProposalStatus | null][] = [
    ['the proposer’s 满意 of the latest reply', replied, { reply: 'reply-1', representative: Rep.proposer, rating: 'satisfied' }, 'evaluated'],
    ['the proposer’s 基本满意', replied, { reply: 'reply-1', representative: Rep.proposer, rating: 'basicallySatisfied' }, 'evaluated'],
    ['the proposer’s 不满意 while a round remains', replied, { reply: 'reply-1', representative: Rep.proposer, rating: 'dissatisfied' }, 'rehandling'],
    [
      'the proposer’s 不满意 once every round is used up',
      afterRehandlings(MAX_REHANDLING_ROUNDS, null),
      { reply: `reply-${MAX_REHANDLING_ROUNDS + 1}`, representative: Rep.proposer, rating: 'dissatisfied' },
      'evaluated',
    ],
    ['a co-signer’s 不满意', replied, { reply: 'reply-1', representative: Rep.coSigner, rating: 'dissatisfied' }, null],
    [
      'the proposer’s 不满意 of an earlier reply',
      afterRehandlings(1, null),
      { reply: 'reply-1', representative: Rep.proposer, rating: 'dissatisfied' },
      null,
    ],
    ['while 已评价', complete('evaluated', 'evaluated'), { reply: 'reply-1', representative: Rep.proposer, rating: 'dissatisfied' }, null],
    ['of a screened-out item’s explanation', screenedOut('notAccepted'), { reply: 'explain-1', representative: Rep.proposer, rating: 'dissatisfied' }, null],
  ]
  it.each(cases)('%s → %s', (_name, s, e, want) => {
    expect(statusAfterEvaluation(s.p, e)).toBe(want)
  })

  // The step it names must be one the lifecycle then allows the proposer (the evaluation in place).
  it.each(cases.filter(([, , , want]) => want != null))('%s: the lifecycle allows that step', (_name, s, e, want) => {
    const p = { ...s.p, evaluations: [...s.p.evaluations, { ...e, at: '2025-03-31T09:00:00+08:00' }] }
    expect(latest(s)).toBe(e.reply)
    expect(canTransition('replied', want!, Actors.proposer, p, s.ctx)).toEqual({ ok: true })
  })

  it('calls for rehandling exactly while 不满意 and a round remains', () => {
    for (let n = 0; n <= MAX_REHANDLING_ROUNDS + 1; n++)
      for (const rating of ['satisfied', 'basicallySatisfied', 'dissatisfied'] as const)
        expect(callsForRehandling(rating, afterRehandlings(n, null).p), `${rating} after ${n}`).toBe(rating === 'dissatisfied' && n < MAX_REHANDLING_ROUNDS)
  })
})

describe.each(['replied', 'evaluated'] as const)('rehandling: %s → rehandling', (from) => {
  const present = complete('rehandling', from)
  const phrase = '只有提案人对最新答复不满意时才能重新办理'
  const row = (name: string, change: Parameters<typeof vary>[1], reason = phrase, base = present): Row => ({
    name,
    from,
    to: 'rehandling',
    who: 'proposer',
    present: base,
    missing: vary(base, change),
    phrase: reason,
  })
  // A published correction makes a second reply in round 1: the proposer must be dissatisfied with it, not the first.
  const corrected = vary(present, (p, ctx) => {
    p.replies.push(reply({ id: 'reply-1b', corrects: 'reply-1', publishedAt: '2025-03-23T09:00:00+08:00' }))
    ctx.signers!['reply-1b'] = Actors.leadHead
    p.evaluations.push({ reply: 'reply-1b', representative: Rep.proposer, rating: 'dissatisfied', at: '2025-03-26T09:00:00+08:00' })
  })
  checkRows([
    row('no evaluation', (p) => void (p.evaluations = [])),
    row('满意', (p) => void (p.evaluations[0]!.rating = 'satisfied')),
    row('基本满意', (p) => void (p.evaluations[0]!.rating = 'basicallySatisfied')),
    row('only a co-signer is dissatisfied', (p) => void (p.evaluations[0]!.representative = Rep.coSigner)),
    row('the proposer was dissatisfied only with an earlier reply', (p) => void p.evaluations.pop(), phrase, corrected),
    {
      name: `every rehandling round (${MAX_REHANDLING_ROUNDS}) used up`,
      from,
      to: 'rehandling',
      who: 'proposer',
      present,
      missing: afterRehandlings(MAX_REHANDLING_ROUNDS, 'dissatisfied', from),
      phrase: `重新办理最多 ${MAX_REHANDLING_ROUNDS} 次`,
    },
  ])

  it.each(Array.from({ length: MAX_REHANDLING_ROUNDS + 1 }, (_, n) => n))('after %i rehandling(s)', (n) => {
    const { p, ctx } = afterRehandlings(n, 'dissatisfied', from)
    expect(canTransition(from, 'rehandling', Actors.proposer, p, ctx).ok).toBe(n < MAX_REHANDLING_ROUNDS)
  })

  it('the office may start it for the proposer, on the same condition', () => {
    expect(canTransition(from, 'rehandling', Actors.office, present.p, present.ctx).ok).toBe(true)
    const satisfied = vary(present, (p) => void (p.evaluations[0]!.rating = 'satisfied'))
    expect(canTransition(from, 'rehandling', Actors.office, satisfied.p, satisfied.ctx).ok).toBe(false)
  })
})

describe.each(['replied', 'evaluated'] as const)('closing: %s → closed', (from) => {
  const present = complete('closed', from)
  // Without commitments, so that the follow-up rule is the only one a missing follow-up breaks.
  const noCommitments = vary(present, (p) => {
    p.replies[0]!.commitments = []
    p.followUps = [{ kind: 'visit', at: '2025-03-26T09:00:00+08:00' }]
  })
  const noEvaluation = vary(present, (p) => {
    p.evaluations = []
    p.noEvaluationReason = '评价期限内代表未评价'
  })
  // reply-1 (with commitment c-1) corrected by reply-1b; both evaluated, c-1 never verified.
  const corrected = vary(present, (p, ctx) => {
    p.replies.push(reply({ id: 'reply-1b', corrects: 'reply-1', publishedAt: '2025-03-23T09:00:00+08:00' }))
    ctx.signers!['reply-1b'] = Actors.leadHead
    p.evaluations.push({ reply: 'reply-1b', representative: Rep.proposer, rating: 'satisfied', at: '2025-03-26T09:00:00+08:00' })
    p.followUps = [{ kind: 'visit', at: '2025-03-26T09:00:00+08:00' }]
  })
  const twoCommitments = vary(present, (p) => {
    p.replies[0]!.commitments.push({ id: 'c-2', text: '五月底前增设路灯', dueDate: '2025-05-31' })
    p.followUps.push({ kind: 'verification', at: '2025-03-31T09:00:00+08:00', commitmentId: 'c-2', verified: true })
  })
  const row = (name: string, change: Parameters<typeof vary>[1], phrase: string, base = present): Row => ({
    name,
    from,
    to: 'closed',
    who: 'office',
    present: base,
    missing: vary(base, change),
    phrase,
  })
  const noReply = '没有已签发并公开的答复，不能办结'
  const noEval = '提案人尚未评价，须记录未评价的原因'
  const open = '答复中的承诺事项尚未全部验证，不能办结'
  checkRows([
    row('no instruction', (p) => void (p.instructions = []), '没有领导批示，不能办结'),
    row('the signed reply is not published', (p) => void (p.replies[0]!.publishedAt = null), noReply),
    row('the published reply is not signed off', (p) => Object.assign(p.replies[0]!, { signedOffBy: null, signedOffAt: null }), noReply),
    row('the published reply was signed by staff', (_p, ctx) => void (ctx.signers!['reply-1'] = Actors.leadStaff), noReply),
    row('the published reply was signed by a co-section head', (_p, ctx) => void (ctx.signers!['reply-1'] = Actors.coHead), noReply),
    row('the published reply’s signer is unknown', (_p, ctx) => void (ctx.signers = {}), noReply),
    row('no evaluation and no reason recorded', (p) => void (p.noEvaluationReason = null), noEval, noEvaluation),
    row('no evaluation and a blank reason', (p) => void (p.noEvaluationReason = '   '), noEval, noEvaluation),
    row('only a co-signer evaluated, no reason', (p) => void (p.evaluations[0]!.representative = Rep.coSigner), noEval),
    row(
      'the proposer evaluated only the reply since corrected, no reason',
      (p) => void (p.evaluations = p.evaluations.filter((e) => e.reply !== 'reply-1b')),
      noEval,
      corrected,
    ),
    row('no follow-up', (p) => void (p.followUps = []), '没有回访记录，不能办结', noCommitments),
    row('a commitment never verified', (p) => void (p.followUps = [{ kind: 'visit', at: '2025-03-26T09:00:00+08:00' }]), open),
    row('a verification that found the promise unkept', (p) => void (p.followUps[1]!.verified = false), open),
    row('a verification with no result', (p) => void (p.followUps[1]!.verified = null), open),
    row('a verification of another commitment', (p) => void (p.followUps[1]!.commitmentId = 'c-9'), open),
    row('a visit, not a verification, names the commitment', (p) => void (p.followUps[1]!.kind = 'visit'), open),
    row('one of two commitments unverified', (p) => void p.followUps.pop(), open, twoCommitments),
    row(
      'the correction is not published, so the corrected reply’s commitment still counts',
      (p) => void (p.replies.find((r) => r.id === 'reply-1b')!.publishedAt = null),
      open,
      corrected,
    ),
    row(
      'the correction’s own commitment is unverified',
      (p) => void p.followUps.pop(),
      open,
      vary(corrected, (p) => {
        p.replies.find((r) => r.id === 'reply-1b')!.commitments = [{ id: 'c-3', text: '六月底前完工', dueDate: '2025-06-30' }]
        p.followUps.push({ kind: 'verification', at: '2025-03-31T09:00:00+08:00', commitmentId: 'c-3', verified: true })
      }),
    ),
  ])

  it.each<[string, Scenario]>([
    ['a recorded reason instead of an evaluation', noEvaluation],
    ['a verification as the only follow-up', vary(noCommitments, (p) => void (p.followUps[0]!.kind = 'verification'))],
    [
      'an unpublished draft’s commitment does not block',
      vary(present, (p) =>
        void p.replies.push(
          reply({ id: 'reply-draft', round: 1, signedOffBy: null, signedOffAt: null, publishedAt: null, commitments: [{ id: 'c-7', text: '草稿', dueDate: '2025-06-30' }] }),
        ),
      ),
    ],
    ['不满意 once every rehandling round is used up', afterRehandlings(MAX_REHANDLING_ROUNDS, 'dissatisfied', from)],
  ])('allowed: %s', (_name, { p, ctx }) => {
    expect(canTransition(from, 'closed', Actors.office, p, ctx)).toEqual({ ok: true })
  })
})

describe.each(['merged', 'redirected', 'notAccepted'] as const)('closing a screened-out item: %s → closed', (from) => {
  const present = screenedOut(from)
  const row = (name: string, change: Parameters<typeof vary>[1], phrase: string): Row => ({
    name,
    from,
    to: 'closed',
    who: 'office',
    present,
    missing: vary(present, change),
    phrase,
  })
  checkRows([
    row('no instruction', (p) => void (p.instructions = []), '没有领导批示，不能办结'),
    row('the explanation is not published', (p) => void (p.replies[0]!.publishedAt = null), '没有已签发并公开的答复'),
    row('the explanation is not signed off', (p) => Object.assign(p.replies[0]!, { signedOffBy: null, signedOffAt: null }), '没有已签发并公开的答复'),
    row('the explanation was signed by a section head', (_p, ctx) => void (ctx.signers!['explain-1'] = Actors.leadHead), '没有已签发并公开的答复'),
    row('the explanation was signed by a leader', (_p, ctx) => void (ctx.signers!['explain-1'] = Actors.leader), '没有已签发并公开的答复'),
    row('the explanation is signed by the office but names a section', (p) => void (p.replies[0]!.section = Sec.lead), '没有已签发并公开的答复'),
    row('no evaluation and no reason', (p) => void (p.noEvaluationReason = null), '提案人尚未评价，须记录未评价的原因'),
    row('no follow-up', (p) => void (p.followUps = []), '没有回访记录，不能办结'),
  ])

  it('the proposer’s evaluation of the explanation does instead of a reason', () => {
    const { p, ctx } = vary(present, (p) => {
      p.noEvaluationReason = null
      p.evaluations = [{ reply: 'explain-1', representative: Rep.proposer, rating: 'basicallySatisfied', at: '2025-03-25T09:00:00+08:00' }]
    })
    expect(canTransition(from, 'closed', Actors.office, p, ctx)).toEqual({ ok: true })
  })
})

describe('refusal reasons are zh-CN and name the problem', () => {
  it.each<[ProposalStatus, ProposalStatus, ActorKey, string]>([
    ['draft', 'closed', 'office', '不能从“草稿”变为“已办结”'],
    ['closed', 'draft', 'admin', '不能从“已办结”变为“草稿”'],
    ['submitted', 'accepted', 'leader', '“已提交待甄别”→“已立案待批示”只能由代表工作室办理'],
    ['accepted', 'instructed', 'office', '只能由街道领导办理'],
    ['instructed', 'inProgress', 'coStaff', '只能由主办科室办理'],
    ['replied', 'evaluated', 'coSigner', '只能由提案人或代表工作室办理'],
    ['draft', 'submitted', 'coSigner', '只能由提案人或代表工作室办理'],
  ])('%s → %s by %s', (from, to, who, phrase) => {
    const { p, ctx } = complete(to, from)
    const result = canTransition(from, to, Actors[who], p, ctx)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.reason).toContain(phrase)
  })

  it('checking a step changes nothing in the facts', () => {
    const { p, ctx } = complete('closed', 'evaluated')
    const before = structuredClone(p)
    canTransition('evaluated', 'closed', Actors.office, p, ctx)
    expect(p).toEqual(before)
  })
})

// Rules an earlier review found missing, now enforced.
describe('findings', () => {
  // isValidSignOff's comment: "signed off by the lead section's head (or by the office for a screened-out item)".
  // A reply is the lead section's answer signed off by its head; the office explains only a screened-out item.
  const officeExplanationOnAccepted = vary(complete('replied', 'inProgress'), (p, ctx) => {
    p.replies = [reply({ id: 'explain-1', section: null, signedOffBy: Actors.office.id, draftedBy: Actors.office.id })]
    ctx.signers = { 'explain-1': Actors.office }
  })

  it('an office-signed explanation is no reply of the lead section: inProgress → replied is refused', () => {
    const { p, ctx } = officeExplanationOnAccepted
    expect(canTransition('inProgress', 'replied', Actors.office, p, ctx).ok).toBe(false)
  })

  it('an office-signed explanation does not let an accepted item close', () => {
    const { p, ctx } = vary(officeExplanationOnAccepted, (p) => {
      p.status = 'evaluated'
      p.evaluations = [{ reply: 'explain-1', representative: Rep.proposer, rating: 'satisfied', at: '2025-03-25T09:00:00+08:00' }]
      p.followUps = [{ kind: 'visit', at: '2025-03-26T09:00:00+08:00' }]
    })
    expect(canTransition('evaluated', 'closed', Actors.office, p, ctx).ok).toBe(false)
  })

  // evaluatedCheck says a 不满意 with a round left "应进入重新办理"; replied → closed skips that rule.
  it('replied → closed is refused while the proposer is dissatisfied and a rehandling round remains', () => {
    const { p, ctx } = vary(complete('closed', 'replied'), (p) => void (p.evaluations[0]!.rating = 'dissatisfied'))
    expect(canTransition('replied', 'closed', Actors.office, p, ctx).ok).toBe(false)
  })

  // accepted → instructed treats a blank instruction as none; closing counts it.
  it('closing needs an instruction with text, as instructing does', () => {
    const { p, ctx } = vary(complete('closed', 'evaluated'), (p) => void (p.instructions[0]!.text = '  '))
    expect(canTransition('evaluated', 'closed', Actors.office, p, ctx).ok).toBe(false)
  })
})
