// 延期申请 over REST against the production server: every path an attacker might take — a
// co-section's or another section's staff, a representative, a leader asking, anyone changing a
// decided request, bulk updates and deletes by query, edit locks — is refused and changes
// nothing; the lead section's request and the leader's approval work, and the public export shows
// the approved extension with its reason, never the request or a refusal.
import { beforeAll, describe, expect, inject, it } from 'vitest'
import { DemoPassword } from '../../cms/seed/reference'
import type { PublicExport } from '../../core/contract'
import type { ExtensionRequest, Proposal } from '../../cms/payload-types'
import { apiAs, must, signInWorld, writesAs, type ApiResponse, type Credential, type WorldPerson } from '../helpers/http'

const base = inject('baseURL')
const world = inject('world')
const scenario = inject('scenario')

const tokens = {} as Record<WorldPerson, Credential | null>
const api = apiAs<WorldPerson>(base, tokens)
const { post, patch } = writesAs(api)

/** The scenario's proposal in progress at 城管分队 (co-section 绿化办): A's, co-signed by B. Reply due 2026-04-02, cap 2026-06-02. */
const P = () => scenario.inProgress
const REASON = '路面修复须由区里统一招标，招标周期约六周'
const REFUSAL = 'PRIVATE-REFUSAL-NOTE 请先按原期限答复'

/** A 4xx that leaves no document in the answer. */
function expectRefused(r: ApiResponse, label: string) {
  expect(r.status, `${label}: ${r.text.slice(0, 300)}`).toBeGreaterThanOrEqual(400)
  expect(r.status, `${label}: ${r.text.slice(0, 300)}`).toBeLessThan(500)
  expect(r.json?.doc, label).toBeUndefined()
}

/** A structured 400 whose first error names `path` and says `message` (zh-CN). */
function expectRule(r: ApiResponse, path: string, message: string | RegExp) {
  expect(r.status, r.text.slice(0, 300)).toBe(400)
  const first = r.json.errors[0]
  expect(first.message).toMatch(message)
  expect(first.data?.errors?.[0]?.path).toBe(path)
}

const requests = async (): Promise<ExtensionRequest[]> => (await must(api('office', `/extension-requests?where[proposal][equals]=${P()}&depth=0&limit=50`), 'requests')).docs
const proposal = async (): Promise<Proposal> => must(api('office', `/proposals/${P()}?depth=0`), 'proposal')

let first: ExtensionRequest

beforeAll(async () => {
  Object.assign(tokens, await signInWorld(base, world, DemoPassword))
})

