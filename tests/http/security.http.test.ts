// Access-control review over HTTP against the real production server. Each test in the
// "holes" blocks asserts the SAFE behaviour and fails while the hole is open; the "guards"
// block pins down things checked and found safe that tests/http/api.http.test.ts does not cover.
//
// These tests create and lock records of their own, so they run in their own vitest project
// (`http-security`) with a server and database of their own.
import { beforeAll, describe, expect, inject, it } from 'vitest'
import { DemoPassword } from '../../cms/seed/reference'
import { apiAs, must, signInWorld, writesAs, type Credential } from '../helpers/http'

const base = inject('baseURL')
const world = inject('world')
const scenario = inject('scenario')

type Who = 'admin' | 'office' | 'leader' | 'sectionStaff' | 'sectionHead' | 'otherHead' | 'coStaff' | 'A' | 'B' | 'public'
const tokens = {} as Record<Who, Credential | null>

const api = apiAs<Who>(base, tokens)
const { post, patch } = writesAs(api)
const docs = async (who: Who, path: string) => (await must(api(who, path), `GET ${path}`)).docs as any[]

const S = () => world.ref.sections as Record<string, number | string>
const NOTE = 'PRIVATE-REVIEW-FOLLOWUP-NOTE'

/** F: A's proposal (co-signed by B) at 城管分队 (co: 绿化办), taken through to a published B-class reply that A evaluated. */
const F = {} as { id: number | string; instruction: number | string; coOpinion: number | string; followUp: number | string; reply: number | string; commitment: string; evaluation: number | string }
/** G: A's proposal, instructed at 城管分队 (for the extension test). */
let G: number | string

async function newProposal(title: string) {
  const created = await must(
    post('A', '/proposals', { title, body: `${title}。请相关部门研究解决。`, category: '其他', residentialArea: world.ref.areas[0] }),
    'create',
  )
  const id = created.doc.id
  // B co-signs: A invites, B accepts.
  const invitation = await must(post('A', '/co-sign-invitations', { proposal: id, representative: world.reps.B.id }), 'invite')
  await must(patch('B', `/co-sign-invitations/${invitation.doc.id}`, { status: 'accepted' }), 'accept')
  await must(patch('A', `/proposals/${id}`, { status: 'submitted' }), 'submit')
  await must(patch('office', `/proposals/${id}`, { status: 'accepted', screening: { decision: 'accepted', reason: '予以立案' } }), 'accept')
  await must(patch('office', `/proposals/${id}`, { assignment: { leadSection: S().chengguan, coSections: [S().lvhua] } }), 'assign')
  await must(patch('leader', `/proposals/${id}`, { status: 'instructed', newInstruction: '请城管分队牵头办理。' }), 'instruct')
  return id
}

beforeAll(async () => {
  Object.assign(tokens, await signInWorld(base, world, DemoPassword))

  F.id = await newProposal('审查用提案F：小区门口路灯损坏')
  await must(patch('sectionStaff', `/proposals/${F.id}`, { status: 'inProgress' }), 'take on')
  F.instruction = (await docs('office', `/instructions?where[proposal][equals]=${F.id}&depth=0`))[0].id
  F.coOpinion = (await must(post('coStaff', '/co-opinions', { proposal: F.id, text: '绿化办意见：同意，配合修剪遮挡路灯的树枝。' }), 'co-opinion')).doc.id
  F.followUp = (await must(post('office', '/follow-ups', { proposal: F.id, kind: 'call', notes: `${NOTE} 电话回访` }), 'follow-up')).doc.id
  const reply = await must(
    post('sectionStaff', '/replies', {
      proposal: F.id,
      class: 'B',
      text: '已列入本月维修计划，两周内更换全部损坏路灯。',
      commitments: [{ text: '两周内更换损坏路灯', dueDate: '2026-03-16' }],
    }),
    'reply',
  )
  F.reply = reply.doc.id
  F.commitment = String(reply.doc.commitments[0].id)
  await must(patch('sectionHead', `/replies/${F.reply}`, { signOff: true }), 'sign off')
  await must(patch('office', `/replies/${F.reply}`, { publish: true }), 'publish')
  F.evaluation = (await must(post('A', '/evaluations', { proposal: F.id, reply: F.reply, rating: 'satisfied' }), 'evaluate')).doc.id
  expect((await api('office', `/proposals/${F.id}?depth=0`)).json.status).toBe('evaluated')

  G = await newProposal('审查用提案G：背街小巷积水')
})

