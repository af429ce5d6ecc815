// 承诺台账 as stored: each commitment of a published reply is a record of the `commitments`
// collection, kept in step by the system in the same transaction as the reply or verification that
// moves it (a verification rolled back leaves the ledger as it was), with the state core decides
// (core/commitments.ts commitmentRecords): 待兑现, 已兑现, 未兑现, 已更正 — corrections included.
// The open data says the same. Nobody writes the ledger; staff read it within their scope. Its
// filters (section, state, 完成时限, session) and the migration that backfills it (down, then up).
import { createLocalReq, initTransaction, killTransaction, type CollectionSlug, type Payload, type TypedUser, type Where } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { idOf } from '../../cms/access/actor'
import { loadObligations, runSweep } from '../../cms/notices/sweep'
import { buildPublicExport } from '../../cms/lib/publicExport'
import { commitmentFilters } from '../../cms/lib/listFilterOptions'
import { withChoice, type ListFilter } from '../../cms/lib/listFilters'
import type { Commitment } from '../../cms/payload-types'
import { databaseLabel, startPayload } from '../helpers/payload'
import { as, createWorld, type World } from '../fixtures/world'

let payload: Payload
let w: World
type Id = number | string
let u: Record<'office' | 'leader' | 'staff' | 'head' | 'coStaff' | 'otherHead' | 'admin' | 'A', TypedUser>
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
    otherHead: as(w.otherHead, 'users'),
    admin: as(w.staff.admin, 'users'),
    A: as(w.reps.A, 'representatives'),
  }
})
afterAll(async () => {
  process.env.APP_NOW = Monday
  await payload?.destroy()
})

const opts = (user: TypedUser) => ({ user, overrideAccess: false as const })
const step = (user: TypedUser, id: Id, data: Record<string, unknown>) => payload.update({ collection: 'proposals', id, data, ...opts(user) })
const create = <C extends CollectionSlug>(collection: C, user: TypedUser, data: Record<string, unknown>) => payload.create({ collection, data: data as never, ...opts(user) })
const updateReply = (user: TypedUser, id: Id, data: Record<string, unknown>) => payload.update({ collection: 'replies', id, data: data as never, ...opts(user) })
const at = (iso: string) => (process.env.APP_NOW = iso)

/** A proposal assigned to 城管 (co-section 绿化办) on Monday 2 March 2026 and taken on, with its co-opinion in. */
async function inProgress(title: string) {
  at(Monday)
  const d = await create('proposals', u.A, { title, body: `${title}，请尽快研究解决。`, category: '其他', residentialArea: w.ref.areas[2] })
  await step(u.A, d.id, { status: 'submitted' })
  await step(u.office, d.id, { status: 'accepted', screening: { decision: 'accepted', reason: '予以立案' } })
  await step(u.office, d.id, { assignment: { leadSection: w.ref.sections.chengguan, coSections: [w.ref.sections.lvhua] } })
  await step(u.leader, d.id, { status: 'instructed', newInstruction: '请抓紧办理。' })
  const p = await step(u.staff, d.id, { status: 'inProgress' })
  await create('co-opinions', u.coStaff, { proposal: p.id, text: '绿化办同意配合。' })
  return p
}

/** A reply drafted, signed off and published (a correction when `corrects` is given). */
async function published(proposal: Id, commitments: { text: string; dueDate: string }[], corrects?: Id) {
  const r = await create('replies', u.staff, {
    proposal,
    class: 'B',
    text: corrects ? '更正：原答复所列完成时限有误，现更正如下。' : '已列入维修计划，分两步完成。',
    commitments,
    ...(corrects ? { corrects, correctionNote: '原答复的完成时限写错了' } : {}),
  })
  await updateReply(u.head, r.id, { signOff: true })
  return updateReply(u.office, r.id, { publish: true })
}

