// 督办 over HTTP against the production server, attacked on every path: 重点督办 is written by a
// leader alone, by REST one at a time or many at once (anyone else's change dropped, who and when
// never written by a client), never through GraphQL (off); the event log takes no write from
// anyone (a 催办 is made by its action endpoint only), and its notes are the staff's; 催办 over
// its endpoint refused to all but the office and leaders, the public export showing the note
// only when made public; the 督办台 page only for the office and leaders, in Chinese, without ids.
import { beforeAll, describe, expect, inject, it } from 'vitest'
import { DemoPassword } from '../../cms/seed/reference'
import { apiAs, must, signInWorld, writesAs, type Credential, type WorldPerson } from '../helpers/http'

const base = inject('baseURL')
const world = inject('world')
const scenario = inject('scenario')

const tokens = {} as Record<WorldPerson, Credential | null>
const api = apiAs<WorldPerson>(base, tokens)
const { post, patch } = writesAs(api)

/** A's proposal in progress at 城管分队; C's instructed at 房管办. */
const P = () => scenario.inProgress
const Q = () => scenario.atFangguan

/** The stored mark, as the admin reads it. */
const keyOf = async (id: number | string) => {
  const d = (await must(api('admin', `/proposals/${id}?depth=0`), 'read')) as { keyItem?: boolean; keyItemAt?: string | null; keyItemBy?: unknown }
  return { keyItem: d.keyItem ?? false, keyItemAt: d.keyItemAt ?? null, keyItemBy: d.keyItemBy ?? null }
}
const eventCount = async (id: number | string) => (await must(api('admin', `/proposal-events?where[proposal][equals]=${id}&limit=1&depth=0`), 'events')).totalDocs as number

beforeAll(async () => {
  Object.assign(tokens, await signInWorld(base, world, DemoPassword))
})

describe('重点督办 over REST and GraphQL', () => {
  it('is dropped from anyone else’s save, one document or many at once, and records nothing', async () => {
    const events = await eventCount(P())
    for (const who of ['office', 'admin', 'sectionStaff', 'sectionHead', 'A', 'public'] as const) {
      await patch(who, `/proposals/${P()}`, { keyItem: true })
      await patch(who, `/proposals?where[id][in]=${P()},${Q()}`, { keyItem: true })
      expect((await keyOf(P())).keyItem, who).toBe(false)
      expect((await keyOf(Q())).keyItem, who).toBe(false)
    }
    expect(await eventCount(P())).toBe(events)
  })

  it('is set by a leader, one or many; who and when are the server’s, never the client’s', async () => {
    const one = await patch('leader', `/proposals/${P()}`, { keyItem: true, keyItemAt: '2020-01-01T00:00:00.000Z', keyItemBy: world.staff.office.id })
    expect(one.status, one.text.slice(0, 300)).toBe(200)
    const stored = await keyOf(P())
    expect(stored.keyItem).toBe(true)
    expect(stored.keyItemAt).not.toBe('2020-01-01T00:00:00.000Z')
    expect(String(stored.keyItemBy)).toBe(String(world.staff.leader.id))
    const many = await patch('leader', `/proposals?where[id][in]=${P()},${Q()}`, { keyItem: false })
    expect(many.status, many.text.slice(0, 300)).toBe(200)
    expect([(await keyOf(P())).keyItem, (await keyOf(Q())).keyItem]).toEqual([false, false])
  })

  it('cannot be reached through GraphQL, which is off', async () => {
    const r = await post('leader', '/graphql', { query: `mutation { updateProposal(id: ${P()}, data: { keyItem: true }) { keyItem } }` })
    expect(r.status).toBe(404)
    expect((await keyOf(P())).keyItem).toBe(false)
  })

  it('is public on a public proposal; who marked it is the staff’s', async () => {
    await must(patch('leader', `/proposals/${Q()}`, { keyItem: true }), 'mark')
    const pub = await api('public', `/proposals/${Q()}?depth=0`)
    expect(pub.status).toBe(200)
    expect(pub.json.keyItem).toBe(true)
    expect('keyItemBy' in pub.json).toBe(false)
    expect('keyItemAt' in pub.json).toBe(false)
    const exp = await must(api('public', '/public/export'), 'export')
    const number = (await must(api('admin', `/proposals/${Q()}?depth=0`), 'read')).number
    expect(exp.proposals.find((x: { number: string }) => x.number === number).keyItem).toBe(true)
  })
})