// ───────────────────────────── holes (fail today) ─────────────────────────────

describe('HOLE 1: POST /api/<collection>/:id/duplicate skips the create rule (createOnProposal sees no `proposal` in the body)', () => {
  it("a representative cannot forge a leader's instruction by duplicating one", async () => {
    const r = await post('A', `/instructions/${F.instruction}/duplicate`, { text: '代表伪造的领导批示：立即办结' })
    expect([400, 403, 404]).toContain(r.status)
    const texts = (await docs('office', `/instructions?where[proposal][equals]=${F.id}&depth=0`)).map((i) => i.text)
    expect(texts).not.toContain('代表伪造的领导批示：立即办结')
  })

  it("section staff cannot forge a leader's instruction by duplicating one", async () => {
    const r = await post('sectionStaff', `/instructions/${F.instruction}/duplicate`, { text: '科室伪造的领导批示' })
    expect([400, 403, 404]).toContain(r.status)
    const leaders = (await docs('office', `/instructions?where[proposal][equals]=${F.id}&depth=0`)).map((i) => String(i.leader))
    expect(leaders.every((l) => l === String(world.staff.leader.id))).toBe(true)
  })

  it('the lead section cannot verify its own commitment by duplicating an office follow-up', async () => {
    const r = await post('sectionStaff', `/follow-ups/${F.followUp}/duplicate`, { kind: 'verification', verified: true, commitmentId: F.commitment, notes: '科室自行验证' })
    expect([400, 403, 404]).toContain(r.status)
    const fus = await docs('office', `/follow-ups?where[proposal][equals]=${F.id}&depth=0`)
    expect(fus.every((f) => String(f.by) === String(world.staff.office.id))).toBe(true)
  })

  it('the lead section cannot write a co-opinion (in its own name) by duplicating the co-section one', async () => {
    const r = await post('sectionStaff', `/co-opinions/${F.coOpinion}/duplicate`, { text: '主办科室伪造的协办意见' })
    expect([400, 403, 404]).toContain(r.status)
    const sections = (await docs('office', `/co-opinions?where[proposal][equals]=${F.id}&depth=0`)).map((c) => String(c.section))
    expect(sections).toEqual([String(S().lvhua)])
  })

  it("section staff cannot record an evaluation in a co-signer's name by duplicating the proposer's", async () => {
    const r = await post('sectionStaff', `/evaluations/${F.evaluation}/duplicate`, { representative: world.reps.B.id, rating: 'satisfied', comment: '科室代填' })
    expect([400, 403, 404]).toContain(r.status)
    const evs = await docs('office', `/evaluations?where[proposal][equals]=${F.id}&depth=0`)
    expect(evs.some((e) => String(e.representative) === String(world.reps.B.id))).toBe(false)
  })

  it("a representative cannot copy the office's screening and assignment by duplicating someone else's proposal", async () => {
    const r = await post('A', `/proposals/${scenario.atFangguan}/duplicate`, { status: 'submitted', savedStatus: 'draft' })
    if (r.status < 300) {
      const copy = (await api('office', `/proposals/${r.json.doc.id}?depth=0`)).json
      expect(copy.screening?.decision ?? null).toBeNull()
      expect(copy.screening?.reason ?? null).toBeNull()
      expect(copy.assignment?.leadSection ?? null).toBeNull()
    } else expect([400, 403, 404]).toContain(r.status)
  })
})