/** The proposal's ledger rows as "text:state[!]" (! = the finding stands by a correction), in reply order. */
async function ledger(proposal: Id): Promise<string[]> {
  const { docs } = await payload.find({ collection: 'commitments', where: { proposal: { equals: proposal } }, pagination: false, depth: 0, overrideAccess: true, sort: 'id' })
  return docs.map((d) => `${d.text}:${d.state}${d.corrected ? '!' : ''}`)
}
const row = async (commitmentId: string): Promise<Commitment> =>
  (await payload.find({ collection: 'commitments', where: { commitmentId: { equals: commitmentId } }, depth: 0, overrideAccess: true })).docs[0]!

let main: Id
let c1: string, c2: string

describe(`the commitments ledger on ${databaseLabel()}`, () => {
  it('holds each commitment of a published reply, with its date, section, session, reply and round; a draft’s are not there', async () => {
    const p = await inProgress('承诺台账测试')
    main = p.id
    const r = await create('replies', u.staff, {
      proposal: p.id,
      class: 'B',
      text: '已列入维修计划，分两步完成。',
      commitments: [
        { text: '三月底前修复路灯', dueDate: '2026-03-31' },
        { text: '五月底前增设护栏', dueDate: '2026-05-29' },
      ],
    })
    expect(await ledger(p.id)).toEqual([])
    await updateReply(u.head, r.id, { signOff: true })
    expect(await ledger(p.id)).toEqual([])
    const pub = await updateReply(u.office, r.id, { publish: true })
    ;[c1, c2] = pub.commitments!.map((c) => String(c.id))
    expect(await ledger(p.id)).toEqual(['三月底前修复路灯:open', '五月底前增设护栏:open'])
    const first = await row(c1)
    expect({
      dueDate: first.dueDate,
      section: String(idOf(first.section)),
      session: String(idOf(first.session)),
      reply: String(idOf(first.reply)),
      round: first.round,
      replyClass: first.replyClass,
      publishedAt: first.publishedAt && new Date(first.publishedAt).toISOString(),
      outstanding: first.outstanding,
      checkedAt: first.checkedAt ?? null,
    }).toEqual({
      dueDate: '2026-03-31',
      section: String(w.ref.sections.chengguan),
      session: String(idOf(p.session)),
      reply: String(r.id),
      round: 1,
      replyClass: 'B',
      publishedAt: new Date(pub.publishedAt!).toISOString(),
      outstanding: true,
      checkedAt: null,
    })
  })

  it('follows the verifications, corrections included, at every step', async () => {
    const verify = (data: Record<string, unknown>) => create('follow-ups', u.office, { proposal: main, kind: 'verification', notes: '现场查看。', verified: true, ...data })
    at('2026-04-01T02:00:00.000Z')
    await create('follow-ups', u.office, { proposal: main, kind: 'visit', notes: '上门回访。' })
    expect(await ledger(main)).toEqual(['三月底前修复路灯:open', '五月底前增设护栏:open'])
    const mistake = await verify({ commitmentId: c1 })
    expect(await ledger(main)).toEqual(['三月底前修复路灯:kept', '五月底前增设护栏:open'])
    expect(String(idOf((await row(c1)).standing))).toBe(String(mistake.id))
    expect((await row(c1)).outstanding).toBe(false)
    const unkept = await verify({ commitmentId: c2, verified: false })
    expect(await ledger(main)).toEqual(['三月底前修复路灯:kept', '五月底前增设护栏:unkept'])
    at('2026-04-02T02:00:00.000Z')
    const fix = await verify({ verified: false, corrects: mistake.id, correctionNote: '误将护栏的验证记在路灯上' })
    expect(await ledger(main)).toEqual(['三月底前修复路灯:unkept!', '五月底前增设护栏:unkept'])
    expect(String(idOf((await row(c1)).standing))).toBe(String(fix.id))
    expect(new Date((await row(c1)).checkedAt!).toISOString()).toBe('2026-04-02T02:00:00.000Z')
    await verify({ commitmentId: c2 })
    expect(await ledger(main)).toEqual(['三月底前修复路灯:unkept!', '五月底前增设护栏:kept'])
    expect(String(idOf((await row(c2)).standing))).not.toBe(String(unkept.id))
  })

  it('a correction of the reply supersedes its commitments (已更正) and brings the correction’s own', async () => {
    at('2026-04-03T02:00:00.000Z')
    const p = await inProgress('承诺台账更正答复测试')
    const wrong = await published(p.id, [{ text: '四月底前清理河道', dueDate: '2026-04-30' }])
    expect(await ledger(p.id)).toEqual(['四月底前清理河道:open'])
    await published(p.id, [{ text: '六月底前清理河道', dueDate: '2026-06-30' }], wrong.id)
    expect(await ledger(p.id)).toEqual(['四月底前清理河道:superseded', '六月底前清理河道:open'])
  })

  it('follows its proposal when it is filed under another session', async () => {
    const sessions = async () => (await payload.find({ collection: 'commitments', where: { proposal: { equals: main } }, depth: 0, overrideAccess: true })).docs.map((d) => String(idOf(d.session)))
    await payload.update({ collection: 'proposals', id: main, data: { session: w.ref.sessions.previous } as never, overrideAccess: true })
    expect(await sessions()).toEqual([String(w.ref.sessions.previous), String(w.ref.sessions.previous)])
    await payload.update({ collection: 'proposals', id: main, data: { session: w.ref.sessions.current } as never, overrideAccess: true })
    expect(await sessions()).toEqual([String(w.ref.sessions.current), String(w.ref.sessions.current)])
  })

  it('is written in the transaction of the save: a verification rolled back leaves the ledger as it was', async () => {
    const p = await inProgress('承诺台账事务测试')
    const r = await published(p.id, [{ text: '月底前修复井盖', dueDate: '2026-03-31' }])
    const id = String(r.commitments![0]!.id)
    const req = await createLocalReq({ user: u.office }, payload)
    await initTransaction(req)
    await payload.create({ collection: 'follow-ups', data: { proposal: p.id, kind: 'verification', notes: '现场查看。', commitmentId: id, verified: true } as never, req, user: u.office, overrideAccess: false })
    // Inside the transaction the ledger has moved with the verification…
    expect((await payload.find({ collection: 'commitments', where: { commitmentId: { equals: id } }, depth: 0, overrideAccess: true, req })).docs[0]!.state).toBe('kept')
    await killTransaction(req)
    // …and with it rolled back, neither is there.
    expect(await ledger(p.id)).toEqual(['月底前修复井盖:open'])
    expect((await payload.count({ collection: 'follow-ups', where: { proposal: { equals: p.id } } })).totalDocs).toBe(0)
  })

  it('agrees with the open data: every public commitment’s state is its ledger row’s', async () => {
    const exp = await buildPublicExport(payload)
    const rows = (await payload.find({ collection: 'commitments', pagination: false, depth: 0, overrideAccess: true })).docs
    const stored = new Map(rows.map((r) => [r.commitmentId, r.state]))
    const pub = exp.proposals.flatMap((p) => p.replies.flatMap((r) => r.commitments.map((c) => [c.id, c.state] as const)))
    expect(pub.length).toBeGreaterThanOrEqual(5)
    expect(new Map(pub)).toEqual(stored)
    const mine = exp.proposals.find((p) => p.title === '承诺台账测试')!.replies[0]!.commitments
    expect(mine.map((c) => [c.text, c.state, c.checkedAt])).toEqual([
      ['三月底前修复路灯', 'unkept', '2026-04-02T02:00:00.000Z'],
      ['五月底前增设护栏', 'kept', '2026-04-02T02:00:00.000Z'],
    ])
  })
})

