// The reviewer's attacks on the API and the accounts, over HTTP against the real production server:
// GraphQL off and every REST list capped at 100; representatives' auth only through the portal;
// passwords set in the admin only through /:id/password (current password, or a recorded reason), the staff sign-in throttle and
// its equal answer for unknown accounts, and forgot-password without e-mail.
// Its own vitest project (`http-auth`): it throttles addresses and locks accounts of its own.
import { randomBytes } from 'node:crypto'
import { beforeAll, describe, expect, inject, it } from 'vitest'
import { DemoPassword } from '../../cms/seed/reference'
import { login, portalSignIn, postFrom, sessionCookieOf, type Credential } from '../helpers/http'

const base = inject('baseURL')
const world = inject('world')

let admin: Credential
let office: Credential
const json = { 'content-type': 'application/json' }

async function call(path: string, init: { method?: string; body?: unknown; as?: Credential | null; headers?: Record<string, string>; raw?: string } = {}) {
  const r = await fetch(`${base}/api${path}`, {
    method: init.method ?? 'GET',
    headers: { ...json, origin: base, ...init.as, ...init.headers },
    body: init.raw ?? (init.body === undefined ? undefined : JSON.stringify(init.body)),
  })
  const text = await r.text()
  let body: any = null
  try {
    body = JSON.parse(text)
  } catch {}
  return { status: r.status, body, text, headers: r.headers }
}

const unique = () => randomBytes(4).toString('hex')

/** The admin makes a staff account, as in the admin's 工作人员 list. */
async function newStaff(password = DemoPassword) {
  const email = `auth-${unique()}@test.local`
  const r = await call('/users', { method: 'POST', as: admin, body: { email, name: `测试人员${unique()}`, role: 'office', password } })
  expect(r.status, r.text).toBe(201)
  return { email, id: r.body.doc.id as number | string }
}

/** The office makes a representative's account. */
async function newRepresentative() {
  const username = `auth-${unique()}`
  const r = await call('/representatives', {
    method: 'POST',
    as: office,
    body: { username, name: '测试代表', password: DemoPassword, residentialArea: world.ref.areas[0], mustChangePassword: false },
  })
  expect(r.status, r.text).toBe(201)
  return { username, id: r.body.doc.id as number | string }
}

beforeAll(async () => {
  admin = await login(base, { email: world.staff.admin.email, password: DemoPassword })
  office = await login(base, { email: world.staff.office.email, password: DemoPassword })
})

describe('the API is REST, at most 100 records per list', () => {
  it('GraphQL is off: the 100-alias query gets a structured 404 that names REST', async () => {
    const query = `{ ${Array.from({ length: 100 }, (_, i) => `a${i}: Proposals(limit: 100000) { docs { id title body } }`).join(' ')} }`
    for (const who of [null, office]) {
      const r = await call('/graphql', { method: 'POST', as: who, body: { query } })
      expect(r.status).toBe(404)
      expect(r.body.errors[0].message).toMatch(/GraphQL.*REST/)
    }
    expect((await call('/graphql-playground')).status).toBe(404)
  })

  it('a limit over 100, 0, negative or not a number, pagination=false and a join’s limit over 100 get a 400 naming the cap', async () => {
    const proposal = (await call('/proposals?limit=1&depth=0', { as: office })).body.docs[0].id
    const asked = [
      '/proposals?limit=100000',
      '/proposals?limit=101',
      '/proposals?limit=0',
      '/proposals?limit=-5',
      '/proposals?limit=abc',
      '/proposals?limit=',
      '/proposals?pagination=false',
      '/proposals?limit=10&pagination=false',
      '/proposals?joins[events][limit]=0',
      '/proposals?joins[events][limit]=1000',
      `/proposals/${proposal}?joins[events][limit]=1000`,
      '/proposals/versions?limit=1000',
      '/proposal-events?limit=100000',
      '/holidays?limit=100000',
      '/representatives?pagination=false',
      '/payload-preferences?limit=100000',
      '/payload-locked-documents?limit=0',
    ]
    for (const who of [null, office]) {
      for (const path of asked) {
        const r = await call(path, { as: who })
        expect(r.status, `${path}: ${r.text.slice(0, 200)}`).toBe(400)
        expect(r.body.errors[0].message, path).toContain('每次最多返回 100 条记录')
      }
    }
    // The admin's relationship fields send their query in a POST body (method override): the same cap.
    const override = { 'content-type': 'application/x-www-form-urlencoded', 'x-payload-http-method-override': 'GET' }
    expect((await call('/proposals', { method: 'POST', as: office, headers: override, raw: 'limit=100000&depth=0' })).status).toBe(400)
    expect((await call('/proposals', { method: 'POST', as: office, headers: override, raw: 'limit=10&depth=0' })).status).toBe(200)
  })

  it('up to 100 is answered, and the public export keeps its own paging up to 500', async () => {
    for (const path of ['/proposals?limit=100&depth=0', '/holidays?limit=100', `/proposals?limit=1&joins[events][limit]=100`, '/proposals?depth=0']) {
      const r = await call(path, { as: office })
      expect(r.status, `${path}: ${r.text.slice(0, 200)}`).toBe(200)
    }
    const page = await call('/public/proposals?page=1&limit=500')
    expect(page.status).toBe(200)
  })
})

