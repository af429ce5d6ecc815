// Commitments chosen, not typed; verifications corrected by a new record (table-driven).
import { describe, expect, it } from 'vitest'
import { facts, reply } from '../tests/fixtures/facts'
import { commitmentDue, commitmentOverdue, commitmentRecords, commitmentStateText, commitmentStatuses, followUpRefusal, openCommitments, type CommitmentRecordState, type FollowUpInput } from './commitments'
import type { FollowUp, ProposalFacts } from './types'

const at = (day: number) => `2025-04-${String(day).padStart(2, '0')}T09:00:00+08:00`

/** A replied proposal whose published reply promises c-1 and c-2; reply-0 (promising c-0) was superseded by a correction. */
function answered(followUps: FollowUp[] = []): ProposalFacts {
  return facts({
    status: 'evaluated',
    replies: [
      reply({ id: 'reply-0', commitments: [{ id: 'c-0', text: '旧承诺', dueDate: '2025-04-10' }], publishedAt: '2025-03-20T09:00:00+08:00' }),
      reply({
        id: 'reply-1',
        corrects: 'reply-0',
        commitments: [
          { id: 'c-1', text: '三月底前修复路灯', dueDate: '2025-03-31' },
          { id: 'c-2', text: '五月底前增设护栏', dueDate: '2025-05-31' },
        ],
        publishedAt: '2025-03-21T09:00:00+08:00',
      }),
      reply({ id: 'reply-draft', commitments: [{ id: 'c-draft', text: '草稿中的承诺', dueDate: '2025-06-01' }], publishedAt: null, signedOffAt: null, signedOffBy: null }),
    ],
    followUps,
  })
}

const kept1: FollowUp = { id: 'f-1', kind: 'verification', at: at(1), commitmentId: 'c-1', verified: true }
const unkept1: FollowUp = { id: 'f-2', kind: 'verification', at: at(2), commitmentId: 'c-1', verified: false }
const fixOfKept1: FollowUp = { id: 'f-3', kind: 'verification', at: at(3), commitmentId: 'c-1', verified: false, corrects: 'f-1' }

describe('where each commitment stands', () => {
  const rows: [string, FollowUp[], Record<string, string>][] = [
    ['never checked', [], { 'c-1': 'open', 'c-2': 'open' }],
    ['verified as kept', [kept1], { 'c-1': 'kept', 'c-2': 'open' }],
    ['checked and found unkept', [unkept1], { 'c-1': 'unkept', 'c-2': 'open' }],
    ['found unkept, later kept', [unkept1, { ...kept1, id: 'f-9', at: at(5) }], { 'c-1': 'kept', 'c-2': 'open' }],
    ['kept by mistake, then corrected', [kept1, fixOfKept1], { 'c-1': 'unkept', 'c-2': 'open' }],
    ['a correction dated before the record it corrects still stands', [{ ...kept1, at: at(9) }, fixOfKept1], { 'c-1': 'unkept', 'c-2': 'open' }],
    ['a visit verifies nothing', [{ id: 'f-4', kind: 'visit', at: at(1) }], { 'c-1': 'open', 'c-2': 'open' }],
    ['a verification of the superseded reply’s commitment counts for nothing', [{ ...kept1, commitmentId: 'c-0' }], { 'c-1': 'open', 'c-2': 'open' }],
  ]
  it.each(rows)('%s', (_, followUps, expected) => {
    const states = Object.fromEntries(commitmentStatuses(answered(followUps)).map((c) => [c.id, c.state]))
    expect(states).toEqual(expected)
    expect(openCommitments(answered(followUps)).map((c) => c.id)).toEqual(Object.keys(expected).filter((k) => expected[k] !== 'kept'))
  })

  it('only live commitments of published replies are listed (not the superseded reply’s, not a draft’s)', () => {
    expect(commitmentStatuses(answered()).map((c) => c.id)).toEqual(['c-1', 'c-2'])
  })
})

