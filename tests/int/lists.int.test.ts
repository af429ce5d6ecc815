// The admin's lists, as the database answers them: 当前期限 sorts with the proposals without a
// deadline last, either way; each filter of the bar (its options as the server makes them for the
// person, carried through the page's address) finds exactly the proposals or replies it names;
// the sort key is never shown. On SQLite and on PostgreSQL (TEST_POSTGRES_URL).
import type { Payload, TypedUser, Where } from 'payload'
import { createLocalReq, parseParams } from 'payload'
import * as qs from 'qs-esm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { deadlineState, type DeadlineState } from '../../core/deadlines'
import { getCalendar } from '../../cms/lib/calendar'
import { undatedLast } from '../../cms/lib/derived'
import { listAs } from '../../cms/lib/export/readAs'
import { proposalFilters, replyFilters } from '../../cms/lib/listFilterOptions'
import { chosenOption, withChoice, type ListFilter } from '../../cms/lib/listFilters'
import { buildPublicExport } from '../../cms/lib/publicExport'
import type { Proposal, Reply } from '../../cms/payload-types'
import { databaseLabel, startPayload } from '../helpers/payload'
import { as, createWorld, type World } from '../fixtures/world'

// Wednesday 2026-03-11, 12:00 in China: 即将到期 is due 03-11…03-16, 已逾期 02-05…03-10, 严重逾期 before 02-05.
const Now = '2026-03-11T04:00:00.000Z'

let payload: Payload
let w: World
type Who = ReturnType<typeof as>
let office: Who, leader: Who, staff: Who, head: Who

const at = (iso: string) => {
  process.env.APP_NOW = iso
}
const idOf = (v: unknown) => (v && typeof v === 'object' ? (v as { id: unknown }).id : v)

/** The office enters a paper proposal and submits it at `when`. */
async function submitted(title: string, when: string, extra: Record<string, unknown> = {}) {
  at(when)
  return payload.create({
    collection: 'proposals',
    data: { title, body: `${title}，请有关部门研究解决。`, category: 'urban', residentialArea: w.ref.areas[0], proposer: w.reps.A.id, status: 'submitted', ...extra } as never,
    user: office,
    overrideAccess: false,
  })
}
const update = (user: Who, id: number | string, data: Record<string, unknown>) => payload.update({ collection: 'proposals', id, data, user, overrideAccess: false })

/** Accepted at `when` (its 批示 due 5 working days later) and given a lead section. */
async function acceptedAt(id: number | string, when: string, section: number | string) {
  at(when)
  await update(office, id, { status: 'accepted', screening: { decision: 'accepted', reason: '属实，予以立案' } })
  await update(office, id, { assignment: { leadSection: section } })
}

const made: Record<string, number> = {}
let reply: Reply
let draftReply: Reply

