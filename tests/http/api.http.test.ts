// The REST API over HTTP against the real production server: sign-in per role, what each
// role may read and change, structured zh-CN errors that change nothing, the public export.
import { beforeAll, describe, expect, inject, it } from 'vitest'
import { PublicExportSchema, PublicProposalPageSchema } from '../../core/contract'
import { DemoPassword } from '../../cms/seed/reference'
import { apiAs, signInWorld, type Credential } from '../helpers/http'
import { PrivateMarker } from '../fixtures/scenario'

const base = inject('baseURL')
const world = inject('world')
const scenario = inject('scenario')

type Who = 'admin' | 'office' | 'leader' | 'sectionStaff' | 'sectionHead' | 'otherHead' | 'coStaff' | 'A' | 'B' | 'C' | 'public'
const tokens = {} as Record<Who, Credential | null>

const api = apiAs<Who>(base, tokens)

beforeAll(async () => {
  Object.assign(tokens, await signInWorld(base, world, DemoPassword))
})

const ids = () => ({ p1: scenario.inProgress, conf: scenario.confidential, draft: scenario.draft, p4: scenario.atFangguan })

describe('who reads which proposals (GET /api/proposals)', () => {
  const visible = async (who: Who) => {
    const r = await api(who, '/proposals?limit=100&depth=0')
    expect(r.status).toBe(200)
    return new Set((r.json.docs as any[]).map((d) => String(d.id)))
  }
  const { p1, conf, draft, p4 } = ids()
  it.each<[Who, (string | number)[]]>([
    ['admin', [p1, conf, draft, p4]],
    ['office', [p1, conf, p4]], // never a representative's unsubmitted draft
    ['leader', [p1, conf, p4]],
    ['sectionStaff', [p1]], // 城管分队 leads p1
    ['sectionHead', [p1]],
    ['otherHead', [p4]], // 房管办 leads p4
    ['coStaff', [p1]], // 绿化办 is co-section of p1
    ['A', [p1, draft, p4]], // own (incl. draft) + public
    ['B', [p1, p4]], // co-signer of p1 + public
    ['C', [p1, conf, p4]], // own confidential + public
    ['public', [p1, p4]],
  ])('%s sees exactly its proposals', async (who, expected) => {
    expect(await visible(who)).toEqual(new Set(expected.map(String)))
  })
})

describe('private fields', () => {
  it.each<[Who, boolean]>([
    ['office', true],
    ['admin', true],
    ['leader', false],
    ['sectionStaff', false],
    ['A', false],
  ])('internal notes visible to %s: %s', async (who, seen) => {
    const r = await api(who, `/proposals/${ids().p1}?depth=0`)
    expect(r.status).toBe(200)
    expect(r.json.internalNotes === `${PrivateMarker}INTERNAL-NOTE-1`).toBe(seen)
  })

  it.each<[Who, boolean]>([
    ['office', true],
    ['C', true], // the proposer
    ['leader', false],
  ])('confidential reason visible to %s: %s', async (who, seen) => {
    const r = await api(who, `/proposals/${ids().conf}?depth=0`)
    expect(r.status).toBe(200)
    expect(r.json.confidentialReason === `${PrivateMarker}CONFIDENTIAL-REASON`).toBe(seen)
  })

  it.each<[Who, boolean]>([
    ['office', true],
    ['admin', true],
    ['leader', false],
    ['sectionHead', false],
    ['B', false],
  ])("a representative's phone, ID number and address visible to %s: %s", async (who, seen) => {
    const r = await api(who, `/representatives/${world.reps.A.id}?depth=0`)
    expect(r.status).toBe(200)
    expect(r.json.name).toBe('张桂英')
    expect(r.json.phone === 'PRIVATE-PHONE-rep-a').toBe(seen)
    expect(r.json.idNumber === 'PRIVATE-ID-rep-a').toBe(seen)
    expect(r.json.address === 'PRIVATE-ADDRESS-rep-a').toBe(seen)
  })

  it("a representative's e-mail address and 通知方式 (where reset links and notices go) are as private as the phone: the office, the admin and themself", async () => {
    const set = await api('office', `/representatives/${world.reps.C.id}`, { method: 'PATCH', body: JSON.stringify({ email: 'c-private-mail@test.local' }) })
    expect(set.status, set.text).toBe(200)
    for (const [who, seen] of [['office', true], ['admin', true], ['C', true], ['leader', false], ['sectionHead', false], ['sectionStaff', false], ['B', false]] as [Who, boolean][]) {
      const r = await api(who, `/representatives/${world.reps.C.id}?depth=0`)
      expect(r.status, who).toBe(200)
      expect([who, r.json.email === 'c-private-mail@test.local', r.json.notify !== undefined]).toEqual([who, seen, seen])
    }
  })

  it('staff change their own name, not their e-mail or phone (a stolen session must not redirect a reset link); the admin changes them', async () => {
    const me = (await api('sectionStaff', '/users/me')).json.user
    const own = await api('sectionStaff', `/users/${me.id}`, { method: 'PATCH', body: JSON.stringify({ name: me.name, email: 'taken-over@test.local', phone: '13900000000' }) })
    expect(own.status, own.text).toBe(200)
    const after = (await api('admin', `/users/${me.id}?depth=0`)).json
    expect([after.email, after.phone ?? null]).toEqual([me.email, me.phone ?? null])
    const byAdmin = await api('admin', `/users/${me.id}`, { method: 'PATCH', body: JSON.stringify({ phone: '13900000001' }) })
    expect(byAdmin.status, byAdmin.text).toBe(200)
    expect((await api('admin', `/users/${me.id}?depth=0`)).json.phone).toBe('13900000001')
  })

  it('the public reads no representative at all', async () => {
    const r = await api('public', '/representatives')
    expect(r.status).toBe(403)
  })
})

