// 延期申请 through the Local API with access applied, on each database: the lead section requests
// (its rules and zh-CN refusals), one pending at a time, a leader decides once (a refusal with a
// reason), an approval moves the deadline in force and the duties in the same save, and what
// reaches the public (the approved extension and its reason; never a request or a refusal).
import { createLocalReq, type AdminViewServerProps, type CollectionSlug, type Payload, type RequiredDataFromCollectionSlug } from 'payload'
import { prerenderToNodeStream } from 'react-dom/static'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { idOf } from '../../cms/access/actor'
import { Workbench } from '../../cms/components/Workbench'
import type { ExtensionRequest, Proposal, Representative, User } from '../../cms/payload-types'
import { buildPublicExport } from '../../cms/lib/publicExport'
import { databaseLabel, startPayload } from '../helpers/payload'
import { as, createWorld, type World } from '../fixtures/world'

let payload: Payload
let w: World
type Staff = User & { collection: 'users' }
type Who = Staff | (Representative & { collection: 'representatives' })
type Id = number | string
let u: Record<'office' | 'leader' | 'staff' | 'head' | 'coStaff' | 'otherHead' | 'admin', Staff> & { A: Who }

/** Monday 2 March 2026, 10:00 in China: 交办 today gives a reply deadline of 2 April and a cap of 2 June. */
const NOW = '2026-03-02T02:00:00.000Z'

