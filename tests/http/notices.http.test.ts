// The daily 督办 sweep on the demo data, end to end: a real SMTP server on loopback (smtp-server)
// and a local HTTP server standing in for the SMS gateway; the production server and `npm run sweep`
// both configured by SMTP_URL / MAIL_FROM / SMS_URL / SMS_TOKEN, on the injected clock (Monday
// 2026-11-30 08:30 China, the first working day after the demo's load day). The dry run writes and
// sends nothing; the run sends each staff member one digest by e-mail and each representative one
// SMS per notice — recipient, subject, zh-CN text, the link to the item, nobody else's private data
// — and every overdue item's notice reaches the one who owes it; a second run sends nothing. The
// server tells a representative of a screening by SMS; 消息 lists the notices per person; nobody
// writes a notice over REST.
import { spawn } from 'node:child_process'
import { createServer as createHttpServer, type Server } from 'node:http'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { simpleParser } from 'mailparser'
import type { Payload, Where } from 'payload'
import { SMTPServer } from 'smtp-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { toLocalDate } from '../../core/calendar'
import { startPayload, connectPayload } from '../helpers/payload'
import { freePort, startServer, type RunningServer } from '../helpers/server'
import { answerOf, login, postFrom, representativeLogin, type Credential } from '../helpers/http'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
// The demo's load day (Friday), and the sweep's: Monday 08:30 in Beijing.
const LoadDay = new Date('2026-11-27T02:00:00.000Z')
const SweepAt = '2026-11-30T00:30:00.000Z'
const Today = toLocalDate(SweepAt)
const Password = 'demo-2026'
const MailFrom = '代表提案追踪平台 <duban@jiedao.test>'
const SmsToken = 'test-sms-token'

interface Mail {
  from: { name: string; address: string }
  to: string
  subject: string
  text: string
}
interface Sms {
  phone: string
  text: string
  sign: string | null
  template: string | null
  authorization: string | undefined
}
const mails: Mail[] = []
const smses: Sms[] = []
const smtpLogins: string[] = []

let smtp: SMTPServer
let gateway: Server
let server: RunningServer
let databaseURL: string
let env: Record<string, string>
let payload: Payload

/** `npm run sweep [-- --dry-run]` against the server's database, with the server's settings. */
function sweep(...args: string[]): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn('npx', ['tsx', 'scripts/sweep.ts', ...args], { cwd: root, env: { ...process.env, ...env, NODE_ENV: 'development' }, stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    child.stdout.on('data', (c) => (out += c))
    child.stderr.on('data', (c) => (out += c))
    child.on('exit', (code) => resolve({ code, out }))
  })
}

const until = async (what: string, ok: () => boolean, ms = 90_000) => {
  const end = Date.now() + ms
  while (Date.now() < end) {
    if (ok()) return
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error(`timed out waiting for ${what}`)
}

beforeAll(async () => {
  // A real SMTP server: plain on loopback (no STARTTLS offered), login required and recorded.
  smtp = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authMethods: ['PLAIN', 'LOGIN'],
    onAuth(auth, _session, cb) {
      smtpLogins.push(`${auth.username}:${auth.password}`)
      cb(null, { user: auth.username })
    },
    onData(stream, _session, cb) {
      simpleParser(stream)
        .then((m) => {
          const to = Array.isArray(m.to) ? m.to.map((t) => t.text).join(',') : (m.to?.text ?? '')
          mails.push({ from: { name: m.from?.value[0]?.name ?? '', address: m.from?.value[0]?.address ?? '' }, to, subject: m.subject ?? '', text: m.text ?? '' })
          cb()
        })
        .catch(cb)
    },
  })
  const smtpPort = await freePort()
  await new Promise<void>((r) => smtp.listen(smtpPort, '127.0.0.1', r))
  // The SMS gateway's stand-in: the JSON POST a provider's relay takes; answers as Chinese providers do.
  gateway = createHttpServer((req, res) => {
    let body = ''
    req.on('data', (c) => (body += c))
    req.on('end', () => {
      const j = JSON.parse(body)
      smses.push({ phone: j.phone, text: j.text, sign: j.sign, template: j.template, authorization: req.headers.authorization })
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ code: 'OK', message: '发送成功' }))
    })
  })
  const smsPort = await freePort()
  await new Promise<void>((r) => gateway.listen(smsPort, '127.0.0.1', r))

  // The demo data, seeded through the real lifecycle (its history tells no one).
  process.env.PAYLOAD_SECRET = 'notices-http-secret'
  process.env.SITE_AUTOBUILD = '0'
  const seeding = await startPayload()
  databaseURL = process.env.DATABASE_URL!
  const { seedDemo } = await import('../../cms/seed/demo')
  const started = performance.now()
  const seeded = await seedDemo(seeding, { now: LoadDay })
  console.log(`demo seed: ${seeded.proposals} proposals in ${((performance.now() - started) / 1000).toFixed(0)} s`)
  await seeding.destroy()

  env = {
    DATABASE_URL: databaseURL,
    PAYLOAD_SECRET: 'notices-http-secret',
    APP_NOW: SweepAt,
    SMTP_URL: `smtp://duban:mail-secret@127.0.0.1:${smtpPort}`,
    MAIL_FROM: MailFrom,
    SMS_URL: `http://127.0.0.1:${smsPort}/send`,
    SMS_TOKEN: SmsToken,
    SMS_SIGN: '【某某街道】',
    SMS_TEMPLATE: 'SMS_0001',
    NOTICES_AUTORUN: '1',
  }
  server = await startServer(env)
  env.SERVER_URL = server.url
  payload = await connectPayload(databaseURL)
}, 1_800_000)

