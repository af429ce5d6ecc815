// 督办 on each database: 重点督办 is set and cleared by a leader alone (one document or many at once;
// anyone else's change is dropped, nothing recorded), stamped and on the timeline; 催办 by the office
// and leaders through its action endpoint, recorded as an event whose note is public only when
// marked so (the public export shows exactly that, and a rebuild is queued), refused to everyone
// else with nothing recorded; the 督办 board's rows in its order (严重逾期, then 重点督办, then by
// deadline), its counts, its pages, and the overdue commitments of published replies.
import { createLocalReq, type Payload, type PayloadRequest } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { idOf } from '../../cms/access/actor'
import { proposalActionsEndpoint } from '../../cms/endpoints/actions'
import { boardData, boardDay, groupCount, groupRows, keyItemDuties, overdueCommitments, overdueCounts } from '../../cms/lib/board'
import { getCalendar } from '../../cms/lib/calendar'
import { buildPublicExport } from '../../cms/lib/publicExport'
import type { Proposal } from '../../cms/payload-types'
import { boardOrder, tierOf, type Party } from '../../core/supervision'
import { databaseLabel, startPayload } from '../helpers/payload'
import { as, createWorld, type World } from '../fixtures/world'

let payload: Payload
let w: World
type Who = ReturnType<typeof as>
let u: Record<'office' | 'leader' | 'staff' | 'head' | 'admin' | 'otherHead' | 'A', Who>

/** Monday 2 March 2026, 10:00 in China: the board's "today". */
const NOW = '2026-03-02T02:00:00.000Z'
const dayAt = (date: string) => `${date}T02:00:00.000Z`

/** Runs `f` with the clock pinned to `iso` (the records it makes are stamped then). */
async function at<T>(iso: string, f: () => Promise<T>): Promise<T> {
  process.env.APP_NOW = iso
  try {
    return await f()
  } finally {
    process.env.APP_NOW = NOW
  }
}

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
    otherHead: as(w.otherHead, 'users'),
    A: as(w.reps.A, 'representatives'),
  }
})
afterAll(async () => {
  await payload?.destroy()
})

const S = () => w.ref.sections
const step = (user: Who, id: unknown, data: Record<string, unknown>) => payload.update({ collection: 'proposals', id: id as number, data, user, overrideAccess: false } as never) as unknown as Promise<Proposal>
const proposal = (id: unknown) => payload.findByID({ collection: 'proposals', id: id as number, depth: 0, overrideAccess: true })
const events = async (id: unknown) =>
  (await payload.find({ collection: 'proposal-events', where: { proposal: { equals: id } }, sort: 'id', depth: 0, pagination: false, overrideAccess: true })).docs

/** A's proposal, submitted on `day`; accepted by the office (lead section named) on `screened` when given; instructed by a leader on `instructed`. */
async function made(title: string, day: string, screened?: string, instructed?: string): Promise<Proposal> {
  let p = await at(dayAt(day), async () => {
    const d = await payload.create({ collection: 'proposals', data: { title, body: `${title}，请尽快研究解决。`, category: '城市管理', residentialArea: w.ref.areas[1] } as never, user: u.A, overrideAccess: false })
    return step(u.A, d.id, { status: 'submitted' })
  })
  if (screened)
    p = await at(dayAt(screened), async () => {
      await step(u.office, p.id, { status: 'accepted', screening: { decision: 'accepted', reason: '属城管职责，予以立案' } })
      return step(u.office, p.id, { assignment: { leadSection: S().chengguan } })
    })
  if (instructed) p = await at(dayAt(instructed), () => step(u.leader, p.id, { newInstruction: '请城管分队抓紧办理。' }))
  return p
}

type Answer = { status: number; json: { message?: string; errors?: { code: string; message: string; fields?: Record<string, string> }[] } }
/** The action endpoint as the admin's dialog calls it. */
async function act(user: Who | null, id: unknown, action: string, body: unknown = {}): Promise<Answer> {
  const req = (await createLocalReq({ user: (user ?? undefined) as PayloadRequest['user'] & object }, payload)) as PayloadRequest
  const text = JSON.stringify(body)
  Object.assign(req, { method: 'POST', body: text, headers: new Headers({ 'content-type': 'application/json' }), text: async () => text, routeParams: { id: String(id), action }, payloadAPI: 'REST' })
  const res = await proposalActionsEndpoint.handler(req)
  return { status: res.status, json: await res.json() }
}