describe('催办 and the event log', () => {
  it('nobody writes the event log through the API: no forged 催办, no note made public', async () => {
    const before = await eventCount(P())
    for (const who of ['office', 'leader', 'admin', 'sectionStaff', 'A', 'public'] as const) {
      const r = await post(who, '/proposal-events', { proposal: P(), at: new Date().toISOString(), actorRole: 'office', action: '催办', note: '伪造', notePublic: true })
      expect(r.status, `${who}: ${r.text.slice(0, 200)}`).toBeGreaterThanOrEqual(400)
      expect(r.status).toBeLessThan(500)
    }
    expect(await eventCount(P())).toBe(before)
  })

  it('is refused over its endpoint to all but the office and leaders', async () => {
    const before = await eventCount(P())
    for (const [who, status] of [['public', 401], ['A', 403], ['sectionStaff', 403], ['sectionHead', 403], ['admin', 403], ['otherHead', 404]] as const) {
      const r = await post(who, `/proposals/${P()}/actions/urge`, { note: '请尽快办理' })
      expect(r.status, `${who}: ${r.text.slice(0, 200)}`).toBe(status)
      expect(r.json.errors[0].message).not.toMatch(/[A-Za-z]{3,}/)
    }
    expect(await eventCount(P())).toBe(before)
  })

  it('the office’s note stays with the staff; a leader’s public note is on the public timeline', async () => {
    await must(post('office', `/proposals/${P()}/actions/urge`, { note: '内部：经办人电话未接' }), 'office urges')
    await must(post('leader', `/proposals/${P()}/actions/urge`, { note: '请于本周内答复代表', notePublic: true }), 'leader urges')
    const events = (await must(api('office', `/proposal-events?where[proposal][equals]=${P()}&where[action][equals]=催办&depth=0`), 'events')).docs
    expect(events.map((e: { note: string; notePublic: boolean }) => [e.note, e.notePublic])).toEqual(
      expect.arrayContaining([
        ['内部：经办人电话未接', false],
        ['请于本周内答复代表', true],
      ]),
    )
    // The staff read the log; representatives and the public never.
    for (const who of ['A', 'public'] as const) {
      const r = await api(who, `/proposal-events?where[proposal][equals]=${P()}&depth=0`)
      expect(r.status === 403 || (r.status === 200 && r.json.docs.length === 0), `${who}: ${r.text.slice(0, 200)}`).toBe(true)
    }
    const exp = await must(api('public', '/public/export'), 'export')
    const number = (await must(api('admin', `/proposals/${P()}?depth=0`), 'read')).number
    const timeline = exp.proposals.find((x: { number: string }) => x.number === number).timeline.filter((t: { action: string }) => t.action === '催办')
    expect(timeline.map((t: { role: string; note: string | null }) => [t.role, t.note])).toEqual([
      ['office', null],
      ['leader', '请于本周内答复代表'],
    ])
    expect(JSON.stringify(exp)).not.toContain('经办人电话未接')
  })
})

describe('the 督办台 page', () => {
  const page = async (who: WorldPerson, query = '') => {
    // The admin's pages read Payload's session cookie, as a browser on the admin sends it (same origin).
    const jwt = (tokens[who] as { authorization: string }).authorization.replace(/^JWT /, '')
    const r = await fetch(`${base}/admin/supervision${query}`, { headers: { cookie: `payload-token=${jwt}`, origin: base } })
    return { status: r.status, html: await r.text() }
  }
  const text = (html: string) =>
    html
      .replace(/<script[\s\S]*?<\/script>/g, '')
      .replace(/<style[\s\S]*?<\/style>/g, '')
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(/<[^>]+>/g, ' ')

  it('shows the office every open item by section and stage, in Chinese, no ids', async () => {
    const r = await page('office')
    expect(r.status).toBe(200)
    const shown = text(r.html)
    expect(shown).toContain('督办台')
    expect(shown).toContain('城管分队 · 待起草答复')
    expect(shown).toContain('各责任方汇总')
    // The 催办 button of each row is named after its proposal, not an id.
    expect(r.html).toMatch(/aria-label="催办：\d{4}-\d+ [^"]+"/)
  })

  it('filters by a section and a stage, by links', async () => {
    const r = await page('leader', '?who=chengguan&stage=draftReply')
    expect(r.status).toBe(200)
    expect(text(r.html)).toContain('城管分队 · 待起草答复')
    expect(text(r.html)).not.toContain('房管办 ·')
    expect(r.html).toMatch(/href="\/admin\/supervision\?who=fangguan&amp;stage=draftReply"/)
  })

  it('is for the office and leaders only', async () => {
    for (const who of ['sectionStaff', 'sectionHead', 'admin'] as const) {
      const r = await page(who)
      expect(text(r.html), who).toContain('督办台只对代表工作室和街道领导开放')
      expect(text(r.html), who).not.toContain('各责任方汇总')
    }
  })
})