describe('changes that are refused change nothing', () => {
  it('an illegal transition gets a 400 with the zh-CN reason and the status stays', async () => {
    const r = await api('office', `/proposals/${ids().p1}`, { method: 'PATCH', body: JSON.stringify({ status: 'closed' }) })
    expect(r.status).toBe(400)
    expect(r.text).toMatch(/不能从“办理中”变为“已办结”/)
    expect((await api('office', `/proposals/${ids().p1}?depth=0`)).json.status).toBe('inProgress')
  })

  it('a section that is not the lead cannot take the proposal on', async () => {
    const r = await api('otherHead', `/proposals/${ids().p1}`, { method: 'PATCH', body: JSON.stringify({ status: 'replied' }) })
    expect([403, 404]).toContain(r.status)
  })

  it("representative B cannot change A's proposal or draft", async () => {
    for (const id of [ids().p1, ids().draft]) {
      const r = await api('B', `/proposals/${id}`, { method: 'PATCH', body: JSON.stringify({ title: '被篡改的标题' }) })
      expect([403, 404]).toContain(r.status)
    }
    expect((await api('admin', `/proposals/${ids().draft}?depth=0`)).json.title).toContain('DRAFT-TITLE')
    // The office does not read it at all.
    expect([403, 404]).toContain((await api('office', `/proposals/${ids().draft}?depth=0`)).status)
  })

  it('a representative cannot set status, number, section or staff fields on their own draft', async () => {
    const r = await api('A', `/proposals/${ids().draft}`, {
      method: 'PATCH',
      body: JSON.stringify({ number: '2026-999', internalNotes: 'x', assignment: { leadSection: world.ref.sections.chengguan }, screening: { decision: 'accepted', reason: 'x' } }),
    })
    expect(r.status).toBe(200)
    const after = (await api('admin', `/proposals/${ids().draft}?depth=0`)).json
    expect(after.number ?? null).toBeNull()
    expect(after.internalNotes ?? null).toBeNull()
    expect(after.assignment?.leadSection ?? null).toBeNull()
    expect(after.screening?.decision ?? null).toBeNull()
    const skip = await api('A', `/proposals/${ids().draft}`, { method: 'PATCH', body: JSON.stringify({ status: 'accepted' }) })
    expect(skip.status).toBe(400)
  })

  it('bad input gets a structured error and creates nothing', async () => {
    const before = (await api('office', '/proposals?limit=1')).json.totalDocs
    const r = await api('A', '/proposals', { method: 'POST', body: JSON.stringify({ body: '没有标题' }) })
    expect(r.status).toBe(400)
    expect(Array.isArray(r.json.errors)).toBe(true)
    expect((await api('office', '/proposals?limit=1')).json.totalDocs).toBe(before)
  })

  it('nobody writes the event log over the API', async () => {
    for (const who of ['admin', 'office'] as Who[]) {
      const r = await api(who, '/proposal-events', { method: 'POST', body: JSON.stringify({ proposal: ids().p1, at: '2026-01-01T00:00:00Z', actorRole: 'office', action: '伪造' }) })
      expect(r.status).toBe(403)
    }
    const events = await api('office', `/proposal-events?where[proposal][equals]=${ids().p1}&limit=1`)
    const id = events.json.docs[0].id
    expect((await api('admin', `/proposal-events/${id}`, { method: 'PATCH', body: JSON.stringify({ action: '伪造' }) })).status).toBe(403)
    expect((await api('admin', `/proposal-events/${id}`, { method: 'DELETE' })).status).toBe(403)
  })

  it('only the admin manages staff accounts', async () => {
    const r = await api('office', '/users', { method: 'POST', body: JSON.stringify({ email: 'x@x.local', password: 'pw-123456', name: 'x', role: 'admin' }) })
    expect(r.status).toBe(403)
    const self = await api('office', `/users/${world.staff.office.id}`, { method: 'PATCH', body: JSON.stringify({ role: 'admin' }) })
    expect(self.status).toBe(200)
    expect((await api('admin', `/users/${world.staff.office.id}`)).json.role).toBe('office')
  })
})

