// Nothing public before the office has screened it: a submitted proposal stays with its people and
// staff until screening; at screening the office may redact the public version (the original stays
// with staff and the proposer, the public page says only that something was removed).
import { beforeAll, describe, expect, inject, it } from 'vitest'
import { PublicExportSchema } from '../../core/contract'
import { DemoPassword } from '../../cms/seed/reference'
import { RedactedAction } from '../../cms/collections/Proposals/hooks/recordEvent'
import { apiAs, must, signInWorld, writesAs, type Credential } from '../helpers/http'

const base = inject('baseURL')
const world = inject('world')

type Who = 'admin' | 'office' | 'leader' | 'sectionStaff' | 'sectionHead' | 'otherHead' | 'coStaff' | 'A' | 'B' | 'C' | 'public'
const tokens = {} as Record<Who, Credential | null>
const api = apiAs<Who>(base, tokens)
const { post, patch } = writesAs(api)

/** What a resident typed about a neighbour: must never reach the public before (or unless) the office allows it. */
const NEIGHBOUR = '邻居王某某电话13812345678'
let unscreened: number | string
let redacted: number | string
let plain: number | string

async function submitted(who: 'A' | 'C', title: string, body: string) {
  const created = await must(post(who, '/proposals', { title, body, category: '其他', residentialArea: world.ref.areas[0] }), 'create')
  await must(patch(who, `/proposals/${created.doc.id}`, { status: 'submitted' }), 'submit')
  return created.doc.id
}
const exportNow = async () => PublicExportSchema.parse((await must(api('public', '/public/export'), 'export')))

beforeAll(async () => {
  Object.assign(tokens, await signInWorld(base, world, DemoPassword))
  unscreened = await submitted('A', `隐私测试：楼道堆物（${NEIGHBOUR}）`, `${NEIGHBOUR} 长期在楼道堆放杂物，存在消防隐患。`)
  redacted = await submitted('A', `隐私测试：噪音扰民（${NEIGHBOUR}）`, `${NEIGHBOUR} 家中深夜施工，噪音扰民，请有关部门处理。`)
  plain = await submitted('C', '隐私测试：小区路灯不亮', '小区东门路灯已坏两周，夜间出行不便。')
})

describe('a submitted proposal is private until the office has screened it', () => {
  it('the public and other representatives cannot read it; its people and staff can', async () => {
    for (const who of ['public', 'B'] as Who[]) {
      expect((await api(who, `/proposals/${unscreened}?depth=0`)).status, who).toBe(404)
      const list = await must(api(who, '/proposals?limit=100&depth=0'), `${who} list`)
      expect(list.docs.map((d: any) => String(d.id))).not.toContain(String(unscreened))
      expect(JSON.stringify(list)).not.toContain(NEIGHBOUR)
    }
    for (const who of ['A', 'office', 'leader'] as Who[]) expect((await api(who, `/proposals/${unscreened}?depth=0`)).json.title, who).toContain(NEIGHBOUR)
  })

  it('the open data counts it per session but shows nothing of it', async () => {
    const r = await api('public', '/public/export')
    expect(r.text).not.toContain(NEIGHBOUR)
    const exp = PublicExportSchema.parse(r.json)
    const row = exp.unscreened.find((u) => u.session === '2026')
    expect(row?.count).toBeGreaterThanOrEqual(3)
    const page = await must(api('public', '/public/proposals?page=1&limit=500'), 'paged export')
    expect(JSON.stringify(page)).not.toContain(NEIGHBOUR)
  })

  it('the original text cannot be used as a query oracle by the public or other representatives', async () => {
    for (const who of ['public', 'B'] as Who[])
      for (const path of [`/proposals?where[title][like]=${encodeURIComponent('王某某')}`, `/proposals?where[body][like]=${encodeURIComponent('13812345678')}`, '/proposals?sort=title']) {
        const r = await api(who, path)
        const field = path.includes('body') ? 'body' : 'title'
        // Payload's QueryError (its name is minified in the production build).
        expect({ status: r.status, json: r.json }, `${who} ${path}`).toEqual({
          status: 400,
          json: { errors: [{ name: expect.any(String), message: `The following path cannot be queried: ${field}`, data: [{ path: field }] }] },
        })
        expect(r.text).not.toContain(NEIGHBOUR)
      }
  })
})