describe(`重点督办 on ${databaseLabel()}`, () => {
  let p: Proposal
  let q: Proposal

  it('is set by no one but a leader: everyone else’s change is dropped, and nothing is recorded', async () => {
    p = await made('督办测试：兰亭路积水', '2026-02-24', '2026-02-25', '2026-02-26')
    q = await made('督办测试：竹林路噪音', '2026-02-24', '2026-02-25')
    const before = (await events(p.id)).length
    for (const who of ['office', 'admin', 'head', 'staff', 'A'] as const) {
      const after = await step(u[who], p.id, { keyItem: true })
      expect(after.keyItem, who).toBe(false)
      expect((await proposal(p.id)).keyItem, who).toBe(false)
    }
    // Many at once (a query): the same.
    for (const who of ['office', 'admin', 'head'] as const) {
      await payload.update({ collection: 'proposals', where: { id: { in: [p.id, q.id] } }, data: { keyItem: true } as never, user: u[who], overrideAccess: false })
      expect([(await proposal(p.id)).keyItem, (await proposal(q.id)).keyItem], who).toEqual([false, false])
    }
    // Who and when are the system's: nobody writes them.
    await step(u.leader, p.id, { keyItemBy: w.staff.office.id, keyItemAt: '2020-01-01T00:00:00.000Z' })
    expect((await proposal(p.id)).keyItemAt ?? null).toBeNull()
    expect((await events(p.id)).length).toBe(before)
  })

  it('a leader sets it (stamped, on the timeline as public) and clears it; many at once too', async () => {
    const set = await step(u.leader, p.id, { keyItem: true })
    expect(set.keyItem).toBe(true)
    const stored = await proposal(p.id)
    expect(String(idOf(stored.keyItemBy))).toBe(String(w.staff.leader.id))
    expect(stored.keyItemAt).toBe(NOW)
    const marked = (await events(p.id)).at(-1)!
    expect(marked).toMatchObject({ action: '列为重点督办', actorRole: 'leader', internal: false })
    expect(String(idOf(marked.actorUser))).toBe(String(w.staff.leader.id))

    await step(u.leader, p.id, { keyItem: false })
    expect((await proposal(p.id)).keyItem).toBe(false)
    expect((await events(p.id)).at(-1)).toMatchObject({ action: '取消重点督办', actorRole: 'leader' })

    await payload.update({ collection: 'proposals', where: { id: { in: [p.id, q.id] } }, data: { keyItem: true } as never, user: u.leader, overrideAccess: false })
    expect([(await proposal(p.id)).keyItem, (await proposal(q.id)).keyItem]).toEqual([true, true])
    // Saving it unchanged records nothing more.
    const count = (await events(p.id)).length
    await step(u.leader, p.id, { keyItem: true })
    expect((await events(p.id)).length).toBe(count)
  })

  it('from the action bar: 列为 when unset, 取消 when set, only for a leader', async () => {
    const refused = await act(u.office, p.id, 'unmarkKey')
    expect(refused.status).toBe(403)
    expect(refused.json.errors?.[0]?.message).toMatch(/不能办理“取消重点督办”/)
    expect((await act(u.leader, p.id, 'markKey')).status).toBe(403) // already marked
    const ok = await act(u.leader, p.id, 'unmarkKey')
    expect(ok.status, JSON.stringify(ok.json)).toBe(200)
    expect(ok.json.message).toBe('已取消重点督办')
    expect((await proposal(p.id)).keyItem).toBe(false)
    expect((await act(u.leader, p.id, 'markKey')).json.message).toBe('已列为重点督办')
    expect((await proposal(p.id)).keyItem).toBe(true)
  })

  it('is public: the export says so', async () => {
    const exp = await buildPublicExport(payload)
    const pub = exp.proposals.find((x) => x.number === p.number)!
    expect(pub.keyItem).toBe(true)
    expect(pub.timeline.map((t) => t.action)).toEqual(expect.arrayContaining(['列为重点督办', '取消重点督办']))
    expect(exp.proposals.find((x) => x.number === q.number)!.keyItem).toBe(true)
  })
})

