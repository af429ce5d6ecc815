// The portal's sign-in and sessions over HTTP against the real production server: cookies,
// the same answer for unknown and wrong accounts, Payload's lockout, throttling per address,
// the first-sign-in password change, sign-out and replay, expiry, the office's reset and
// disabling, the Origin check, and a database that holds no raw token.
// Its own vitest project (`http-portal`): it locks and disables accounts of its own.
import { createHash, randomBytes } from 'node:crypto'
import { beforeAll, describe, expect, inject, it } from 'vitest'
import { DemoPassword } from '../../cms/seed/reference'
import { SESSION_ABSOLUTE_MS } from '../../core/portal'
import { databaseText, runSQL } from '../helpers/database'
import { login, portalSignIn, portalSignInFrom, sessionCookieOf, type Credential } from '../helpers/http'

const base = inject('baseURL')
const world = inject('world')
const databaseURL = inject('databaseURL')

let office: Credential
const json = { 'content-type': 'application/json' }

/** A request to the portal API with a session cookie (or none), from the site's own origin unless told otherwise. */
async function portal(path: string, init: { method?: string; cookie?: string | null; body?: unknown; origin?: string | null; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { ...json, ...init.headers }
  if (init.cookie) headers.cookie = init.cookie
  if (init.origin !== null) headers.origin = init.origin ?? base
  const r = await fetch(`${base}/api/portal${path}`, { method: init.method ?? 'GET', headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) })
  const text = await r.text()
  let body: any = null
  try {
    body = JSON.parse(text)
  } catch {}
  return { status: r.status, body, text, headers: r.headers, response: r }
}

/** The office makes an account, as it does in the admin. */
async function newRepresentative(opts: { mustChangePassword?: boolean; phone?: string } = {}) {
  const username = `portal-${randomBytes(4).toString('hex')}`
  const r = await fetch(`${base}/api/representatives`, {
    method: 'POST',
    headers: { ...json, ...office },
    body: JSON.stringify({ username, name: '测试代表', password: DemoPassword, residentialArea: world.ref.areas[0], mustChangePassword: opts.mustChangePassword ?? false, phone: opts.phone }),
  })
  expect(r.status, await r.clone().text()).toBe(201)
  return { username, id: ((await r.json()) as any).doc.id as number | string }
}

async function signIn(login: string, password = DemoPassword, headers: Record<string, string> = {}) {
  const r = await portalSignIn(base, login, password, headers)
  expect(r.status, await r.clone().text()).toBe(200)
  return sessionCookieOf(r)
}

const office_ = (path: string, method: string, body: unknown) =>
  fetch(`${base}/api${path}`, { method, headers: { ...json, ...office }, body: JSON.stringify(body) })

beforeAll(async () => {
  office = await login(base, { email: world.staff.office.email, password: DemoPassword })
})

