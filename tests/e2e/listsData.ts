// For lists.e2e.ts: proposals whose deadline in force stands in a known state today (the real day
// the server runs on), made in the e2e setup through the Local API with the clock pinned to the day
// each step happened: at 城管分队 one 已逾期 and one 严重逾期, at 房管办 one 已逾期, and one at
// 城管分队 without a deadline in force (its reply published).
import type { Payload } from 'payload'
import { toLocalDate } from '../../core/calendar'
import { deadlineState, type DeadlineState } from '../../core/deadlines'
import { getCalendar } from '../../cms/lib/calendar'
import { as, type World } from '../fixtures/world'

export const ListsTitles = {
  overdueAtChengguan: '列表测试：城管分队已逾期的提案',
  longOverdueAtChengguan: '列表测试：城管分队严重逾期的提案',
  overdueAtFangguan: '列表测试：房管办已逾期的提案',
  undatedAtChengguan: '列表测试：城管分队已答复的提案',
} as const

export async function createListsProposals(payload: Payload, w: World): Promise<void> {
  const office = as(w.staff.office, 'users')
  const leader = as(w.staff.leader, 'users')
  const staff = as(w.staff.sectionStaff, 'users')
  const head = as(w.staff.sectionHead, 'users')
  const calendar = await getCalendar(payload)
  const now = new Date().toISOString()
  const today = toLocalDate(now)
  const dayAt = (localDate: string) => `${localDate}T02:00:00.000Z` // 10:00 in China
  const daysBefore = (n: number) => toLocalDate(new Date(Date.parse(now) - n * 86_400_000).toISOString())
  /** The latest screening day, at least a week back, whose 批示 deadline (5 working days on) stands in `state` today. */
  const screenedFor = (state: DeadlineState) => {
    for (let n = 7; n < 400; n++) {
      const day = daysBefore(n)
      if (calendar.isWorkingDay(day) && deadlineState(calendar.addWorkingDays(day, 5), now, calendar).state === state) return day
    }
    throw new Error(`no screening day gives ${state} on ${today}`)
  }
  const pinned = async <T>(localDate: string, step: () => Promise<T>): Promise<T> => {
    const was = process.env.APP_NOW
    process.env.APP_NOW = dayAt(localDate)
    try {
      return await step()
    } finally {
      if (was === undefined) delete process.env.APP_NOW
      else process.env.APP_NOW = was
    }
  }
  const update = (user: unknown, id: number | string, data: Record<string, unknown>) => payload.update({ collection: 'proposals', id, data, user, overrideAccess: false } as never)
  /** The office enters a paper proposal, submitted the day before `screened`, accepts it that day and names its lead section. */
  const screenedAt = async (title: string, screened: string, section: number | string) => {
    const p = await pinned(daysBeforeOf(screened), () =>
      payload.create({
        collection: 'proposals',
        data: { title, body: `${title}，请有关部门研究解决。`, category: 'urban', residentialArea: w.ref.areas[2], proposer: w.reps.B.id, status: 'submitted' } as never,
        user: office,
        overrideAccess: false,
      }),
    )
    await pinned(screened, async () => {
      await update(office, p.id, { status: 'accepted', screening: { decision: 'accepted', reason: '属实，予以立案' } })
      await update(office, p.id, { assignment: { leadSection: section } })
    })
    return p.id
  }
  const daysBeforeOf = (localDate: string) => toLocalDate(new Date(Date.parse(dayAt(localDate)) - 86_400_000).toISOString())

  const { chengguan, fangguan } = w.ref.sections
  await screenedAt(ListsTitles.overdueAtChengguan, screenedFor('overdue'), chengguan)
  await screenedAt(ListsTitles.longOverdueAtChengguan, screenedFor('longOverdue'), chengguan)
  await screenedAt(ListsTitles.overdueAtFangguan, screenedFor('overdue'), fangguan)

  const answered = await screenedAt(ListsTitles.undatedAtChengguan, daysBefore(10), chengguan)
  await update(leader, answered, { newInstruction: '请城管分队办理。' })
  await update(staff, answered, { status: 'inProgress' })
  const reply = await payload.create({ collection: 'replies', data: { proposal: answered, class: 'A', text: '已安排人员现场处理，问题已经解决。' } as never, user: staff, overrideAccess: false })
  await payload.update({ collection: 'replies', id: reply.id, data: { signOff: true } as never, user: head, overrideAccess: false })
  await payload.update({ collection: 'replies', id: reply.id, data: { publish: true } as never, user: office, overrideAccess: false })
}