describe('screening with redaction', () => {
  beforeAll(async () => {
    await must(
      patch('office', `/proposals/${redacted}`, {
        status: 'accepted',
        screening: { decision: 'accepted', reason: '属城管职责，予以立案' },
        publicTitle: '隐私测试：噪音扰民（某住户）',
        publicBody: '某住户家中深夜施工，噪音扰民，请有关部门处理。',
      }),
      'screen with redaction',
    )
    await must(patch('office', `/proposals/${plain}`, { status: 'accepted', screening: { decision: 'accepted', reason: '予以立案' } }), 'screen as written')
  })

  it('the public reads the public version only, which says it was redacted and not what was removed', async () => {
    const pub = await must(api('public', `/proposals/${redacted}?depth=0`), 'public read')
    expect(pub.publicTitle).toBe('隐私测试：噪音扰民（某住户）')
    expect(pub.title).toBeUndefined()
    expect(pub.body).toBeUndefined()
    const r = await api('public', '/public/export')
    expect(r.text).not.toContain(NEIGHBOUR)
    const p = PublicExportSchema.parse(r.json).proposals.find((x) => x.title === '隐私测试：噪音扰民（某住户）')!
    expect(p.body).toBe('某住户家中深夜施工，噪音扰民，请有关部门处理。')
    expect(p.redacted).toBe(true)
    expect(p.timeline.map((t) => t.action)).toContain(RedactedAction)
  })

  it('the proposer and staff still read the original', async () => {
    for (const who of ['A', 'office', 'leader'] as Who[]) {
      const d = await must(api(who, `/proposals/${redacted}?depth=0`), who)
      expect(d.title, who).toContain(NEIGHBOUR)
      expect(d.publicTitle).toBe('隐私测试：噪音扰民（某住户）')
    }
  })

  it('the proposer sees in the portal what the public reads', async () => {
    const mine = await must(api('A', `/portal/proposals/${redacted}`), 'portal proposal')
    expect(mine.proposal.title).toContain(NEIGHBOUR)
    expect(mine.proposal.publicVersion).toEqual({ title: '隐私测试：噪音扰民（某住户）', body: '某住户家中深夜施工，噪音扰民，请有关部门处理。' })
    expect((await must(api('C', `/portal/proposals/${plain}`), 'portal proposal')).proposal.publicVersion).toBeNull()
  })

  it('the redaction is an event in the log; screening as written is not', async () => {
    const events = async (id: number | string) => (await must(api('office', `/proposal-events?where[proposal][equals]=${id}&limit=50&depth=0`), 'events')).docs.map((e: any) => e.action)
    expect(await events(redacted)).toContain(RedactedAction)
    expect(await events(plain)).not.toContain(RedactedAction)
  })

  it('screened as written: the public version is the original, not marked redacted', async () => {
    const exp = await exportNow()
    const p = exp.proposals.find((x) => x.title === '隐私测试：小区路灯不亮')!
    expect(p.body).toBe('小区东门路灯已坏两周，夜间出行不便。')
    expect(p.redacted).toBe(false)
  })

  it('only the office sets the public version, and it cannot be emptied', async () => {
    await patch('C', `/proposals/${plain}`, { publicTitle: '代表自己改的公开标题' })
    await patch('leader', `/proposals/${plain}`, { publicTitle: '领导改的公开标题' })
    expect((await api('office', `/proposals/${plain}?depth=0`)).json.publicTitle).toBe('隐私测试：小区路灯不亮')
    const empty = await patch('office', `/proposals/${plain}`, { publicTitle: '  ' })
    expect(empty.status).toBe(400)
    expect(empty.text).toContain('公开版本不能为空')
    expect((await api('office', `/proposals/${plain}?depth=0`)).json.publicTitle).toBe('隐私测试：小区路灯不亮')
  })
})
