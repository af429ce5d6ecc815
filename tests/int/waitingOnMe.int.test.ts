// "待我处理" above the admin's proposals list: its heading counts everything that waits, however
// long the list below it is allowed to be.
import type { BeforeListTableServerProps, Payload } from 'payload'
import { renderToStaticMarkup } from 'react-dom/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WaitingOnMe } from '../../cms/components/WaitingOnMe'
import { getCalendar } from '../../cms/lib/calendar'
import { deadlineState, isOverdue } from '../../core/deadlines'
import { databaseLabel, startPayload } from '../helpers/payload'
import { as, createWorld, type World } from '../fixtures/world'

const Early = '2026-01-05T02:00:00.000Z' // submitted then: long past the 甄别 deadline by Now
const Now = '2026-03-02T02:00:00.000Z'
const OverdueCount = 205
const FreshCount = 6

let payload: Payload
let w: World

beforeAll(async () => {
  payload = await startPayload()
  w = await createWorld(payload)
  const office = as(w.staff.office, 'users')
  // Paper proposals the office enters and submits at once: each waits on the office's screening.
  const enter = (i: number) =>
    payload.create({
      collection: 'proposals',
      data: { title: `纸质提案 ${i}`, body: `纸质提案 ${i} 的内容，请研究解决。`, category: 'other', residentialArea: Number(w.ref.areas[0]), proposer: w.reps.A.id, status: 'submitted' },
      user: office,
      overrideAccess: false,
    })
  process.env.APP_NOW = Early
  for (let i = 0; i < OverdueCount; i++) await enter(i)
  process.env.APP_NOW = Now
  for (let i = 0; i < FreshCount; i++) await enter(OverdueCount + i)
}, 600_000)
afterAll(async () => {
  await payload?.destroy()
})

describe(`待我处理 on ${databaseLabel()}`, () => {
  it('the heading counts every waiting proposal and every overdue one, past the 200 listed', async () => {
    const user = as(w.staff.office, 'users')
    const all = await payload.find({ collection: 'proposals', where: { status: { equals: 'submitted' } }, pagination: false, depth: 0, overrideAccess: true })
    const calendar = await getCalendar(payload)
    const overdue = all.docs.filter((d) => d.currentDue && isOverdue(deadlineState(d.currentDue, Now, calendar).state)).length
    // The fixture is what the test says it is: more than 200 wait, more than 200 of them overdue.
    expect(all.totalDocs).toBe(OverdueCount + FreshCount)
    expect(overdue).toBe(OverdueCount)

    const html = renderToStaticMarkup((await WaitingOnMe({ payload, user } as unknown as BeforeListTableServerProps))!)
    const heading = html.match(/<h2 id="waiting-on-me-title">(.*?)<\/h2>/)?.[1].replace(/<[^>]+>/g, '')
    expect(heading).toBe(`待我处理：${OverdueCount + FreshCount} 件（其中已逾期 ${OverdueCount} 件）`)
    // The list itself stays capped.
    expect(html.match(/<tr data-state=/g)).toHaveLength(200)
  })
})