describe(`the 督办 sweep reads its commitments from the ledger, on ${databaseLabel()}`, () => {
  it('each commitment still owed is an obligation with the ledger’s state; a superseded one none; its section reminded before the 完成时限, not the day before', async () => {
    const mine = new Map<string, Id>()
    for (const title of ['承诺台账测试', '承诺台账更正答复测试'])
      mine.set(title, (await payload.find({ collection: 'proposals', where: { title: { equals: title } }, depth: 0, overrideAccess: true })).docs[0]!.id)
    const { obligations } = await loadObligations(payload)
    const of = (title: string) =>
      obligations
        .filter((o) => o.kind === 'commitment' && String(o.proposal) === String(mine.get(title)))
        .map((o) => (o.kind === 'commitment' ? [o.text, o.due, o.state, String(o.section)] : []))
    const chengguan = String(w.ref.sections.chengguan)
    expect(of('承诺台账测试')).toEqual([
      ['三月底前修复路灯', '2026-03-31', 'unkept', chengguan],
      ['五月底前增设护栏', '2026-05-29', 'kept', chengguan],
    ])
    expect(of('承诺台账更正答复测试')).toEqual([['六月底前清理河道', '2026-06-30', 'open', chengguan]])
    // The office's 待验证 is owed per commitment: each names its commitment's words (the 督办 lines tell them apart).
    const verifying = obligations.filter((o) => o.kind === 'duty' && o.action === 'verify' && String(o.proposal) === String(mine.get('承诺台账测试')))
    expect(verifying.map((o) => (o.kind === 'duty' ? [o.due, o.subjectText] : []))).toEqual([['2026-03-31', '三月底前修复路灯']])
    // 2026-06-25 is 3 working days before Tuesday 30 June (Monday 29, Friday 26, Thursday 25): the section's staff are reminded.
    const remindedOn = async (day: string) => {
      at(`${day}T00:30:00.000Z`)
      const { rows } = await runSweep(payload, { dryRun: true })
      return rows.filter((r) => r.stage === 'reminder' && r.channel === 'inApp' && r.text?.includes('六月底前清理河道'))
    }
    const rows = await remindedOn('2026-06-25')
    expect(rows.map((r) => String(r.user))).toContain(String(w.staff.sectionStaff.id))
    expect(rows.every((r) => String(r.proposal) === String(mine.get('承诺台账更正答复测试')))).toBe(true)
    expect(await remindedOn('2026-06-24')).toEqual([])
    at(Monday)
  })
})