describe('representatives: Payload’s own auth paths are closed, with one answer', () => {
  it('every path answers the same, for the right password, a wrong one and an unknown name', async () => {
    const rep = await newRepresentative()
    const bodies = [
      { username: rep.username, password: DemoPassword },
      { username: rep.username, password: 'Wrong-2026-pw' },
      { username: `nobody-${unique()}`, password: DemoPassword },
    ]
    const posts = ['login', 'logout', 'refresh-token', 'forgot-password', 'reset-password', 'first-register', 'verify/some-token']
    for (const path of posts) {
      const answers = await Promise.all(bodies.map((b) => call(`/representatives/${path}`, { method: 'POST', body: { ...b, email: `${b.username}@x.local`, token: 'x' } })))
      for (const a of answers) {
        expect({ path, status: a.status, body: a.body }).toEqual({ path, status: 404, body: { errors: [{ message: '居民代表请在门户网站（/portal/）登录' }] } })
      }
    }
    const init = await call('/representatives/init')
    expect({ status: init.status, body: init.body }).toEqual({ status: 404, body: { errors: [{ message: '居民代表请在门户网站（/portal/）登录' }] } })
    // The office's unlock (the admin's button) checks who asks before anything else: the same 403 for any name.
    const unlocks = await Promise.all(bodies.map((b) => call('/representatives/unlock', { method: 'POST', body: b })))
    for (const u of unlocks) expect({ status: u.status, body: u.body }).toEqual({ status: unlocks[0].status, body: unlocks[0].body })
    expect(unlocks[0].status).toBe(403)
  })

  it('wrong passwords sent through those paths (and GraphQL) do not lock the account', async () => {
    const rep = await newRepresentative()
    for (let i = 0; i < 6; i++) {
      await call('/representatives/login', { method: 'POST', body: { username: rep.username, password: `Wrong-${i}-pw` } })
      await call('/representatives/forgot-password', { method: 'POST', body: { username: rep.username } })
      await call('/graphql', { method: 'POST', body: { query: `mutation { loginRepresentative(username: "${rep.username}", password: "Wrong-${i}-pw") { token } }` } })
    }
    expect((await portalSignIn(base, rep.username, DemoPassword)).status).toBe(200)
  })
})