describe('HOLE 2: proposal fields guarded only on update can be set at creation (screening.*, assignment.*, session)', () => {
  it('a representative creating a proposal cannot pre-fill the screening decision/reason or the lead section and deadline', async () => {
    const r = await post('A', '/proposals', {
      title: '审查用：代表自填甄别与交办',
      body: '审查用：代表自填甄别与交办的内容。',
      category: '其他',
      residentialArea: world.ref.areas[0],
      status: 'submitted',
      screening: { decision: 'accepted', reason: '代表自己写的立案理由' },
      assignment: { leadSection: S().chengguan, coSections: [S().lvhua], deadline: '2099-12-31' },
    })
    expect(r.status).toBe(201)
    const id = r.json.doc.id
    const stored = (await api('office', `/proposals/${id}?depth=0`)).json
    expect(stored.screening?.decision ?? null).toBeNull()
    expect(stored.screening?.reason ?? null).toBeNull()
    expect(stored.assignment?.leadSection ?? null).toBeNull()
    expect(stored.assignment?.deadline ?? null).toBeNull()
    // …and so a not-yet-screened item is not routed to a section.
    const seen = (await docs('sectionStaff', '/proposals?limit=100&depth=0')).map((d) => String(d.id))
    expect(seen).not.toContain(String(id))
  })
})

describe('HOLE 3: payload-locked-documents is open to every signed-in account (defaultAccess)', () => {
  it('a representative cannot lock a proposal and so block the office from saving it', async () => {
    const lock = await post('A', '/payload-locked-documents', {
      document: { relationTo: 'proposals', value: scenario.atFangguan },
      user: { relationTo: 'representatives', value: world.reps.A.id },
    })
    expect(lock.status).toBe(403)
    const save = await patch('office', `/proposals/${scenario.atFangguan}`, { internalNotes: `${'PRIVATE-'}INTERNAL-NOTE-4` })
    expect(save.status).toBe(200)
  })

  it("a representative cannot read or remove staff members' edit locks", async () => {
    const staffLock = await must(
      post('office', '/payload-locked-documents', { document: { relationTo: 'proposals', value: scenario.confidential }, user: { relationTo: 'users', value: world.staff.office.id } }),
      'office lock',
    )
    const read = await api('B', '/payload-locked-documents?depth=0')
    expect(read.status).toBe(403)
    const del = await api('B', `/payload-locked-documents/${staffLock.doc.id}`, { method: 'DELETE' })
    expect(del.status).toBe(403)
    await api('office', `/payload-locked-documents/${staffLock.doc.id}`, { method: 'DELETE' })
  })
})

describe('HOLE 4: extension rows accept client-supplied approvedBy / approvedAt', () => {
  it('nobody writes extensions on the proposal: a leader’s PATCH with a forged approver and date adds none (they come only from an approved 延期申请)', async () => {
    const r = await patch('leader', `/proposals/${G}?depth=0`, {
      extensions: [{ newDeadline: '2026-05-06', reason: '需协调多个部门', approvedBy: world.staff.admin.id, approvedAt: '2025-01-01T00:00:00.000Z' }],
    })
    expect(r.status).toBe(200)
    expect((await api('office', `/proposals/${G}?depth=0`)).json.extensions ?? []).toEqual([])
  })
})

// ───────────────────────────── guards (pass today) ─────────────────────────────

describe('guards: private values cannot be used as a query oracle', () => {
  it.each<[Who, string]>([
    ['public', '/proposals?where[internalNotes][like]=PRIVATE&depth=0'],
    ['A', '/proposals?where[internalNotes][like]=PRIVATE&depth=0'],
    ['leader', '/proposals?where[confidentialReason][like]=PRIVATE&depth=0'],
    ['B', '/proposals?where[proposer.phone][like]=PRIVATE&depth=0'],
    ['B', '/representatives?where[idNumber][like]=PRIVATE&depth=0'],
    ['B', '/representatives?sort=phone&depth=0'],
    ['sectionStaff', '/representatives?sort=-address&depth=0'],
    ['B', '/representatives/distinct?field=phone'],
    ['A', `/follow-ups?where[notes][like]=PRIVATE&depth=0`],
  ])('%s: GET %s is refused', async (who, path) => {
    const r = await api(who, path)
    expect(r.status).not.toBe(200)
    expect(r.text).not.toContain('PRIVATE-')
  })
})

