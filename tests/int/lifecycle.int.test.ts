// One proposal through the whole lifecycle with the Local API, each step taken by the
// person whose job it is (overrideAccess: false), and the illegal steps refused.
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { databaseLabel, startPayload } from '../helpers/payload'
import { coSign } from '../../cms/seed/coSign'
import { as, createWorld, type World } from '../fixtures/world'

let payload: Payload
let w: World
const u = {} as Record<'office' | 'leader' | 'staff' | 'head' | 'otherHead' | 'admin' | 'A' | 'B' | 'C', any>

beforeAll(async () => {
  process.env.APP_NOW = '2026-03-02T02:00:00.000Z' // Monday 10:00 in Beijing
  payload = await startPayload()
  w = await createWorld(payload)
  Object.assign(u, {
    office: as(w.staff.office, 'users'),
    leader: as(w.staff.leader, 'users'),
    staff: as(w.staff.sectionStaff, 'users'),
    head: as(w.staff.sectionHead, 'users'),
    admin: as(w.staff.admin, 'users'),
    otherHead: as(w.otherHead, 'users'),
    A: as(w.reps.A, 'representatives'),
    B: as(w.reps.B, 'representatives'),
    C: as(w.reps.C, 'representatives'),
  })
})
afterAll(async () => {
  await payload?.destroy()
})

const update = (user: any, id: number | string, data: Record<string, unknown>) =>
  payload.update({ collection: 'proposals', id, data, user, overrideAccess: false })
const read = (user: any, id: number | string) =>
  payload.findByID({ collection: 'proposals', id, user, overrideAccess: false, depth: 0 })