describe('the public export', () => {
  it('GET /api/public/export matches the contract and holds no private value', async () => {
    const r = await api('public', '/public/export')
    expect(r.status).toBe(200)
    const exp = PublicExportSchema.parse(r.json)
    expect(exp.proposals.map((p) => p.title).sort()).toEqual(['松风小区5号楼屋顶漏水', '梅园路菜场门口占道经营严重'].sort())
    expect(r.text).not.toContain(PrivateMarker)
    expect(exp.confidential).toEqual([{ session: '2026', status: 'accepted', count: 1 }])
    const p1 = exp.proposals.find((p) => p.title.startsWith('梅园路'))!
    expect(p1.instructions.map((i) => i.text)).toEqual(['请城管分队牵头整治，绿化办配合。'])
    expect(p1.assignment?.leadSection.slug).toBe('chengguan')
    expect(p1.timeline.map((t) => t.to)).toEqual(['submitted', 'accepted', 'instructed', 'inProgress'])
  })

  it('GET /api/public/proposals pages the same records', async () => {
    const page = PublicProposalPageSchema.parse((await api('public', '/public/proposals?limit=1&page=2')).json)
    expect(page.totalDocs).toBe(2)
    expect(page.totalPages).toBe(2)
    expect(page.docs).toHaveLength(1)
    const bad = await api('public', '/public/proposals?limit=0')
    expect(bad.status).toBe(400)
    expect(bad.json.errors[0].code).toBe('invalid_limit')
  })
})

describe('numbers under concurrent submissions', () => {
  it('ten drafts submitted at once get ten different numbers', async () => {
    const drafts = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        api('B', '/proposals', { method: 'POST', body: JSON.stringify({ title: `并发提交测试 ${i}`, body: '并发提交测试内容', category: '其他', residentialArea: world.ref.areas[1] }) }),
      ),
    )
    expect(drafts.map((d) => d.status)).toEqual(Array(10).fill(201))
    const submitted = await Promise.all(
      drafts.map((d) => api('B', `/proposals/${d.json.doc.id}`, { method: 'PATCH', body: JSON.stringify({ status: 'submitted' }) })),
    )
    expect(submitted.map((s) => s.status)).toEqual(Array(10).fill(200))
    const numbers = submitted.map((s) => s.json.doc.number)
    expect(new Set(numbers).size).toBe(10)
    for (const n of numbers) expect(n).toMatch(/^2026-\d{3}$/)
  })
})