describe('signing in', () => {
  it('by username: a new HttpOnly, SameSite=Lax session cookie for the whole site, and no private data back', async () => {
    const rep = await newRepresentative({ phone: '13900001111' })
    const r = await portalSignIn(base, rep.username, DemoPassword)
    expect(r.status).toBe(200)
    const set = r.headers.getSetCookie().find((c) => c.startsWith('portal_session='))!
    expect(set).toMatch(/HttpOnly/i)
    expect(set).toMatch(/SameSite=Lax/i)
    expect(set).toMatch(/Path=\//)
    // The cookie lasts as long as a session may (12 h), not the 400 days Lucia gives a cookie without an expiry.
    expect(set).toMatch(new RegExp(`Max-Age=${SESSION_ABSOLUTE_MS / 1000}(;|$)`, 'i'))
    // The test server runs in production mode: Secure.
    expect(set).toMatch(/Secure/i)
    const token = set.split(';')[0].split('=')[1]
    expect(token.length * 5).toBeGreaterThanOrEqual(128) // base32: 5 bits a character
    const body = await r.json()
    expect(body.representative).toMatchObject({ username: rep.username, name: '测试代表', mustChangePassword: false })
    expect(JSON.stringify(body)).not.toMatch(/13900001111|password|hash|salt/)
  })

  it('by the phone number the office recorded', async () => {
    const rep = await newRepresentative({ phone: '13900002222' })
    const cookie = await signIn('139 0000 2222')
    expect((await portal('/me', { cookie })).body.representative.username).toBe(rep.username)
    // However the office typed it.
    const dashed = await newRepresentative({ phone: '139-0000-3333' })
    expect((await portal('/me', { cookie: await signIn('13900003333') })).body.representative.username).toBe(dashed.username)
  })

  it('by username in any case, as a phone keyboard may capitalise it', async () => {
    const rep = await newRepresentative()
    const cookie = await signIn(` ${rep.username.toUpperCase()} `)
    expect((await portal('/me', { cookie })).body.representative.username).toBe(rep.username)
  })

  it('every sign-in gets a new token', async () => {
    const rep = await newRepresentative()
    expect(await signIn(rep.username)).not.toBe(await signIn(rep.username))
  })

  it('an unknown account and a wrong password get the very same answer', async () => {
    const rep = await newRepresentative()
    const wrong = await portalSignIn(base, rep.username, 'not-the-password-1')
    const unknown = await portalSignIn(base, `nobody-${randomBytes(3).toString('hex')}`, 'not-the-password-1')
    expect(wrong.status).toBe(401)
    expect(unknown.status).toBe(401)
    expect(await wrong.json()).toEqual(await unknown.json())
    expect(wrong.headers.getSetCookie()).toEqual([])
  })

  it('a body that is not a sign-in gets a clear zh-CN message per field', async () => {
    const r = await portal('/sign-in', { method: 'POST', body: { login: '', password: 'x', status: 'closed' } })
    expect(r.status).toBe(400)
    expect(r.body.error.code).toBe('invalid')
    expect(r.body.error.fields.login).toBe('请填写登录名或手机号')
    expect(r.body.error.fields._).toMatch(/不能提交这些字段：status/)
    const broken = await fetch(`${base}/api/portal/sign-in`, { method: 'POST', headers: { ...json, origin: base }, body: '{not json' })
    expect(broken.status).toBe(400)
    expect((await broken.json()).error.message).toMatch(/JSON/)
  })

  // Each of these tests is a client of its own (a loopback address of its own); the forwarded
  // header a client sends is not believed unless it comes through the trusted proxy (127.0.0.9).
  it('the sixth wrong password meets Payload’s lockout: 429 with Retry-After, even with the right password, until the office unlocks', async () => {
    const rep = await newRepresentative()
    const from = '127.0.0.11'
    for (let i = 0; i < 5; i++) expect((await portalSignInFrom(base, from, rep.username, 'wrong-password-1')).status).toBe(401)
    const sixth = await portalSignInFrom(base, from, rep.username, 'wrong-password-1')
    expect(sixth.status).toBe(429)
    expect(Number(sixth.headers.get('retry-after'))).toBeGreaterThan(60)
    expect((await sixth.json()).error.message).toMatch(/尝试次数过多/)
    expect((await portalSignInFrom(base, from, rep.username, DemoPassword)).status).toBe(429)
    const unlock = await office_('/representatives/unlock', 'POST', { username: rep.username })
    expect(unlock.status, await unlock.clone().text()).toBe(200)
    expect((await portalSignInFrom(base, from, rep.username, DemoPassword)).status).toBe(200)
  })

  it('an unknown account is throttled at the same count as a real one', async () => {
    const name = `ghost-${randomBytes(3).toString('hex')}`
    const from = '127.0.0.12'
    for (let i = 0; i < 5; i++) expect((await portalSignInFrom(base, from, name, 'wrong-password-1')).status).toBe(401)
    const sixth = await portalSignInFrom(base, from, name, 'wrong-password-1')
    expect(sixth.status).toBe(429)
    expect(Number(sixth.headers.get('retry-after'))).toBeGreaterThan(60)
  })

  it('too many failures from one address: 429 there for any account, whatever X-Forwarded-For it claims, while other addresses sign in', async () => {
    const rep = await newRepresentative()
    const from = '127.0.0.13'
    for (let i = 0; i < 20; i++) {
      const claimed = { 'x-forwarded-for': `10.9.1.${i}` }
      expect((await portalSignInFrom(base, from, `ghost-${i}-${randomBytes(2).toString('hex')}`, 'wrong-password-1', claimed)).status).toBe(401)
    }
    const blocked = await portalSignInFrom(base, from, rep.username, DemoPassword, { 'x-forwarded-for': '10.9.1.99' })
    expect(blocked.status).toBe(429)
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0)
    expect((await portalSignInFrom(base, '127.0.0.14', rep.username, DemoPassword)).status).toBe(200)
  })

  it('attempts sent side by side from one address cannot all get past the limit', async () => {
    const from = '127.0.0.15'
    const all = await Promise.all(Array.from({ length: 30 }, (_, i) => portalSignInFrom(base, from, `ghost-par${i}-${randomBytes(2).toString('hex')}`, 'wrong-password-1')))
    const statuses = all.map((r) => r.status)
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(20)
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(10)
  })

  it('a phone number is one account however it is typed: an unknown one is throttled like a real one', async () => {
    const from = '127.0.0.16'
    const spellings = ['138 0013 9999', '13800139999', '138-0013-9999', '1380013 9999', '138 00139999']
    for (const login of spellings) expect((await portalSignInFrom(base, from, login, 'wrong-password-1')).status).toBe(401)
    expect((await portalSignInFrom(base, from, '13800139999', 'wrong-password-1')).status).toBe(429)
    expect((await portalSignInFrom(base, from, '138 0013 9999', 'wrong-password-1')).status).toBe(429)
  })

  it('behind the trusted proxy, the address counted is the one the proxy forwards', async () => {
    const rep = await newRepresentative()
    const proxy = '127.0.0.9'
    const client = { 'x-forwarded-for': '10.9.2.1' }
    for (let i = 0; i < 20; i++) expect((await portalSignInFrom(base, proxy, `ghost-p${i}-${randomBytes(2).toString('hex')}`, 'wrong-password-1', client)).status).toBe(401)
    expect((await portalSignInFrom(base, proxy, rep.username, DemoPassword, client)).status).toBe(429)
    // Another client through the same proxy is not blocked by the first one's failures.
    expect((await portalSignInFrom(base, proxy, rep.username, DemoPassword, { 'x-forwarded-for': '10.9.2.2' })).status).toBe(200)
  })
})

