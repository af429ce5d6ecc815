// 文号 and the printed documents (issue 13 §9) through the Local API as each person: a reply gets its
// number when it is signed off — the next of its section's series for the year of the sign-off in
// China time, the office's own series for an office-drafted reply — never before, never changed
// afterwards; two sign-offs at once get two numbers; replies signed off before numbering existed
// are numbered in sign-off order (the migration). The print pages' contents are read as the person
// may read them; the office's paper evaluations are recorded as entered on the representative's behalf.
import { commitTransaction, createLocalReq, initTransaction, killTransaction, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { idOf } from '../../cms/access/actor'
import { coSign } from '../../cms/seed/coSign'
import { LetterheadSeed } from '../../cms/seed/reference'
import { numberSignedOffReplies } from '../../cms/lib/docNumbers'
import { evaluationForm, replyLetter } from '../../cms/lib/printDocuments'
import { as, createWorld, type World } from '../fixtures/world'
import { databaseLabel, startPayload } from '../helpers/payload'

let payload: Payload
let w: World
type Who = ReturnType<typeof as>
let office: Who, leader: Who, staff: Who, head: Who, admin: Who, otherHead: Who, coStaff: Who, A: Who, B: Who, C: Who

const Monday = '2026-03-02T02:00:00.000Z'

beforeAll(async () => {
  process.env.APP_NOW = Monday
  payload = await startPayload()
  w = await createWorld(payload)
  office = as(w.staff.office, 'users')
  leader = as(w.staff.leader, 'users')
  staff = as(w.staff.sectionStaff, 'users')
  head = as(w.staff.sectionHead, 'users')
  admin = as(w.staff.admin, 'users')
  otherHead = as(w.otherHead, 'users')
  coStaff = as(w.coStaff, 'users')
  A = as(w.reps.A, 'representatives')
  B = as(w.reps.B, 'representatives')
  C = as(w.reps.C, 'representatives')
})
afterAll(async () => {
  process.env.APP_NOW = Monday
  await payload?.destroy()
})

const opts = (user: Who | null) => (user ? { user, overrideAccess: false as const } : { overrideAccess: false as const })
const step = (user: Who, id: number | string, data: Record<string, unknown>) => payload.update({ collection: 'proposals', id, data, ...opts(user) })
const signOff = (user: Who, id: number | string) => payload.update({ collection: 'replies', id, data: { signOff: true } as never, ...opts(user) })
const publish = (id: number | string) => payload.update({ collection: 'replies', id, data: { publish: true } as never, ...opts(office) })
const stored = async (id: number | string) => (await payload.findByID({ collection: 'replies', id, overrideAccess: true })).docNumber ?? null

let made = 0
/** A's proposal (co-signed by B when asked), handled by `section`, with a reply drafted by `drafter`. */
async function draftedReply(section: 'chengguan' | 'fangguan', drafter: Who, { coSigned = false } = {}) {
  made++
  const p = await payload.create({
    collection: 'proposals',
    data: { title: `文号测试提案 ${made}`, body: `第 ${made} 件：路口照明不足，夜间行人看不清路面，建议增设路灯。`, category: '城市管理', residentialArea: w.ref.areas[0] } as never,
    ...opts(A),
  })
  if (coSigned) await coSign(payload, p.id, w.reps.A, [w.reps.B])
  await step(A, p.id, { status: 'submitted' })
  await step(office, p.id, { status: 'accepted', screening: { decision: 'accepted', reason: '属于街道职责，予以立案' } })
  await step(office, p.id, { assignment: { leadSection: w.ref.sections[section] } })
  await step(leader, p.id, { newInstruction: '请尽快办理。' })
  await step(drafter, p.id, { status: 'inProgress' })
  const reply = await payload.create({
    collection: 'replies',
    data: { proposal: p.id, class: 'A', text: `已在路口增设路灯两盏，夜间照明已恢复正常。（第 ${made} 件）\n感谢代表的关心。` } as never,
    ...opts(drafter),
  })
  return { proposal: p, reply }
}

describe(`文号 on ${databaseLabel()}`, () => {
  const numbers: Record<string, string | null> = {}

  it('a draft has none, and nobody can give it one', async () => {
    const { reply } = await draftedReply('chengguan', staff)
    expect(reply.docNumber ?? null).toBeNull()
    // Supplied on create or on an edit of the draft: dropped (field access), by the drafter, the head or the admin.
    const supplied = await payload.create({
      collection: 'replies',
      data: { proposal: reply.proposal, class: 'A', text: '另一稿：已增设路灯，照明恢复正常。', docNumber: '〔2026〕城管答字第999号' } as never,
      ...opts(staff),
    })
    expect(await stored(supplied.id)).toBeNull()
    for (const who of [staff, head, admin]) {
      await payload.update({ collection: 'replies', id: reply.id, data: { docNumber: '〔2026〕城管答字第888号' } as never, ...opts(who) }).catch(() => null)
      expect(await stored(reply.id)).toBeNull()
    }
    numbers.firstDraft = String(reply.id)
  })

  it('sign-off gives the section’s next number of the year; the series goes on', async () => {
    const first = await signOff(head, numbers.firstDraft!)
    expect(first.docNumber).toBe('〔2026〕城管答字第001号')
    const { reply } = await draftedReply('chengguan', staff)
    expect((await signOff(head, reply.id)).docNumber).toBe('〔2026〕城管答字第002号')
    numbers.second = String(reply.id)
  })

  it('each section has its own series', async () => {
    const { reply } = await draftedReply('fangguan', otherHead)
    expect((await signOff(otherHead, reply.id)).docNumber).toBe('〔2026〕房管答字第001号')
    const { reply: next } = await draftedReply('chengguan', staff)
    expect((await signOff(head, next.id)).docNumber).toBe('〔2026〕城管答字第003号')
  })

  it('the office’s own reply (a screened-out proposal) takes the office’s abbreviation', async () => {
    const p = await payload.create({
      collection: 'proposals',
      data: { title: '要求调解邻里纠纷', body: '楼上邻居长期深夜装修，协商无果，请街道出面调解。', category: '其他', residentialArea: w.ref.areas[0] } as never,
      ...opts(A),
    })
    await step(A, p.id, { status: 'submitted' })
    await step(office, p.id, { status: 'redirected', screening: { decision: 'redirected', reason: '属于民事纠纷，引导通过人民调解途径解决' } })
    await step(leader, p.id, { newInstruction: '同意分流，请代表工作室做好解释。' })
    const reply = await payload.create({ collection: 'replies', data: { proposal: p.id, class: 'C', text: '您反映的问题属于民事纠纷，已引导至人民调解委员会处理。' } as never, ...opts(office) })
    expect((await signOff(office, reply.id)).docNumber).toBe(`〔2026〕${LetterheadSeed.officeAbbreviation}答字第001号`)
  })

  it('once given, nobody changes it — not the head, the office or the admin, not even on publishing', async () => {
    const id = numbers.second!
    for (const who of [head, office, admin]) {
      await payload.update({ collection: 'replies', id, data: { docNumber: '〔2026〕城管答字第777号' } as never, ...opts(who) }).catch(() => null)
      expect(await stored(id)).toBe('〔2026〕城管答字第002号')
    }
    await payload.update({ collection: 'replies', id, data: { publish: true, docNumber: '〔2026〕城管答字第666号' } as never, ...opts(office) })
    const published = await payload.findByID({ collection: 'replies', id, overrideAccess: true })
    expect([published.publishedAt != null, published.docNumber]).toEqual([true, '〔2026〕城管答字第002号'])
  })

  it('two sign-offs at the same moment get two consecutive numbers', async () => {
    const one = await draftedReply('chengguan', staff)
    const two = await draftedReply('chengguan', staff)
    const signed = await Promise.all([signOff(head, one.reply.id), signOff(head, two.reply.id)])
    expect(signed.map((r) => r.docNumber).sort()).toEqual(['〔2026〕城管答字第004号', '〔2026〕城管答字第005号'])
  })

  it('the series restarts in a new year, counted in China time', async () => {
    const { reply } = await draftedReply('chengguan', staff)
    // 00:30 on 1 January 2027 in Shanghai, still 31 December in UTC.
    process.env.APP_NOW = '2026-12-31T16:30:00.000Z'
    try {
      expect((await signOff(head, reply.id)).docNumber).toBe('〔2027〕城管答字第001号')
    } finally {
      process.env.APP_NOW = Monday
    }
  })

  it('a section’s abbreviation is its own: a second section may not take it', async () => {
    await expect(
      payload.update({ collection: 'sections', id: w.ref.sections.lvhua, data: { abbreviation: '城管' }, ...opts(admin) }),
    ).rejects.toThrow()
    await expect(payload.update({ collection: 'sections', id: w.ref.sections.lvhua, data: { abbreviation: '绿 化' }, ...opts(admin) })).rejects.toThrow(/文号简称/)
  })

  it('replies signed off before numbering existed are numbered in sign-off order (the migration)', async () => {
    const signed = await payload.find({ collection: 'replies', where: { docNumber: { exists: true } }, sort: 'signedOffAt', pagination: false, overrideAccess: true })
    const before = new Map(signed.docs.map((r) => [String(r.id), r.docNumber]))
    // As a database from before: no numbers, no counters; in a transaction, as the migration runs it.
    const req = await createLocalReq({}, payload)
    await initTransaction(req)
    try {
      expect(await numberSignedOffReplies(payload, req, { renumber: true })).toBe(signed.docs.length)
      await commitTransaction(req)
    } catch (e) {
      await killTransaction(req)
      throw e
    }
    const after = await payload.find({ collection: 'replies', where: { docNumber: { exists: true } }, pagination: false, overrideAccess: true })
    const chengguan2026 = after.docs
      .filter((r) => r.docNumber!.startsWith('〔2026〕城管'))
      .sort((a, b) => Date.parse(a.signedOffAt!) - Date.parse(b.signedOffAt!) || Number(a.id) - Number(b.id))
    expect(chengguan2026.map((r) => r.docNumber)).toEqual(['〔2026〕城管答字第001号', '〔2026〕城管答字第002号', '〔2026〕城管答字第003号', '〔2026〕城管答字第004号', '〔2026〕城管答字第005号'])
    // The same numbers as given at sign-off, but for the two signed at the same moment (ordered by id now).
    const same = after.docs.filter((r) => before.get(String(r.id)) === r.docNumber)
    expect(same.length).toBeGreaterThanOrEqual(after.docs.length - 2)
    // Nothing left to number; the next sign-off goes on from the counters the backfill left.
    expect(await numberSignedOffReplies(payload)).toBe(0)
    const { reply } = await draftedReply('chengguan', staff)
    expect((await signOff(head, reply.id)).docNumber).toBe('〔2026〕城管答字第006号')
  })
})

describe(`printed documents on ${databaseLabel()}`, () => {
  let proposal: { id: number | string }
  let reply: { id: number | string }

  beforeAll(async () => {
    const made = await draftedReply('chengguan', staff, { coSigned: true })
    proposal = made.proposal
    reply = made.reply
  })

  it('a draft does not print as a letter', async () => {
    expect(await replyLetter(payload, head, reply.id)).toEqual({ kind: 'refused', message: expect.stringMatching(/尚未签发/) })
  })

  it('the letter: letterhead, 文号, 主送, text, 签发人, date and contact', async () => {
    const signed = await signOff(head, reply.id)
    const letter = await replyLetter(payload, office, reply.id)
    expect(letter.kind).toBe('ok')
    if (letter.kind !== 'ok') return
    expect(letter.doc).toMatchObject({
      organization: LetterheadSeed.organization,
      unit: '城管分队',
      docNumber: signed.docNumber,
      signer: w.staff.sectionHead.name,
      addressees: [w.reps.A.name, w.reps.B.name],
      classLabel: 'A 已解决或采纳',
      date: '2026年3月2日',
      contactName: '孙立',
      contactPhone: '021-5081 2301',
    })
    expect(letter.doc.text).toMatch(/已在路口增设路灯两盏/)
  })

  it('only staff who may read the reply get it: not another section, a representative or the public', async () => {
    expect((await replyLetter(payload, staff, reply.id)).kind).toBe('ok')
    expect((await replyLetter(payload, leader, reply.id)).kind).toBe('ok')
    for (const who of [otherHead, coStaff, A, B, C, null]) expect(await replyLetter(payload, who, reply.id)).toEqual({ kind: 'notFound' })
    expect(await replyLetter(payload, office, 'not-an-id')).toEqual({ kind: 'notFound' })
    expect(await replyLetter(payload, office, 2_000_000_000)).toEqual({ kind: 'notFound' })
  })

  it('the evaluation form waits for a published reply, then has one form per representative yet to answer', async () => {
    expect(await evaluationForm(payload, office, proposal.id)).toEqual({ kind: 'refused', message: expect.stringMatching(/还没有公开的答复/) })
    await publish(reply.id)
    const form = await evaluationForm(payload, office, proposal.id)
    expect(form.kind).toBe('ok')
    if (form.kind !== 'ok') return
    expect(form.doc).toMatchObject({
      proposer: w.reps.A.name,
      coSigners: [w.reps.B.name],
      representatives: [w.reps.A.name, w.reps.B.name],
      reply: { unit: '城管分队', classLabel: 'A 已解决或采纳', published: '2026年3月2日' },
    })
    expect(form.doc.proposalTitle).toMatch(/^文号测试提案/)
    expect(form.doc.ratings.map((r) => r.label)).toEqual(['满意', '基本满意', '不满意'])
    for (const who of [otherHead, A, null]) expect(await evaluationForm(payload, who, proposal.id)).toEqual({ kind: 'notFound' })
  })

  it('the office records A’s paper answer on A’s behalf; the form then is only for B', async () => {
    const paper = await payload.create({
      collection: 'evaluations',
      data: { proposal: proposal.id, reply: reply.id, representative: w.reps.A.id, rating: 'basicallySatisfied', recordedBy: w.staff.admin.id } as never,
      ...opts(office),
    })
    expect([String(idOf(paper.representative)), String(idOf(paper.recordedBy))]).toEqual([String(w.reps.A.id), String(w.staff.office.id)])
    const form = await evaluationForm(payload, office, proposal.id)
    expect(form.kind === 'ok' && form.doc.representatives).toEqual([w.reps.B.name])
    // B answers in the portal: no one recorded it for them.
    const own = await payload.create({ collection: 'evaluations', data: { proposal: proposal.id, reply: reply.id, rating: 'satisfied', recordedBy: w.staff.office.id } as never, ...opts(B) })
    expect(own.recordedBy ?? null).toBeNull()
    expect(await evaluationForm(payload, office, proposal.id)).toEqual({ kind: 'refused', message: expect.stringMatching(/都已评价/) })
  })
})

describe(`公文设置 and section contacts on ${databaseLabel()}`, () => {
  it('the office and the admin change the settings; other staff read them; the public nothing', async () => {
    const changed = await payload.updateGlobal({ slug: 'letterhead', data: { organization: '梅园街道办事处（测试）' }, ...opts(office) })
    expect(changed.organization).toBe('梅园街道办事处（测试）')
    await payload.updateGlobal({ slug: 'letterhead', data: { organization: LetterheadSeed.organization }, ...opts(admin) })
    for (const who of [staff, head, leader]) await expect(payload.updateGlobal({ slug: 'letterhead', data: { organization: 'X' }, ...opts(who) })).rejects.toThrow()
    expect((await payload.findGlobal({ slug: 'letterhead', ...opts(staff) })).organization).toBe(LetterheadSeed.organization)
    await expect(payload.findGlobal({ slug: 'letterhead', ...opts(A) })).rejects.toThrow()
    await expect(payload.findGlobal({ slug: 'letterhead', ...opts(null) })).rejects.toThrow()
    await expect(payload.updateGlobal({ slug: 'letterhead', data: { officeAbbreviation: '代表（一）' }, ...opts(office) })).rejects.toThrow(/文号简称/)
  })

  it('a section’s contact person and phone are for staff: the public and representatives read only its name', async () => {
    for (const who of [null, A]) {
      const s = await payload.findByID({ collection: 'sections', id: w.ref.sections.chengguan, ...opts(who) })
      expect([s.name, s.contactName, s.contactPhone]).toEqual(['城管分队', undefined, undefined])
    }
    const s = await payload.findByID({ collection: 'sections', id: w.ref.sections.chengguan, ...opts(staff) })
    expect([s.contactName, s.contactPhone]).toEqual(['孙立', '021-5081 2301'])
  })
})