describe('asking (POST /api/extension-requests)', () => {
  it.each<[WorldPerson, string]>([
    ['coStaff', 'a co-section’s staff'],
    ['otherHead', 'another section’s head'],
    ['leader', 'a leader (leaders decide, they do not ask)'],
    ['office', 'the office'],
    ['admin', 'the admin'],
    ['A', 'the proposer'],
    ['B', 'a co-signer'],
    ['public', 'nobody signed in'],
  ])('%s (%s) is refused and nothing is stored', async (who) => {
    expectRefused(await post(who, '/extension-requests', { proposal: P(), newDeadline: '2026-05-15', reason: REASON }), who)
    expect(await requests()).toEqual([])
  })

  it('another section’s head may ask on the proposal its section leads: the rule is the lead section, not the role', async () => {
    // 房管办 leads scenario.atFangguan (instructed): its head may ask there, not on 城管分队's proposal.
    const r = await post('otherHead', '/extension-requests', { proposal: scenario.atFangguan, newDeadline: '2026-05-15', reason: '需要协调产权单位' })
    expect(r.status, r.text.slice(0, 300)).toBe(201)
  })

  it('bad dates and a missing reason: a structured zh-CN 400 naming the field, nothing stored', async () => {
    expectRule(await post('sectionStaff', '/extension-requests', { proposal: P(), newDeadline: '2026-06-03', reason: REASON }), 'newDeadline', '新的答复期限不能晚于2026年6月2日（自交办起最多 3 个月）')
    expectRule(await post('sectionStaff', '/extension-requests', { proposal: P(), newDeadline: '2026-04-01', reason: REASON }), 'newDeadline', '新的答复期限须晚于现在的期限（2026年4月2日）')
    expectRule(await post('sectionStaff', '/extension-requests', { proposal: P(), newDeadline: '2026-13-01', reason: REASON }), 'newDeadline', /YYYY-MM-DD/)
    expectRule(await post('sectionStaff', '/extension-requests', { proposal: P(), newDeadline: '2026-05-15', reason: ' ' }), 'reason', '请写明延期理由')
    expect(await requests()).toEqual([])
  })

  it('the lead section’s staff asks; the server stamps who, which section and that it is pending; a second is refused while it waits', async () => {
    const r = await post('sectionStaff', '/extension-requests?depth=0', {
      proposal: P(),
      newDeadline: '2026-05-15',
      reason: REASON,
      decision: 'approved',
      section: world.ref.sections.lvhua,
      requestedBy: world.staff.leader.id,
      decidedBy: world.staff.leader.id,
      openFor: 'x',
    })
    expect(r.status, r.text.slice(0, 300)).toBe(201)
    first = r.json.doc
    expect([first.decision, String(first.section), String(first.requestedBy), first.decidedBy ?? null]).toEqual(['pending', String(world.ref.sections.chengguan), String(world.staff.sectionStaff.id), null])
    expect(first.openFor).toBeUndefined()
    expectRule(await post('sectionHead', '/extension-requests', { proposal: P(), newDeadline: '2026-05-29', reason: REASON }), 'proposal', /已有一份延期申请在等待审批/)
    expect(await requests()).toHaveLength(1)
  })
})

describe('reading', () => {
  it('representatives and the public read no request, not even their own proposal’s; other sections see none', async () => {
    for (const who of ['A', 'B', 'C', 'public'] as WorldPerson[]) {
      expectRefused(await api(who, '/extension-requests?depth=0'), `${who} list`)
      expectRefused(await api(who, `/extension-requests/${first.id}?depth=0`), `${who} by id`)
    }
    for (const who of ['coStaff', 'otherHead'] as WorldPerson[]) {
      const list = await must(api(who, `/extension-requests?where[proposal][equals]=${P()}&depth=0`), `${who} list`)
      expect(list.totalDocs, who).toBe(0)
      expectRefused(await api(who, `/extension-requests/${first.id}?depth=0`), `${who} by id`)
    }
    // Nor through the proposal.
    const own = await api('A', `/proposals/${P()}?depth=2`)
    expect(own.status).toBe(200)
    expect(own.text).not.toContain(REASON)
    for (const who of ['sectionStaff', 'sectionHead', 'leader', 'office', 'admin'] as WorldPerson[])
      expect((await must(api(who, `/extension-requests/${first.id}?depth=0`), who)).reason).toBe(REASON)
  })

  it('the hidden one-pending key is neither read nor queried', async () => {
    expectRefused(await api('leader', '/extension-requests?where[openFor][exists]=true&depth=0'), 'where openFor')
    expect((await must(api('leader', `/extension-requests/${first.id}?depth=0`), 'read')).openFor).toBeUndefined()
  })
})