describe(`催办 on ${databaseLabel()}`, () => {
  let p: Proposal
  const urges = async (id: unknown) => (await events(id)).filter((e) => e.action === '催办')
  const waitingRebuilds = async () =>
    (await payload.find({ collection: 'payload-jobs', where: { and: [{ taskSlug: { equals: 'rebuildSite' } }, { completedAt: { exists: false } }] }, depth: 0, overrideAccess: true })).docs.map((j) => (j.input as { trigger?: string }).trigger)

  it('is refused to anyone but the office and leaders, and to a request it cannot read; nothing is recorded', async () => {
    p = await made('督办测试：松风路路灯', '2026-02-24', '2026-02-25', '2026-02-26')
    await step(u.staff, p.id, { status: 'inProgress' })
    const refusals: [Who | null, number, RegExp, unknown?][] = [
      [u.staff, 403, /不能办理“催办”/],
      [u.head, 403, /不能办理“催办”/],
      [u.admin, 403, /不能办理“催办”/],
      [u.otherHead, 404, /找不到这件提案/],
      [u.A, 403, /只有工作人员登录后台后可以办理/],
      [null, 401, /请先登录/],
      [u.office, 400, /勾选了“公开说明”，请填写说明/, { note: ' ', notePublic: true }],
      [u.office, 400, /不能提交这些字段：internal/, { note: '请办理', internal: true }],
    ]
    for (const [who, status, message, body] of refusals) {
      const r = await act(who, p.id, 'urge', body ?? { note: '请尽快办理' })
      expect(r.status, JSON.stringify(r.json)).toBe(status)
      expect(r.json.errors?.[0]?.message).toMatch(message)
    }
    expect(await urges(p.id)).toEqual([])
  })

  it('the office 催办s with an internal note, a leader with a public one, the office again without one', async () => {
    const r1 = await act(u.office, p.id, 'urge', { note: '科室电话无人接听，请回电' })
    expect(r1.status, JSON.stringify(r1.json)).toBe(200)
    expect(r1.json.message).toBe('已催办，记入办理记录')
    await payload.delete({ collection: 'payload-jobs', where: { id: { exists: true } }, overrideAccess: true })
    const r2 = await act(u.leader, p.id, 'urge', { note: '请于本周内答复代表', notePublic: true })
    expect(r2.status, JSON.stringify(r2.json)).toBe(200)
    // The public timeline changes: the site is rebuilt.
    expect(await waitingRebuilds()).toEqual(['催办变更'])
    expect((await act(u.office, p.id, 'urge', {})).status).toBe(200)

    const stored = await urges(p.id)
    expect(stored.map((e) => [e.actorRole, e.note ?? null, !!e.notePublic, !!e.internal])).toEqual([
      ['office', '科室电话无人接听，请回电', false, false],
      ['leader', '请于本周内答复代表', true, false],
      ['office', null, false, false],
    ])
    expect(stored.map((e) => String(idOf(e.actorUser)))).toEqual([w.staff.office.id, w.staff.leader.id, w.staff.office.id].map(String))
    // Nothing else of the proposal changed.
    expect((await proposal(p.id)).status).toBe('inProgress')
  })

  it('the public timeline shows each 催办 and only the note marked public', async () => {
    const exp = await buildPublicExport(payload)
    const pub = exp.proposals.find((x) => x.number === p.number)!
    expect(pub.timeline.filter((t) => t.action === '催办').map((t) => [t.role, t.note, t.at])).toEqual([
      ['office', null, NOW],
      ['leader', '请于本周内答复代表', NOW],
      ['office', null, NOW],
    ])
    expect(JSON.stringify(exp)).not.toContain('科室电话无人接听')
    // No other event's note leaves, public or not.
    expect(exp.proposals.flatMap((x) => x.timeline).filter((t) => t.action !== '催办' && t.note !== null)).toEqual([])
  })
})

