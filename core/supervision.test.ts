// 督办 rules, table-driven: who may 催办 and who may mark 重点督办, in every status × every actor;
// the bar's offer of 列为/取消重点督办 by the mark's state; what a 催办's request may carry; how a
// 催办 reads on the public timeline and which notes are public; the board's order and parties.
import { describe, expect, it } from 'vitest'
import { ActionBodies, ActionLabels, mayTakeSupervisionAction, supervisionActionsFor, type SupervisionAction } from './actions'
import { DefaultCalendarData, WorkingCalendar } from './calendar'
import { canMarkKeyItem, canSupervise, canUrge } from './permissions'
import { checkInput } from './portal'
import { BoardTiers, boardOrder, partyOfCommitment, partyOfDuty, publicNoteOf, tierOf, urgeLine, type BoardOrderItem } from './supervision'
import { ProposalStatuses, type ProposalStatus } from './types'
import { ActorKeys, Actors, OddActors, type ActorKey } from '../tests/fixtures/facts'

const cal = new WorkingCalendar(DefaultCalendarData)

// ── Who may 催办 and mark 重点督办 ─────────────────────────────────────────────────────────────

const Supervisors: ActorKey[] = ['office', 'leader']
/** Per status: who may 催办 it, and who may set or clear its 重点督办 mark. Everyone not named may do neither. */
const Table: Record<ProposalStatus, { urge: ActorKey[]; key: ActorKey[] }> = {
  draft: { urge: [], key: [] },
  submitted: { urge: Supervisors, key: ['leader'] },
  accepted: { urge: Supervisors, key: ['leader'] },
  merged: { urge: Supervisors, key: ['leader'] },
  redirected: { urge: Supervisors, key: ['leader'] },
  notAccepted: { urge: Supervisors, key: ['leader'] },
  instructed: { urge: Supervisors, key: ['leader'] },
  inProgress: { urge: Supervisors, key: ['leader'] },
  replied: { urge: Supervisors, key: ['leader'] },
  evaluated: { urge: Supervisors, key: ['leader'] },
  rehandling: { urge: Supervisors, key: ['leader'] },
  closed: { urge: [], key: [] },
}

describe('催办 and 重点督办: every status × every actor', () => {
  it('the table covers every status', () => expect(Object.keys(Table).sort()).toEqual([...ProposalStatuses].sort()))

  const cases = ProposalStatuses.flatMap((status) => ActorKeys.map((who) => [status, who] as const))
  it.each(cases)('%s, %s', (status, who) => {
    const a = Actors[who]
    const p = { status }
    expect(canUrge(a, p), '催办').toBe(Table[status].urge.includes(who))
    expect(canMarkKeyItem(a, p), '重点督办').toBe(Table[status].key.includes(who))
    // The action bar offers exactly what the rules allow: 催办, and the mark's one change.
    const offered = (keyItem: boolean) => supervisionActionsFor(a, { status, keyItem })
    expect(offered(false)).toEqual([...(Table[status].urge.includes(who) ? ['urge'] : []), ...(Table[status].key.includes(who) ? ['markKey'] : [])])
    expect(offered(true)).toEqual([...(Table[status].urge.includes(who) ? ['urge'] : []), ...(Table[status].key.includes(who) ? ['unmarkKey'] : [])])
  })

  it.each(Object.entries(OddActors))('%s may do neither', (_, a) => {
    for (const status of ProposalStatuses) {
      expect(canUrge(a, { status })).toBe(false)
      expect(canMarkKeyItem(a, { status })).toBe(false)
    }
  })

  it('only the office and leaders read the 督办 board', () => {
    expect(ActorKeys.filter((k) => canSupervise(Actors[k]))).toEqual(['office', 'leader'])
  })

  it.each([
    ['markKey', false, true],
    ['markKey', true, false],
    ['unmarkKey', true, true],
    ['unmarkKey', false, false],
  ] as [SupervisionAction, boolean, boolean][])('a leader may %s an open item marked %s: %s', (action, keyItem, may) => {
    expect(mayTakeSupervisionAction(action, Actors.leader, { status: 'inProgress', keyItem })).toBe(may)
  })

  it('names the steps in Chinese', () => {
    expect([ActionLabels.urge, ActionLabels.markKey, ActionLabels.unmarkKey]).toEqual(['催办', '列为重点督办', '取消重点督办'])
  })
})

// ── What a 催办 carries ───────────────────────────────────────────────────────────────────────

