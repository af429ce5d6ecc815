// The filters of the proposals' and the replies' lists, worked out on the server for the signed-in
// person: the named records they may read (sections, residential areas, sessions), the categories
// and reply classes of core, and the deadline states of core (core/deadlines deadlineStateRange)
// as date bounds on the stored `currentDue`, on today's working-day calendar.
import type { CollectionSlug, Payload, TypedUser, Where } from 'payload'
import { toLocalDate, type WorkingCalendar } from '../../core/calendar'
import { CategoryOptions } from '../../core/categories'
import { CommitmentRecordStateLabels, CommitmentRecordStates } from '../../core/commitments'
import { deadlineStateRange, DUE_SOON_WORKING_DAYS, LONG_OVERDUE_WORKING_DAYS, type DeadlineState } from '../../core/deadlines'
import { DeadlineStateLabels, ReplyClassLabels } from '../../core/labels'
import { ReplyClasses } from '../../core/types'
import { getCalendar } from './calendar'
import { nowISO } from './clock'
import type { FilterOption, ListFilter } from './listFilters'

/** The deadline states the lists filter by, with what each means in working days (core's thresholds). */
const DeadlineChoices: { state: DeadlineState; note: string }[] = [
  { state: 'dueSoon', note: `${DUE_SOON_WORKING_DAYS} 个工作日内到期` },
  { state: 'overdue', note: `逾期不超过 ${LONG_OVERDUE_WORKING_DAYS} 个工作日` },
  { state: 'longOverdue', note: `逾期超过 ${LONG_OVERDUE_WORKING_DAYS} 个工作日` },
]

/** The proposals whose deadline in force stands in `state` today, as bounds on `currentDue`. */
export function deadlineWhere(state: DeadlineState, today: string, calendar: WorkingCalendar): Where {
  const { from, before } = deadlineStateRange(state, today, calendar)
  const bounds: Where[] = []
  if (from) bounds.push({ currentDue: { greater_than_equal: from } })
  if (before) bounds.push({ currentDue: { less_than: before } })
  return { and: bounds }
}

/** The records of a named collection this person may read, by name, as options on `path`. */
async function namedOptions(payload: Payload, user: TypedUser, collection: CollectionSlug, path: string, sort = 'name'): Promise<FilterOption[]> {
  const { docs } = await payload.find({ collection, depth: 0, pagination: false, sort, select: { name: true }, overrideAccess: false, user })
  return (docs as { id: number | string; name?: string | null }[]).filter((d) => d.name).map((d) => ({ label: d.name!, where: { [path]: { equals: d.id } } }))
}

/** A filter with at least one option (a person who may read no section gets no 主办科室 filter). */
const present = (f: ListFilter): boolean => f.options.length > 0

export async function proposalFilters(payload: Payload, user: TypedUser): Promise<ListFilter[]> {
  const today = toLocalDate(nowISO())
  const [calendar, sections, areas, sessions] = await Promise.all([
    getCalendar(payload),
    namedOptions(payload, user, 'sections', 'assignment.leadSection'),
    namedOptions(payload, user, 'residential-areas', 'residentialArea'),
    namedOptions(payload, user, 'sessions', 'session', '-year'),
  ])
  return [
    {
      key: 'deadline',
      label: '期限',
      options: DeadlineChoices.map(({ state, note }) => ({ label: `${DeadlineStateLabels[state]}（${note}）`, where: deadlineWhere(state, today, calendar) })),
    },
    { key: 'section', label: '主办科室', options: sections },
    { key: 'area', label: '居民区', options: areas },
    { key: 'session', label: '届次', options: sessions },
    { key: 'category', label: '类别', options: CategoryOptions.map((c) => ({ label: c.label, where: { category: { equals: c.value } } })) },
    { key: 'replyClass', label: '答复类别', options: ReplyClasses.map((c) => ({ label: ReplyClassLabels[c], where: { replyClass: { equals: c } } })) },
  ].filter(present)
}

export async function replyFilters(payload: Payload, user: TypedUser): Promise<ListFilter[]> {
  const sections = await namedOptions(payload, user, 'sections', 'section')
  return [
    // A reply without a section is the office's own (the explanation of a screened-out proposal).
    { key: 'section', label: '答复科室', options: [...sections, { label: '代表工作室', where: { section: { exists: false } } }] },
    { key: 'class', label: '答复类别', options: ReplyClasses.map((c) => ({ label: ReplyClassLabels[c], where: { class: { equals: c } } })) },
    {
      key: 'signedOff',
      label: '签发',
      options: [
        { label: '已签发', where: { signedOffAt: { exists: true } } },
        { label: '未签发', where: { signedOffAt: { exists: false } } },
      ],
    },
    {
      key: 'published',
      label: '公开',
      options: [
        { label: '已公开', where: { publishedAt: { exists: true } } },
        { label: '未公开', where: { publishedAt: { exists: false } } },
      ],
    },
  ].filter(present)
}

/** A commitment still owed (待兑现 or 未兑现: core commitmentOutstanding, stored as `outstanding`). */
const Pending: Where = { outstanding: { equals: true } }

/**
 * The commitments ledger's filters (承诺台账): the promising section, the state, how the 完成时限
 * stands today (the deadline states of core, as bounds on `dueDate`, with whether it is still
 * owed), the session.
 */
export async function commitmentFilters(payload: Payload, user: TypedUser): Promise<ListFilter[]> {
  const today = toLocalDate(nowISO())
  const [calendar, sections, sessions] = await Promise.all([
    getCalendar(payload),
    namedOptions(payload, user, 'sections', 'section'),
    namedOptions(payload, user, 'sessions', 'session', '-year'),
  ])
  const soon = deadlineStateRange('dueSoon', today, calendar)
  return [
    { key: 'section', label: '承诺科室', options: [...sections, { label: '代表工作室', where: { section: { exists: false } } }] },
    { key: 'state', label: '状态', options: CommitmentRecordStates.map((s) => ({ label: CommitmentRecordStateLabels[s], where: { state: { equals: s } } })) },
    {
      key: 'due',
      label: '完成时限',
      options: [
        { label: '逾期未兑现（完成时限已过）', where: { and: [{ dueDate: { less_than: today } }, Pending] } },
        { label: `即将到期（${DUE_SOON_WORKING_DAYS} 个工作日内，尚未兑现）`, where: { and: [{ dueDate: { greater_than_equal: soon.from } }, { dueDate: { less_than: soon.before } }, Pending] } },
        { label: '完成时限已到（含已兑现）', where: { dueDate: { less_than_equal: today } } },
        { label: '未到期', where: { dueDate: { greater_than: today } } },
      ],
    },
    { key: 'session', label: '届次', options: sessions },
  ].filter(present)
}
