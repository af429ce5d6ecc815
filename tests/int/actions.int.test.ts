// The action bar's endpoints (cms/endpoints/actions.ts) on each database, called as the admin's
// dialogs call them: one proposal from 已提交 to 办结 by its steps alone, each step allowed for the
// person whose job it is; each refused step (wrong person, missing or wrong field, a rule of the
// lifecycle) answers a structured zh-CN error and changes nothing — status, record, events.
import { createLocalReq, type CollectionBeforeChangeHook, type Endpoint, type Payload, type PayloadRequest } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { idOf } from '../../cms/access/actor'
import { proposalActionsEndpoint, replyActionsEndpoint } from '../../cms/endpoints/actions'
import { refuse } from '../../cms/lib/refuse'
import type { Proposal, Reply } from '../../cms/payload-types'
import { databaseLabel, startPayload } from '../helpers/payload'
import { as, createWorld, type World } from '../fixtures/world'

let payload: Payload
let w: World
type Who = ReturnType<typeof as> | null
let u: Record<'office' | 'leader' | 'staff' | 'head' | 'coStaff' | 'otherHead' | 'admin' | 'A', NonNullable<Who>>

/** Monday 2 March 2026, 10:00 in China. */
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

type ActionAnswer = { message?: string; proposal?: { id: number | string; status: string }; errors?: { code: string; message: string; fields?: Record<string, string> }[] }
type Answer = { status: number; json: ActionAnswer }

/** Calls an action endpoint as a browser's POST would reach it: the signed-in user, the route's params, a JSON body. */
async function call(endpoint: Endpoint, user: Who, id: unknown, action: string, body: unknown = {}): Promise<Answer> {
  const req = (await createLocalReq({ user: (user ?? undefined) as PayloadRequest['user'] & object }, payload)) as PayloadRequest
  const text = typeof body === 'string' ? body : JSON.stringify(body)
  Object.assign(req, {
    method: 'POST',
    body: text,
    headers: new Headers({ 'content-type': 'application/json' }),
    text: async () => text,
    routeParams: { id: String(id), action },
    payloadAPI: 'REST',
  })
  const res = await endpoint.handler(req)
  return { status: res.status, json: await res.json() }
}
const act = (user: Who, id: unknown, action: string, body?: unknown) => call(proposalActionsEndpoint, user, id, action, body)
const actOnReply = (user: Who, id: unknown, action: string, body?: unknown) => call(replyActionsEndpoint, user, id, action, body)

const proposal = (id: unknown) => payload.findByID({ collection: 'proposals', id: id as number, depth: 0, overrideAccess: true })
const reply = (id: unknown) => payload.findByID({ collection: 'replies', id: id as number, depth: 0, overrideAccess: true })
const count = async (collection: 'proposal-events' | 'instructions' | 'follow-ups' | 'co-opinions' | 'replies', id: unknown) =>
  (await payload.count({ collection, where: { proposal: { equals: id } }, overrideAccess: true })).totalDocs

/** What a refused step must leave as it was. */
async function snapshot(id: unknown) {
  const p = await proposal(id)
  const events = await count('proposal-events', id)
  const instructions = await count('instructions', id)
  const followUps = await count('follow-ups', id)
  const replies = (await payload.find({ collection: 'replies', where: { proposal: { equals: id } }, depth: 0, overrideAccess: true })).docs.map((r) => [r.id, r.signedOffAt ?? null, r.publishedAt ?? null, r.returnedAt ?? null])
  return { status: p.status, updatedAt: p.updatedAt, screening: p.screening, assignment: p.assignment, noEvaluationReason: p.noEvaluationReason ?? null, events, instructions, followUps, replies }
}

/** A structured refusal (status, zh-CN message, and the field it names when it names one) that changed nothing. */
async function expectRefused(id: unknown, run: () => Promise<Answer>, status: number, message: RegExp | string, field?: string, namesKeys = false) {
  const before = await snapshot(id)
  const r = await run()
  expect(r.status, JSON.stringify(r.json)).toBe(status)
  expect(Array.isArray(r.json.errors)).toBe(true)
  const e = r.json.errors![0]!
  expect(typeof e.code).toBe('string')
  expect(e.message).toMatch(message)
  // In Chinese (a body with keys the step does not take names them, for whoever wrote the request).
  if (!namesKeys) expect(e.message).not.toMatch(/[A-Za-z]{3,}/)
  if (field) expect(e.fields?.[field], JSON.stringify(e)).toBeTruthy()
  expect(await snapshot(id)).toEqual(before)
}

async function submitted(title: string): Promise<Proposal> {
  const d = await payload.create({ collection: 'proposals', data: { title, body: `${title}，请尽快研究解决。`, category: '城市管理', residentialArea: w.ref.areas[1] } as never, user: u.A, overrideAccess: false })
  return payload.update({ collection: 'proposals', id: d.id, data: { status: 'submitted' }, user: u.A, overrideAccess: false })
}

