// The daily 督办 sweep and the notices ledger on a real database (SQLite, or PostgreSQL with
// TEST_POSTGRES_URL), on the injected clock across 春节 2026: a reminder, then days missed and
// caught up once on the 调休 Saturday, nothing on a holiday, the escalation after five working days;
// one digest per staff member; nothing twice (a second run, the unique key, two instances at once);
// quiet hours; retries with backoff; a representative told of their proposal's number; who reads
// which records, and that nobody writes them by any API.
import { createLocalReq, initTransaction, killTransaction, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { deliverDue, type Senders } from '../../cms/notices/deliver'
import { insertRecords, uniqueKeyOf } from '../../cms/notices/ledger'
import { runSweep } from '../../cms/notices/sweep'
import type { Outgoing } from '../../cms/notices/channels'
import { getCalendar, invalidateCalendar } from '../../cms/lib/calendar'
import { boardData, remindedOf } from '../../cms/lib/board'
import { renderToStaticMarkup } from 'react-dom/server'
import { MyMessages, Reachability } from '../../cms/components/Messages'
import { connectPayload, databaseLabel, startPayload } from '../helpers/payload'
import { as, createWorld, type World } from '../fixtures/world'

let payload: Payload
let w: World
const proposals: { id: number; number: string }[] = []

/** China 08:30 of a day, as the server's clock (UTC). */
const at830 = (day: string) => `${day}T00:30:00.000Z`
const setNow = (iso: string) => {
  process.env.APP_NOW = iso
}

interface Mail extends Outgoing {
  channel: 'email' | 'sms'
}
let outbox: Mail[] = []
let failNext = 0
const senders: Senders = {
  email: async (m) => {
    if (failNext > 0) {
      failNext--
      throw new Error('测试：邮件服务器拒绝')
    }
    outbox.push({ ...m, channel: 'email' })
    return { outcome: '测试邮箱已接收' }
  },
  sms: async (m) => {
    outbox.push({ ...m, channel: 'sms' })
    return { outcome: '测试短信已接收' }
  },
}

const all = async () => (await payload.find({ collection: 'notices', pagination: false, depth: 0, overrideAccess: true, sort: 'id' })).docs
const office = () => as(w.staff.office, 'users')

/** A sweep at `iso`, then the sends due then; what was written and what left. */
async function sweepAt(iso: string, p: Payload = payload) {
  setNow(iso)
  outbox = []
  const sweep = await runSweep(p)
  const deliver = await deliverDue(p, { senders })
  return { sweep, deliver, mail: outbox }
}

beforeAll(async () => {
  payload = await startPayload()
  w = await createWorld(payload)
  invalidateCalendar()
  // Two paper proposals the office enters on Friday 2026-02-06 (16:00 China): 甄别 due 2026-02-11.
  setNow('2026-02-06T08:00:00.000Z')
  for (const title of ['小区停车难', '路灯不亮']) {
    const p = await payload.create({
      collection: 'proposals',
      data: { title, body: `${title}，请研究解决。`, category: 'other', residentialArea: Number(w.ref.areas[0]), proposer: w.reps.A.id, status: 'submitted' } as never,
      user: office(),
      overrideAccess: false,
    })
    proposals.push({ id: p.id, number: p.number! })
  }
}, 600_000)

afterAll(async () => {
  delete process.env.APP_NOW
  await payload?.destroy()
})

describe(`督办 sweep on ${databaseLabel()}`, () => {
  it('the first working day with 3 working days left: one reminder per item, one digest for the office, links to the items', async () => {
    const { sweep, mail } = await sweepAt('2026-02-06T08:30:00.000Z')
    expect(sweep.workingDay).toBe(true)
    expect(sweep.notices).toBe(2)
    const rows = await all()
    const office = rows.filter((r) => r.user === w.staff.office.id)
    // Each notice to the office: 站内 (shown at once) and 邮件.
    expect(office.map((r) => [r.stage, r.channel, r.status]).sort()).toEqual(
      [
        ['reminder', 'email', 'sent'],
        ['reminder', 'email', 'sent'],
        ['reminder', 'inApp', 'sent'],
        ['reminder', 'inApp', 'sent'],
      ].sort(),
    )
    expect(rows.filter((r) => r.user !== w.staff.office.id && r.stage !== 'numbered')).toHaveLength(0)
    expect(mail).toHaveLength(1)
    expect(mail[0].to).toBe(w.staff.office.email)
    expect(mail[0].subject).toBe('【督办】您有 2 件待办：即将到期 2 件')
    for (const p of proposals) {
      expect(mail[0].text).toContain(`${p.number}「`)
      expect(mail[0].text).toContain(`/admin/collections/proposals/${p.id}`)
    }
    expect(mail[0].text).toContain('待甄别，期限 2026年2月11日，剩 3 个工作日')
  })

  it('a second run the same day writes and sends nothing', async () => {
    const before = (await all()).length
    const { sweep, deliver, mail } = await sweepAt('2026-02-06T09:00:00.000Z')
    expect(sweep.notices).toBe(0)
    expect(sweep.written).toBe(0)
    expect(deliver.sent).toBe(0)
    expect(mail).toHaveLength(0)
    expect((await all()).length).toBe(before)
  })

  it('the unique key is the database’s guard: a record already there is not written again', async () => {
    const [first] = (await all()).filter((r) => r.channel === 'email')
    const again = { ...first, id: undefined, user: first.user as number, representative: null, proposal: first.proposal as number } as never
    expect(await insertRecords(payload, [again])).toEqual({ offered: 1, written: 0, deferred: 0, later: [] })
    await expect(payload.db.create({ collection: 'notices', data: { ...(again as object) } })).rejects.toThrow()
    expect((await all()).filter((r) => r.uniqueKey === first.uniqueKey)).toHaveLength(1)
  })

  it('records are written a chunk at a time as they are made, all in one transaction: a failure on the way writes none of them', async () => {
    const before = (await all()).length
    const made = (n: number, status: 'superseded' | 'deferred') =>
      Array.from({ length: n }, (_, i) => ({
        ...{ key: `test-chunks-${status}-${i}`, date: '2026-02-06', stage: 'reminder' as const, proposal: null, user: null, representative: null, channel: null },
        ...{ subject: null, text: null, link: null, attempts: 0, sentAt: null, outcome: null, lastError: null, digest: null, position: null, supersededBy: null },
        uniqueKey: uniqueKeyOf(`test-chunks-${status}-${i}`, null, null),
        status,
        nextAttemptAt: status === 'deferred' ? `2026-02-06T0${i % 2}:00:00.000Z` : null,
      }))
    let taken = 0
    function* failing() {
      for (const r of made(1200, 'superseded')) {
        taken++
        if (taken === 1100) throw new Error('测试：生成记录时出错')
        yield r
      }
    }
    await expect(insertRecords(payload, failing())).rejects.toThrow('测试：生成记录时出错')
    // A failure after two chunks' worth (500 rows each) had been written: nothing stays.
    expect(taken).toBe(1100)
    expect((await all()).length).toBe(before)
    // Taken lazily: 1,200 made, each counted; the deferred ones' times each once, in order.
    expect(await insertRecords(payload, made(1200, 'deferred'))).toEqual({ offered: 1200, written: 1200, deferred: 1200, later: ['2026-02-06T00:00:00.000Z', '2026-02-06T01:00:00.000Z'] })
    expect(await insertRecords(payload, made(1200, 'deferred'))).toEqual({ offered: 1200, written: 0, deferred: 0, later: [] })
    await payload.db.deleteMany({ collection: 'notices', where: { key: { like: 'test-chunks-' } } })
    expect((await all()).length).toBe(before)
  })

  it('nothing on a weekend or a holiday', async () => {
    for (const day of ['2026-02-07', '2026-02-08', '2026-02-15', '2026-02-18']) {
      const { sweep, mail } = await sweepAt(at830(day))
      expect(sweep.workingDay, day).toBe(false)
      expect(mail, day).toHaveLength(0)
    }
  })

  it('days missed are caught up once, on the 调休 Saturday: the overdue notice only, the 1-day reminder recorded as passed over; quiet hours hold the leader’s e-mail', async () => {
    // The leader keeps 08:00–09:00 free of messages.
    await payload.update({ collection: 'users', id: w.staff.leader.id, data: { notify: { byEmail: true, quietFrom: '08:00', quietTo: '09:00' } }, overrideAccess: true })
    const { sweep, mail } = await sweepAt(at830('2026-02-14'))
    expect(sweep.workingDay).toBe(true)
    expect(sweep.notices).toBe(2)
    expect(sweep.superseded).toBe(2)
    const rows = await all()
    const superseded = rows.filter((r) => r.status === 'superseded')
    expect(superseded).toHaveLength(2)
    expect(superseded.every((r) => r.stage === 'reminder' && r.user == null && r.channel == null && JSON.parse(r.key).at(-1) === 1)).toBe(true)
    // Overdue: the office (who owes it) and the leader (its head); one digest each.
    const today = rows.filter((r) => r.date === '2026-02-14' && r.status !== 'superseded')
    expect(today.filter((r) => r.user === w.staff.office.id && r.channel === 'inApp')).toHaveLength(2)
    expect(today.filter((r) => r.user === w.staff.leader.id && r.channel === 'inApp')).toHaveLength(2)
    expect(mail.map((m) => m.to)).toEqual([w.staff.office.email])
    expect(mail[0].subject).toBe('【督办】您有 2 件待办：已逾期 2 件')
    const held = today.filter((r) => r.user === w.staff.leader.id && r.channel === 'email')
    expect(held.map((r) => [r.status, r.nextAttemptAt])).toEqual([
      ['deferred', '2026-02-14T01:00:00.000Z'],
      ['deferred', '2026-02-14T01:00:00.000Z'],
    ])
    // At 09:00 the leader's digest goes.
    setNow('2026-02-14T01:00:00.000Z')
    outbox = []
    await deliverDue(payload, { senders })
    expect(outbox.map((m) => [m.to, m.subject])).toEqual([[w.staff.leader.email, '【督办】您有 2 件需督促：已逾期 2 件']])
    expect(outbox[0].text).toContain('（代表工作室）')
    await payload.update({ collection: 'users', id: w.staff.leader.id, data: { notify: { quietFrom: null, quietTo: null } }, overrideAccess: true })
  })

  it('after the festival: nothing new at 4 working days overdue, the escalation at 5; a failed send is retried with backoff and recorded', async () => {
    expect((await sweepAt(at830('2026-02-24'))).sweep.notices).toBe(0)
    failNext = 2
    const { sweep, deliver } = await sweepAt(at830('2026-02-25'))
    expect(sweep.notices).toBe(2)
    const today = (await all()).filter((r) => r.date === '2026-02-25' && r.channel === 'inApp')
    expect(today.length).toBeGreaterThan(0)
    expect(today.every((r) => r.stage === 'escalation')).toBe(true)
    expect(deliver.failed).toBe(2)
    const failed = (await all()).filter((r) => r.date === '2026-02-25' && r.channel === 'email')
    expect(failed.every((r) => r.status === 'failed' && r.attempts === 1 && r.lastError === '测试：邮件服务器拒绝')).toBe(true)
    expect(new Set(failed.map((r) => r.nextAttemptAt))).toEqual(new Set(['2026-02-25T00:35:00.000Z']))
    // Not before its time…
    setNow('2026-02-25T00:34:00.000Z')
    outbox = []
    expect((await deliverDue(payload, { senders })).sent).toBe(0)
    // …then sent, with its tries recorded.
    setNow('2026-02-25T00:35:00.000Z')
    await deliverDue(payload, { senders })
    expect(outbox.map((m) => m.to).sort()).toEqual([w.staff.leader.email, w.staff.office.email].sort())
    const done = (await all()).filter((r) => r.date === '2026-02-25' && r.channel === 'email')
    expect(done.every((r) => r.status === 'sent' && r.attempts === 2 && r.sentAt)).toBe(true)
  })

  it('the 督办台 shows each item’s latest notice (the escalation of 25 February, not the earlier steps); an item never chased shows none', async () => {
    setNow('2026-02-25T03:00:00.000Z')
    const board = await boardData({ payload, user: office() }, await getCalendar(payload), {})
    const rows = board.groups.flatMap((g) => g.rows)
    const mine = rows.filter((r) => proposals.some((p) => p.id === r.proposal.id))
    expect(mine.map((r) => [r.proposal.number, r.stage, board.reminded.get(r.key)]).sort()).toEqual(
      proposals.map((p) => [p.number, 'screen', { stage: 'escalation', date: '2026-02-25' }]).sort(),
    )
    // The office's own rows of other items (none swept for them) show nothing.
    expect(rows.filter((r) => !mine.includes(r)).every((r) => !board.reminded.has(r.key))).toBe(true)
    // Nor does a row of the same proposal whose deadline the notices did not name.
    expect(await remindedOf(payload, [{ ...mine[0]!, due: '2026-03-31' }])).toEqual(new Map())
  })

  it('gives up after the last try', async () => {
    setNow('2026-02-26T00:30:00.000Z')
    // A new item today (entered 2026-02-23 would be a holiday: entered Friday 02-13 is already past; use the leader's own duty).
    const p = await payload.create({
      collection: 'proposals',
      data: { title: '垃圾分类', body: '垃圾分类点太远。', category: 'other', residentialArea: Number(w.ref.areas[0]), proposer: w.reps.A.id, status: 'submitted' } as never,
      user: office(),
      overrideAccess: false,
    })
    // 甄别 due 2026-03-03: reminders on 02-26 (3 left).
    failNext = 100
    const { sweep } = await sweepAt('2026-02-26T01:00:00.000Z')
    expect(sweep.written).toBeGreaterThan(0)
    expect((await all()).some((r) => r.date === '2026-02-26' && r.proposal === p.id && r.stage === 'reminder')).toBe(true)
    let t = Date.parse('2026-02-26T01:00:00.000Z')
    for (let i = 0; i < 6; i++) {
      t += 60 * 60_000
      setNow(new Date(t).toISOString())
      await deliverDue(payload, { senders })
    }
    failNext = 0
    const rec = (await all()).find((r) => r.proposal === p.id && r.channel === 'email')!
    expect([rec.status, rec.attempts, rec.nextAttemptAt ?? null]).toEqual(['failed', 5, null])
  })

  it('a representative is told when their proposal gets its number (站内 and 短信), once', async () => {
    setNow('2026-02-26T02:00:00.000Z')
    await payload.jobs.run({ queue: 'notices' })
    const mine = (await all()).filter((r) => r.representative === w.reps.A.id && r.stage === 'numbered')
    // Three proposals entered, each told once by each channel: 站内 and 短信 (the default for representatives).
    expect(mine.filter((r) => r.channel === 'inApp')).toHaveLength(3)
    expect(mine.filter((r) => r.channel === 'sms')).toHaveLength(3)
    expect(mine.every((r) => r.status === 'sent')).toBe(true)
    expect(mine.find((r) => r.channel === 'sms')!.outcome).toContain('未配置短信网关')
    const one = mine.find((r) => r.proposal === proposals[0].id && r.channel === 'inApp')!
    expect(one.text).toBe(`您的提案「小区停车难」已提交，编号 ${proposals[0].number}。`)
    expect(one.link).toBe(`http://localhost:3000/portal/proposal/?id=${proposals[0].id}`)
    // Running the queue again tells no one twice.
    await payload.jobs.run({ queue: 'notices' })
    expect((await all()).filter((r) => r.representative === w.reps.A.id && r.stage === 'numbered')).toHaveLength(6)
  })

  it('a step rolled back tells no one: the event’s job is queued in the step’s own transaction', async () => {
    const jobs = async () => (await payload.count({ collection: 'payload-jobs', where: { taskSlug: { equals: 'notifyEvent' } }, overrideAccess: true })).totalDocs
    const before = await jobs()
    const req = await createLocalReq({ user: office() }, payload)
    await initTransaction(req)
    const p = await payload.create({
      collection: 'proposals',
      data: { title: '撤回的纸质提案', body: '这一步将被撤销。', category: 'other', residentialArea: Number(w.ref.areas[0]), proposer: w.reps.C.id, status: 'submitted' } as never,
      user: office(),
      overrideAccess: false,
      req,
    })
    expect(p.number).toBeTruthy()
    expect(await payload.count({ collection: 'payload-jobs', where: { taskSlug: { equals: 'notifyEvent' } }, overrideAccess: true, req })).toMatchObject({ totalDocs: before + 1 })
    await killTransaction(req)
    expect(await jobs()).toBe(before)
    await payload.jobs.run({ queue: 'notices' })
    expect((await all()).filter((r) => r.representative === w.reps.C.id)).toHaveLength(0)
  })

  it('two instances at the same moment never both send (the lock, the unique key, the claim)', async () => {
    const second = await connectPayload(process.env.DATABASE_URL!)
    try {
      // A new item entered on Monday 03-02: its reminder (3 working days left) goes out that day.
      setNow('2026-03-02T02:00:00.000Z')
      await payload.create({
        collection: 'proposals',
        data: { title: '菜场噪音', body: '清晨菜场卸货噪音大。', category: 'other', residentialArea: Number(w.ref.areas[0]), proposer: w.reps.B.id, status: 'submitted' } as never,
        user: office(),
        overrideAccess: false,
      })
      setNow('2026-03-02T03:00:00.000Z')
      outbox = []
      const runs = await Promise.all([payload, second].map(async (p) => ({ sweep: await runSweep(p), deliver: await deliverDue(p, { senders }) })))
      const written = runs.reduce((n, r) => n + r.sweep.written, 0)
      const rows = (await all()).filter((r) => r.date === '2026-03-02' && r.stage === 'reminder')
      expect(written).toBe(rows.length)
      // Today's reminders (the new item's, and 垃圾分类's last one) each once per channel: one digest e-mail.
      const email = rows.filter((r) => r.channel === 'email')
      expect(email.length).toBeGreaterThan(0)
      expect(new Set(email.map((r) => r.key)).size).toBe(email.length)
      expect(rows.filter((r) => r.channel === 'inApp')).toHaveLength(email.length)
      expect(outbox.filter((m) => m.to === w.staff.office.email)).toHaveLength(1)
      expect(runs.reduce((n, r) => n + r.deliver.sent, 0)).toBe(1)
    } finally {
      await second.destroy()
    }
  })

  it('a session’s 督办 settings are checked as typed (zh-CN)', async () => {
    const admin = as(w.staff.admin, 'users')
    const update = (supervision: Record<string, unknown>) =>
      payload.update({ collection: 'sessions', id: w.ref.sessions.current, data: { supervision } as never, user: admin, overrideAccess: false })
    // Only the field typed wrong is named, with why.
    const refused = async (supervision: Record<string, unknown>) => {
      const e = await update(supervision).catch((x) => x)
      return (e?.data?.errors ?? []).map((f: { path: string; message: string }) => [f.path, f.message])
    }
    expect(await refused({ reminderWorkingDays: '三天' })).toEqual([['supervision.reminderWorkingDays', '到期提醒须为 1 至 60 之间的整数（到期前的工作日数）']])
    expect(await refused({ reminderWorkingDays: '3,0' })).toEqual([['supervision.reminderWorkingDays', '到期提醒须为 1 至 60 之间的整数（到期前的工作日数）']])
    expect(await refused({ escalationWorkingDays: 21 })).toEqual([['supervision.escalationWorkingDays', '逾期上报须为 1 至 20 之间的整数（逾期的工作日数）']])
    expect(await refused({ keyEscalationWorkingDays: 0 })).toEqual([['supervision.keyEscalationWorkingDays', '重点督办事项的逾期上报须为 1 至 20 之间的整数（逾期的工作日数）']])
    const ok = await update({ reminderWorkingDays: '5，2' })
    expect(ok.supervision?.reminderWorkingDays).toBe('5，2')
  })
})

describe(`who reads notices on ${databaseLabel()}`, () => {
  const read = async (user: unknown) => (await payload.find({ collection: 'notices', pagination: false, depth: 0, user, overrideAccess: false })).docs

  it('the office and the admin read every record; everyone else only their own', async () => {
    const total = (await all()).length
    expect((await read(office())).length).toBe(total)
    expect((await read(as(w.staff.admin, 'users'))).length).toBe(total)
    const leader = await read(as(w.staff.leader, 'users'))
    expect(leader.length).toBeGreaterThan(0)
    expect(leader.every((r) => r.user === w.staff.leader.id)).toBe(true)
    // Section staff have none of these: they see none of the others'.
    expect(await read(as(w.staff.sectionStaff, 'users'))).toHaveLength(0)
    const repA = await read(as(w.reps.A, 'representatives'))
    expect(repA.length).toBeGreaterThan(0)
    expect(repA.every((r) => r.representative === w.reps.A.id)).toBe(true)
    expect(await read(as(w.reps.C, 'representatives'))).toHaveLength(0)
    await expect(payload.find({ collection: 'notices', overrideAccess: false })).rejects.toThrow()
  })

  it('nobody creates, changes or deletes a record, one or in bulk, not even the admin', async () => {
    const [one] = await all()
    for (const user of [office(), as(w.staff.admin, 'users'), as(w.reps.A, 'representatives')]) {
      await expect(
        payload.create({ collection: 'notices', data: { uniqueKey: `x-${Math.random()}`, key: 'x', date: '2026-03-02', stage: 'reminder', status: 'sent' } as never, user, overrideAccess: false }),
      ).rejects.toThrow()
      await expect(payload.update({ collection: 'notices', id: one.id, data: { status: 'failed' } as never, user, overrideAccess: false })).rejects.toThrow()
      const bulk = await payload.update({ collection: 'notices', where: { id: { exists: true } }, data: { status: 'failed' } as never, user, overrideAccess: false }).catch((e) => e)
      expect(bulk instanceof Error || (bulk.docs.length === 0 && bulk.errors.length > 0)).toBe(true)
      await expect(payload.delete({ collection: 'notices', id: one.id, user, overrideAccess: false })).rejects.toThrow()
      const bulkDelete = await payload.delete({ collection: 'notices', where: { id: { exists: true } }, user, overrideAccess: false }).catch((e) => e)
      expect(bulkDelete instanceof Error || (bulkDelete.docs.length === 0 && bulkDelete.errors.length > 0)).toBe(true)
    }
    const after = await all()
    expect(after.find((r) => r.id === one.id)!.status).toBe(one.status)
    expect(after.length).toBeGreaterThan(0)
  })

  it('the workbench lists one’s own messages; the office sees whom the system cannot reach and what failed', async () => {
    const leaderHtml = renderToStaticMarkup(await MyMessages({ payload, user: as(w.staff.leader, 'users') }))
    expect(leaderHtml).toContain('<h2 id="workbench-messages">消息</h2>')
    expect(leaderHtml).toContain('逾期督办')
    expect(leaderHtml).toContain(`/admin/collections/proposals/${proposals[0].id}`)
    // None of the office's own lines about other items is in the leader's list beyond what the leader was sent.
    const mine = (await all()).filter((r) => r.user === w.staff.leader.id && r.channel === 'inApp')
    expect(leaderHtml.match(/<tr data-stage=/g)?.length).toBe(Math.min(8, mine.length))
    const staffHtml = renderToStaticMarkup(await MyMessages({ payload, user: as(w.staff.sectionStaff, 'users') }))
    expect(staffHtml).toContain('还没有督办提醒')
    delete process.env.SMS_URL
    const reach = renderToStaticMarkup(await Reachability({ payload }))
    expect(reach).toContain('无法通过邮件或短信通知的人员')
    expect(reach).toContain('选择了短信但本系统未配置短信网关')
    expect(reach).toContain(w.reps.C.name)
    expect(reach).toContain('发送失败')
  })

  it('one proposal’s events are told in the order they happened, even when their jobs are picked up together', async () => {
    setNow('2026-03-03T03:00:00.000Z')
    const p = await payload.create({
      collection: 'proposals',
      data: { title: '路灯不亮', body: '小区东门路灯坏了一个月。', category: 'other', residentialArea: Number(w.ref.areas[0]), proposer: w.reps.B.id, status: 'submitted' } as never,
      user: office(),
      overrideAccess: false,
    })
    await payload.update({ collection: 'proposals', id: p.id, data: { status: 'redirected', screening: { decision: 'redirected', reason: '属于物业管理事项，请向物业服务企业反映' } } as never, user: office(), overrideAccess: false })
    const told = async () => (await all()).filter((r) => r.proposal === p.id && r.channel === 'inApp').map((r) => r.stage)
    // Both jobs are waiting; one run takes the older (the number) and leaves the screening for the next.
    await payload.jobs.run({ queue: 'notices' })
    expect(await told()).toEqual(['numbered'])
    await payload.jobs.run({ queue: 'notices' })
    expect(await told()).toEqual(['numbered', 'screened'])
    const mine = (await all()).filter((r) => r.proposal === p.id && r.channel === 'inApp')
    expect(Date.parse(mine[1].createdAt)).toBeGreaterThanOrEqual(Date.parse(mine[0].createdAt))
  })

  it('the ledger key names a record no one receives apart from each recipient', () => {
    expect(uniqueKeyOf('k', null, null)).not.toBe(uniqueKeyOf('k', { collection: 'users', id: 1 }, 'inApp'))
    expect(uniqueKeyOf('k', { collection: 'users', id: 1 }, 'inApp')).not.toBe(uniqueKeyOf('k', { collection: 'representatives', id: 1 }, 'inApp'))
  })
})
