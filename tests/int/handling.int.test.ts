// Handling between sections and the office, through the Local API with each person's access:
// 协办 (sign-off waits for the co-sections' opinions until their deadline; a silent co-section is
// named on the reply, publicly), 退回修改 (a draft returned to its writer, recorded as an internal
// event), and commitments chosen, not typed (a verification names one of the proposal's live
// commitments; a mistaken one is corrected by a new record, and the public record shows both).
import type { CollectionSlug, Payload, TypedUser } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildPublicExport } from '../../cms/lib/publicExport'
import { databaseLabel, startPayload } from '../helpers/payload'
import { as, createWorld, type World } from '../fixtures/world'

let payload: Payload
let w: World
type Who = TypedUser
type Id = number | string
let u: Record<'office' | 'leader' | 'staff' | 'head' | 'coStaff' | 'A', Who>
const Monday = '2026-03-02T02:00:00.000Z'

beforeAll(async () => {
  process.env.APP_NOW = Monday
  payload = await startPayload()
  w = await createWorld(payload)
  u = {
    office: as(w.staff.office, 'users'),
    leader: as(w.staff.leader, 'users'),
    staff: as(w.staff.sectionStaff, 'users'),
    head: as(w.staff.sectionHead, 'users'),
    coStaff: as(w.coStaff, 'users'),
    A: as(w.reps.A, 'representatives'),
  }
})
afterAll(async () => {
  process.env.APP_NOW = Monday
  await payload?.destroy()
})

const opts = (user: Who) => ({ user, overrideAccess: false as const })
const step = (user: Who, id: Id, data: Record<string, unknown>) => payload.update({ collection: 'proposals', id, data, ...opts(user) })
const create = <C extends CollectionSlug>(collection: C, user: Who, data: Record<string, unknown>) => payload.create({ collection, data: data as never, ...opts(user) })
const updateReply = (user: Who, id: Id, data: Record<string, unknown>) => payload.update({ collection: 'replies', id, data: data as never, ...opts(user) })
const at = (iso: string) => (process.env.APP_NOW = iso)
const duties = async (proposal: Id) =>
  (await payload.find({ collection: 'duties', where: { proposal: { equals: proposal } }, pagination: false, depth: 0 })).docs.map((d) => d.action).sort()
const events = async (proposal: Id) =>
  (await payload.find({ collection: 'proposal-events', where: { proposal: { equals: proposal } }, pagination: false, depth: 0, sort: 'at' })).docs

/** A proposal assigned (交办) on Monday 2 March 2026 to 城管 with 绿化办 as co-section, taken on; the co-opinion is due 16 March. */
async function inProgress(title: string) {
  at(Monday)
  const d = await create('proposals', u.A, { title, body: `${title}，请尽快研究解决。`, category: '其他', residentialArea: w.ref.areas[2] })
  await step(u.A, d.id, { status: 'submitted' })
  await step(u.office, d.id, { status: 'accepted', screening: { decision: 'accepted', reason: '予以立案' } })
  await step(u.office, d.id, { assignment: { leadSection: w.ref.sections.chengguan, coSections: [w.ref.sections.lvhua] } })
  await step(u.leader, d.id, { status: 'instructed', newInstruction: '请抓紧办理。' })
  return step(u.staff, d.id, { status: 'inProgress' })
}