describe('sessions', () => {
  it('the production server sets HttpOnly, Secure, SameSite=Lax session cookies', async () => {
    const r = await fetch(`${base}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: world.staff.office.email, password: DemoPassword }),
    })
    const cookie = r.headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(/payload-token=/)
    expect(cookie).toMatch(/HttpOnly/i)
    expect(cookie).toMatch(/Secure/i)
    expect(cookie).toMatch(/SameSite=Lax/i)
  })

  it('a representative cannot use the admin UI', async () => {
    expect((await api('A', '/users/me')).json.user ?? null).toBeNull()
    expect((await api('A', '/access')).json.canAccessAdmin ?? false).toBe(false)
    expect((await api('office', '/access')).json.canAccessAdmin).toBe(true)
  })

  it('Payload’s own login is closed to representatives: they sign in through the portal', async () => {
    for (const path of ['login', 'refresh-token', 'forgot-password', 'reset-password', 'first-register']) {
      const r = await fetch(`${base}/api/representatives/${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'rep-c', password: DemoPassword }),
      })
      expect(r.status, path).toBe(404)
      expect(JSON.stringify(await r.json())).not.toMatch(/token/)
    }
  })
})

describe('the public site: rebuilding it, running the job queue, its build record', () => {
  it.each<Who>(['leader', 'sectionStaff', 'sectionHead', 'A', 'public'])('%s may not rebuild the site, run jobs or read the build record', async (who) => {
    const rebuild = await api(who, '/site/rebuild', { method: 'POST' })
    expect(rebuild.status).toBe(403)
    expect(rebuild.json.errors[0].message).toMatch(/代表工作室/)
    expect((await api(who, '/site/status')).status).toBe(403)
    expect((await api(who, '/payload-jobs/run?queue=site')).status).toBe(401)
    const record = await api(who, '/site-builds')
    expect(record.status).toBe(403)
  })

  it('the office queues a rebuild (once, however often asked), runs the queue, and the new site is served at /', async () => {
    // The changes the tests made have queued a rebuild already (the server here runs no jobs by itself).
    const first = await api('office', '/site/rebuild', { method: 'POST' })
    expect(first.status).toBe(202)
    const again = await api('office', '/site/rebuild', { method: 'POST' })
    expect(again.json.queued).toBe(false)
    expect((await api('office', '/payload-jobs/run?queue=site&limit=5')).status).toBe(200)
    const status = await api('office', '/site/status')
    expect(status.status).toBe(200)
    expect(status.json.builds[0]).toMatchObject({ status: 'succeeded', trigger: expect.any(String) })
    expect(status.json.current).toBe(status.json.builds[0].buildId)
    // One build for all the changes and both requests.
    expect(status.json.builds).toHaveLength(1)

    const number = (await api('office', `/proposals/${ids().p1}?depth=0`)).json.number
    const home = await fetch(`${base}/`)
    expect(home.status).toBe(200)
    expect(home.headers.get('content-type')).toContain('text/html')
    expect(await home.text()).toContain('办理情况')
    const page = await fetch(`${base}/proposals/${number}/`)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('梅园路菜场门口占道经营严重')
    expect((await fetch(`${base}/proposals/${number}`, { redirect: 'manual' })).headers.get('location')).toBe(`/proposals/${number}/`)
    const missing = await fetch(`${base}/no-such-page/`)
    expect(missing.status).toBe(404)
    expect(await missing.text()).toContain('没有找到这个页面')
    for (const escape of ['/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2fpackage.json', '/data/..%2f..%2f..%2fsecret']) {
      const r = await fetch(`${base}${escape}`)
      // Refused outright (scripts/serve.mjs answers any "..", however encoded, with a 400): never served.
      expect([400, 404], escape).toContain(r.status)
    }
    // The confidential proposal and the draft have no page.
    const conf = (await api('office', `/proposals/${ids().conf}?depth=0`)).json.number
    expect((await fetch(`${base}/proposals/${conf}/`)).status).toBe(404)
    // Admin and API keep their paths.
    expect((await fetch(`${base}/admin/login`)).status).toBe(200)
  })
})