describe('a session', () => {
  it('is a Payload user on the REST API with the representative’s own access, and nobody without it', async () => {
    const cookie = await signIn('rep-a')
    const me = await fetch(`${base}/api/representatives/me`, { headers: { cookie } })
    expect((await me.json()).user?.username).toBe('rep-a')
    const own = await fetch(`${base}/api/representatives/${world.reps.A.id}`, { headers: { cookie } })
    expect((await own.json()).phone).toBe('PRIVATE-PHONE-rep-a')
    const other = await fetch(`${base}/api/representatives/${world.reps.B.id}`, { headers: { cookie } })
    expect((await other.json()).phone).toBeUndefined()
    expect((await portal('/me')).status).toBe(401)
    expect((await portal('/me')).body.error.code).toBe('unauthenticated')
  })

  it('changes its own account only through the portal: a new password sent to the REST API with the session alone is refused', async () => {
    const rep = await newRepresentative()
    const cookie = await signIn(rep.username)
    const r = await fetch(`${base}/api/representatives/${rep.id}`, { method: 'PATCH', headers: { ...json, cookie, origin: base }, body: JSON.stringify({ password: 'Taken-over-2026' }) })
    // Refused before access is looked at: a password is never set by PATCH (cms/lib/passwordChange.ts).
    expect(r.status).toBe(400)
    expect((await r.json()).errors[0].data.errors[0].path).toBe('password')
    expect((await portalSignIn(base, rep.username, 'Taken-over-2026')).status).toBe(401)
    expect((await portalSignIn(base, rep.username, DemoPassword)).status).toBe(200)
  })

  it('on a request that changes something, counts only when it comes from the site’s own pages (Origin)', async () => {
    const cookie = await signIn('rep-a')
    const draft = (title: string) => JSON.stringify({ title, body: '来源检查：请相关部门处理。', category: 'urban', residentialArea: world.ref.areas[0] })
    const title = `来源检查 ${randomBytes(3).toString('hex')}`
    for (const origin of ['https://evil.example', null]) {
      const r = await fetch(`${base}/api/proposals`, { method: 'POST', headers: { ...json, cookie, ...(origin ? { origin } : {}) }, body: draft(title) })
      expect(r.status, `Origin ${origin}`).toBe(403)
    }
    const found = await fetch(`${base}/api/proposals?where[title][equals]=${encodeURIComponent(title)}&depth=0`, { headers: office })
    expect((await found.json()).totalDocs).toBe(0)
    const own = await fetch(`${base}/api/proposals`, { method: 'POST', headers: { ...json, cookie, origin: base }, body: draft(title) })
    expect(own.status).toBe(201)
  })

  it('reads names of other representatives, never their login names, emails or account state', async () => {
    const cookie = await signIn('rep-a')
    const r = await fetch(`${base}/api/representatives?limit=100&depth=0`, { headers: { cookie } })
    expect(r.status).toBe(200)
    const docs = (await r.json()).docs as Record<string, unknown>[]
    const self = docs.find((d) => d.id === world.reps.A.id)!
    expect(self.username).toBe('rep-a')
    const others = docs.filter((d) => d.id !== world.reps.A.id)
    expect(others.length).toBeGreaterThan(1)
    for (const d of others) {
      expect(d.name).toBeTruthy()
      for (const k of ['username', 'email', 'active', 'mustChangePassword', 'phone', 'idNumber', 'address', 'loginAttempts', 'lockUntil', 'updatedAt']) expect(d, `${k} of ${d.id}`).not.toHaveProperty(k)
    }
  })

  it('cannot be had any other way: there is no GraphQL login of a representative (GraphQL is off)', async () => {
    const rep = await newRepresentative()
    const r = await fetch(`${base}/api/graphql`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ query: `mutation { loginRepresentative(username: "${rep.username}", password: "${DemoPassword}") { token } }` }),
    })
    expect(r.status).toBe(404)
    const body = await r.json()
    expect(body.data?.loginRepresentative?.token ?? null).toBeNull()
    expect(body.errors?.length).toBeGreaterThan(0)
    // The portal still signs the same account in.
    expect((await portalSignIn(base, rep.username, DemoPassword)).status).toBe(200)
  })

  it('replayed after sign-out gets 401, on the portal and on the REST API', async () => {
    const cookie = await signIn('rep-b')
    expect((await portal('/me', { cookie })).status).toBe(200)
    const out = await portal('/sign-out', { method: 'POST', cookie })
    expect(out.status).toBe(200)
    expect(out.headers.getSetCookie().join()).toMatch(/portal_session=;/)
    expect((await portal('/me', { cookie })).status).toBe(401)
    expect((await (await fetch(`${base}/api/representatives/me`, { headers: { cookie } })).json()).user ?? null).toBeNull()
  })

  it('past its idle expiry or its absolute lifetime gets 401', async () => {
    const rep = await newRepresentative()
    const idle = await signIn(rep.username)
    await runSQL(databaseURL, `UPDATE portal_sessions SET expires_at = '2000-01-01T00:00:00.000Z' WHERE representative_id = ${Number(rep.id)}`)
    expect((await portal('/me', { cookie: idle })).status).toBe(401)
    const old = await signIn(rep.username)
    await runSQL(databaseURL, `UPDATE portal_sessions SET absolute_expires_at = '2000-01-01T00:00:00.000Z' WHERE representative_id = ${Number(rep.id)}`)
    expect((await portal('/me', { cookie: old })).status).toBe(401)
    // Both are gone from the database, not just refused.
    const sessions = await fetch(`${base}/api/portal-sessions?where[representative][equals]=${rep.id}`, { headers: office })
    expect((await sessions.json()).totalDocs).toBe(0)
  })

  it('the database holds only hashes of tokens, never a token', async () => {
    const cookie = await signIn('rep-c')
    const token = cookie.split('=')[1]
    expect((await portal('/me', { cookie })).status).toBe(200)
    const text = await databaseText(databaseURL)
    // The search sees the session's record (its hash is there)…
    expect(text).toContain(createHash('sha256').update(token).digest('hex'))
    // …and the token nowhere.
    expect(text.includes(token)).toBe(false)
    // And the API never shows the hash either.
    const listed = await fetch(`${base}/api/portal-sessions?limit=100`, { headers: office })
    expect(JSON.stringify(await listed.json())).not.toMatch(/tokenHash|[0-9a-f]{64}/)
  })

  it('a representative lists their own sign-ins and ends another one, never someone else’s', async () => {
    const rep = await newRepresentative()
    const phone = await signIn(rep.username, DemoPassword, { 'user-agent': 'Mozilla/5.0 (Linux; Android 14) Chrome/130.0 Mobile' })
    const desk = await signIn(rep.username, DemoPassword, { 'user-agent': 'Mozilla/5.0 (Windows NT 10.0) Chrome/130.0' })
    const list = await portal('/sessions', { cookie: desk })
    expect(list.status).toBe(200)
    expect(list.body.sessions.map((s: any) => [s.device, s.current]).sort()).toEqual([
      ['Android · Chrome', false],
      ['Windows · Chrome', true],
    ])
    const other = list.body.sessions.find((s: any) => !s.current)
    const someoneElse = await signIn('rep-a')
    expect((await portal(`/sessions/${other.id}`, { method: 'DELETE', cookie: someoneElse })).status).toBe(404)
    expect((await portal('/me', { cookie: phone })).status).toBe(200)
    expect((await portal(`/sessions/${other.id}`, { method: 'DELETE', cookie: desk })).status).toBe(200)
    expect((await portal('/me', { cookie: phone })).status).toBe(401)
    expect((await portal('/me', { cookie: desk })).status).toBe(200)
  })
})