beforeAll(async () => {
  process.env.APP_NOW = NOW
  payload = await startPayload()
  w = await createWorld(payload)
  u = {
    admin: as(w.staff.admin, 'users'),
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
const step = (user: Who, id: Id, data: Record<string, unknown>) => payload.update({ collection: 'proposals', id, data, ...opts(user) })
const create = (collection: CollectionSlug, user: Who, data: Record<string, unknown>) => payload.create({ collection, data, ...opts(user) } as Parameters<Payload['create']>[0])
/** A request as a client sends it: anything it likes, the server keeps what the rules allow. */
const ask = (user: Who, proposal: Id, newDeadline: string, reason = '需要区里统一招标采购，周期较长', extra: Record<string, unknown> = {}) =>
  payload.create({ collection: 'extension-requests', data: { proposal, newDeadline, reason, ...extra } as RequiredDataFromCollectionSlug<'extension-requests'>, ...opts(user) })
const decide = (user: Who, id: Id, data: Record<string, unknown>) => payload.update({ collection: 'extension-requests', id, data: data as Partial<ExtensionRequest>, ...opts(user) })

async function inProgress(title: string) {
  const d = await create('proposals', u.A, { title, body: `${title}，请尽快研究解决。`, category: '其他', residentialArea: w.ref.areas[2] })
  await step(u.A, d.id, { status: 'submitted' })
  await step(u.office, d.id, { status: 'accepted', screening: { decision: 'accepted', reason: '予以立案' } })
  await step(u.office, d.id, { assignment: { leadSection: w.ref.sections.chengguan, coSections: [w.ref.sections.lvhua] } })
  await step(u.leader, d.id, { status: 'instructed', newInstruction: '请城管分队抓紧办理。' })
  return step(u.staff, d.id, { status: 'inProgress' })
}

/** The proposal's stored duties as "action:role[:section]:due". */
async function duties(id: Id): Promise<string[]> {
  const { docs } = await payload.find({ collection: 'duties', where: { proposal: { equals: id } }, pagination: false, depth: 0, overrideAccess: true })
  const sectionName = (s: unknown) => Object.entries(w.ref.sections).find(([, v]) => String(v) === String(idOf(s)))?.[0]
  return docs.map((d) => [d.action, d.role, d.section ? sectionName(d.section) : '', d.due ?? ''].filter(Boolean).join(':')).sort()
}

const events = async (id: Id) =>
  (await payload.find({ collection: 'proposal-events', where: { proposal: { equals: id } }, sort: 'id', pagination: false, depth: 0, overrideAccess: true })).docs
const requestsOf = async (id: Id) => (await payload.find({ collection: 'extension-requests', where: { proposal: { equals: id } }, pagination: false, depth: 0, overrideAccess: true })).docs
const proposal = (id: Id) => payload.findByID({ collection: 'proposals', id, depth: 0, overrideAccess: true })

async function workbench(user: Staff): Promise<string> {
  const req = await createLocalReq({ user }, payload)
  const { prelude } = await prerenderToNodeStream(await Workbench({ initPageResult: { req } } as unknown as AdminViewServerProps))
  let html = ''
  for await (const chunk of prelude) html += chunk
  return html
}

describe(`延期申请 on ${databaseLabel()}`, () => {
  let p: Proposal
  let first: ExtensionRequest

  it('only the lead section may request; a date after the deadline in force and within the cap, and a reason (zh-CN refusals, nothing saved)', async () => {
    p = await inProgress('延期申请测试：背街小巷路面破损')
    expect(p.assignment?.deadline).toBe('2026-04-02')
    for (const who of [u.coStaff, u.otherHead, u.leader, u.office, u.admin, u.A]) await expect(ask(who, p.id, '2026-05-15')).rejects.toThrow()
    await expect(ask(u.staff, p.id, '2026-06-03')).rejects.toThrow('新的答复期限不能晚于2026年6月2日（自交办起最多 3 个月）')
    await expect(ask(u.staff, p.id, '2026-04-02')).rejects.toThrow('新的答复期限须晚于现在的期限（2026年4月2日）')
    await expect(ask(u.staff, p.id, '2026-02-30')).rejects.toThrow(/YYYY-MM-DD/)
    await expect(ask(u.staff, p.id, '2026/05/15')).rejects.toThrow(/YYYY-MM-DD/)
    await expect(ask(u.staff, p.id, '2026-05-15', '  ')).rejects.toThrow('请写明延期理由')
    expect(await requestsOf(p.id)).toHaveLength(0)
    expect(await duties(p.id)).toEqual(['coOpinion:sectionStaff:lvhua:2026-03-16', 'draftReply:sectionStaff:chengguan:2026-04-02'])
  })

  it('a request is stamped by the server (who, which section, when, pending), whatever the client sent, and waits on the leader', async () => {
    first = await ask(u.staff, p.id, '2026-05-15', '路面修复需要区里统一招标', {
      decision: 'approved',
      section: w.ref.sections.lvhua,
      requestedBy: w.staff.leader.id,
      at: '2020-01-01T00:00:00.000Z',
      decidedBy: w.staff.leader.id,
    })
    expect(first.decision).toBe('pending')
    expect(String(idOf(first.section))).toBe(String(w.ref.sections.chengguan))
    expect(String(idOf(first.requestedBy))).toBe(String(w.staff.sectionStaff.id))
    expect(first.at).toBe(NOW)
    expect(first.decidedBy ?? null).toBeNull()
    // The leader owes a decision by the deadline in force; the lead section's draft keeps that deadline until an approval.
    expect(await duties(p.id)).toEqual(['coOpinion:sectionStaff:lvhua:2026-03-16', 'decideExtension:leader:2026-04-02', 'draftReply:sectionStaff:chengguan:2026-04-02'])
    const [d] = (await payload.find({ collection: 'duties', where: { and: [{ proposal: { equals: p.id } }, { action: { equals: 'decideExtension' } }] }, depth: 0, overrideAccess: true })).docs
    expect(d.subject).toBe(String(first.id))
    // Recorded for staff, not for the public.
    const e = (await events(p.id)).at(-1)!
    expect([e.action, e.note, e.internal, e.actorRole]).toEqual(['申请延期至2026年5月15日', '路面修复需要区里统一招标', true, 'sectionStaff'])
    // The leader's workbench: 待审批延期 1, the row opening the request.
    const html = await workbench(u.leader)
    expect(html).toMatch(/待审批延期<\/span><strong class="workbench__count">1<\/strong>/)
    expect(html).toContain(`/admin/collections/extension-requests/${first.id}`)
  })

  it('one pending request per proposal, in the rules and in the database', async () => {
    await expect(ask(u.head, p.id, '2026-05-29')).rejects.toThrow('这件提案已有一份延期申请在等待审批；审批之后才能再申请')
    // Even a write that skips the rules cannot store a second pending request.
    await expect(
      payload.db.create({ collection: 'extension-requests', data: { proposal: p.id, newDeadline: '2026-05-29', reason: '绕过规则', decision: 'pending', openFor: String(p.id) } }),
    ).rejects.toThrow()
    expect(await requestsOf(p.id)).toHaveLength(1)
  })

  it('requests are read by staff who handle them: never by representatives, co-sections or other sections', async () => {
    const mine = { proposal: { equals: p.id } }
    await expect(payload.find({ collection: 'extension-requests', where: mine, ...opts(u.A) })).rejects.toThrow()
    await expect(payload.findByID({ collection: 'extension-requests', id: first.id, ...opts(u.A) })).rejects.toThrow()
    for (const who of [u.coStaff, u.otherHead]) expect((await payload.find({ collection: 'extension-requests', where: mine, ...opts(who) })).totalDocs).toBe(0)
    for (const who of [u.staff, u.head, u.leader, u.office, u.admin]) expect((await payload.find({ collection: 'extension-requests', where: mine, ...opts(who) })).totalDocs).toBe(1)
  })

  it('only a leader decides; a refusal needs a reason; then the request is frozen and nothing else changed', async () => {
    for (const who of [u.staff, u.head, u.office, u.admin]) await expect(decide(who, first.id, { decision: 'approved' })).rejects.toThrow()
    await expect(decide(u.leader, first.id, { decision: 'refused' })).rejects.toThrow('不批准须写明理由')
    await expect(decide(u.leader, first.id, { decisionNote: '再想想' })).rejects.toThrow('请选择“批准”或“不批准”')
    await expect(decide(u.leader, first.id, { decision: 'pending' })).rejects.toThrow('请选择“批准”或“不批准”')
    expect((await requestsOf(p.id))[0].decision).toBe('pending')

    const refused = await decide(u.leader, first.id, { decision: 'refused', decisionNote: '请先按原期限答复已能解决的部分', newDeadline: '2026-06-01', reason: '改过的理由' })
    expect(refused.decision).toBe('refused')
    expect(refused.newDeadline).toBe('2026-05-15')
    expect(refused.reason).toBe('路面修复需要区里统一招标')
    expect(String(idOf(refused.decidedBy))).toBe(String(w.staff.leader.id))
    expect(refused.decidedAt).toBe(NOW)
    expect((await proposal(p.id)).extensions ?? []).toEqual([])
    expect((await proposal(p.id)).currentDue).toBe('2026-04-02')
    expect(await duties(p.id)).toEqual(['coOpinion:sectionStaff:lvhua:2026-03-16', 'draftReply:sectionStaff:chengguan:2026-04-02'])
    const e = (await events(p.id)).at(-1)!
    expect([e.action, e.note, e.internal, e.actorRole]).toEqual(['不批准延期申请', '请先按原期限答复已能解决的部分', true, 'leader'])

    // Frozen: not by the leader, not by the system's own writes, never deleted.
    await expect(decide(u.leader, first.id, { decision: 'approved' })).rejects.toThrow()
    await expect(payload.update({ collection: 'extension-requests', id: first.id, data: { decision: 'approved' }, user: u.leader, overrideAccess: true })).rejects.toThrow('这份延期申请已经审批，不能再修改')
    for (const who of [u.leader, u.office, u.admin, u.staff]) await expect(payload.delete({ collection: 'extension-requests', id: first.id, ...opts(who) })).rejects.toThrow()
    expect((await requestsOf(p.id))[0].decision).toBe('refused')
  })

  it('an approval appends the extension in the same save: the deadline in force, the stored deadline and the duties move', async () => {
    // Decided, so the lead section may ask again.
    const second = await ask(u.head, p.id, '2026-05-15', '需要区里统一招标采购，周期较长')
    expect(await duties(p.id)).toContain('decideExtension:leader:2026-04-02')
    process.env.APP_NOW = '2026-03-03T03:00:00.000Z'
    try {
      const approved = await decide(u.leader, second.id, { decision: 'approved' })
      expect(approved.decision).toBe('approved')
    } finally {
      process.env.APP_NOW = NOW
    }
    const after = await proposal(p.id)
    expect(after.extensions?.map((x) => [x.newDeadline, x.reason, String(idOf(x.approvedBy)), x.approvedAt])).toEqual([
      ['2026-05-15', '需要区里统一招标采购，周期较长', String(w.staff.leader.id), '2026-03-03T03:00:00.000Z'],
    ])
    expect(after.assignment?.deadline).toBe('2026-04-02')
    expect(after.currentDue).toBe('2026-05-15')
    expect(await duties(p.id)).toEqual(['coOpinion:sectionStaff:lvhua:2026-03-16', 'draftReply:sectionStaff:chengguan:2026-05-15'])
    const e = (await events(p.id)).at(-1)!
    expect([e.action, e.internal, e.actorRole]).toEqual(['批准延期：答复期限延至2026年5月15日', false, 'leader'])
    expect(await workbench(u.leader)).not.toContain('/admin/collections/extension-requests/')
    // A further request goes beyond the new deadline, still within the cap.
    await expect(ask(u.staff, p.id, '2026-05-10')).rejects.toThrow('新的答复期限须晚于现在的期限（2026年5月15日）')
  })

  it('the public sees the approved extension with its reason and the approval on the timeline; never a request, a refusal or its reason', async () => {
    const exp = await buildPublicExport(payload)
    const pub = exp.proposals.find((x) => x.title === '延期申请测试：背街小巷路面破损')!
    expect(pub.assignment?.extensions).toEqual([{ newDeadline: '2026-05-15', reason: '需要区里统一招标采购，周期较长', approvedAt: '2026-03-03T03:00:00.000Z' }])
    const actions = pub.timeline.map((t) => t.action)
    expect(actions).toContain('批准延期：答复期限延至2026年5月15日')
    expect(actions.filter((a) => a.includes('申请延期') || a.includes('不批准'))).toEqual([])
    const text = JSON.stringify(exp)
    for (const secret of ['请先按原期限答复已能解决的部分', '路面修复需要区里统一招标']) expect(text).not.toContain(secret)
  })

  it('a request left pending when the reply is out can no longer be approved, and no longer waits on the leader; it may be refused', async () => {
    const q = await inProgress('延期申请测试：答复后不再延期')
    const r = await ask(u.staff, q.id, '2026-04-30')
    const reply = await create('replies', u.staff, { proposal: q.id, class: 'A', text: '已经处理完毕，路面已全部修复。' })
    // The co-section's opinion first: the head signs off only when it is in (or its deadline has passed).
    await create('co-opinions', u.coStaff, { proposal: q.id, text: '绿化办无补充意见。' })
    await payload.update({ collection: 'replies', id: reply.id, data: { signOff: true } as Record<string, unknown>, ...opts(u.head) })
    await payload.update({ collection: 'replies', id: reply.id, data: { publish: true } as Record<string, unknown>, ...opts(u.office) })
    expect((await proposal(q.id)).status).toBe('replied')
    expect((await duties(q.id)).filter((d) => d.startsWith('decideExtension'))).toEqual([])
    await expect(decide(u.leader, r.id, { decision: 'approved' })).rejects.toThrow('提案已答复，不能延期')
    expect((await proposal(q.id)).extensions ?? []).toEqual([])
    expect((await decide(u.leader, r.id, { decision: 'refused', decisionNote: '已经答复，无需延期' })).decision).toBe('refused')
  })
})