describe('which follow-ups may be recorded', () => {
  const v = (over: Partial<FollowUpInput> = {}): FollowUpInput => ({ kind: 'verification', commitmentId: 'c-1', verified: true, ...over })
  const rows: [string, FollowUp[], FollowUpInput, string | null, string?][] = [
    ['a visit', [], { kind: 'visit' }, null],
    ['a call', [], { kind: 'call' }, null],
    ['a visit naming a commitment', [], { kind: 'visit', commitmentId: 'c-1' }, '只有“现场验证”', 'commitmentId'],
    ['a call correcting a record', [kept1], { kind: 'call', corrects: 'f-1' }, '只有“现场验证”', 'corrects'],
    ['a verification of an open commitment', [], v(), null],
    ['a verification that finds it unkept', [], v({ verified: false }), null],
    ['a verification after one found it unkept', [unkept1], v(), null],
    ['an unknown commitment', [], v({ commitmentId: 'c-99' }), '不是本提案', 'commitmentId'],
    ['a typed id with spaces that matches nothing', [], v({ commitmentId: ' c-9 ' }), '不是本提案', 'commitmentId'],
    ['a superseded reply’s commitment', [], v({ commitmentId: 'c-0' }), '不是本提案', 'commitmentId'],
    ['a draft reply’s commitment', [], v({ commitmentId: 'c-draft' }), '不是本提案', 'commitmentId'],
    ['no commitment while there are some', [], v({ commitmentId: null }), '请选择', 'commitmentId'],
    ['a second "kept" of a kept commitment', [kept1], v(), '已验证兑现', 'commitmentId'],
    ['"unkept" of a kept commitment without correcting', [kept1], v({ verified: false }), '已验证兑现', 'commitmentId'],
    ['a correction note without naming the record', [], v({ correctionNote: '写错了' }), '请同时选择', 'corrects'],
    ['a correction', [kept1], v({ verified: false, corrects: 'f-1', correctionNote: '误将 c-1 记为已兑现' }), null],
    ['a correction without a note', [kept1], v({ verified: false, corrects: 'f-1', correctionNote: ' ' }), '请写明更正说明', 'correctionNote'],
    ['a correction with the same finding', [kept1], v({ verified: true, corrects: 'f-1', correctionNote: 'x' }), '结论与原记录相同', 'verified'],
    ['a correction of another commitment’s record', [kept1], v({ commitmentId: 'c-2', verified: false, corrects: 'f-1', correctionNote: 'x' }), '同一承诺事项', 'commitmentId'],
    ['a correction of a record that is not a verification', [{ id: 'f-4', kind: 'visit', at: at(1) }], v({ corrects: 'f-4', correctionNote: 'x' }), '只能更正', 'corrects'],
    ['a correction of another proposal’s record', [kept1], v({ verified: false, corrects: 'f-404', correctionNote: 'x' }), '只能更正', 'corrects'],
    ['a second correction of the same record', [kept1, fixOfKept1], v({ verified: true, corrects: 'f-1', correctionNote: 'x' }), '已经更正过', 'corrects'],
    ['a correction of the correction', [kept1, fixOfKept1], v({ verified: true, corrects: 'f-3', correctionNote: '其实已兑现' }), null],
  ]
  it.each(rows)('%s', (_, followUps, input, phrase, field) => {
    const refusal = followUpRefusal(answered(followUps), input)
    if (phrase === null) expect(refusal).toBeNull()
    else {
      expect(refusal?.message).toContain(phrase)
      expect(refusal?.field).toBe(field)
    }
  })

  it('a general verification is allowed where no reply made a promise', () => {
    const p = facts({ status: 'evaluated', replies: [reply({ commitments: [] })] })
    expect(followUpRefusal(p, { kind: 'verification', verified: true })).toBeNull()
    expect(followUpRefusal(p, { kind: 'verification', commitmentId: 'c-1', verified: true })?.field).toBe('commitmentId')
  })
})