describe(`协办: sign-off and the co-sections’ opinions, on ${databaseLabel()}`, () => {
  it('the head cannot sign off while a co-opinion is awaited within its deadline; once it is in, they can', async () => {
    const p = await inProgress('协办签发测试一')
    const r = await create('replies', u.staff, { proposal: p.id, class: 'A', text: '已安排维修，下周完成。' })
    expect(await duties(p.id)).toEqual(['coOpinion', 'signOff'])
    await expect(updateReply(u.head, r.id, { signOff: true })).rejects.toThrow(/协办科室“绿化办”的意见尚未提交（期限 2026-03-16）/)
    expect((await payload.findByID({ collection: 'replies', id: r.id })).signedOffAt).toBeFalsy()
    await create('co-opinions', u.coStaff, { proposal: p.id, text: '绿化办同意配合。' })
    const signed = await updateReply(u.head, r.id, { signOff: true })
    expect(signed.signedOffAt).toBeTruthy()
    expect(signed.silentCoSections ?? []).toEqual([])
  })

  it('after the deadline the head signs off without it, and the reply names the silent co-section publicly', async () => {
    const p = await inProgress('协办签发测试二')
    const r = await create('replies', u.staff, { proposal: p.id, class: 'A', text: '已安排维修，下周完成。' })
    at('2026-03-16T09:00:00.000Z') // the last day: still awaited
    await expect(updateReply(u.head, r.id, { signOff: true })).rejects.toThrow(/期限届满后才能签发/)
    at('2026-03-17T01:00:00.000Z') // the day after
    const signed = await updateReply(u.head, r.id, { signOff: true })
    expect((signed.silentCoSections ?? []).map((s) => (typeof s === 'object' ? s.id : s))).toEqual([w.ref.sections.lvhua])
    await updateReply(u.office, r.id, { publish: true })
    const exp = await buildPublicExport(payload)
    const pub = exp.proposals.find((x) => x.title === '协办签发测试二')!
    expect(pub.replies[0]!.silentCoSections.map((s) => s.name)).toEqual(['绿化办'])
    // Nobody can set or clear it by hand.
    const fresh = await inProgress('协办签发测试三')
    const r3 = await create('replies', u.staff, { proposal: fresh.id, class: 'A', text: '已安排维修，下周完成。', silentCoSections: [w.ref.sections.lvhua] })
    expect(r3.silentCoSections ?? []).toEqual([])
  })
})

describe(`退回修改, on ${databaseLabel()}`, () => {
  it('the head returns a draft with a reason; it waits on its writer until changed; the return is an internal event', async () => {
    const p = await inProgress('退回修改测试')
    await create('co-opinions', u.coStaff, { proposal: p.id, text: '绿化办同意配合。' })
    const r = await create('replies', u.staff, { proposal: p.id, class: 'A', text: '已安排维修，下周完成。' })
    // Section staff cannot return (the field is the signer's): nothing happens.
    const byStaff = await updateReply(u.staff, r.id, { returnForRevision: '自己退回' })
    expect(byStaff.returnedAt).toBeFalsy()
    await expect(updateReply(u.head, r.id, { returnForRevision: '请写明维修完成的具体日期', signOff: true })).rejects.toThrow(/只能选一样/)
    const returned = await updateReply(u.head, r.id, { returnForRevision: '请写明维修完成的具体日期' })
    expect(returned.returnedAt).toBeTruthy()
    expect(returned.returnReason).toBe('请写明维修完成的具体日期')
    expect(await duties(p.id)).toEqual(['revise'])
    await expect(updateReply(u.head, r.id, { signOff: true })).rejects.toThrow(/已退回修改/)
    const log = await events(p.id)
    const event = log.find((e) => e.action.includes('退回修改'))!
    expect(event).toMatchObject({ internal: true, note: '请写明维修完成的具体日期', actorRole: 'sectionHead' })
    // Saving without a change is not a revision.
    at('2026-03-03T02:00:00.000Z')
    await updateReply(u.staff, r.id, { text: '已安排维修，下周完成。' })
    expect(await duties(p.id)).toEqual(['revise'])
    const revised = await updateReply(u.staff, r.id, { text: '已安排维修，3月10日前完成。' })
    expect(revised.revisedAt).toBeTruthy()
    expect(await duties(p.id)).toEqual(['signOff'])
    expect((await events(p.id)).some((e) => e.action.includes('已按退回意见修改') && e.internal)).toBe(true)
    await updateReply(u.head, r.id, { signOff: true })
    await updateReply(u.office, r.id, { publish: true })
    // The public timeline has no internal step; the representative reads neither the reason nor when.
    const exp = await buildPublicExport(payload)
    const pub = exp.proposals.find((x) => x.title === '退回修改测试')!
    expect(pub.timeline.map((e) => e.action).join()).not.toMatch(/退回|修改/)
    const seen = await payload.findByID({ collection: 'replies', id: r.id, ...opts(u.A) })
    expect(seen.text).toBe('已安排维修，3月10日前完成。')
    expect(seen).not.toHaveProperty('returnReason')
    expect(seen).not.toHaveProperty('returnedAt')
    // The event log stays closed to the representative.
    await expect(payload.find({ collection: 'proposal-events', where: { proposal: { equals: p.id } }, ...opts(u.A) })).rejects.toThrow(/无权/)
  })
})