describe(`who may read and write the ledger, on ${databaseLabel()}`, () => {
  const mine = (): Where => ({ proposal: { equals: main } })
  it('staff who may read the proposal read its rows (the lead section, the co-section, the office, the leader); another section none', async () => {
    for (const who of ['office', 'leader', 'staff', 'head', 'coStaff', 'admin'] as const) expect((await payload.find({ collection: 'commitments', where: mine(), ...opts(u[who]) })).totalDocs, who).toBe(2)
    expect((await payload.find({ collection: 'commitments', where: mine(), ...opts(u.otherHead) })).totalDocs).toBe(0)
    const [one] = (await payload.find({ collection: 'commitments', where: mine(), overrideAccess: true })).docs
    await expect(payload.findByID({ collection: 'commitments', id: one!.id, ...opts(u.otherHead) })).rejects.toThrow()
  })

  it('representatives read none, not even of their own proposal', async () => {
    await expect(payload.find({ collection: 'commitments', where: mine(), ...opts(u.A) })).rejects.toThrow()
  })

  it('nobody creates, changes or deletes a row through the API, one by one or in bulk', async () => {
    const [one] = (await payload.find({ collection: 'commitments', where: mine(), overrideAccess: true })).docs
    const before = await ledger(main)
    for (const who of ['admin', 'office', 'leader', 'head'] as const) {
      await expect(create('commitments', u[who], { proposal: main, reply: one!.reply, commitmentId: 'x', text: '伪造的承诺', dueDate: '2026-12-31', state: 'kept', round: 1, replyClass: 'B', publishedAt: Monday }), who).rejects.toThrow()
      await expect(payload.update({ collection: 'commitments', id: one!.id, data: { state: 'kept' }, ...opts(u[who]) }), who).rejects.toThrow()
      await expect(payload.update({ collection: 'commitments', where: mine(), data: { state: 'kept' }, ...opts(u[who]) }), who).rejects.toThrow(/无权/)
      await expect(payload.delete({ collection: 'commitments', id: one!.id, ...opts(u[who]) }), who).rejects.toThrow()
      await expect(payload.delete({ collection: 'commitments', where: mine(), ...opts(u[who]) }), who).rejects.toThrow(/无权/)
    }
    expect(await ledger(main)).toEqual(before)
  })
})