const S = () => w.ref.sections

describe(`action endpoints on ${databaseLabel()}`, () => {
  let p: Proposal
  let r: Reply

  it('立案 with its reason, lead and co-sections in one step; refused without them, or by anyone but the office', async () => {
    p = await submitted('动作测试：梅园路路灯不亮')
    await expectRefused(p.id, () => act(u.office, p.id, 'accept', { leadSection: S().chengguan }), 400, '请填写理由', 'reason')
    await expectRefused(p.id, () => act(u.office, p.id, 'accept', { reason: '属城管职责，予以立案' }), 400, '请选择主办科室', 'leadSection')
    await expectRefused(p.id, () => act(u.office, p.id, 'accept', { reason: '属城管职责，予以立案', leadSection: 999999 }), 400, '所选科室不存在', 'leadSection')
    await expectRefused(p.id, () => act(u.office, p.id, 'accept', { reason: '予以立案', leadSection: S().chengguan, status: 'closed' }), 400, /不能提交这些字段：status/, undefined, true)
    for (const who of [u.leader, u.admin]) await expectRefused(p.id, () => act(who, p.id, 'accept', { reason: '予以立案', leadSection: S().chengguan }), 403, /不能办理“立案”/)
    // Sections do not read a proposal before it is assigned to them: for them it is not there.
    for (const who of [u.staff, u.head]) await expectRefused(p.id, () => act(who, p.id, 'accept', { reason: '予以立案', leadSection: S().chengguan }), 404, '找不到这件提案，或您无权查看')
    await expectRefused(p.id, () => act(u.A, p.id, 'accept', { reason: '予以立案', leadSection: S().chengguan }), 403, '只有工作人员登录后台后可以办理')
    await expectRefused(p.id, () => act(null, p.id, 'accept', { reason: '予以立案', leadSection: S().chengguan }), 401, '请先登录')
    // Not a step of this page, or not a step at all.
    await expectRefused(p.id, () => act(u.office, p.id, 'publish'), 404, '没有这项办理操作')
    await expectRefused(p.id, () => act(u.office, p.id, 'delete'), 404, '没有这项办理操作')
    await expectRefused(p.id, () => act(u.office, p.id, 'accept', '{"reason": '), 400, '提交的内容格式不对，请刷新页面后重试')

    // As a form sends them: ids as text.
    const ok = await act(u.office, p.id, 'accept', { reason: '属城管职责，予以立案', leadSection: String(S().chengguan), coSections: [String(S().lvhua), String(S().chengguan)] })
    expect(ok.status, JSON.stringify(ok.json)).toBe(200)
    expect(ok.json).toEqual({ message: '已立案，等待街道领导批示', proposal: { id: p.id, status: 'accepted' } })
    const after = await proposal(p.id)
    expect(after.screening).toMatchObject({ decision: 'accepted', reason: '属城管职责，予以立案' })
    expect(String(idOf(after.screening?.by))).toBe(String(w.staff.office.id))
    expect(String(idOf(after.assignment?.leadSection))).toBe(String(S().chengguan))
    // The lead is not its own co-section.
    expect((after.assignment?.coSections ?? []).map((s) => String(idOf(s)))).toEqual([String(S().lvhua)])
    expect(after.assignment?.deadline ?? null).toBeNull()
  })

  it('a section that may not read the proposal finds nothing there (404), and no step is offered twice', async () => {
    await expectRefused(p.id, () => act(u.otherHead, p.id, 'takeOn'), 404, '找不到这件提案')
    await expectRefused(p.id, () => act(u.office, p.id, 'accept', { reason: '再立一次', leadSection: S().chengguan }), 403, /不能办理“立案”/)
    await expectRefused(p.id, () => act(u.office, 'abc', 'accept'), 404, '找不到这件提案')
  })

  it('批示 by a leader: refused empty, then instructs (交办) and starts the reply clock', async () => {
    await expectRefused(p.id, () => act(u.leader, p.id, 'instruct', { text: '   ' }), 400, '请填写批示内容', 'text')
    await expectRefused(p.id, () => act(u.office, p.id, 'instruct', { text: '请尽快办理。' }), 403, /不能办理“批示”/)
    const ok = await act(u.leader, p.id, 'instruct', { text: '请城管分队会同绿化办抓紧办理。' })
    expect(ok.status, JSON.stringify(ok.json)).toBe(200)
    expect(ok.json.proposal?.status).toBe('instructed')
    const after = await proposal(p.id)
    expect(after.assignment?.deadline).toBe('2026-04-02')
    expect(await count('instructions', p.id)).toBe(1)
  })

  it('开始办理 by the lead section; not by the co-section', async () => {
    await expectRefused(p.id, () => act(u.coStaff, p.id, 'takeOn'), 403, /不能办理“开始办理”/)
    const ok = await act(u.staff, p.id, 'takeOn')
    expect(ok.json.proposal?.status).toBe('inProgress')
  })

  it('签发 waits for the co-section’s opinion; 退回修改 with a reason; the co-section gives its opinion; then 签发', async () => {
    r = await payload.create({
      collection: 'replies',
      data: { proposal: p.id, class: 'B', text: '已对路灯线路进行检修，更换老化灯具，下月完成全部更换。', commitments: [{ text: '更换全部老化灯具', dueDate: '2026-03-31' }] } as never,
      user: u.staff,
      overrideAccess: false,
    })
    await expectRefused(p.id, () => actOnReply(u.staff, r.id, 'signOff'), 403, /不能办理“签发”/)
    await expectRefused(p.id, () => actOnReply(u.head, r.id, 'signOff'), 400, /协办科室“绿化办”的意见尚未提交/)
    await expectRefused(p.id, () => actOnReply(u.head, r.id, 'returnForRevision', { reason: '' }), 400, '请填写理由', 'reason')
    const back = await actOnReply(u.head, r.id, 'returnForRevision', { reason: '请写明更换灯具的具体数量。' })
    expect(back.status, JSON.stringify(back.json)).toBe(200)
    expect((await reply(r.id)).returnReason).toBe('请写明更换灯具的具体数量。')
    // Returned once: no second return until it is revised.
    await expectRefused(p.id, () => actOnReply(u.head, r.id, 'returnForRevision', { reason: '再退一次' }), 403, /不能办理“退回修改”/)
    // The writer revises it an hour later (the clock is pinned: a revision at the same instant would not be later than the return).
    process.env.APP_NOW = '2026-03-02T03:00:00.000Z'
    await payload.update({ collection: 'replies', id: r.id, data: { text: '已对路灯线路进行检修，更换老化灯具 12 盏，下月完成全部更换。' } as never, user: u.staff, overrideAccess: false })

    await expectRefused(p.id, () => act(u.staff, p.id, 'coOpinion', { text: '同意。' }), 403, /不能办理“提出协办意见”/)
    const co = await act(u.coStaff, p.id, 'coOpinion', { text: '绿化办同意修剪遮挡路灯的树枝。' })
    expect(co.status, JSON.stringify(co.json)).toBe(200)
    expect(await count('co-opinions', p.id)).toBe(1)

    const signed = await actOnReply(u.head, r.id, 'signOff')
    expect(signed.status, JSON.stringify(signed.json)).toBe(200)
    expect(signed.json.message).toBe('已签发，等待代表工作室公开')
    const after = await reply(r.id)
    expect(after.signedOffAt).toBeTruthy()
    expect(after.docNumber).toMatch(/^〔2026〕.+第\d{3}号$/)
  })

  it('公开 by the office moves the proposal to 已答复; a second 公开 is refused', async () => {
    await expectRefused(p.id, () => actOnReply(u.head, r.id, 'publish'), 403, /不能办理“公开”/)
    const ok = await actOnReply(u.office, r.id, 'publish')
    expect(ok.status, JSON.stringify(ok.json)).toBe(200)
    expect(ok.json.proposal?.status).toBe('replied')
    await expectRefused(p.id, () => actOnReply(u.office, r.id, 'publish'), 403, /不能办理“公开”/)
  })

  it('办结 is refused until the rules hold (nothing stored, not even the reason typed); 回访 and 验证 by choice; then 办结', async () => {
    await expectRefused(p.id, () => act(u.office, p.id, 'close', { noEvaluationReason: '代表外出，未能评价' }), 400, '没有回访记录，不能办结')
    await expectRefused(p.id, () => act(u.office, p.id, 'followUp', { kind: 'visit', notes: '' }), 400, '请填写回访情况', 'notes')
    await expectRefused(p.id, () => act(u.office, p.id, 'followUp', { kind: 'visit', notes: '上门', at: '2026-03-03' }), 400, '回访时间不能晚于现在')
    const visit = await act(u.office, p.id, 'followUp', { kind: 'call', notes: '电话联系代表，代表表示路灯已亮。', at: '2026-03-02' })
    expect(visit.status, JSON.stringify(visit.json)).toBe(200)
    await expectRefused(p.id, () => act(u.office, p.id, 'close', { noEvaluationReason: '代表外出，未能评价' }), 400, '答复中的承诺事项尚未全部验证，不能办结')

    const commitment = String((await reply(r.id)).commitments?.[0]?.id)
    await expectRefused(p.id, () => act(u.office, p.id, 'verify', { commitmentId: 'no-such-commitment', verified: true, notes: '现场查看' }), 400, '所选承诺事项不是本提案已公开答复中的承诺事项', 'commitmentId')
    await expectRefused(p.id, () => act(u.office, p.id, 'verify', { commitmentId: commitment, notes: '现场查看' }), 400, '请选择承诺是否兑现', 'verified')
    await expectRefused(p.id, () => act(u.leader, p.id, 'verify', { commitmentId: commitment, verified: true, notes: '现场查看' }), 403, /不能办理“验证”/)
    const checked = await act(u.office, p.id, 'verify', { commitmentId: commitment, verified: true, notes: '现场查看，灯具已全部更换。' })
    expect(checked.status, JSON.stringify(checked.json)).toBe(200)

    await expectRefused(p.id, () => act(u.office, p.id, 'close'), 400, '提案人尚未评价，须记录未评价的原因')
    const closed = await act(u.office, p.id, 'close', { noEvaluationReason: '代表外出，评价期限内未能评价' })
    expect(closed.status, JSON.stringify(closed.json)).toBe(200)
    expect(closed.json).toEqual({ message: '已办结', proposal: { id: p.id, status: 'closed' } })
    expect((await proposal(p.id)).noEvaluationReason).toBe('代表外出，评价期限内未能评价')
    await expectRefused(p.id, () => act(u.office, p.id, 'followUp', { kind: 'visit', notes: '又去了一次' }), 403, /不能办理“回访”/)
  })

  it('并案, 分流, 不予立案 each with its reason; 并案 names another proposal', async () => {
    const target = await submitted('动作测试：并入的提案')
    const m = await submitted('动作测试：重复的提案')
    await expectRefused(m.id, () => act(u.office, m.id, 'merge', { reason: '与另一件提案相同' }), 400, '请选择并入的提案', 'mergedInto')
    await expectRefused(m.id, () => act(u.office, m.id, 'merge', { reason: '与另一件提案相同', mergedInto: m.id }), 400, '不能并入本提案自己', 'mergedInto')
    const merged = await act(u.office, m.id, 'merge', { reason: '与另一件提案相同，一并办理', mergedInto: target.id })
    expect(merged.json.proposal?.status, JSON.stringify(merged.json)).toBe('merged')
    expect(String(idOf((await proposal(m.id)).screening?.mergedInto))).toBe(String(target.id))

    const d = await submitted('动作测试：应转交的事项')
    expect((await act(u.office, d.id, 'redirect', { reason: '属区市场监管局职责，已转交' })).json.proposal?.status).toBe('redirected')
    const n = await submitted('动作测试：不属于本街道的事项')
    await expectRefused(n.id, () => act(u.office, n.id, 'notAccept', {}), 400, '请填写理由', 'reason')
    expect((await act(u.office, n.id, 'notAccept', { reason: '不属于本街道职权范围' })).json.proposal?.status).toBe('notAccepted')
  })

  it('a step is one transaction: when its second save is refused, its first (the screening) is undone', async () => {
    const q = await submitted('动作测试：第二次保存被拒绝')
    // A rule that refuses the assignment save only (the second of 立案's two saves).
    const hooks = payload.collections.proposals.config.hooks.beforeChange
    const refuseAssignment: CollectionBeforeChangeHook = ({ data }) => (data.assignment?.leadSection != null ? refuse('测试规则：拒绝这次指定科室', 'assignment.leadSection') : data)
    hooks.push(refuseAssignment)
    try {
      await expectRefused(q.id, () => act(u.office, q.id, 'accept', { reason: '予以立案', leadSection: S().chengguan }), 400, '测试规则：拒绝这次指定科室', 'leadSection')
    } finally {
      hooks.splice(hooks.indexOf(refuseAssignment), 1)
    }
    const after = await proposal(q.id)
    expect([after.status, after.screening?.decision ?? null, after.screening?.at ?? null]).toEqual(['submitted', null, null])
  })

  it('拟办: the office names the sections of an accepted proposal that has none, before the 批示', async () => {
    const q = await submitted('动作测试：先立案后拟办')
    await payload.update({ collection: 'proposals', id: q.id, data: { status: 'accepted', screening: { decision: 'accepted', reason: '予以立案' } } as never, user: u.office, overrideAccess: false })
    // A leader cannot hand it over before a lead section is named (the rule's own words).
    await expectRefused(q.id, () => act(u.leader, q.id, 'instruct', { text: '请办理。' }), 400, '须先指定主办科室')
    await expectRefused(q.id, () => act(u.office, q.id, 'assign', { coSections: [S().lvhua] }), 400, '请选择主办科室', 'leadSection')
    const ok = await act(u.office, q.id, 'assign', { leadSection: S().fangguan, coSections: [] })
    expect(ok.status, JSON.stringify(ok.json)).toBe(200)
    expect(String(idOf((await proposal(q.id)).assignment?.leadSection))).toBe(String(S().fangguan))
  })
})