beforeAll(async () => {
  at(Now)
  payload = await startPayload()
  w = await createWorld(payload)
  office = as(w.staff.office, 'users')
  leader = as(w.staff.leader, 'users')
  staff = as(w.staff.sectionStaff, 'users')
  head = as(w.staff.sectionHead, 'users')
  const { chengguan, fangguan } = w.ref.sections

  made.soon = (await submitted('即将到期的提案', '2026-03-10T02:00:00.000Z', { category: 'market', residentialArea: w.ref.areas[1] })).id // 甄别 due 03-13
  made.overdue = (await submitted('已逾期的提案', '2026-02-25T02:00:00.000Z')).id // due 03-02
  made.long = (await submitted('严重逾期的提案', '2026-01-05T02:00:00.000Z', { session: w.ref.sessions.previous })).id // due 01-08
  made.onTrackCg = (await submitted('期限内的城管提案', '2026-03-11T01:00:00.000Z')).id
  await acceptedAt(made.onTrackCg, Now, chengguan) // 批示 due 03-18
  made.overdueCg = (await submitted('已逾期的城管提案', '2026-02-24T02:00:00.000Z')).id
  await acceptedAt(made.overdueCg, '2026-02-26T02:00:00.000Z', chengguan) // 批示 due 03-05
  made.overdueFg = (await submitted('已逾期的房管提案', '2026-02-24T02:00:00.000Z', { residentialArea: w.ref.areas[1] })).id
  await acceptedAt(made.overdueFg, '2026-02-26T02:00:00.000Z', fangguan)
  // Without a deadline in force: two paper drafts, and one answered (its reply published, class B).
  at(Now)
  for (const k of ['draft1', 'draft2'])
    made[k] = (await payload.create({ collection: 'proposals', data: { title: `草稿 ${k}`, body: '尚未提交的纸质提案内容。', category: 'other', residentialArea: w.ref.areas[0], proposer: w.reps.A.id } as never, user: office, overrideAccess: false })).id
  made.replied = (await submitted('已答复的提案', '2026-03-02T02:00:00.000Z')).id
  await acceptedAt(made.replied, '2026-03-03T02:00:00.000Z', chengguan)
  at('2026-03-04T02:00:00.000Z')
  await update(leader, made.replied, { newInstruction: '请城管分队办理。' })
  await update(staff, made.replied, { status: 'inProgress' })
  reply = await payload.create({
    collection: 'replies',
    data: { proposal: made.replied, class: 'B', text: '已列入本年度维修计划，预计三个月内完成。', commitments: [{ text: '完成维修', dueDate: '2026-06-30' }] } as never,
    user: staff,
    overrideAccess: false,
  })
  at('2026-03-05T02:00:00.000Z')
  await payload.update({ collection: 'replies', id: reply.id, data: { signOff: true } as never, user: head, overrideAccess: false })
  await payload.update({ collection: 'replies', id: reply.id, data: { publish: true } as never, user: office, overrideAccess: false })
  // The on-track one is being handled at 城管分队: its reply drafted (class A), not signed off.
  at(Now)
  await update(leader, made.onTrackCg, { newInstruction: '请城管分队办理。' })
  await update(staff, made.onTrackCg, { status: 'inProgress' })
  draftReply = await payload.create({
    collection: 'replies',
    data: { proposal: made.onTrackCg, class: 'A', text: '已安排人员现场处理，问题已经解决。' } as never,
    user: staff,
    overrideAccess: false,
  })
}, 300_000)
afterAll(async () => {
  delete process.env.APP_NOW
  await payload?.destroy()
})

/** Every proposal as stored (the sort key too, which no read shows). */
const allStored = async () => (await payload.db.find({ collection: 'proposals', pagination: false, limit: 0 })).docs as (Proposal & { undated?: boolean })[]

/** The proposals this person's list shows for `where` and `sort`, as numbered ids in order. */
const listed = async (user: Who, where: Where = {}, sort?: string) =>
  (await payload.find({ collection: 'proposals', where, sort, pagination: false, depth: 0, overrideAccess: false, user })).docs.map((d) => d.id)

