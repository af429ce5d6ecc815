// Rules around the main path: corrections, extensions only by request, co-opinions, the
// screened-out path to closing, and the SQLite settings checked at start.
import { createLocalReq, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkDatabase } from '../../cms/lib/checkDatabase'
import { buildPublicExport } from '../../cms/lib/publicExport'
import { refreshScreenedOut } from '../../cms/lib/derived'
import { databaseLabel, startPayload } from '../helpers/payload'
import { as, createWorld, type World } from '../fixtures/world'
import { idOf } from '../../cms/access/actor'

let payload: Payload
let w: World
let u: Record<string, any>

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
    A: as(w.reps.A, 'representatives'),
  }
})
afterAll(async () => {
  await payload?.destroy()
})

const opts = (user: any) => ({ user, overrideAccess: false as const })
const step = (user: any, id: any, data: Record<string, unknown>) => payload.update({ collection: 'proposals', id, data, ...opts(user) })
const create = (collection: any, user: any, data: Record<string, unknown>) => payload.create({ collection, data: data as any, ...opts(user) })

async function submitted(title: string) {
  const d = await create('proposals', u.A, { title, body: `${title}，请尽快研究解决。`, category: '其他', residentialArea: w.ref.areas[2] })
  return step(u.A, d.id, { status: 'submitted' })
}

async function inProgress(title: string) {
  const p = await submitted(title)
  await step(u.office, p.id, { status: 'accepted', screening: { decision: 'accepted', reason: '予以立案' } })
  await step(u.office, p.id, { assignment: { leadSection: w.ref.sections.chengguan, coSections: [w.ref.sections.lvhua] } })
  await step(u.leader, p.id, { status: 'instructed', newInstruction: '请抓紧办理。' })
  return step(u.staff, p.id, { status: 'inProgress' })
}

/** The co-section's opinion, unless one is in: a first-round reply is signed off only once it is (or its deadline has passed). */
async function coOpinionIn(proposal: number | string) {
  const { totalDocs } = await payload.count({ collection: 'co-opinions', where: { proposal: { equals: proposal } } })
  if (totalDocs === 0) await create('co-opinions', u.coStaff, { proposal, text: '绿化办同意配合。' })
}

async function publishReply(proposal: any, data: Record<string, unknown>, drafter = u.staff, signer = u.head) {
  if (data.corrects == null && drafter !== u.office) await coOpinionIn(proposal as number)
  const r = await create('replies', drafter, { proposal, class: 'A', text: '已经处理完毕，情况如下所述。', ...data })
  await payload.update({ collection: 'replies', id: r.id, data: { signOff: true } as any, ...opts(signer) })
  return payload.update({ collection: 'replies', id: r.id, data: { publish: true } as any, ...opts(u.office) })
}