describe('first sign-in, resets and disabled accounts', () => {
  it('the first sign-in must change the password before anything else; the new one must meet the rule', async () => {
    const rep = await newRepresentative({ mustChangePassword: true })
    const cookie = await signIn(rep.username)
    expect((await portal('/me', { cookie })).body.representative.mustChangePassword).toBe(true)
    const blocked = await portal('/sessions', { cookie })
    expect(blocked.status).toBe(403)
    expect(blocked.body.error.code).toBe('mustChangePassword')
    // Nor is the session a user on the REST API yet.
    expect((await (await fetch(`${base}/api/representatives/me`, { headers: { cookie } })).json()).user ?? null).toBeNull()

    const weak = await portal('/password', { method: 'POST', cookie, body: { currentPassword: DemoPassword, newPassword: '12345678' } })
    expect(weak.status).toBe(400)
    expect(weak.body.error.fields.newPassword).toMatch(/数字和字母/)
    const wrongCurrent = await portal('/password', { method: 'POST', cookie, body: { currentPassword: 'nope-nope-1', newPassword: 'Lift-2026-ok' } })
    expect(wrongCurrent.status).toBe(400)
    expect(wrongCurrent.body.error.fields.currentPassword).toBe('当前密码不正确')

    const other = await signIn(rep.username)
    const changed = await portal('/password', { method: 'POST', cookie, body: { currentPassword: DemoPassword, newPassword: 'Lift-2026-ok' } })
    expect(changed.status, changed.text).toBe(200)
    expect(changed.body.representative.mustChangePassword).toBe(false)
    const fresh = sessionCookieOf(changed.response)
    // Every earlier session ended, this device has a new one.
    expect((await portal('/me', { cookie })).status).toBe(401)
    expect((await portal('/me', { cookie: other })).status).toBe(401)
    expect((await portal('/sessions', { cookie: fresh })).status).toBe(200)
    expect((await portalSignIn(base, rep.username, DemoPassword)).status).toBe(401)
    expect((await portalSignIn(base, rep.username, 'Lift-2026-ok')).status).toBe(200)
  })

  it('the office resets a password: every session ends and a new password is demanded at the next sign-in', async () => {
    const rep = await newRepresentative()
    const cookie = await signIn(rep.username)
    const reset = await office_(`/representatives/${rep.id}/password`, 'POST', { password: 'Temp-2026-x1', reason: '代表忘记密码，电话核实身份后重置' })
    expect(reset.status, await reset.clone().text()).toBe(200)
    expect((await portal('/me', { cookie })).status).toBe(401)
    const again = await signIn(rep.username, 'Temp-2026-x1')
    expect((await portal('/me', { cookie: again })).body.representative.mustChangePassword).toBe(true)
  })

  it('the office disables an account: its sessions end and signing in says it is disabled', async () => {
    const rep = await newRepresentative()
    const cookie = await signIn(rep.username)
    expect((await office_(`/representatives/${rep.id}`, 'PATCH', { active: false })).status).toBe(200)
    expect((await portal('/me', { cookie })).status).toBe(401)
    const r = await portalSignIn(base, rep.username, DemoPassword)
    expect(r.status).toBe(403)
    expect((await r.json()).error.message).toMatch(/停用/)
  })

  it('a representative cannot change their own staff-set fields through the REST API', async () => {
    const rep = await newRepresentative()
    const cookie = await signIn(rep.username)
    const r = await fetch(`${base}/api/representatives/${rep.id}`, {
      method: 'PATCH',
      headers: { ...json, cookie, origin: base },
      body: JSON.stringify({ name: '改名', active: true, mustChangePassword: false, kind: 'deputy', username: 'admin' }),
    })
    const doc = (await (await fetch(`${base}/api/representatives/${rep.id}`, { headers: office })).json()) as any
    expect([r.status, doc.name, doc.kind, doc.username]).toEqual([r.status, '测试代表', 'resident', rep.username])
  })
})

describe('the Origin check', () => {
  it.each([
    ['a foreign origin', 'https://evil.example'],
    ['no origin', null],
  ])('a state-changing request with %s gets 403 and changes nothing', async (_label, origin) => {
    const rep = await newRepresentative()
    const cookie = await signIn(rep.username)
    const out = await portal('/sign-out', { method: 'POST', cookie, origin })
    expect(out.status).toBe(403)
    expect(out.body.error.code).toBe('origin')
    expect((await portal('/me', { cookie })).status).toBe(200)
    const signInFromElsewhere = await portal('/sign-in', { method: 'POST', origin, body: { login: rep.username, password: DemoPassword } })
    expect(signInFromElsewhere.status).toBe(403)
    expect(signInFromElsewhere.headers.getSetCookie()).toEqual([])
  })
})
