// What waits on whom, as stored: one proposal walked through the lifecycle by each role through
// the Local API with access applied; after every step the `duties` rows are exactly what core
// plans (core/duties.ts), and each person's queue is counted in the database. Who may read them.
import { createLocalReq, type AdminViewServerProps, type CollectionSlug, type Payload } from 'payload'
import { prerenderToNodeStream } from 'react-dom/static'
import { Workbench } from '../../cms/components/Workbench'
import type { Representative, User } from '../../cms/payload-types'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { idOf } from '../../cms/access/actor'
import { databaseLabel, startPayload } from '../helpers/payload'
import { as, createWorld, type World } from '../fixtures/world'

let payload: Payload
let w: World
type Staff = User & { collection: 'users' }
type Who = Staff | (Representative & { collection: 'representatives' })
let u: Record<'office' | 'leader' | 'staff' | 'head' | 'coStaff' | 'otherHead', Staff> & { A: Who }
let id: string | number

beforeAll(async () => {
  process.env.APP_NOW = '2026-03-02T02:00:00.000Z'
  payload = await startPayload()
  w = await createWorld(payload)
  u = {
    office: as(w.staff.office, 'users'),
    leader: as(w.staff.leader, 'users'),
    staff: as(w.staff.sectionStaff, 'users'),
    head: as(w.staff.sectionHead, 'users'),
    coStaff: as(w.coStaff, 'users'),
    otherHead: as(w.otherHead, 'users'),
    A: as(w.reps.A, 'representatives'),
  }
})
afterAll(async () => {
  await payload?.destroy()
})

const opts = (user: Who) => ({ user, overrideAccess: false as const })
const step = (user: Who, data: Record<string, unknown>) => payload.update({ collection: 'proposals', id, data, ...opts(user) })
const create = (collection: CollectionSlug, user: Who, data: Record<string, unknown>) =>
  payload.create({ collection, data, ...opts(user) } as Parameters<Payload['create']>[0])

/** The stored duties of the proposal, as "action:role[:section]" with their due date. */
async function stored(): Promise<string[]> {
  const { docs } = await payload.find({ collection: 'duties', where: { proposal: { equals: id } }, pagination: false, depth: 0, overrideAccess: true })
  const sectionName = (s: unknown) => Object.entries(w.ref.sections).find(([, v]) => String(v) === String(idOf(s)))?.[0]
  return docs.map((d) => [d.action, d.role, d.section ? sectionName(d.section) : d.person ? 'proposer' : '', d.due ?? ''].filter(Boolean).join(':')).sort()
}

/** The person's workbench (the admin's home page), as HTML. */
async function workbench(user: Staff): Promise<string> {
  const req = await createLocalReq({ user }, payload)
  // The workbench's parts are async server components: prerender waits for all of them.
  const { prelude } = await prerenderToNodeStream(await Workbench({ initPageResult: { req } } as unknown as AdminViewServerProps))
  let html = ''
  for await (const chunk of prelude) html += chunk
  return html
}

/** What the person's queue counts in the database (as the workbench will ask). */
const queue = async (user: Staff) =>
  (await payload.count({ collection: 'duties', where: { and: [{ role: { equals: user.role } }, ...(user.section ? [{ or: [{ section: { equals: idOf(user.section) } }, { section: { exists: false } }] }] : [])] }, ...opts(user) })).totalDocs