describe(`lifecycle on ${databaseLabel()}`, () => {
  let id: number | string

  it('a representative drafts and submits; the number is assigned on submission', async () => {
    const draft = await payload.create({
      collection: 'proposals',
      data: { title: '梅园小区3号楼电梯经常停运', body: '3号楼电梯近两个月停运多次，老人上下楼困难，请尽快维修并明确维保责任。', category: '住房物业', residentialArea: w.ref.areas[0] } as any,
      user: u.A,
      overrideAccess: false,
    })
    id = draft.id
    await coSign(payload, id, w.reps.A, [w.reps.B])
    expect(draft.status).toBe('draft')
    expect(draft.number ?? null).toBeNull()
    expect(String((draft.proposer as any)?.id ?? draft.proposer)).toBe(String(w.reps.A.id))
    const submitted = await update(u.A, id, { status: 'submitted' })
    expect(submitted.status).toBe('submitted')
    expect(submitted.number).toBe('2026-001')
  })

  it('the proposer cannot screen their own proposal', async () => {
    await expect(update(u.A, id, { status: 'accepted', screening: { decision: 'accepted', reason: '同意' } })).rejects.toThrow()
    expect((await read(u.office, id)).status).toBe('submitted')
  })

  it('the office cannot accept without a reason, and can with one', async () => {
    await expect(update(u.office, id, { status: 'accepted', screening: { decision: 'accepted' } })).rejects.toThrow(/理由/)
    const accepted = await update(u.office, id, { status: 'accepted', screening: { decision: 'accepted', reason: '属于房管办职责范围，予以立案' } })
    expect(accepted.status).toBe('accepted')
  })

  it('a leader cannot instruct before the office assigns a lead section', async () => {
    await expect(update(u.leader, id, { status: 'instructed', newInstruction: '请房管办抓紧落实' })).rejects.toThrow(/主办科室/)
    const left = await payload.find({ collection: 'instructions', where: { proposal: { equals: id } }, overrideAccess: true })
    expect(left.totalDocs).toBe(0)
  })

  it('the office proposes the lead section (拟办): no 交办 yet, so no reply clock', async () => {
    const proposed = await update(u.office, id, { assignment: { leadSection: w.ref.sections.chengguan, coSections: [w.ref.sections.lvhua] } })
    expect(proposed.assignment?.assignedAt ?? null).toBeNull()
    expect(proposed.assignment?.deadline ?? null).toBeNull()
  })

  it('the leader instructs: the proposal is instructed and assigned (交办), the deadline one month on, rolled to a working day', async () => {
    const instructed = await update(u.leader, id, { status: 'instructed', newInstruction: '请城管分队会同绿化办抓紧落实，按期答复代表。' })
    expect(instructed.status).toBe('instructed')
    expect(instructed.assignment?.assignedAt).toBeTruthy()
    expect(instructed.assignment?.deadline).toBe('2026-04-02')
    const ins = await payload.find({ collection: 'instructions', where: { proposal: { equals: id } }, overrideAccess: true })
    expect(ins.docs.map((d: any) => d.text)).toEqual(['请城管分队会同绿化办抓紧落实，按期答复代表。'])
  })

  it('section staff of the lead section take it on; another section cannot', async () => {
    await expect(update(u.otherHead, id, { status: 'inProgress' })).rejects.toThrow()
    expect((await update(u.staff, id, { status: 'inProgress' })).status).toBe('inProgress')
  })

  let replyId: number | string
  it('staff draft a reply; staff cannot sign it off; the head signs off; the office publishes → replied', async () => {
    const reply = await payload.create({
      collection: 'replies',
      data: { proposal: id, class: 'B', text: '经现场查看，已督促物业更换控制柜，计划于下月完成整机检修。', commitments: [{ text: '完成电梯整机检修', dueDate: '2026-05-15' }] } as any,
      user: u.staff,
      overrideAccess: false,
    })
    replyId = reply.id
    const tried = await payload.update({ collection: 'replies', id: replyId, data: { signOff: true } as any, user: u.staff, overrideAccess: false })
    expect(tried.signedOffAt ?? null).toBeNull()
    await expect(update(u.office, id, { status: 'replied' })).rejects.toThrow(/签发/)
    const signed = await payload.update({ collection: 'replies', id: replyId, data: { signOff: true } as any, user: u.head, overrideAccess: false })
    expect(signed.signedOffAt).toBeTruthy()
    const published = await payload.update({ collection: 'replies', id: replyId, data: { publish: true } as any, user: u.office, overrideAccess: false })
    expect(published.publishedAt).toBeTruthy()
    expect((await read(u.office, id)).status).toBe('replied')
  })

  it('a published reply is never edited in place', async () => {
    await expect(
      payload.update({ collection: 'replies', id: replyId, data: { text: '改写后的答复内容，试图覆盖原文。' } as any, user: u.office, overrideAccess: false }),
    ).rejects.toThrow()
    const r = await payload.findByID({ collection: 'replies', id: replyId, overrideAccess: true })
    expect(r.text).toContain('控制柜')
  })

  it('the proposer evaluates 不满意 → rehandling with its own deadline', async () => {
    await expect(
      payload.create({ collection: 'evaluations', data: { proposal: id, reply: replyId, rating: 'dissatisfied' } as any, user: u.A, overrideAccess: false }),
    ).rejects.toThrow(/理由/)
    await payload.create({
      collection: 'evaluations',
      data: { proposal: id, reply: replyId, rating: 'dissatisfied', comment: '电梯仍然经常停，没有根本解决。' } as any,
      user: u.A,
      overrideAccess: false,
    })
    const p = await read(u.office, id)
    expect(p.status).toBe('rehandling')
    expect(p.rehandlings?.[0]?.round).toBe(1)
  })

  it('an unrelated representative cannot evaluate', async () => {
    await expect(
      payload.create({ collection: 'evaluations', data: { proposal: id, reply: replyId, rating: 'satisfied' } as any, user: u.C, overrideAccess: false }),
    ).rejects.toThrow()
  })

  it('second round: reply, sign off, publish; evaluated 满意; follow-up and verification; closed', async () => {
    const r2 = await payload.create({
      collection: 'replies',
      data: { proposal: id, class: 'A', text: '已更换电梯主机并完成整机检修，经特检所检测合格，运行正常。' } as any,
      user: u.head,
      overrideAccess: false,
    })
    expect(r2.round).toBe(2)
    await payload.update({ collection: 'replies', id: r2.id, data: { signOff: true } as any, user: u.head, overrideAccess: false })
    await payload.update({ collection: 'replies', id: r2.id, data: { publish: true } as any, user: u.office, overrideAccess: false })
    expect((await read(u.office, id)).status).toBe('replied')
    await payload.create({ collection: 'evaluations', data: { proposal: id, reply: r2.id, rating: 'satisfied' } as any, user: u.A, overrideAccess: false })
    expect((await read(u.office, id)).status).toBe('evaluated')

    await expect(update(u.office, id, { status: 'closed' })).rejects.toThrow(/回访/)
    await payload.create({ collection: 'follow-ups', data: { proposal: id, kind: 'visit', notes: '上门回访，代表表示满意。' } as any, user: u.office, overrideAccess: false })
    // The first reply's commitment is still open.
    await expect(update(u.office, id, { status: 'closed' })).rejects.toThrow(/承诺/)
    const first = await payload.findByID({ collection: 'replies', id: replyId, overrideAccess: true })
    await payload.create({
      collection: 'follow-ups',
      data: { proposal: id, kind: 'verification', notes: '现场查看电梯运行正常。', commitmentId: String((first as any).commitments[0].id), verified: true } as any,
      user: u.office,
      overrideAccess: false,
    })
    const closed = await update(u.office, id, { status: 'closed' })
    expect(closed.status).toBe('closed')
  })

  it('every transition is in the event log, and nobody can write the log', async () => {
    const events = await payload.find({ collection: 'proposal-events', where: { proposal: { equals: id } }, sort: 'id', overrideAccess: true, pagination: false })
    expect(events.docs.map((e: any) => e.to)).toEqual(['draft', 'submitted', 'accepted', 'instructed', 'inProgress', 'replied', 'rehandling', 'replied', 'evaluated', 'closed'])
    for (const user of [u.admin, u.office, u.leader]) {
      await expect(
        payload.create({ collection: 'proposal-events', data: { proposal: id, at: new Date().toISOString(), actorRole: 'office', action: 'x' } as any, user, overrideAccess: false }),
      ).rejects.toThrow()
      await expect(payload.update({ collection: 'proposal-events', id: events.docs[0].id, data: { action: 'forged' } as any, user, overrideAccess: false })).rejects.toThrow()
      await expect(payload.delete({ collection: 'proposal-events', id: events.docs[0].id, user, overrideAccess: false })).rejects.toThrow()
    }
  })
})