describe('a 催办 request', () => {
  const check = (body: unknown) => checkInput(ActionBodies.urge, body)
  it.each([
    ['nothing (one click)', {}, { notePublic: false }],
    ['an internal note', { note: '请本周内答复' }, { note: '请本周内答复', notePublic: false }],
    ['a public note', { note: '请本周内答复', notePublic: true }, { note: '请本周内答复', notePublic: true }],
  ])('accepts %s', (_, body, data) => {
    const r = check(body)
    expect(r.ok).toBe(true)
    expect((r as { data: unknown }).data).toMatchObject(data)
  })
  it.each([
    ['a public note without words', { note: '  ', notePublic: true }, 'note', '勾选了“公开说明”，请填写说明'],
    ['a note over 2000 characters', { note: '催'.repeat(2001) }, 'note', '催办说明不能超过 2000 个字'],
    ['a field it does not know', { note: '请办理', internal: false }, undefined, '不能提交这些字段：internal'],
    ['notePublic that is not a yes or no', { note: '请办理', notePublic: 'yes' }, 'notePublic', '请选择是否公开说明'],
  ])('refuses %s, saying why in Chinese', (_, body, field, message) => {
    const r = check(body)
    expect(r.ok).toBe(false)
    const e = (r as { error: { message: string; fields?: Record<string, string> } }).error
    expect(e.message).toBe(message)
    if (field) expect(e.fields?.[field]).toBe(message)
  })
})

// ── The public timeline ───────────────────────────────────────────────────────────────────────

describe('a 催办 on the public timeline', () => {
  it.each([
    ['office', '2026-12-03T02:00:00.000Z', '代表工作室催办（2026年12月3日）'],
    ['leader', '2026-12-03T02:00:00.000Z', '街道领导催办（2026年12月3日）'],
    // The day is China's: 00:30 on 3 December in Beijing is still 2 December in UTC.
    ['office', '2026-12-02T16:30:00.000Z', '代表工作室催办（2026年12月3日）'],
    ['office', '2026-12-03T15:59:00.000Z', '代表工作室催办（2026年12月3日）'],
  ])('%s at %s reads %s', (role, at, line) => expect(urgeLine(role, at)).toBe(line))

  it.each([
    ['a 催办 with a public note', { action: '催办', note: ' 请本周内答复 ', notePublic: true }, '请本周内答复'],
    ['a 催办 with an internal note', { action: '催办', note: '科长电话不接', notePublic: false }, null],
    ['a 催办 marked public without a note', { action: '催办', note: '', notePublic: true }, null],
    ['another event, even marked public', { action: '已提交待甄别 → 已立案待批示', note: '内部', notePublic: true }, null],
  ])('%s: %s', (_, e, note) => expect(publicNoteOf(e)).toBe(note))
})

// ── The board ─────────────────────────────────────────────────────────────────────────────────

describe('the board', () => {
  // Thursday 3 December 2026: 20 working days back is 2026-11-05; a deadline before it is 严重逾期.
  const today = '2026-12-03'
  const item = (number: string, due: string | null, keyItem = false): BoardOrderItem => ({ number, due, keyItem })
  const items = [
    item('2026-009', null),
    item('2026-008', '2026-12-20'),
    item('2026-007', null, true),
    item('2026-006', '2026-12-01', true),
    item('2026-005', '2026-11-30'),
    item('2026-004', '2026-10-01'),
    item('2026-003', '2026-10-20', true),
    item('2026-002', '2026-11-04'),
    item('2026-001', '2026-11-30'),
  ]

  it('puts 严重逾期 first (key items first), then key items, then the rest; the earliest deadline first, those without one last', () => {
    expect([...items].sort(boardOrder(today, cal)).map((i) => i.number)).toEqual([
      '2026-003', // 严重逾期, key
      '2026-004', // 严重逾期
      '2026-002', // 严重逾期 (21 working days)
      '2026-006', // key, overdue
      '2026-007', // key, no deadline
      '2026-001', // overdue, same day as 005: by number
      '2026-005',
      '2026-008',
      '2026-009',
    ])
  })

  it('counts 严重逾期 as the deadlines do: 20 working days overdue is not yet, 21 is', () => {
    expect(tierOf(item('x', '2026-11-05'), today, cal)).toBe(4)
    expect(tierOf(item('x', '2026-11-04'), today, cal)).toBe(1)
  })

  it('its tiers are every combination once, in order', () => {
    expect(BoardTiers.map((t) => [t.veryOverdue, t.key, t.dated])).toEqual([
      [true, true, true],
      [true, false, true],
      [false, true, true],
      [false, true, false],
      [false, false, true],
      [false, false, false],
    ])
  })

  it.each([
    [{ role: 'sectionStaff', section: 's-1' }, { kind: 'section', section: 's-1' }],
    [{ role: 'sectionHead', section: 's-1' }, { kind: 'section', section: 's-1' }],
    [{ role: 'office', section: null }, { kind: 'role', role: 'office' }],
    [{ role: 'leader', section: null }, { kind: 'role', role: 'leader' }],
    [{ role: 'representative', section: null }, { kind: 'role', role: 'representative' }],
    [{ role: 'admin', section: null }, null],
  ] as const)('a duty of %j belongs to %j', (d, party) => expect(partyOfDuty(d)).toEqual(party))

  it('an overdue commitment belongs to the section that promised it, else to the office', () => {
    expect(partyOfCommitment({ section: 7 })).toEqual({ kind: 'section', section: 7 })
    expect(partyOfCommitment({ section: null })).toEqual({ kind: 'role', role: 'office' })
  })
})
