// The date rule of a request for a later reply deadline (申请延期), table-driven over the statuses
// and the dates around the deadline in force and the cap.
import { describe, expect, it } from 'vitest'
import { DefaultCalendarData, WorkingCalendar } from './calendar'
import { extensionCap, extensionRefusal, ExtendableStatuses, type ExtensionDateFacts } from './extensions'
import { DefaultDeadlineSettings, ProposalStatuses, type ProposalStatus } from './types'

const cal = new WorkingCalendar(DefaultCalendarData)
const S = DefaultDeadlineSettings
/** 交办 on Monday 2 March 2026: the reply is due 2 April, the cap is 2 June (3 months). */
const assigned = (status: ProposalStatus, extensions: { newDeadline: string; approvedAt?: string }[] = []): ExtensionDateFacts => ({
  status,
  assignment: { assignedAt: '2026-03-02T02:00:00.000Z', deadline: '2026-04-02', extensions },
})

describe('extensionCap', () => {
  it('extensionMaxMonths after 交办, rolled to a working day; none before 交办', () => {
    expect(extensionCap(assigned('inProgress'), cal, S)).toBe('2026-06-02')
    expect(extensionCap({ assignment: { assignedAt: null, deadline: null, extensions: [] } }, cal, S)).toBeNull()
  })
})

describe('extensionRefusal', () => {
  it.each(ProposalStatuses.map((s) => [s, (ExtendableStatuses as readonly string[]).includes(s)] as const))('status %s: extendable %s', (status, ok) => {
    const refusal = extensionRefusal(assigned(status), '2026-05-15', cal, S)
    if (ok) expect(refusal).toBeNull()
    else expect(refusal).toMatch(/^提案.+，不能延期/)
  })

  it.each<[string, string | unknown, RegExp | null]>([
    ['a day after the deadline', '2026-04-03', null],
    ['the cap itself', '2026-06-02', null],
    ['the deadline itself', '2026-04-02', /须晚于现在的期限（2026年4月2日）/],
    ['before the deadline', '2026-03-20', /须晚于现在的期限/],
    ['a day past the cap', '2026-06-03', /不能晚于2026年6月2日（自交办起最多 3 个月）/],
    ['a date that does not exist', '2026-02-30', /YYYY-MM-DD/],
    ['another format', '2026/05/15', /YYYY-MM-DD/],
    ['nothing', undefined, /YYYY-MM-DD/],
  ])('%s (%s)', (_name, date, refused) => {
    const r = extensionRefusal(assigned('inProgress'), date, cal, S)
    if (refused) expect(r).toMatch(refused)
    else expect(r).toBeNull()
  })

  it('after an approved extension, a new request must go beyond it', () => {
    const p = assigned('inProgress', [{ newDeadline: '2026-05-15', approvedAt: '2026-03-20T02:00:00.000Z' }])
    expect(extensionRefusal(p, '2026-05-10', cal, S)).toMatch(/须晚于现在的期限（2026年5月15日）/)
    expect(extensionRefusal(p, '2026-05-29', cal, S)).toBeNull()
  })

  it('not before 交办', () => {
    expect(extensionRefusal({ status: 'instructed', assignment: { assignedAt: null, deadline: null, extensions: [] } }, '2026-05-15', cal, S)).toBe('尚未交办，不能延期')
  })
})