describe('passwords set in the admin: one way, POST /api/<accounts>/:id/password', () => {
  it('a PATCH carrying a password is refused and names that way, for one document and in bulk, for every account collection', async () => {
    const me = await newStaff()
    const session = await login(base, { email: me.email, password: DemoPassword })
    const rep = await newRepresentative()
    const tries = [
      await call(`/users/${me.id}`, { method: 'PATCH', as: session, body: { password: 'Taken-over-2026', currentPassword: DemoPassword } }),
      await call(`/users/${me.id}`, { method: 'PATCH', as: admin, body: { password: 'Taken-over-2026', passwordResetReason: '试试' } }),
      await call(`/users?where[id][equals]=${me.id}`, { method: 'PATCH', as: admin, body: { password: 'Taken-over-2026' } }),
      await call(`/representatives/${rep.id}`, { method: 'PATCH', as: office, body: { password: 'Taken-over-2026', reason: '试试' } }),
      await call(`/representatives?where[id][equals]=${rep.id}`, { method: 'PATCH', as: office, body: { password: 'Taken-over-2026' } }),
    ]
    for (const t of tries) {
      expect(t.status, t.text).toBe(400)
      expect(t.body.errors[0].message).toMatch(/^密码请在“修改密码”中修改（POST \/api\/(users|representatives)\/<id>\/password）$/)
    }
    expect((await postFrom(base, '127.0.0.30', '/api/users/login', { email: me.email, password: 'Taken-over-2026' })).status).toBe(401)
    expect((await portalSignIn(base, rep.username, 'Taken-over-2026')).status).toBe(401)
  })

  it('one’s own: not with the session alone, not with a wrong current password; with the right one', async () => {
    const me = await newStaff()
    const session = await login(base, { email: me.email, password: DemoPassword })
    const bare = await call(`/users/${me.id}/password`, { method: 'POST', as: session, body: { password: 'Taken-over-2026' } })
    expect(bare.status, bare.text).toBe(400)
    expect(bare.body.errors[0].message).toBe('修改自己的密码须填写当前密码')
    expect(bare.body.errors[0].data.errors[0].path).toBe('currentPassword')
    const wrong = await call(`/users/${me.id}/password`, { method: 'POST', as: session, body: { password: 'Taken-over-2026', currentPassword: 'not-it-2026' } })
    expect(wrong.status).toBe(400)
    expect(wrong.body.errors[0].message).toBe('当前密码不正确')
    // A weak new one is refused with the rule, before the current password is looked at.
    const weak = await call(`/users/${me.id}/password`, { method: 'POST', as: session, body: { password: '12345678', currentPassword: DemoPassword } })
    expect(weak.status).toBe(400)
    expect(weak.body.errors[0].data.errors[0]).toEqual({ message: '新密码须同时包含数字和字母（或其他符号）', path: 'password' })
    // None changed anything.
    expect((await postFrom(base, '127.0.0.30', '/api/users/login', { email: me.email, password: 'Taken-over-2026' })).status).toBe(401)
    const right = await call(`/users/${me.id}/password`, { method: 'POST', as: session, body: { password: 'Own-choice-2026', currentPassword: DemoPassword } })
    expect(right.status, right.text).toBe(200)
    expect(right.body).toEqual({ message: '密码已修改' })
    expect((await postFrom(base, '127.0.0.30', '/api/users/login', { email: me.email, password: 'Own-choice-2026' })).status).toBe(200)
  })

  it('someone else’s (the admin’s reset): only with a reason, which the audit log keeps; nobody else’s otherwise', async () => {
    const other = await newStaff()
    const bare = await call(`/users/${other.id}/password`, { method: 'POST', as: admin, body: { password: 'Reset-2026-a' } })
    expect(bare.status, bare.text).toBe(400)
    expect(bare.body.errors[0].data.errors[0].path).toBe('reason')
    // The office may not set a staff member's password, with or without a reason; nor may anyone signed out.
    const byOffice = await call(`/users/${other.id}/password`, { method: 'POST', as: office, body: { password: 'Reset-2026-o', reason: '试试' } })
    expect(byOffice.status, byOffice.text).toBe(403)
    const anonymous = await call(`/users/${other.id}/password`, { method: 'POST', body: { password: 'Reset-2026-o', reason: '试试' } })
    expect(anonymous.status, anonymous.text).toBe(403)
    expect((await postFrom(base, '127.0.0.30', '/api/users/login', { email: other.email, password: 'Reset-2026-o' })).status).toBe(401)
    const reason = `本人忘记密码，已电话核实 ${unique()}`
    const reset = await call(`/users/${other.id}/password`, { method: 'POST', as: admin, body: { password: 'Reset-2026-a', reason } })
    expect(reset.status, reset.text).toBe(200)
    const log = await call(`/audit-log?where[subjectUser][equals]=${other.id}&depth=0`, { as: office })
    expect(log.body.docs).toHaveLength(1)
    expect(log.body.docs[0]).toMatchObject({ kind: 'passwordReset', reason, actorUser: world.staff.admin.id })
    expect((await postFrom(base, '127.0.0.30', '/api/users/login', { email: other.email, password: 'Reset-2026-a' })).status).toBe(200)
  })

  it('the office’s reset of a representative’s password: only with a reason, which the audit log keeps; not by the representative', async () => {
    const rep = await newRepresentative()
    const bare = await call(`/representatives/${rep.id}/password`, { method: 'POST', as: office, body: { password: 'Reset-2026-r' } })
    expect(bare.status, bare.text).toBe(400)
    expect(bare.body.errors[0].data.errors[0].path).toBe('reason')
    expect((await portalSignIn(base, rep.username, 'Reset-2026-r')).status).toBe(401)
    // The representative's own session cannot use the admin's way (their own is the portal's, with the current password).
    const signedIn = await portalSignIn(base, rep.username, DemoPassword)
    const cookie = { cookie: sessionCookieOf(signedIn) }
    const byThemself = await call(`/representatives/${rep.id}/password`, { method: 'POST', as: cookie, body: { password: 'Mine-2026-r', currentPassword: DemoPassword, reason: '自己改' } })
    expect(byThemself.status, byThemself.text).toBe(403)
    const reason = `代表来电，核实身份 ${unique()}`
    const reset = await call(`/representatives/${rep.id}/password`, { method: 'POST', as: office, body: { password: 'Reset-2026-r', reason } })
    expect(reset.status, reset.text).toBe(200)
    const log = await call(`/audit-log?where[subjectRepresentative][equals]=${rep.id}&depth=0`, { as: office })
    expect(log.body.docs).toHaveLength(1)
    expect(log.body.docs[0]).toMatchObject({ kind: 'passwordReset', reason, actorUser: world.staff.office.id })
    expect((await portalSignIn(base, rep.username, 'Reset-2026-r')).status).toBe(200)
  })

  it('bad input gets a structured 400 or 404 and changes nothing', async () => {
    const other = await newStaff()
    for (const [path, body, status] of [
      [`/users/${other.id}/password`, { password: 'Reset-2026-b', reason: 'x', extra: 1 }, 400],
      [`/users/${other.id}/password`, { password: 42, reason: 'x' }, 400],
      [`/users/abc/password`, { password: 'Reset-2026-b', reason: 'x' }, 404],
      [`/users/999999/password`, { password: 'Reset-2026-b', reason: 'x' }, 404],
    ] as const) {
      const r = await call(path, { method: 'POST', as: admin, body })
      expect(r.status, `${path} ${r.text}`).toBe(status)
      expect(r.body.errors[0].message).toEqual(expect.any(String))
    }
    expect((await postFrom(base, '127.0.0.30', '/api/users/login', { email: other.email, password: 'Reset-2026-b' })).status).toBe(401)
  })
})