describe('guards: internal records of a proposal', () => {
  it('representatives and the public read no follow-ups, co-opinions or event log; a wrong section sees none of them', async () => {
    for (const c of ['follow-ups', 'co-opinions', 'proposal-events']) {
      for (const who of ['A', 'B', 'public'] as Who[]) expect((await api(who, `/${c}?depth=0`)).status, `${who} ${c}`).toBe(403)
      const other = await api('otherHead', `/${c}?where[proposal][equals]=${F.id}&depth=0`)
      expect(other.status).toBe(200)
      expect(other.json.docs).toHaveLength(0)
    }
    const own = await api('A', `/proposals/${F.id}?depth=2`)
    expect(own.status).toBe(200)
    expect(own.text).not.toContain(NOTE)
    expect(own.text).not.toContain('绿化办意见')
    expect(own.json.events).toBeUndefined()
    expect(own.json.followUps).toBeUndefined()
    expect(own.json.coOpinions).toBeUndefined()
  })

  it("a proposer sees published replies only, never the section's unpublished drafts", async () => {
    const draft = await must(
      post('sectionStaff', '/replies', { proposal: F.id, class: 'A', text: '未公开的更正草稿：路灯已全部更换。', corrects: F.reply, correctionNote: '更正完成时间' }),
      'correction draft',
    )
    const seen = (await docs('A', `/replies?where[proposal][equals]=${F.id}&depth=0`)).map((r) => String(r.id))
    expect(seen).toEqual([String(F.reply)])
    expect((await api('A', `/replies/${draft.doc.id}`)).status).toBe(404)
  })

  it('a published reply cannot be edited, not even by its own section head', async () => {
    for (const who of ['sectionStaff', 'sectionHead', 'office'] as Who[]) {
      const r = await patch(who, `/replies/${F.reply}`, { text: '事后篡改的答复正文内容。', class: 'A' })
      const why = '已公开的答复不能修改；如需更正，请另写一条答复并注明更正哪一条'
      expect({ status: r.status, json: r.json }, who).toEqual({ status: 400, json: { errors: [{ name: 'RuleError', message: why, data: { errors: [{ message: why, path: 'text' }] } }] } })
    }
    expect((await api('office', `/replies/${F.reply}?depth=0`)).json.text).toBe('已列入本月维修计划，两周内更换全部损坏路灯。')
  })

  it('payload-migrations is not reachable; payload-preferences are per account', async () => {
    for (const who of ['public', 'A'] as Who[]) expect((await api(who, '/payload-migrations')).status).not.toBe(200)
    await must(post('office', '/payload-preferences/review-probe', { value: { secret: 'PRIVATE-PREF' } }), 'office preference')
    const rep = await api('A', '/payload-preferences?depth=0')
    expect(rep.text).not.toContain('PRIVATE-PREF')
  })

  it('GraphQL is off: nothing is answered there, to anyone', async () => {
    const query = '{ Proposals(limit: 100) { docs { id title internalNotes confidentialReason } } Representatives(limit: 100) { docs { id name phone idNumber address } } }'
    for (const who of ['public', 'A', 'office'] as Who[]) {
      const r = await post(who, '/graphql', { query })
      expect(r.status, who).toBe(404)
      expect(r.json.errors[0].message).toMatch(/REST/)
      expect(r.text).not.toContain('PRIVATE-')
    }
  })
})

// Last on purpose: while the hole is open this breaks the public export for the rest of the run.
describe('HOLE 2b: one representative can take the whole public export down', () => {
  it('a submitted proposal with a screening decision but no reason does not make /api/public/export fail', async () => {
    await post('B', '/proposals', {
      title: '审查用：导出',
      body: '审查用：导出的内容。',
      category: '其他',
      residentialArea: world.ref.areas[0],
      status: 'submitted',
      screening: { decision: 'merged' },
    })
    expect((await api('public', '/public/export')).status).toBe(200)
    expect((await api('public', '/public/proposals?page=1&limit=100')).status).toBe(200)
  })
})