/** A `where` as it returns from the page's address (qs, 10 levels, as Payload reads the admin's and REST's queries). */
const viaAddress = (where: Where): Where => {
  const search = qs.stringify({ where })
  const parsed = qs.parse(search, { depth: 10 }) as Record<string, unknown>
  // Deeper than Payload reads would arrive cut, as text keys: the round trip must be exact.
  expect(JSON.stringify(parsed.where)).not.toMatch(/"\[/)
  return (parseParams(parsed).where ?? {}) as Where
}

describe(`the proposals list on ${databaseLabel()}`, () => {
  it('sorts by 当前期限 with the proposals without one last, ascending and descending (and by default)', async () => {
    const docs = await allStored()
    const dated = docs.filter((d) => d.currentDue)
    const undated = docs.filter((d) => !d.currentDue).map((d) => d.id)
    expect(dated.length).toBeGreaterThanOrEqual(6)
    expect(undated.length).toBe(3)
    // Each row keeps its key with its deadline.
    for (const d of docs) expect(d.undated).toBe(!d.currentDue)

    const byDue = (dir: 1 | -1) => [...dated].sort((a, b) => dir * a.currentDue!.localeCompare(b.currentDue!) || Number(a.id) - Number(b.id))
    for (const [sort, dir] of [['currentDue', 1], ['-currentDue', -1], [undefined, 1]] as const) {
      const ids = await listed(office, {}, sort)
      const due = (id: unknown) => docs.find((d) => d.id === id)!.currentDue
      expect(ids.slice(0, dated.length).map(due)).toEqual(byDue(dir).map((d) => d.currentDue))
      expect(new Set(ids.slice(dated.length))).toEqual(new Set(undated))
    }
    // Other sorts are the database's own.
    expect(undatedLast('number')).toEqual(['number'])
    expect(undatedLast('-currentDue,number')).toEqual(['undated', '-currentDue', 'number'])
    expect(undatedLast(undatedLast('currentDue'))).toEqual(['undated', 'currentDue'])
  })

  it('the export (导出 Excel) lists them in the list’s order (the same deadlines in turn, the undated last)', async () => {
    const due = new Map((await allStored()).map((d) => [d.id, d.currentDue ?? null]))
    for (const sort of ['currentDue', '-currentDue']) {
      const req = { payload, user: office, payloadAPI: 'REST', context: {}, query: {} } as never
      const { pages } = await listAs(req, 'proposals', {}, undatedLast(sort)!, { id: true })
      const ids: unknown[] = []
      for await (const page of pages) ids.push(...page.map((d) => d.id))
      const listedDues = (await listed(office, {}, sort)).map((id) => due.get(id))
      expect(ids.map((id) => due.get(id as number))).toEqual(listedDues)
      expect(listedDues.slice(-3)).toEqual([null, null, null])
    }
  })

  it('the sort key is never shown: not in any read, not in the public export', async () => {
    const [one] = (await payload.find({ collection: 'proposals', limit: 1, depth: 0, overrideAccess: false, user: office })).docs
    expect(one).not.toHaveProperty('undated')
    expect(await payload.findByID({ collection: 'proposals', id: made.soon, depth: 0, overrideAccess: false, user: office })).not.toHaveProperty('undated')
    expect(await payload.findByID({ collection: 'proposals', id: made.soon, depth: 0, overrideAccess: true, showHiddenFields: true })).not.toHaveProperty('undated')
    expect(JSON.stringify(await buildPublicExport(payload))).not.toMatch(/undated/)
    // …nor in the admin: no column, no filter, no form field.
    const field = payload.collections.proposals.config.flattenedFields.find((f) => f.name === 'undated')
    expect(field?.admin?.hidden).toBe(true)
  })

  it('the reply class of the reply that stands is kept on the proposal', async () => {
    const docs = await allStored()
    expect(docs.find((d) => d.id === made.replied)?.replyClass).toBe('B')
    expect(docs.filter((d) => d.replyClass != null).map((d) => d.id)).toEqual([made.replied])
  })

  it('each deadline filter finds exactly the proposals in that state today (core’s rule)', async () => {
    const filters = await proposalFilters(payload, office as TypedUser)
    const deadline = filters.find((f) => f.key === 'deadline')!
    expect(deadline.options.map((o) => o.label)).toEqual(['即将到期（3 个工作日内到期）', '已逾期（逾期不超过 20 个工作日）', '严重逾期（逾期超过 20 个工作日）'])
    const calendar = await getCalendar(payload)
    const docs = await allStored()
    const states: DeadlineState[] = ['dueSoon', 'overdue', 'longOverdue']
    const expected = (s: DeadlineState) => docs.filter((d) => d.currentDue && deadlineState(d.currentDue, Now, calendar).state === s).map((d) => d.id).sort()
    expect(expected('dueSoon')).toEqual([made.soon])
    expect(expected('longOverdue')).toEqual([made.long])
    expect(expected('overdue')).toEqual([made.overdue, made.overdueCg, made.overdueFg].sort())
    for (const [i, s] of states.entries()) {
      const where = viaAddress(withChoice({}, deadline, deadline.options[i]))
      expect(chosenOption(deadline, where)).toBe(i)
      expect((await listed(office, where)).sort()).toEqual(expected(s))
    }
  })

  it('each named filter finds exactly its proposals, combined with the deadline (已逾期 at 城管分队)', async () => {
    const filters = await proposalFilters(payload, office as TypedUser)
    const by = (key: string) => filters.find((f) => f.key === key)!
    const option = (f: ListFilter, label: string) => f.options.find((o) => o.label === label)!
    expect(filters.map((f) => f.label)).toEqual(['期限', '主办科室', '居民区', '届次', '类别', '答复类别'])
    // Names, never ids.
    for (const f of filters) for (const o of f.options) expect(o.label).not.toMatch(/^\d+$/)

    const docs = await allStored()
    const check = async (f: ListFilter, label: string, keep: (d: Proposal) => boolean) => {
      const ids = (await listed(office, viaAddress(withChoice({}, f, option(f, label))))).sort()
      expect(ids, `${f.label} ${label}`).toEqual(docs.filter(keep).map((d) => d.id).sort())
      expect(ids.length, `${f.label} ${label}`).toBeGreaterThan(0)
    }
    await check(by('section'), '城管分队', (d) => String(idOf(d.assignment?.leadSection)) === String(w.ref.sections.chengguan))
    const area1 = by('area').options.find((o) => String((o.where as { residentialArea: { equals: unknown } }).residentialArea.equals) === String(w.ref.areas[1]))!
    await check(by('area'), area1.label, (d) => String(idOf(d.residentialArea)) === String(w.ref.areas[1]))
    const previous = by('session').options.find((o) => String((o.where as { session: { equals: unknown } }).session.equals) === String(w.ref.sessions.previous))!
    await check(by('session'), previous.label, (d) => String(idOf(d.session)) === String(w.ref.sessions.previous))
    await check(by('category'), '市场秩序', (d) => d.category === 'market')
    await check(by('replyClass'), 'B 正在解决或列入计划', (d) => d.replyClass === 'B')

    // Two at once: 已逾期 and 城管分队.
    let where = withChoice({}, by('deadline'), by('deadline').options[1])
    where = viaAddress(withChoice(where, by('section'), option(by('section'), '城管分队')))
    expect((await listed(office, where, 'currentDue')).sort()).toEqual([made.overdueCg])
  })

  it('the migration sets the sort key and the reply class of the proposals already there (down, then up)', async () => {
    const columns = async () => (await allStored()).map((d) => ({ id: d.id, undated: d.undated, replyClass: d.replyClass ?? null })).sort((a, b) => Number(a.id) - Number(b.id))
    const kept = await columns()
    expect(kept.filter((c) => c.undated).length).toBe(3)
    const migration = process.env.TEST_POSTGRES_URL
      ? await import('../../cms/migrations/postgres/20261130_093844_lists_sort_and_reply_class')
      : await import('../../cms/migrations/sqlite/20261130_093749_lists_sort_and_reply_class')
    const args = { db: payload.db.drizzle, payload, req: await createLocalReq({}, payload) } as never
    await migration.down(args)
    await migration.up(args)
    expect(await columns()).toEqual(kept)
  })

  it('a section’s staff get the same filters, over what they may read', async () => {
    const filters = await proposalFilters(payload, staff as TypedUser)
    const deadline = filters.find((f) => f.key === 'deadline')!
    const ids = await listed(staff, viaAddress(withChoice({}, deadline, deadline.options[1])))
    expect(ids).toEqual([made.overdueCg])
  })
})

describe(`the replies list on ${databaseLabel()}`, () => {
  it('filters by section, class, signed off and published', async () => {
    const filters = await replyFilters(payload, office as TypedUser)
    expect(filters.map((f) => f.label)).toEqual(['答复科室', '答复类别', '签发', '公开'])
    const by = (key: string) => filters.find((f) => f.key === key)!
    const list = async (f: ListFilter, label: string) =>
      (await payload.find({ collection: 'replies', where: viaAddress(withChoice({}, f, f.options.find((o) => o.label === label)!)), depth: 0, overrideAccess: false, user: office })).docs.map((d) => d.id)
    const sorted = async (f: ListFilter, label: string) => (await list(f, label)).sort()
    expect(await sorted(by('section'), '城管分队')).toEqual([reply.id, draftReply.id].sort())
    expect(await list(by('section'), '房管办')).toEqual([])
    expect(await list(by('section'), '代表工作室')).toEqual([])
    expect(await list(by('class'), 'B 正在解决或列入计划')).toEqual([reply.id])
    expect(await list(by('class'), 'A 已解决或采纳')).toEqual([draftReply.id])
    expect(await list(by('signedOff'), '已签发')).toEqual([reply.id])
    expect(await list(by('signedOff'), '未签发')).toEqual([draftReply.id])
    expect(await list(by('published'), '已公开')).toEqual([reply.id])
    expect(await list(by('published'), '未公开')).toEqual([draftReply.id])
  })
})
