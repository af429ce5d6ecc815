// The lifecycle with the Local API, each step taken by the person whose job it is
// (overrideAccess: false), and the illegal steps refused. Each test builds the proposal it needs
// with `reach`, through the same steps, so none depends on another having run first.
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { databaseLabel, startPayload } from '../helpers/payload'
import { coSign } from '../../cms/seed/coSign'
import { as, createWorld, type World } from '../fixtures/world'
import type { Reply } from '../../cms/payload-types'
import type { Rating } from '../../core/types'

let payload: Payload
let w: World
const u = {} as Record<'office' | 'leader' | 'staff' | 'head' | 'otherHead' | 'coStaff' | 'admin' | 'A' | 'B' | 'C', any>

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
    coStaff: as(w.coStaff, 'users'),
    A: as(w.reps.A, 'representatives'),
    B: as(w.reps.B, 'representatives'),
    C: as(w.reps.C, 'representatives'),
  })
})
afterAll(async () => {
  await payload?.destroy()
})

type Who = (typeof u)['A']
type Id = number
const update = (user: Who, id: Id, data: Record<string, unknown>) =>
  payload.update({ collection: 'proposals', id, data, user, overrideAccess: false })
const read = (user: Who, id: Id) =>
  payload.findByID({ collection: 'proposals', id, user, overrideAccess: false, depth: 0 })

/** The points of the main path a test can start from, in order. */
const Stages = ['draft', 'submitted', 'accepted', 'proposed', 'instructed', 'inProgress', 'replied', 'rehandling', 'closed'] as const
type Stage = (typeof Stages)[number]
let made = 0

/**
 * A new proposal of A, co-signed by B, taken along the main path up to `stage` (`proposed`: the
 * office has proposed the lead section, no 交办 yet). `reply` is the first round's reply, once there is one.
 */
async function reach(stage: Stage): Promise<{ id: Id; reply?: Id }> {
  const past = (s: Stage) => Stages.indexOf(stage) >= Stages.indexOf(s)
  made++
  const draft = await payload.create({
    collection: 'proposals',
    data: { title: `梅园小区${made}号楼电梯经常停运`, body: '电梯近两个月停运多次，老人上下楼困难，请尽快维修并明确维保责任。', category: '住房物业', residentialArea: w.ref.areas[0] } as any, // proposer: A, by the hook
    user: u.A,
    overrideAccess: false,
  })
  const id = draft.id
  await coSign(payload, id, w.reps.A, [w.reps.B])
  if (past('submitted')) await update(u.A, id, { status: 'submitted' })
  if (past('accepted')) await update(u.office, id, { status: 'accepted', screening: { decision: 'accepted', reason: '属于房管办职责范围，予以立案' } })
  if (past('proposed')) await update(u.office, id, { assignment: { leadSection: w.ref.sections.chengguan, coSections: [w.ref.sections.lvhua] } })
  if (past('instructed')) await update(u.leader, id, { status: 'instructed', newInstruction: '请城管分队会同绿化办抓紧落实，按期答复代表。' })
  if (past('inProgress')) await update(u.staff, id, { status: 'inProgress' })
  // The co-section gives its opinion: the head signs off only once it is in (or its deadline has passed).
  if (past('inProgress')) await payload.create({ collection: 'co-opinions', data: { proposal: id, text: '绿化办同意配合移植树木。' }, ...opts(u.coStaff) })
  if (!past('replied')) return { id }
  const reply = await publishReply(id, { class: 'B', text: '经现场查看，已督促物业更换控制柜，计划于下月完成整机检修。', commitments: [{ text: '完成电梯整机检修', dueDate: '2026-05-15' }] })
  if (past('rehandling')) await evaluate(u.A, id, reply, 'dissatisfied', '电梯仍然经常停，没有根本解决。')
  if (past('closed')) await secondRoundToClose(id, reply)
  return { id, reply }
}

const opts = (user: Who) => ({ user, overrideAccess: false as const })
const evaluate = (user: Who, proposal: Id, reply: Id, rating: Rating, comment?: string) =>
  payload.create({ collection: 'evaluations', data: { proposal, reply, rating, comment }, ...opts(user) })

