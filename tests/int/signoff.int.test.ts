// A sign-off counts by who the signer was when they signed: a section head who later moves to
// another section (or role) does not undo the replies they signed, and closing is not refused.
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { databaseLabel, startPayload } from '../helpers/payload'
import { as, createWorld, type World } from '../fixtures/world'

let payload: Payload
let w: World
type Who = ReturnType<typeof as>
let office: Who, leader: Who, staff: Who, head: Who, admin: Who, A: Who

beforeAll(async () => {
  process.env.APP_NOW = '2026-03-02T02:00:00.000Z'
  payload = await startPayload()
  w = await createWorld(payload)
  office = as(w.staff.office, 'users')
  leader = as(w.staff.leader, 'users')
  staff = as(w.staff.sectionStaff, 'users')
  head = as(w.staff.sectionHead, 'users')
  admin = as(w.staff.admin, 'users')
  A = as(w.reps.A, 'representatives')
})
afterAll(async () => {
  await payload?.destroy()
})

const update = (user: Who, id: number | string, data: Record<string, unknown>) =>
  payload.update({ collection: 'proposals', id, data, user, overrideAccess: false })
const create = (collection: 'replies' | 'evaluations' | 'follow-ups', user: Who, data: Record<string, unknown>) =>
  payload.create({ collection, data: data as never, user, overrideAccess: false })

describe(`sign-off validity on ${databaseLabel()}`, () => {
  it('stands after the signing head moves to another section; the proposal still closes', async () => {
    const p = await payload.create({
      collection: 'proposals',
      data: { title: '竹园路人行道地砖松动', body: '竹园路人行道多处地砖松动，雨天溅水，老人容易绊倒，请尽快修复。', category: '城市管理', residentialArea: w.ref.areas[0] } as never,
      user: A,
      overrideAccess: false,
    })
    await update(A, p.id, { status: 'submitted' })
    await update(office, p.id, { status: 'accepted', screening: { decision: 'accepted', reason: '属城管职责，予以立案' } })
    await update(office, p.id, { assignment: { leadSection: w.ref.sections.chengguan } })
    await update(leader, p.id, { newInstruction: '请城管分队尽快修复。' })
    await update(staff, p.id, { status: 'inProgress' })
    const reply = await create('replies', staff, { proposal: p.id, class: 'A', text: '已组织人员对松动地砖全部重新铺设，现已修复完毕。' })
    const signed = await payload.update({ collection: 'replies', id: reply.id, data: { signOff: true } as never, user: head, overrideAccess: false })
    expect([signed.signedOffRole, String((signed.signedOffSection as { id?: unknown } | null)?.id ?? signed.signedOffSection)]).toEqual(['sectionHead', String(w.ref.sections.chengguan)])
    await payload.update({ collection: 'replies', id: reply.id, data: { publish: true } as never, user: office, overrideAccess: false })

    // The head moves to another section afterwards.
    const other = Object.values(w.ref.sections).find((s) => String(s) !== String(w.ref.sections.chengguan))!
    await payload.update({ collection: 'users', id: w.staff.sectionHead.id, data: { section: other } as never, user: admin, overrideAccess: false })

    await create('evaluations', A, { proposal: p.id, reply: reply.id, rating: 'satisfied' })
    await create('follow-ups', office, { proposal: p.id, kind: 'visit', notes: '上门回访，地砖已修复。' })
    const closed = await update(office, p.id, { status: 'closed' })
    expect(closed.status).toBe('closed')
  })
})