describe(`the 督办 board on ${databaseLabel()}`, () => {
  const leaderParty: Party = { kind: 'role', role: 'leader' }
  const titles = { very: '督办台：严重逾期待批示', key: '督办台：重点督办待批示', late: '督办台：已逾期待批示', fresh: '督办台：期限内待批示' }
  const ids = {} as Record<keyof typeof titles, number>

  beforeAll(async () => {
    // Waiting for a leader's 批示 (5 working days after screening), screened on different days.
    ids.very = (await made(titles.very, '2026-01-05', '2026-01-06')).id
    ids.key = (await made(titles.key, '2026-02-24', '2026-02-25')).id
    ids.late = (await made(titles.late, '2026-02-10', '2026-02-11')).id
    ids.fresh = (await made(titles.fresh, '2026-02-26', '2026-02-27')).id
    await step(u.leader, ids.key, { keyItem: true })
  })

  const reader = () => ({ payload, user: u.leader as never })

  it('lists a group in the board’s order: 严重逾期, then 重点督办, then by deadline; every window of it consistent', async () => {
    const day = await boardDay(reader(), await getCalendar(payload))
    const total = await groupCount(reader(), leaderParty, 'instruct', day)
    const all = await groupRows(reader(), leaderParty, 'instruct', day, { offset: 0, limit: 100 })
    expect(all).toHaveLength(total)
    // Ours in the expected order (others of this file wait for a 批示 too).
    const mine = all.filter((r) => Object.values(titles).includes(r.proposal.title))
    expect(mine.map((r) => r.proposal.title)).toEqual([titles.very, titles.key, titles.late, titles.fresh])
    expect(tierOf({ ...mine[0]!, keyItem: false, number: null }, day.today, day.calendar)).toBe(1)
    // The whole list is in the order core defines.
    const order = boardOrder(day.today, day.calendar)
    const items = all.map((r) => ({ due: r.due, keyItem: r.proposal.keyItem, number: r.proposal.number ?? null }))
    expect([...items].sort((a, b) => order(a, b) || 0).map((i) => tierOf(i, day.today, day.calendar))).toEqual(items.map((i) => tierOf(i, day.today, day.calendar)))
    for (let i = 1; i < items.length; i++) if (tierOf(items[i]!, day.today, day.calendar) === tierOf(items[i - 1]!, day.today, day.calendar)) expect((items[i]!.due ?? '~') >= (items[i - 1]!.due ?? '~')).toBe(true)
    // Any window is the same slice of the list, read a page at a time.
    for (const [offset, limit] of [[1, 2], [2, 2], [3, 1], [0, 3], [total - 1, 5]] as const) {
      const rows = await groupRows(reader(), leaderParty, 'instruct', day, { offset, limit })
      expect(rows.map((r) => r.key), `${offset}+${limit}`).toEqual(all.slice(offset, offset + limit).map((r) => r.key))
    }
    // The board's own view of the group: its first rows are these.
    const d = await boardData(reader(), day.calendar, { who: 'leader' })
    expect(d.groups.find((g) => g.stage === 'instruct')!.rows.map((r) => r.key)).toEqual(all.slice(0, 5).map((r) => r.key))
  })

  it('counts in the database what it lists: overdue and 严重逾期 by the deadlines’ rule', async () => {
    const day = await boardDay(reader(), await getCalendar(payload))
    const all = await groupRows(reader(), leaderParty, 'instruct', day, { offset: 0, limit: 100 })
    expect(await groupCount(reader(), leaderParty, 'instruct', day)).toBe(all.length)
    // The leader owes nothing but 批示 here (no request for a later deadline).
    expect(await overdueCounts(reader(), leaderParty, day)).toEqual({
      overdue: all.filter((r) => r.due != null && r.due < day.today).length,
      veryOverdue: all.filter((r) => tierOf({ due: r.due, keyItem: false, number: null }, day.today, day.calendar) === 1).length,
    })
    const keyDuties = await keyItemDuties(reader(), day)
    expect(keyDuties.filter((k) => k.role === 'leader').map((k) => String(idOf(k.proposal))).sort()).toEqual(all.filter((r) => r.proposal.keyItem).map((r) => String(r.proposal.id)).sort())
    const d = await boardData(reader(), day.calendar, {})
    expect(d.counts.get('leader')).toMatchObject({ total: all.length, key: all.filter((r) => r.proposal.keyItem).length })
  })

  it('lists an overdue commitment of a published reply under the section that promised it, until it is verified as kept', async () => {
    const p = await made('督办台：承诺逾期', '2026-01-05', '2026-01-06', '2026-01-07')
    await at(dayAt('2026-01-08'), async () => {
      await step(u.staff, p.id, { status: 'inProgress' })
      const reply = await payload.create({
        collection: 'replies',
        data: { proposal: p.id, class: 'B', text: '已列入本年度道路维修计划，分批实施。', commitments: [{ text: '修复路面', dueDate: '2026-02-20' }, { text: '增设路灯', dueDate: '2026-02-25' }, { text: '绿化补种', dueDate: '2026-04-30' }] } as never,
        user: u.staff,
        overrideAccess: false,
      })
      await payload.update({ collection: 'replies', id: reply.id, data: { signOff: true } as never, user: u.head, overrideAccess: false })
      await payload.update({ collection: 'replies', id: reply.id, data: { publish: true } as never, user: u.office, overrideAccess: false })
    })
    const published = (await payload.find({ collection: 'replies', where: { proposal: { equals: p.id } }, depth: 0, overrideAccess: true })).docs[0]!
    const kept = published.commitments!.find((c) => c.text === '增设路灯')!
    await at(dayAt('2026-02-27'), () => payload.create({ collection: 'follow-ups', data: { proposal: p.id, kind: 'verification', commitmentId: kept.id, verified: true, notes: '现场查看，路灯已装。' } as never, user: u.office, overrideAccess: false }))

    const day = await boardDay(reader(), await getCalendar(payload))
    const rows = (await overdueCommitments(reader(), day)).filter((r) => r.proposal.id === p.id)
    expect(rows.map((r) => [r.commitment, r.due, r.party])).toEqual([['修复路面', '2026-02-20', { kind: 'section', section: S().chengguan }]])
    // The office owes its verification from that day: a duty row of its own, naming the commitment (one is owed per commitment).
    expect((await groupRows(reader(), { kind: 'role', role: 'office' }, 'verify', day, { offset: 0, limit: 100 })).filter((r) => r.proposal.id === p.id).map((r) => [r.due, r.commitment])).toEqual([['2026-02-20', '修复路面']])
  })
})