/** Drafted by section staff, signed off by the head, published by the office. */
async function publishReply(proposal: Id, data: Pick<Reply, 'class' | 'text' | 'commitments'>): Promise<Id> {
  const r = await payload.create({ collection: 'replies', data: { proposal, ...data }, ...opts(u.staff) })
  await payload.update({ collection: 'replies', id: r.id, data: { signOff: true }, ...opts(u.head) })
  await payload.update({ collection: 'replies', id: r.id, data: { publish: true }, ...opts(u.office) })
  return r.id
}

/** From 重新办理: the second round answered and evaluated 满意, followed up, the first reply's commitment verified, closed. */
async function secondRoundToClose(id: Id, first: Id) {
  const second = await publishReply(id, { class: 'A', text: '已更换电梯主机并完成整机检修，经特检所检测合格，运行正常。' })
  await evaluate(u.A, id, second, 'satisfied')
  await payload.create({ collection: 'follow-ups', data: { proposal: id, kind: 'visit', notes: '上门回访，代表表示满意。' }, ...opts(u.office) })
  await verifyCommitment(id, first)
  await update(u.office, id, { status: 'closed' })
}

async function verifyCommitment(id: Id, reply: Id) {
  const r = await payload.findByID({ collection: 'replies', id: reply, overrideAccess: true })
  await payload.create({
    collection: 'follow-ups',
    data: { proposal: id, kind: 'verification', notes: '现场查看电梯运行正常。', commitmentId: String(r.commitments?.[0]?.id), verified: true },
    ...opts(u.office),
  })
}