afterAll(async () => {
  await server?.stop()
  await payload?.destroy()
  await new Promise<void>((r) => (smtp ? smtp.close(() => r()) : r()))
  await new Promise<void>((r) => (gateway ? gateway.close(() => r()) : r()))
})

/** 账户与删除记录 about one account, oldest first: [kind, summary]. */
const auditOf = async (where: Where) =>
  (await payload.find({ collection: 'audit-log', where, sort: 'id', pagination: false, depth: 0, overrideAccess: true })).docs.map((d) => [d.kind, d.summary])
const notices = async () => (await payload.find({ collection: 'notices', pagination: false, depth: 0, overrideAccess: true })).docs

describe('督办 sweep over HTTP with a real SMTP server and an SMS gateway', () => {
  it('--dry-run prints (zh-CN) what it would send, and writes and sends nothing', async () => {
    const r = await sweep('--dry-run')
    expect(r.code, r.out).toBe(0)
    expect(r.out).toContain('督办提醒（试运行')
    expect(r.out).toMatch(/2026-11-30：未办结事项 \d+ 项，今日提醒 [1-9]\d* 条/)
    expect(r.out).toContain('● 周敏（代表工作室）（站内、邮件）：【督办】')
    expect(r.out).toMatch(/● 代表 \S+（站内、短信）：【提醒】您的提案/)
    expect(await notices()).toHaveLength(0)
    expect(mails).toHaveLength(0)
    expect(smses).toHaveLength(0)
  }, 600_000)

  it('the run sends each staff member one digest by e-mail and each representative their reminders by SMS, with links and nobody else’s private data', async () => {
    const r = await sweep()
    expect(r.code, r.out).toBe(0)
    const records = await notices()
    const today = records.filter((n) => n.date === Today && n.status !== 'superseded')
    expect(today.length).toBeGreaterThan(0)
    const users = (await payload.find({ collection: 'users', pagination: false, depth: 0, overrideAccess: true })).docs
    const reps = (await payload.find({ collection: 'representatives', pagination: false, depth: 0, overrideAccess: true, showHiddenFields: true })).docs
    // Staff: one e-mail each, to whoever has 站内 records today.
    const staffToday = [...new Set(today.filter((n) => n.user != null && n.channel === 'inApp').map((n) => n.user))]
    expect(staffToday.length).toBeGreaterThan(2)
    expect(mails.map((m) => m.to).sort()).toEqual(staffToday.map((id) => users.find((u) => u.id === id)!.email).sort())
    expect(smtpLogins.every((l) => l === 'duban:mail-secret')).toBe(true)
    for (const m of mails) {
      const user = users.find((u) => u.email === m.to)!
      const mine = today.filter((n) => n.user === user.id && n.channel === 'inApp').sort((a, b) => (a.position ?? 0) - (b.position ?? 0))
      expect(m.from).toEqual({ name: '代表提案追踪平台', address: 'duban@jiedao.test' })
      expect(m.subject).toBe(mine[0].subject)
      expect(m.subject).toMatch(/^【督办】您有 /)
      expect(m.text).toContain(`${user.name}，您好：`)
      // Every line, numbered, with the link to its item on this server.
      mine.forEach((n, i) => {
        expect(m.text).toContain(`${i + 1}. ${n.text}`)
        expect(n.link!.startsWith(`${server.url}/admin/collections/`)).toBe(true)
        expect(m.text).toContain(n.link!)
      })
      expect(m.text).toMatch(/期限 \d{4}年\d{1,2}月\d{1,2}日，(严重逾期|已逾期|剩|今天到期)/)
    }
    // Representatives: one SMS per notice, to their own phone, with the portal's link.
    const smsRecords = today.filter((n) => n.representative != null && n.channel === 'sms')
    expect(smsRecords.length).toBeGreaterThan(0)
    expect(smses).toHaveLength(smsRecords.length)
    for (const s of smses) {
      const rep = reps.find((x) => x.phone === s.phone)!
      expect(rep).toBeTruthy()
      expect(smsRecords.some((n) => n.representative === rep.id && s.text === `${n.text}详见：${n.link}`)).toBe(true)
      expect(s.text).toMatch(/^【提醒】您的提案 /)
      expect(s.text).toContain(`${server.url}/portal/proposal/?id=`)
      expect([s.authorization, s.sign, s.template]).toEqual([`Bearer ${SmsToken}`, '【某某街道】', 'SMS_0001'])
    }
    // Nobody's private data in any message: phones, ID numbers, addresses, internal notes.
    const privates = [
      ...reps.flatMap((x) => [x.phone, x.idNumber, x.address]),
      ...(await payload.find({ collection: 'proposals', pagination: false, depth: 0, overrideAccess: true, select: { internalNotes: true } })).docs.map((p) => p.internalNotes),
    ].filter((v): v is string => typeof v === 'string' && v.trim().length > 3)
    expect(privates.length).toBeGreaterThan(10)
    for (const text of [...mails.map((m) => `${m.subject}\n${m.text}`), ...smses.map((s) => s.text)]) for (const p of privates) expect(text).not.toContain(p)
    // All records of the day sent (or held for no one: none in the demo).
    expect(today.filter((n) => n.channel !== 'inApp').every((n) => n.status === 'sent')).toBe(true)
    expect(r.out).toMatch(new RegExp(`已发出 ${mails.length + smses.length} 封（条）邮件或短信，失败 0`))
    console.log(`demo sweep: ${today.length} records today, ${mails.length} e-mails to staff, ${smses.length} SMS to representatives`)
  }, 600_000)

  it('every overdue item’s notice reaches the one who owes it', async () => {
    const duties = (await payload.find({ collection: 'duties', where: { due: { less_than: Today } }, pagination: false, depth: 0, overrideAccess: true })).docs.filter(
      (d) => (!d.from || d.from <= Today) && (!d.until || Today <= d.until),
    )
    expect(duties.length).toBeGreaterThan(5)
    const records = await notices()
    for (const d of duties) {
      const key = (n: { key: string }) => JSON.parse(n.key) as unknown[]
      const mine = records.filter((n) => key(n)[0] === String(d.proposal) && key(n)[1] === d.action && key(n)[6] === d.due && n.status !== 'superseded')
      expect(mine.length, `${d.action} ${d.proposal}`).toBeGreaterThan(0)
      expect(mine.every((n) => n.stage !== 'reminder')).toBe(true)
    }
  })

  it('a second run the same day sends nothing', async () => {
    const before = { mails: mails.length, smses: smses.length, records: (await notices()).length }
    const r = await sweep()
    expect(r.code, r.out).toBe(0)
    expect(r.out).toMatch(/今日提醒 0 条/)
    expect(r.out).toContain('写入通知记录 0 条')
    expect(r.out).toContain('已发出 0 封（条）')
    expect({ mails: mails.length, smses: smses.length, records: (await notices()).length }).toEqual(before)
  }, 600_000)

  it('the server tells the proposer of a screening by SMS, without holding up the step', async () => {
    const office = await login(server.url, { email: 'office@demo.local', password: Password })
    const api = (who: Credential, p: string, init: RequestInit = {}) =>
      fetch(`${server.url}/api${p}`, { ...init, headers: { 'content-type': 'application/json', origin: server.url, ...who } }).then(answerOf)
    const submitted = (await api(office, '/proposals?where[status][equals]=submitted&limit=1&depth=0')).json.docs[0]
    expect(submitted).toBeTruthy()
    const proposer = (await payload.findByID({ collection: 'representatives', id: submitted.proposer, overrideAccess: true, depth: 0 }))!
    const step = await api(office, `/proposals/${submitted.id}`, { method: 'PATCH', body: JSON.stringify({ status: 'accepted', screening: { decision: 'accepted', reason: '属于街道职责，予以立案' } }) })
    expect(step.status, step.text).toBe(200)
    expect(step.json.doc.status).toBe('accepted')
    await until('the screening SMS', () => smses.some((s) => s.phone === proposer.phone && s.text.includes('甄别结果：立案')))
    const sms = smses.find((s) => s.phone === proposer.phone && s.text.includes('甄别结果：立案'))!
    expect(sms.text).toBe(`您的提案 ${submitted.number}「${submitted.title}」甄别结果：立案。详见：${server.url}/portal/proposal/?id=${submitted.id}`)
  })

  it('消息: each reads their own notices; the office all; nobody writes one over REST', async () => {
    const office = await login(server.url, { email: 'office@demo.local', password: Password })
    const staff = await login(server.url, { email: 'staff@demo.local', password: Password })
    const records = await notices()
    const get = (who: Credential | null, p: string) => fetch(`${server.url}/api${p}`, { headers: { origin: server.url, ...(who ?? {}) } }).then(answerOf)
    expect((await get(office, '/notices?limit=1')).json.totalDocs).toBe(records.length)
    const staffUser = (await payload.find({ collection: 'users', where: { email: { equals: 'staff@demo.local' } }, depth: 0, overrideAccess: true })).docs[0]
    const own = await get(staff, '/notices?limit=100&depth=0')
    expect(own.json.totalDocs).toBe(records.filter((n) => n.user === staffUser.id).length)
    expect(own.json.docs.every((n: { user: number }) => n.user === staffUser.id)).toBe(true)
    expect((await get(null, '/notices')).status).toBe(403)
    // A representative reads theirs in the portal, and only theirs.
    const smsRep = records.find((n) => n.representative != null && n.channel === 'inApp')!
    const rep = (await payload.findByID({ collection: 'representatives', id: smsRep.representative as number, overrideAccess: true, depth: 0 }))!
    const cookie = await representativeLogin(server.url, rep.username, Password)
    const portal = await get(cookie, '/portal/notices')
    expect(portal.status, portal.text).toBe(200)
    const theirs = records.filter((n) => n.representative === rep.id && n.channel === 'inApp')
    expect(portal.json.notices.map((n: { id: number }) => n.id).sort()).toEqual(theirs.map((n) => n.id).sort())
    expect(JSON.stringify(portal.json)).not.toContain(rep.phone!)
    // Writes: refused one by one and in bulk, for the office as for anyone, and nothing changed.
    const write = (method: string, p: string, body?: unknown) =>
      fetch(`${server.url}/api${p}`, { method, headers: { 'content-type': 'application/json', origin: server.url, ...office }, body: body ? JSON.stringify(body) : undefined }).then(answerOf)
    const one = records[0]
    expect((await write('POST', '/notices', { uniqueKey: 'x', key: 'x', date: Today, stage: 'reminder', status: 'sent' })).status).toBe(403)
    expect((await write('PATCH', `/notices/${one.id}`, { status: 'failed' })).status).toBe(403)
    const bulk = await write('PATCH', '/notices?where[id][exists]=true', { status: 'failed' })
    expect(bulk.status === 403 || (bulk.json.docs?.length === 0 && bulk.json.errors?.length > 0), bulk.text).toBe(true)
    expect((await write('DELETE', `/notices/${one.id}`)).status).toBe(403)
    const bulkDelete = await write('DELETE', '/notices?where[id][exists]=true')
    expect(bulkDelete.status === 403 || (bulkDelete.json.docs?.length === 0 && bulkDelete.json.errors?.length > 0), bulkDelete.text).toBe(true)
    const after = await notices()
    expect(after.length).toBeGreaterThanOrEqual(records.length)
    expect(after.find((n) => n.id === one.id)!.status).toBe(one.status)
  })

  it('忘记密码: a representative gets a link by SMS and sets a new password with it, once; an unknown login gets the same answer and nothing is sent', async () => {
    const rep = (await payload.find({ collection: 'representatives', where: { username: { equals: 'rep05' } }, depth: 0, overrideAccess: true })).docs[0]
    expect(rep?.phone).toBeTruthy()
    const post = (p: string, body: unknown) =>
      fetch(`${server.url}/api/portal${p}`, { method: 'POST', headers: { 'content-type': 'application/json', origin: server.url }, body: JSON.stringify(body) }).then(answerOf)
    const before = smses.length
    const unknown = await post('/forgot-password', { login: 'nobody-here' })
    const known = await post('/forgot-password', { login: rep.phone })
    expect([unknown.status, known.status]).toEqual([200, 200])
    expect(known.json).toEqual(unknown.json)
    // Sent after the answer (its time must not tell a real login from another).
    await until('the reset SMS', () => smses.length > before)
    expect(smses.length).toBe(before + 1)
    const sms = smses.at(-1)!
    expect(sms.phone).toBe(rep.phone)
    const token = /\/portal\/reset\/\?token=([0-9a-f]{40})/.exec(sms.text)?.[1]
    expect(token, sms.text).toBeTruthy()
    expect(sms.text.startsWith(`您正在重设代表门户密码`)).toBe(true)
    // Asked again at once: nothing more is sent (no flooding), the answer the same.
    expect((await post('/forgot-password', { login: rep.username })).json).toEqual(unknown.json)
    expect(smses.length).toBe(before + 1)
    // The password rule holds; then the new password works, the old one no longer, the link only once.
    expect((await post('/reset-password', { token, newPassword: 'short' })).status).toBe(400)
    expect((await post('/reset-password', { token, newPassword: 'NewPassw0rd-2026' })).status).toBe(200)
    expect((await post('/sign-in', { login: rep.username, password: 'NewPassw0rd-2026' })).status).toBe(200)
    expect((await post('/sign-in', { login: rep.username, password: Password })).status).toBe(401)
    const again = await post('/reset-password', { token, newPassword: 'Another-2026x' })
    expect([again.status, again.json.error.code]).toEqual([400, 'badLink'])
    // The office sees both in 账户与删除记录: the link sent (by which channel, never the number) and the password set with it.
    expect(await auditOf({ subjectRepresentative: { equals: rep.id } })).toEqual([
      ['resetLinkSent', `应“忘记密码”的请求，向居民代表 ${rep.name}（${rep.username}）的手机发出重设密码链接`],
      ['resetLinkUsed', `居民代表 ${rep.name}（${rep.username}）用“忘记密码”的链接设置了新密码`],
    ])
  })

  it('忘记密码 asked three times at the same instant for one account sends one link, and records one', async () => {
    const rep = (await payload.find({ collection: 'representatives', where: { username: { equals: 'rep06' } }, depth: 0, overrideAccess: true })).docs[0]
    expect(rep?.phone).toBeTruthy()
    const before = smses.length
    // (Over HTTP the three seldom overlap in the server; the one-at-a-time rule itself is tested in tests/int/resetLinks.int.test.ts.)
    const answers = await Promise.all(['127.0.0.91', '127.0.0.92', '127.0.0.93'].map((a) => postFrom(server.url, a, '/api/portal/forgot-password', { login: rep.username }, { origin: server.url })))
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200])
    await until('the reset SMS', () => smses.length > before)
    // Long enough for a second link, were one being made.
    await new Promise((r) => setTimeout(r, 1500))
    expect(smses.slice(before).map((s) => s.phone)).toEqual([rep.phone])
    expect((await auditOf({ subjectRepresentative: { equals: rep.id } })).map(([kind]) => kind)).toEqual(['resetLinkSent'])
  })

  it('忘记密码: a staff member gets a link by e-mail (zh-CN) and sets a new password on the admin’s reset page', async () => {
    const before = mails.length
    const r = await fetch(`${server.url}/api/users/forgot-password`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'leader@demo.local' }) }).then(answerOf)
    const none = await fetch(`${server.url}/api/users/forgot-password`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'nobody@demo.local' }) }).then(answerOf)
    expect([r.status, none.status]).toEqual([200, 200])
    expect(r.json).toEqual(none.json)
    await until('the reset e-mail', () => mails.length > before)
    const mail = mails.at(-1)!
    expect([mail.to, mail.subject]).toEqual(['leader@demo.local', '重设密码 · 代表提案追踪平台'])
    expect(mail.from.address).toBe('duban@jiedao.test')
    const token = new RegExp(`${server.url}/admin/reset/([0-9a-f]{40})`).exec(mail.text)?.[1]
    expect(token, mail.text).toBeTruthy()
    // The password rule every new password follows holds here too, and a refusal leaves the link good.
    const resetWith = (password: string) =>
      fetch(`${server.url}/api/users/reset-password`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token, password }) }).then(answerOf)
    const weak = await resetWith('12345678')
    expect([weak.status, weak.json.errors[0].data.errors[0]]).toEqual([400, { message: '新密码须同时包含数字和字母（或其他符号）', path: 'password' }])
    expect((await resetWith('Leader-2026-new')).status).toBe(200)
    await login(server.url, { email: 'leader@demo.local', password: 'Leader-2026-new' })
    // Used once: then refused in words.
    const used = await resetWith('Leader-2026-again')
    expect([used.status, used.json.errors[0].message]).toEqual([400, '重设密码的链接无效或已过期，请重新申请'])
    const leader = (await payload.find({ collection: 'users', where: { email: { equals: 'leader@demo.local' } }, depth: 0, overrideAccess: true })).docs[0]
    expect(await auditOf({ subjectUser: { equals: leader.id } })).toEqual([
      ['resetLinkSent', `应“忘记密码”的请求，向工作人员 ${leader.name}（leader@demo.local）的电子邮箱发出重设密码链接`],
      ['resetLinkUsed', `工作人员 ${leader.name}（leader@demo.local）用“忘记密码”的链接设置了新密码`],
    ])
  })

  it('忘记密码 from one address: the 11th request within the window is refused (429 + Retry-After), staff’s and the portal’s alike', async () => {
    const from = (address: string, path: string, body: unknown) => postFrom(server.url, address, path, body, { origin: server.url })
    for (let i = 0; i < 10; i++) expect((await from('127.0.0.77', '/api/users/forgot-password', { email: `nobody-${i}@demo.local` })).status).toBe(200)
    const refused = await from('127.0.0.77', '/api/portal/forgot-password', { login: 'nobody-else' })
    expect(refused.status).toBe(429)
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/)
    expect((await refused.json()).error.message).toMatch(/分钟后再试|代表工作室/)
    // Another address is not held up.
    expect((await from('127.0.0.78', '/api/users/forgot-password', { email: 'nobody@demo.local' })).status).toBe(200)
  })

  it('a new password ends a reset link already sent', async () => {
    const before = mails.length
    await fetch(`${server.url}/api/users/forgot-password`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'office@demo.local' }) })
    await until('the reset e-mail', () => mails.length > before)
    const token = new RegExp(`${server.url}/admin/reset/([0-9a-f]{40})`).exec(mails.at(-1)!.text)?.[1]
    const session = await login(server.url, { email: 'office@demo.local', password: Password })
    const me = (await fetch(`${server.url}/api/users/me`, { headers: session }).then((r) => r.json())).user
    const changed = await fetch(`${server.url}/api/users/${me.id}/password`, { method: 'POST', headers: { 'content-type': 'application/json', ...session }, body: JSON.stringify({ password: 'Office-2026-own', currentPassword: Password }) })
    expect(changed.status, await changed.clone().text()).toBe(200)
    const late = await fetch(`${server.url}/api/users/reset-password`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token, password: 'Office-2026-link' }) })
    expect(late.status).toBe(400)
    await login(server.url, { email: 'office@demo.local', password: 'Office-2026-own' })
  })
})
