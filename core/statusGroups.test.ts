// The status groups of core/lifecycle.ts, written out by hand: every status, its phase, and the
// groups it belongs to. A status added to ProposalStatuses fails here until it is placed.
import { describe, expect, it } from 'vitest'
import {
  AcceptedStatuses,
  AnsweredStatuses,
  AnsweringStatuses,
  AssignableStatuses,
  AssignedStatuses,
  EvaluableStatuses,
  EvaluationDueStatuses,
  isIn,
  isScreened,
  isScreenedOut,
  OpenScreenedStatuses,
  StatusPhases,
  Transitions,
  type StatusPhase,
} from './lifecycle'
import { ProposalStatuses, ScreeningDecisions, type ProposalStatus } from './types'

const Groups = {
  answering: AnsweringStatuses,
  answered: AnsweredStatuses,
  evaluable: EvaluableStatuses,
  evaluationDue: EvaluationDueStatuses,
  assigned: AssignedStatuses,
  accepted: AcceptedStatuses,
  openScreened: OpenScreenedStatuses,
} as const
type Group = keyof typeof Groups

// [status, its phase, the groups it is in]
const Table: [ProposalStatus, StatusPhase, Group[]][] = [
  ['draft', 'unscreened', []],
  ['submitted', 'unscreened', []],
  ['accepted', 'awaitingInstruction', ['accepted', 'openScreened']],
  ['merged', 'screenedOut', ['evaluable', 'evaluationDue', 'openScreened']],
  ['redirected', 'screenedOut', ['evaluable', 'evaluationDue', 'openScreened']],
  ['notAccepted', 'screenedOut', ['evaluable', 'evaluationDue', 'openScreened']],
  ['instructed', 'handling', ['assigned', 'accepted', 'openScreened']],
  ['inProgress', 'handling', ['answering', 'assigned', 'accepted', 'openScreened']],
  ['rehandling', 'handling', ['answering', 'assigned', 'accepted', 'openScreened']],
  ['replied', 'replied', ['answered', 'evaluable', 'evaluationDue', 'assigned', 'accepted', 'openScreened']],
  ['evaluated', 'replied', ['answered', 'evaluable', 'evaluationDue', 'assigned', 'accepted', 'openScreened']],
  ['closed', 'closed', ['answered', 'evaluationDue', 'assigned', 'accepted']],
]

const phaseOf = (s: ProposalStatus) =>
  (Object.keys(StatusPhases) as StatusPhase[]).filter((phase) => isIn(StatusPhases[phase], s))
const fromsTo = (to: ProposalStatus) => new Set(Transitions.filter((t) => t.to === to).map((t) => t.from))

describe('status groups', () => {
  it('the table lists every status once', () => {
    expect(Table.map(([s]) => s).sort()).toEqual([...ProposalStatuses].sort())
  })

  describe.each(Table)('%s', (status, phase, groups) => {
    it(`is in phase ${phase} and no other`, () => {
      expect(phaseOf(status)).toEqual([phase])
    })
    it.each(Object.keys(Groups) as Group[])('membership of %s', (group) => {
      expect(isIn(Groups[group], status)).toBe(groups.includes(group))
    })
    it('is screened unless unscreened; screened out only in that phase', () => {
      expect(isScreened(status)).toBe(phase !== 'unscreened')
      expect(isScreenedOut(status)).toBe(phase === 'screenedOut')
    })
  })

  it('the phases partition the statuses (no status twice, none left out)', () => {
    const all = Object.values(StatusPhases).flat()
    expect(all).toHaveLength(ProposalStatuses.length)
    expect(new Set(all)).toEqual(new Set(ProposalStatuses))
  })

  it('no group repeats a status, and every group is made of known statuses', () => {
    for (const [name, group] of Object.entries({ ...StatusPhases, ...Groups })) {
      expect(new Set(group).size, name).toBe(group.length)
      for (const s of group) expect(ProposalStatuses, name).toContain(s)
    }
  })

  it('accepted and on = everything but the unscreened and the screened out; open screened = screened and not closed', () => {
    const rest = (...out: readonly ProposalStatus[][]) => ProposalStatuses.filter((s) => !out.some((g) => g.includes(s)))
    expect(new Set(AcceptedStatuses)).toEqual(new Set(rest([...StatusPhases.unscreened], [...StatusPhases.screenedOut])))
    expect(new Set(OpenScreenedStatuses)).toEqual(new Set(rest([...StatusPhases.unscreened], [...StatusPhases.closed])))
  })

  it('agree with the transition table: the answer is published from the answering statuses, rehandling from the replied ones, closing from the evaluable ones', () => {
    expect(fromsTo('replied')).toEqual(new Set(AnsweringStatuses))
    expect(fromsTo('rehandling')).toEqual(new Set(StatusPhases.replied))
    expect(fromsTo('closed')).toEqual(new Set(EvaluableStatuses))
  })

  it('screened out = the screening decisions other than 立案', () => {
    expect(new Set(StatusPhases.screenedOut)).toEqual(new Set(ScreeningDecisions.filter((d) => d !== 'accepted')))
  })

  it('isIn takes any string: unknown and missing statuses are in no group', () => {
    expect(isIn(AcceptedStatuses, undefined)).toBe(false)
    expect(isIn(AcceptedStatuses, null)).toBe(false)
    expect(isIn(AcceptedStatuses, 'archived')).toBe(false)
  })
})

// Groups added since the table above, written out by hand the same way: [group, its statuses].
describe.each<[string, readonly ProposalStatus[], ProposalStatus[]]>([
  ['assignable', AssignableStatuses, ['accepted', 'instructed']],
])('group %s', (_name, group, members) => {
  it.each([...ProposalStatuses])('membership of %s', (status) => {
    expect(isIn(group, status)).toBe(members.includes(status))
  })
  it('repeats no status', () => {
    expect(new Set(group).size).toBe(group.length)
  })
})