describe(`commitments chosen, not typed, on ${databaseLabel()}`, () => {
  it('a verification names one of the proposal’s live commitments; a mistake is corrected by a new record, shown publicly', async () => {
    const p = await inProgress('承诺验证测试')
    await create('co-opinions', u.coStaff, { proposal: p.id, text: '绿化办同意配合。' })
    const r = await create('replies', u.staff, {
      proposal: p.id,
      class: 'B',
      text: '已列入维修计划，分两步完成。',
      commitments: [
        { text: '三月底前修复路灯', dueDate: '2026-03-31' },
        { text: '五月底前增设护栏', dueDate: '2026-05-29' },
      ],
    })
    await updateReply(u.head, r.id, { signOff: true })
    const published = await updateReply(u.office, r.id, { publish: true })
    const [c1, c2] = published.commitments!.map((c) => String(c.id))
    const other = await inProgress('另一件提案')
    const verify = (data: Record<string, unknown>, proposal = p.id) => create('follow-ups', u.office, { proposal, kind: 'verification', notes: '现场查看。', verified: true, ...data })

    await expect(verify({ commitmentId: 'c-typed-by-hand' })).rejects.toThrow(/不是本提案已公开答复中的承诺事项/)
    await expect(verify({ commitmentId: c1 }, other.id)).rejects.toThrow()
    await expect(verify({ commitmentId: null })).rejects.toThrow(/请选择本次验证的承诺事项/)
    await expect(create('follow-ups', u.office, { proposal: p.id, kind: 'visit', notes: '上门。', commitmentId: c1 })).rejects.toThrow(/只有“现场验证”/)
    const before = await payload.count({ collection: 'follow-ups', where: { proposal: { equals: p.id } } })
    expect(before.totalDocs).toBe(0)

    // Verified by mistake (it was c2 that was done, not c1): corrected by a new record.
    const mistake = await verify({ commitmentId: c1 })
    expect(mistake.title).toContain('「三月底前修复路灯」')
    await expect(verify({ commitmentId: c1 })).rejects.toThrow(/已验证兑现/)
    await expect(verify({ verified: false, corrects: mistake.id })).rejects.toThrow(/请写明更正说明/)
    const fix = await verify({ verified: false, corrects: mistake.id, correctionNote: '误将护栏的验证记在路灯上' })
    expect(fix.commitmentId).toBe(c1)
    await expect(verify({ verified: false, corrects: mistake.id, correctionNote: '再更正一次' })).rejects.toThrow(/已经更正过/)
    await verify({ commitmentId: c2 })

    // Neither is edited nor deleted.
    await expect(payload.update({ collection: 'follow-ups', id: mistake.id, data: { verified: false } as never, ...opts(u.office) })).rejects.toThrow()
    await expect(payload.delete({ collection: 'follow-ups', id: mistake.id, ...opts(u.office) })).rejects.toThrow()

    const exp = await buildPublicExport(payload)
    const pub = exp.proposals.find((x) => x.title === '承诺验证测试')!
    expect(pub.replies[0]!.commitments.map((c) => [c.text, c.verifiedAt != null])).toEqual([
      ['三月底前修复路灯', false],
      ['五月底前增设护栏', true],
    ])
    const listed = pub.followUps.map((f) => ({ commitment: f.commitment, verified: f.verified, corrects: f.corrects }))
    expect(listed).toEqual([
      { commitment: c1, verified: true, corrects: null },
      { commitment: c1, verified: false, corrects: String(mistake.id) },
      { commitment: c2, verified: true, corrects: null },
    ])
    // Closing still waits for c1.
    await expect(step(u.office, p.id, { status: 'closed' })).rejects.toThrow()
  })
})