describe(`rules on ${databaseLabel()}`, () => {
  it('extensions are not edited on the proposal: a leader’s or the office’s edit changes nothing (requests: extensions.int.test.ts)', async () => {
    const p = await inProgress('延期测试提案')
    expect(p.assignment?.deadline).toBe('2026-04-02')
    for (const who of [u.leader, u.office]) {
      const after = await step(who, p.id, { extensions: [{ newDeadline: '2026-05-15', reason: '需要招标' }] })
      expect(after.extensions ?? []).toEqual([])
      expect(after.currentDue).toBe('2026-04-02')
    }
  })

  it('co-opinions come from a co-section only', async () => {
    const p = await inProgress('协办意见测试')
    const op = await create('co-opinions', u.coStaff, { proposal: p.id, text: '绿化办同意配合移植树木。' })
    expect(String((op as any).section?.id ?? (op as any).section)).toBe(String(w.ref.sections.lvhua))
    await expect(create('co-opinions', u.staff, { proposal: p.id, text: '主办科室不能写协办意见。' })).rejects.toThrow()
  })

  it('a published reply is corrected by a new reply that says what it corrects', async () => {
    const p = await inProgress('更正测试提案')
    const first = await publishReply(p.id, { text: '已于三月五日完成路灯维修，共更换灯具十二盏。' })
    expect((await payload.findByID({ collection: 'proposals', id: p.id, overrideAccess: true })).status).toBe('replied')
    await expect(create('replies', u.staff, { proposal: p.id, class: 'A', text: '没有更正对象的第二条答复不允许。' })).rejects.toThrow()
    await expect(create('replies', u.staff, { proposal: p.id, class: 'A', text: '更正：共更换灯具二十盏。', corrects: first.id })).rejects.toThrow(/说明更正/)
    const fix = await publishReply(p.id, { text: '更正：已于三月五日完成路灯维修，共更换灯具二十盏。', corrects: first.id, correctionNote: '更换数量由十二盏更正为二十盏' })
    expect(fix.publishedAt).toBeTruthy()
    const exp = await buildPublicExport(payload)
    const pub = exp.proposals.find((x) => x.title === '更正测试提案')!
    expect(pub.status).toBe('replied')
    expect(pub.replies.map((r) => r.corrects)).toEqual([null, String(first.id)])
    const original = await payload.findByID({ collection: 'replies', id: first.id, overrideAccess: true })
    expect(original.text).toContain('十二盏')
  })

  it('问题是否已解决？ once per representative and reply round, whatever order the answers are stored in', async () => {
    const p = await inProgress('解决情况反馈测试')
    const other = await inProgress('解决情况反馈测试（另一件）')
    const answer = (proposal: number | string, user = u.A) => create('resolution-answers', user, { proposal, answer: 'unresolved', comment: '问题仍然存在' })
    const first = await publishReply(p.id, { text: '第一轮答复：已安排维修，下周完成。' })
    const round1 = await answer(p.id)
    expect(round1.round).toBe(1)
    await expect(answer(p.id)).rejects.toThrow(/本轮答复的解决情况已反馈过/)
    await create('evaluations', u.A, { proposal: p.id, reply: first.id, rating: 'dissatisfied', comment: '没有修好' })
    await publishReply(p.id, { text: '第二轮答复：已更换设备，运行正常。' })
    const round2 = await answer(p.id)
    expect(round2.round).toBe(2)
    // The round-1 answer stored as the newest (a clock set back between the two): still one answer per round.
    await payload.db.updateOne({ collection: 'resolution-answers', id: round1.id, data: { createdAt: '2099-01-01T00:00:00.000Z' } })
    await expect(answer(p.id)).rejects.toThrow(/本轮答复的解决情况已反馈过/)
    // Answers to another proposal are no reason to refuse.
    await publishReply(other.id, { text: '另一件的答复：已处理完毕。' })
    expect((await answer(other.id)).round).toBe(1)
    const all = await payload.find({ collection: 'resolution-answers', where: { proposal: { in: [p.id, other.id] } }, sort: 'id', overrideAccess: true, pagination: false })
    expect(all.docs.map((d) => [String(idOf(d.proposal)), d.round])).toEqual([[String(p.id), 1], [String(p.id), 2], [String(other.id), 1]])
  })

  it('a screened-out proposal still gets an instruction and a reply, then closes', async () => {
    const p = await submitted('要求调解邻里纠纷')
    const out = await step(u.office, p.id, { status: 'redirected', screening: { decision: 'redirected', reason: '属于民事纠纷，引导通过人民调解途径解决' } })
    expect(out.status).toBe('redirected')
    // The stored deadline in force (the staff's lists sort and count by it) follows the stages:
    // the 批示 5 working days after screening (Mon 2 March), then the explanation 10, then none.
    const stored = async () => {
      const d = await payload.findByID({ collection: 'proposals', id: p.id, overrideAccess: true })
      return [d.currentStage ?? null, d.currentDue ?? null]
    }
    expect(await stored()).toEqual(['instruction', '2026-03-09'])
    // What the migration does for items stored before the explanation stage existed: recompute.
    await payload.db.updateOne({ collection: 'proposals', id: p.id, data: { currentStage: null, currentDue: null } })
    expect(await refreshScreenedOut(await createLocalReq({}, payload))).toBeGreaterThanOrEqual(1)
    expect(await stored()).toEqual(['instruction', '2026-03-09'])
    await step(u.leader, p.id, { newInstruction: '同意分流，请代表工作室做好解释。' })
    expect(await stored()).toEqual(['explanation', '2026-03-16'])
    // A section cannot answer a screened-out item; the office does, and signs it off itself.
    await expect(create('replies', u.staff, { proposal: p.id, class: 'C', text: '科室不能答复已分流的提案。' })).rejects.toThrow()
    const reply = await publishReply(p.id, { class: 'C', text: '您反映的问题属于民事纠纷，已引导至人民调解委员会处理。' }, u.office, u.office)
    expect(reply.section ?? null).toBeNull()
    expect(await stored()).toEqual([null, null])
    await create('evaluations', u.A, { proposal: p.id, reply: reply.id, rating: 'basicallySatisfied' })
    await expect(step(u.office, p.id, { status: 'closed' })).rejects.toThrow(/回访/)
    await create('follow-ups', u.office, { proposal: p.id, kind: 'call', notes: '电话回访，代表理解。' })
    expect((await step(u.office, p.id, { status: 'closed' })).status).toBe('closed')
  })

  // SQLite only: PostgreSQL has no such settings (no test is registered there rather than one skipped).
  if (databaseLabel() === 'sqlite')
    it('SQLite runs with WAL, synchronous=FULL and a busy timeout, also after transactions', async () => {
    expect(await checkDatabase(payload)).toEqual({ journal_mode: 'wal', synchronous: 2, busy_timeout: 10000 })
  })

  it('writes that race each other all land, each in one piece', async () => {
    const drafts = await Promise.all(
      Array.from({ length: 12 }, (_, i) => create('proposals', u.A, { title: `并发测试 ${i}`, body: '并发写入测试内容', category: '其他', residentialArea: w.ref.areas[0] })),
    )
    const done = await Promise.all(drafts.map((d) => step(u.A, d.id, { status: 'submitted' })))
    expect(new Set(done.map((d) => d.number)).size).toBe(12)
    const events = await payload.find({ collection: 'proposal-events', where: { proposal: { in: drafts.map((d) => d.id) } }, pagination: false, overrideAccess: true })
    expect(events.docs.filter((e: any) => e.to === 'submitted')).toHaveLength(12)
  })
})

describe('an empty installation', () => {
  it('makes its first account the admin', async () => {
    const { startPayload: start } = await import('../helpers/payload')
    const empty = await start()
    try {
      const first = await empty.create({ collection: 'users', data: { email: 'first@x.local', password: 'first-pass-1', name: '管理员' } as any, overrideAccess: true })
      expect(first.role).toBe('admin')
      const second = await empty.create({ collection: 'users', data: { email: 'second@x.local', password: 'second-pass-1', name: '工作人员' } as any, overrideAccess: true })
      expect(second.role).toBe('office')
    } finally {
      await empty.destroy()
    }
  })
})