describe('the ledger (承诺台账): every commitment of a published reply, and its state by one rule', () => {
  const fixOfFix: FollowUp = { id: 'f-4', kind: 'verification', at: at(4), commitmentId: 'c-1', verified: true, corrects: 'f-3' }
  const keptOld: FollowUp = { id: 'f-0', kind: 'verification', at: at(1), commitmentId: 'c-0', verified: true }
  // [what happened, follow-ups, state of c-0 / c-1 / c-2 ('!' marks a finding reached by correction)]
  const rows: [string, FollowUp[], [string, string, string]][] = [
    ['nothing checked yet', [], ['superseded', 'open', 'open']],
    ['c-1 verified as kept', [kept1], ['superseded', 'kept', 'open']],
    ['c-1 checked and not found kept', [unkept1], ['superseded', 'unkept', 'open']],
    ['c-1 not kept, then kept at a later check', [unkept1, { ...kept1, id: 'f-9', at: at(5) }], ['superseded', 'kept', 'open']],
    ['c-1 kept then not kept (two checks, no correction): the latest stands', [kept1, { ...unkept1, at: at(6) }], ['superseded', 'unkept', 'open']],
    ['c-1 recorded as kept by mistake, corrected', [kept1, fixOfKept1], ['superseded', 'unkept!', 'open']],
    ['the correction corrected back', [kept1, fixOfKept1, fixOfFix], ['superseded', 'kept!', 'open']],
    ['a correction dated before the record it corrects', [{ ...kept1, at: at(9) }, fixOfKept1], ['superseded', 'unkept!', 'open']],
    ['a visit and a call verify nothing', [{ id: 'f-5', kind: 'visit', at: at(1) }, { id: 'f-6', kind: 'call', at: at(2) }], ['superseded', 'open', 'open']],
    ['a kept check of the corrected reply’s commitment: it stays 已更正', [keptOld], ['superseded', 'open', 'open']],
    ['both commitments kept', [kept1, { ...kept1, id: 'f-7', commitmentId: 'c-2' }], ['superseded', 'kept', 'kept']],
  ]
  it.each(rows)('%s', (_, followUps, expected) => {
    const records = commitmentRecords(answered(followUps))
    expect(records.map((c) => c.id)).toEqual(['c-0', 'c-1', 'c-2'])
    expect(records.map((c) => c.state + (c.corrected ? '!' : ''))).toEqual(expected)
    // The live commitments' states are the ledger's (one rule).
    expect(commitmentStatuses(answered(followUps)).map((c) => c.state)).toEqual(expected.slice(1).map((s) => s.replace('!', '')))
  })

  it('keeps what the record needs: reply, round, section, class, publication, the standing check', () => {
    const [old, c1] = commitmentRecords(answered([kept1, fixOfKept1]))
    expect(old).toMatchObject({ reply: 'reply-0', round: 1, section: 'sec-lead', replyClass: 'A', publishedAt: '2025-03-20T09:00:00+08:00', checkedAt: null, standing: null })
    expect(c1).toMatchObject({ id: 'c-1', text: '三月底前修复路灯', dueDate: '2025-03-31', reply: 'reply-1', state: 'unkept', checkedAt: at(3), standing: 'f-3', corrected: true })
  })

  it('a draft’s commitments are not in the ledger until the reply is published', () => {
    expect(commitmentRecords(answered()).map((c) => c.id)).not.toContain('c-draft')
  })

  it.each([
    ['open', false, '待兑现'],
    ['kept', false, '已兑现'],
    ['unkept', false, '未兑现'],
    ['superseded', false, '已更正'],
    ['kept', true, '已兑现（验证记录经更正）'],
    ['unkept', true, '未兑现（验证记录经更正）'],
  ] as const)('%s (corrected: %s) reads “%s”', (state, corrected, text) => expect(commitmentStateText(state, corrected)).toBe(text))
})

describe('due and overdue on a day (China-local dates)', () => {
  const today = '2025-04-10'
  // [state, 完成时限, counts in 承诺兑现率 (due), 逾期未兑现]
  const rows: [CommitmentRecordState, string, boolean, boolean][] = [
    ['open', '2025-04-11', false, false],
    ['open', '2025-04-10', true, false],
    ['open', '2025-04-09', true, true],
    ['unkept', '2025-04-09', true, true],
    ['unkept', '2025-04-11', false, false],
    ['kept', '2025-04-09', true, false],
    ['kept', '2025-04-11', false, false],
    ['superseded', '2025-04-09', false, false],
  ]
  it.each(rows)('%s due %s → due %s, overdue %s', (state, dueDate, due, overdue) => {
    expect(commitmentDue({ state, dueDate }, today)).toBe(due)
    expect(commitmentOverdue({ state, dueDate }, today)).toBe(overdue)
  })
})