describe(`lifecycle on ${databaseLabel()}`, () => {
  it('a representative drafts and submits; the number is assigned on submission, one after another', async () => {
    const { id } = await reach('draft')
    const draft = await read(u.A, id)
    expect(draft.status).toBe('draft')
    expect(draft.number ?? null).toBeNull()
    expect(String((draft.proposer as any)?.id ?? draft.proposer)).toBe(String(w.reps.A.id))
    const submitted = await update(u.A, id, { status: 'submitted' })
    expect(submitted.status).toBe('submitted')
    const [, year, seq] = submitted.number?.match(/^(\d{4})-(\d{3})$/) ?? []
    expect(year).toBe('2026')
    const next = await update(u.A, (await reach('draft')).id, { status: 'submitted' })
    expect(next.number).toBe(`2026-${String(Number(seq) + 1).padStart(3, '0')}`)
  })

  it('the proposer cannot screen their own proposal', async () => {
    const { id } = await reach('submitted')
    await expect(update(u.A, id, { status: 'accepted', screening: { decision: 'accepted', reason: '同意' } })).rejects.toThrow()
    expect((await read(u.office, id)).status).toBe('submitted')
  })

  it('the office cannot accept without a reason, and can with one', async () => {
    const { id } = await reach('submitted')
    await expect(update(u.office, id, { status: 'accepted', screening: { decision: 'accepted' } })).rejects.toThrow(/理由/)
    const accepted = await update(u.office, id, { status: 'accepted', screening: { decision: 'accepted', reason: '属于房管办职责范围，予以立案' } })
    expect(accepted.status).toBe('accepted')
  })

  it('a leader cannot instruct before the office assigns a lead section', async () => {
    const { id } = await reach('accepted')
    await expect(update(u.leader, id, { status: 'instructed', newInstruction: '请房管办抓紧落实' })).rejects.toThrow(/主办科室/)
    const left = await payload.find({ collection: 'instructions', where: { proposal: { equals: id } }, overrideAccess: true })
    expect(left.totalDocs).toBe(0)
  })

  it('the office proposes the lead section (拟办): no 交办 yet, so no reply clock', async () => {
    const { id } = await reach('accepted')
    const proposed = await update(u.office, id, { assignment: { leadSection: w.ref.sections.chengguan, coSections: [w.ref.sections.lvhua] } })
    expect(proposed.assignment?.assignedAt ?? null).toBeNull()
    expect(proposed.assignment?.deadline ?? null).toBeNull()
  })

  it('the leader instructs: the proposal is instructed and assigned (交办), the deadline one month on, rolled to a working day', async () => {
    const { id } = await reach('proposed')
    const instructed = await update(u.leader, id, { status: 'instructed', newInstruction: '请城管分队会同绿化办抓紧落实，按期答复代表。' })
    expect(instructed.status).toBe('instructed')
    expect(instructed.assignment?.assignedAt).toBeTruthy()
    expect(instructed.assignment?.deadline).toBe('2026-04-02')
    const ins = await payload.find({ collection: 'instructions', where: { proposal: { equals: id } }, overrideAccess: true })
    expect(ins.docs.map((d: any) => d.text)).toEqual(['请城管分队会同绿化办抓紧落实，按期答复代表。'])
  })

  it('section staff of the lead section take it on; another section cannot', async () => {
    const { id } = await reach('instructed')
    await expect(update(u.otherHead, id, { status: 'inProgress' })).rejects.toThrow()
    expect((await update(u.staff, id, { status: 'inProgress' })).status).toBe('inProgress')
  })

  it('staff draft a reply; staff cannot sign it off; the head signs off; the office publishes → replied', async () => {
    const { id } = await reach('inProgress')
    const reply = await payload.create({
      collection: 'replies',
      data: { proposal: id, class: 'B', text: '经现场查看，已督促物业更换控制柜，计划于下月完成整机检修。', commitments: [{ text: '完成电梯整机检修', dueDate: '2026-05-15' }] } as any,
      ...opts(u.staff),
    })
    const tried = await payload.update({ collection: 'replies', id: reply.id, data: { signOff: true } as any, ...opts(u.staff) })
    expect(tried.signedOffAt ?? null).toBeNull()
    await expect(update(u.office, id, { status: 'replied' })).rejects.toThrow(/签发/)
    const signed = await payload.update({ collection: 'replies', id: reply.id, data: { signOff: true } as any, ...opts(u.head) })
    expect(signed.signedOffAt).toBeTruthy()
    const published = await payload.update({ collection: 'replies', id: reply.id, data: { publish: true } as any, ...opts(u.office) })
    expect(published.publishedAt).toBeTruthy()
    expect((await read(u.office, id)).status).toBe('replied')
  })

  it('a published reply is never edited in place', async () => {
    const { reply } = await reach('replied')
    await expect(
      payload.update({ collection: 'replies', id: reply!, data: { text: '改写后的答复内容，试图覆盖原文。' } as any, ...opts(u.office) }),
    ).rejects.toThrow()
    const r = await payload.findByID({ collection: 'replies', id: reply!, overrideAccess: true })
    expect(r.text).toContain('控制柜')
  })

  it('the proposer evaluates 不满意 → rehandling with its own deadline', async () => {
    const { id, reply } = await reach('replied')
    await expect(evaluate(u.A, id, reply!, 'dissatisfied')).rejects.toThrow(/理由/)
    await evaluate(u.A, id, reply!, 'dissatisfied', '电梯仍然经常停，没有根本解决。')
    const p = await read(u.office, id)
    expect(p.status).toBe('rehandling')
    expect(p.rehandlings?.[0]?.round).toBe(1)
  })

  it('an unrelated representative cannot evaluate', async () => {
    const { id, reply } = await reach('replied')
    await expect(evaluate(u.C, id, reply!, 'satisfied')).rejects.toThrow()
  })

  it('second round: reply, sign off, publish; evaluated 满意; follow-up and verification; closed', async () => {
    const { id, reply: first } = await reach('rehandling')
    const r2 = await payload.create({
      collection: 'replies',
      data: { proposal: id, class: 'A', text: '已更换电梯主机并完成整机检修，经特检所检测合格，运行正常。' } as any,
      ...opts(u.head),
    })
    expect(r2.round).toBe(2)
    await payload.update({ collection: 'replies', id: r2.id, data: { signOff: true } as any, ...opts(u.head) })
    await payload.update({ collection: 'replies', id: r2.id, data: { publish: true } as any, ...opts(u.office) })
    expect((await read(u.office, id)).status).toBe('replied')
    await evaluate(u.A, id, r2.id, 'satisfied')
    expect((await read(u.office, id)).status).toBe('evaluated')

    await expect(update(u.office, id, { status: 'closed' })).rejects.toThrow(/回访/)
    await payload.create({ collection: 'follow-ups', data: { proposal: id, kind: 'visit', notes: '上门回访，代表表示满意。' } as any, ...opts(u.office) })
    // The first reply's commitment is still open.
    await expect(update(u.office, id, { status: 'closed' })).rejects.toThrow(/承诺/)
    await verifyCommitment(id, first!)
    const closed = await update(u.office, id, { status: 'closed' })
    expect(closed.status).toBe('closed')
  })

  it('every transition of the whole path is in the event log, and nobody can write the log', async () => {
    const { id } = await reach('closed')
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