describe(`the ledger’s filters, on ${databaseLabel()}`, () => {
  it('by section, state, 完成时限 (today 2026-04-03) and session: each option lists exactly its rows', async () => {
    at('2026-04-03T02:00:00.000Z')
    const filters = await commitmentFilters(payload, u.office)
    expect(filters.map((f) => f.label)).toEqual(['承诺科室', '状态', '完成时限', '届次'])
    for (const f of filters) for (const o of f.options) expect(o.label).not.toMatch(/^\d+$/)
    const all = (await payload.find({ collection: 'commitments', pagination: false, depth: 0, overrideAccess: true })).docs
    const by = (key: string) => filters.find((f) => f.key === key)!
    const listed = async (f: ListFilter, label: string) => {
      const option = f.options.find((o) => o.label.startsWith(label))!
      expect(option, label).toBeDefined()
      return (await payload.find({ collection: 'commitments', where: withChoice({}, f, option), pagination: false, depth: 0, ...opts(u.office) })).docs.map((d) => d.text).sort()
    }
    const texts = (keep: (c: Commitment) => boolean) => all.filter(keep).map((c) => c.text).sort()
    expect(await listed(by('section'), '城管分队')).toEqual(texts(() => true))
    expect(await listed(by('section'), '代表工作室')).toEqual([])
    expect(await listed(by('state'), '未兑现')).toEqual(['三月底前修复路灯'])
    expect(await listed(by('state'), '已更正')).toEqual(['四月底前清理河道'])
    expect(await listed(by('state'), '待兑现')).toEqual(['六月底前清理河道', '月底前修复井盖'])
    // 2026-04-03: due 03-31 and still owed → overdue; nothing within 3 working days; 03-31 due, the rest not yet.
    expect(await listed(by('due'), '逾期未兑现')).toEqual(['三月底前修复路灯', '月底前修复井盖'])
    expect(await listed(by('due'), '即将到期')).toEqual([])
    expect(await listed(by('due'), '完成时限已到')).toEqual(texts((c) => c.dueDate <= '2026-04-03'))
    expect(await listed(by('due'), '未到期')).toEqual(texts((c) => c.dueDate > '2026-04-03'))
    expect(await listed(by('session'), '2026')).toEqual(texts(() => true))
    // A section's staff get the same filters over what they may read.
    const theirs = await commitmentFilters(payload, u.otherHead)
    const section = theirs.find((f) => f.key === 'section')!
    expect((await payload.find({ collection: 'commitments', where: withChoice({}, section, section.options[0]!), ...opts(u.otherHead) })).totalDocs).toBe(0)
  })
})

describe(`the migration that made the ledger, on ${databaseLabel()}`, () => {
  it('down, then up: the backfill rebuilds every row from the replies and verifications as it was', async () => {
    const snapshot = async () =>
      (await payload.find({ collection: 'commitments', pagination: false, depth: 0, overrideAccess: true })).docs
        .map((d) => ({ key: d.commitmentId, proposal: String(idOf(d.proposal)), text: d.text, dueDate: d.dueDate, state: d.state, outstanding: !!d.outstanding, corrected: !!d.corrected, checkedAt: d.checkedAt ? new Date(d.checkedAt).toISOString() : null, standing: String(idOf(d.standing)), section: String(idOf(d.section)), session: String(idOf(d.session)) }))
        .sort((a, b) => a.key.localeCompare(b.key))
    const kept = await snapshot()
    expect(kept.length).toBeGreaterThanOrEqual(5)
    const migration = process.env.TEST_POSTGRES_URL
      ? await import('../../cms/migrations/postgres/20261130_133937_commitments_ledger')
      : await import('../../cms/migrations/sqlite/20261130_133901_commitments_ledger')
    const args = { db: payload.db.drizzle, payload, req: await createLocalReq({}, payload) } as never
    await migration.down(args)
    await migration.up(args)
    expect(await snapshot()).toEqual(kept)
  })
})