describe(`duties on ${databaseLabel()}`, () => {
  it('follow the proposal from submission to reply, one step at a time', async () => {
    const draft = await create('proposals', u.A, { title: '路口红绿灯时间太短', body: '老人过马路来不及，请延长绿灯时间。', category: '其他', residentialArea: w.ref.areas[0] })
    id = draft.id
    expect(await stored()).toEqual([])
    await step(u.A, { status: 'submitted' })
    // Screening: 3 working days from Monday 2 March.
    expect(await stored()).toEqual(['screen:office:2026-03-05'])
    expect(await queue(u.office)).toBe(1)

    await step(u.office, { status: 'accepted', screening: { decision: 'accepted', reason: '予以立案' } })
    expect(await stored()).toEqual(['instruct:leader:2026-03-09', 'nameLead:office:2026-03-09'])
    await step(u.office, { assignment: { leadSection: w.ref.sections.chengguan, coSections: [w.ref.sections.lvhua] } })
    expect(await stored()).toEqual(['instruct:leader:2026-03-09'])
    expect(await queue(u.leader)).toBe(1)
    expect(await queue(u.office)).toBe(0)

    await step(u.leader, { status: 'instructed', newInstruction: '请城管分队抓紧办理。' })
    // The reply is due a month after the 批示; the co-section's opinion in 10 working days.
    expect(await stored()).toEqual(['coOpinion:sectionStaff:lvhua:2026-03-16', 'takeOn:sectionStaff:chengguan:2026-04-02'])
    expect(await queue(u.staff)).toBe(1)
    expect(await queue(u.coStaff)).toBe(1)

    await step(u.staff, { status: 'inProgress' })
    expect(await stored()).toEqual(['coOpinion:sectionStaff:lvhua:2026-03-16', 'draftReply:sectionStaff:chengguan:2026-04-02'])
    await create('co-opinions', u.coStaff, { proposal: id, text: '绿化办同意配合调整路口绿化遮挡。' })
    expect(await stored()).toEqual(['draftReply:sectionStaff:chengguan:2026-04-02'])
    expect(await queue(u.coStaff)).toBe(0)

    const r = await create('replies', u.staff, { proposal: id, class: 'A', text: '已协调交警部门将绿灯时间延长至四十秒。' })
    expect(await stored()).toEqual(['signOff:sectionHead:chengguan:2026-04-02'])
    expect(await queue(u.head)).toBe(1)
    expect(await queue(u.otherHead)).toBe(0)
    // The head's workbench shows it: 待签发 1, the proposal listed with its deadline.
    const head = await workbench(u.head)
    expect(head).toMatch(/待签发<\/span><strong class="workbench__count">1<\/strong>/)
    expect(head).toContain('路口红绿灯时间太短')
    expect(head).toContain('2026-04-02')
    expect(await workbench(u.otherHead)).toContain('目前没有等您处理的事项')
    expect(await workbench(u.staff)).not.toContain('路口红绿灯时间太短')
    await payload.update({ collection: 'replies', id: r.id, data: { signOff: true } as Record<string, unknown>, ...opts(u.head) })
    expect(await stored()).toEqual(['publish:office:2026-04-02'])
    await payload.update({ collection: 'replies', id: r.id, data: { publish: true } as Record<string, unknown>, ...opts(u.office) })
    // Published: the proposer is asked to evaluate within 20 working days; then the office's 回访 (no deadline).
    const after = await stored()
    expect(after).toHaveLength(2)
    expect(after[0]).toMatch(/^evaluate:representative:proposer:2026-0[34]-\d\d$/)
    expect(after[1]).toBe('followUp:office')

    await create('evaluations', u.A, { proposal: id, reply: r.id, rating: 'satisfied' })
    expect(await stored()).toEqual(['followUp:office'])
    await create('follow-ups', u.office, { proposal: id, kind: 'call', notes: '电话回访，代表满意。' })
    expect(await stored()).toEqual(['close:office'])
    await step(u.office, { status: 'closed' })
    expect(await stored()).toEqual([])
  })

  it('are read by staff who may read the proposal, never by representatives or another section', async () => {
    const draft = await create('proposals', u.A, { title: '小区门口积水', body: '下雨天小区门口积水严重。', category: '其他', residentialArea: w.ref.areas[0] })
    id = draft.id
    await step(u.A, { status: 'submitted' })
    const mine = { proposal: { equals: id } }
    expect((await payload.find({ collection: 'duties', where: mine, ...opts(u.office) })).totalDocs).toBe(1)
    // Representatives: no read access at all.
    await expect(payload.find({ collection: 'duties', where: mine, ...opts(u.A) })).rejects.toThrow()
    // A section reads only duties of proposals it handles: none of an unassigned one.
    expect((await payload.find({ collection: 'duties', where: mine, ...opts(u.head) })).totalDocs).toBe(0)
    // Nobody writes them through the API.
    await expect(create('duties', u.office, { proposal: id, action: 'close', role: 'office' })).rejects.toThrow()
    const [d] = (await payload.find({ collection: 'duties', where: mine, overrideAccess: true })).docs
    await expect(payload.update({ collection: 'duties', id: d.id, data: { due: '2099-01-01' }, ...opts(u.office) })).rejects.toThrow()
    await expect(payload.delete({ collection: 'duties', id: d.id, ...opts(u.office) })).rejects.toThrow()
  })
})