describe('deciding (PATCH /api/extension-requests/:id)', () => {
  it.each<WorldPerson>(['sectionStaff', 'sectionHead', 'coStaff', 'otherHead', 'office', 'admin', 'A', 'public'])('%s cannot decide', async (who) => {
    expectRefused(await patch(who, `/extension-requests/${first.id}`, { decision: 'approved' }), who)
    expect((await requests())[0].decision).toBe('pending')
  })

  it('bulk updates and deletes by query are refused, for everyone, and change nothing', async () => {
    for (const who of ['leader', 'office', 'admin', 'sectionStaff'] as WorldPerson[]) {
      const r = await patch(who, `/extension-requests?where[proposal][equals]=${P()}`, { decision: 'approved' })
      expect(r.status, `${who}: ${r.text.slice(0, 200)}`).toBe(400)
      expect(r.json.errors[0].message).toContain('逐件审批')
      const d = await api(who, `/extension-requests?where[id][exists]=true`, { method: 'DELETE' })
      expectRefused(d, `${who} bulk delete`)
    }
    expect((await requests()).map((r) => r.decision)).toEqual(['pending'])
    expect((await proposal()).extensions ?? []).toEqual([])
  })

  it('a refusal needs a reason; only the decision and its note can be given', async () => {
    expectRule(await patch('leader', `/extension-requests/${first.id}`, { decision: 'refused' }), 'decisionNote', '不批准须写明理由')
    expectRule(await patch('leader', `/extension-requests/${first.id}`, { decisionNote: '再议' }), 'decision', '请选择“批准”或“不批准”')
  })

  it('edit locks: only who may decide may lock a request', async () => {
    const lock = { document: { relationTo: 'extension-requests', value: first.id } }
    expectRefused(await post('sectionStaff', '/payload-locked-documents', { ...lock, user: { relationTo: 'users', value: world.staff.sectionStaff.id } }), 'staff lock')
    expectRefused(await post('office', '/payload-locked-documents', { ...lock, user: { relationTo: 'users', value: world.staff.office.id } }), 'office lock')
  })

  it('the leader approves: the proposal’s deadline moves; then the request is frozen for everyone and is never deleted', async () => {
    const r = await patch('leader', `/extension-requests/${first.id}`, { decision: 'approved', newDeadline: '2026-06-02', reason: '改写的理由' })
    expect(r.status, r.text.slice(0, 300)).toBe(200)
    expect([r.json.doc.decision, r.json.doc.newDeadline, r.json.doc.reason]).toEqual(['approved', '2026-05-15', REASON])
    const p = await proposal()
    expect(p.extensions?.map((x) => [x.newDeadline, x.reason, String(x.approvedBy)])).toEqual([['2026-05-15', REASON, String(world.staff.leader.id)]])
    expect(p.currentDue).toBe('2026-05-15')
    expect(p.assignment?.deadline).toBe('2026-04-02')

    for (const who of ['leader', 'sectionStaff', 'office', 'admin'] as WorldPerson[]) {
      expectRefused(await patch(who, `/extension-requests/${first.id}`, { decision: 'refused', decisionNote: REFUSAL }), `${who} changes a decided request`)
      expectRefused(await api(who, `/extension-requests/${first.id}`, { method: 'DELETE' }), `${who} deletes`)
    }
    expect((await requests()).map((x) => x.decision)).toEqual(['approved'])
  })

  it('a refused request keeps its note internal', async () => {
    const asked = await must(post('sectionHead', '/extension-requests', { proposal: P(), newDeadline: '2026-05-29', reason: '再延两周完成验收' }), 'ask again')
    expect((await patch('leader', `/extension-requests/${asked.doc.id}`, { decision: 'refused', decisionNote: REFUSAL })).status).toBe(200)
    expect((await proposal()).currentDue).toBe('2026-05-15')
  })
})

describe('the public record', () => {
  it('the export shows the approved extension with its reason and the approval; never a request, a refusal or its note', async () => {
    const exp: PublicExport = await must(api('public', '/public/export'), 'export')
    const pub = exp.proposals.find((x) => x.title === '梅园路菜场门口占道经营严重')!
    expect(pub.assignment?.extensions).toEqual([{ newDeadline: '2026-05-15', reason: REASON, approvedAt: expect.any(String) }])
    const actions = pub.timeline.map((t) => t.action)
    expect(actions).toContain('批准延期：答复期限延至2026年5月15日')
    expect(actions.some((a) => a.includes('申请延期') || a.includes('不批准'))).toBe(false)
    const text = JSON.stringify(exp)
    for (const secret of ['PRIVATE-REFUSAL-NOTE', '再延两周完成验收', '需要协调产权单位']) expect(text).not.toContain(secret)
  })
})