describe('staff sign-in', () => {
  it('an unknown e-mail gets the answer a wrong password gets, and is refused after as many tries as a real account is locked after', async () => {
    const known = await newStaff()
    const unknown = `nobody-${unique()}@test.local`
    const from = '127.0.0.31'
    const wrong = await postFrom(base, from, '/api/users/login', { email: known.email, password: 'Wrong-2026-pw' })
    const none = await postFrom(base, from, '/api/users/login', { email: unknown, password: 'Wrong-2026-pw' })
    expect(wrong.status).toBe(401)
    expect({ status: none.status, body: await none.json() }).toEqual({ status: wrong.status, body: await wrong.json() })
    // Payload locks a real account at the 5th wrong password; an unknown one is refused alike.
    for (let i = 0; i < 4; i++) {
      await postFrom(base, from, '/api/users/login', { email: known.email, password: 'Wrong-2026-pw' })
      await postFrom(base, from, '/api/users/login', { email: unknown, password: 'Wrong-2026-pw' })
    }
    const lockedKnown = await postFrom(base, '127.0.0.32', '/api/users/login', { email: known.email, password: DemoPassword })
    const lockedUnknown = await postFrom(base, '127.0.0.32', '/api/users/login', { email: unknown, password: DemoPassword })
    expect(lockedKnown.status).toBe(429)
    expect(lockedUnknown.status).toBe(429)
    expect(Number(lockedUnknown.headers.get('retry-after'))).toBeGreaterThan(0)
  })

  it('more than 20 failures from one address get 429 with Retry-After; other addresses are not affected', async () => {
    const from = '127.0.0.33'
    for (let i = 0; i < 20; i++) {
      const r = await postFrom(base, from, '/api/users/login', { email: `nobody-${unique()}@test.local`, password: 'Wrong-2026-pw' })
      expect(r.status).toBe(401)
    }
    const refused = await postFrom(base, from, '/api/users/login', { email: world.staff.office.email, password: DemoPassword })
    expect(refused.status).toBe(429)
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
    expect((await refused.json()).errors[0].message).toMatch(/尝试次数过多，请 \d+ 分钟后再试/)
    const elsewhere = await postFrom(base, '127.0.0.34', '/api/users/login', { email: world.staff.office.email, password: DemoPassword })
    expect(elsewhere.status).toBe(200)
    expect((await elsewhere.json()).token).toBeTruthy()
  })

  it('forgot-password answers at once, the same for everyone: the admin or the office resets passwords', async () => {
    const answers = await Promise.all(
      [world.staff.office.email, `nobody-${unique()}@test.local`].map((email) => call('/users/forgot-password', { method: 'POST', body: { email } })),
    )
    for (const a of answers) {
      expect(a.status).toBe(400)
      expect(a.body).toEqual(answers[0].body)
    }
    expect(answers[0].body.errors[0].message).toMatch(/系统管理员重置密码/)
  })
})
