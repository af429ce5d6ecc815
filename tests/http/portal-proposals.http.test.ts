// The portal's proposal endpoints over HTTP against the real production server: every endpoint
// × {no session, expired session, representative A, representative B, disabled account}; B
// never reads or changes A's drafts, proposals, evaluations or attachments (by id, by list, by
// file URL); no staff field can be set; submission is idempotent; co-signing, attachments,
// evaluation and the resolution answer work for A.
import { randomBytes } from 'node:crypto'
import { request as httpRequest } from 'node:http'
import { beforeAll, describe, expect, inject, it } from 'vitest'
import { DemoPassword } from '../../cms/seed/reference'
import { runSQL } from '../helpers/database'
import { login, portalSignIn, sessionCookieOf, type Credential } from '../helpers/http'

const base = inject('baseURL')
const world = inject('world')
const databaseURL = inject('databaseURL')
const scenario = inject('scenario')
const json = { 'content-type': 'application/json' }

type Staff = 'admin' | 'office' | 'leader' | 'sectionStaff' | 'sectionHead'
const staff = {} as Record<Staff, Credential>

interface Res {
  status: number
  body: any
  text: string
}
async function call(path: string, init: { method?: string; cookie?: string | null; body?: unknown; form?: FormData; headers?: Record<string, string> } = {}): Promise<Res> {
  const headers: Record<string, string> = { origin: base, ...init.headers }
  if (!init.form) headers['content-type'] = 'application/json'
  if (init.cookie) headers.cookie = init.cookie
  const r = await fetch(`${base}/api${path}`, {
    method: init.method ?? 'GET',
    headers,
    body: init.form ?? (init.body === undefined ? undefined : JSON.stringify(init.body)),
  })
  const text = await r.text()
  let body: any = null
  try {
    body = JSON.parse(text)
  } catch {}
  return { status: r.status, body, text }
}
const portal = (path: string, init: Parameters<typeof call>[1] = {}) => call(`/portal${path}`, init)
const asStaff = (who: Staff, path: string, method = 'GET', body?: unknown) =>
  fetch(`${base}/api${path}`, { method, headers: { ...json, ...staff[who] }, body: body === undefined ? undefined : JSON.stringify(body) }).then(async (r) => ({ status: r.status, body: await r.json() }))
const must = async <T extends { status: number; body: any }>(p: Promise<T>, label: string): Promise<any> => {
  const r = await p
  expect(r.status, `${label}: ${JSON.stringify(r.body).slice(0, 400)}`).toBeLessThan(300)
  return r.body
}

async function newRepresentative() {
  const username = `pp-${randomBytes(4).toString('hex')}`
  const r = await asStaff('office', '/representatives', 'POST', { username, name: `代表${username.slice(3, 7)}`, password: DemoPassword, residentialArea: world.ref.areas[0], mustChangePassword: false })
  expect(r.status).toBe(201)
  const signIn = await portalSignIn(base, username, DemoPassword)
  expect(signIn.status).toBe(200)
  return { id: r.body.doc.id as number | string, username, cookie: sessionCookieOf(signIn) }
}

const clientKey = () => randomBytes(12).toString('hex')
const draftBody = (title: string) => ({ title, body: `${title}：请相关部门尽快处理。`, category: 'urban', residentialArea: world.ref.areas[0] })
/** A real 1×1 PNG (Payload checks the content too). */
const png = () => new Uint8Array(Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c63f8cfc0f01f00050001ff89993d1d0000000049454e44ae426082', 'hex'))
const fileForm = (bytes: Uint8Array, name: string, type = 'image/png') => {
  const form = new FormData()
  form.append('file', new Blob([Buffer.from(bytes)], { type }), name)
  return form
}

/** A proposal of A's, submitted through the portal and taken to a published reply by the staff whose job it is. */
async function toPublishedReply(title: string, replyText = '已调整为 45 秒。') {
  const submitted = await must(portal('/proposals', { method: 'POST', cookie: A.cookie, body: { ...draftBody(title), clientKey: clientKey(), submit: true } }), 'submit')
  const id = submitted.proposal.id
  const S = world.ref.sections as Record<string, number | string>
  await must(asStaff('office', `/proposals/${id}`, 'PATCH', { status: 'accepted', screening: { decision: 'accepted', reason: '予以立案' } }), 'accept')
  await must(asStaff('office', `/proposals/${id}`, 'PATCH', { assignment: { leadSection: S.chengguan } }), 'assign')
  await must(asStaff('leader', `/proposals/${id}`, 'PATCH', { status: 'instructed', newInstruction: '请城管分队办理。' }), 'instruct')
  await must(asStaff('sectionStaff', `/proposals/${id}`, 'PATCH', { status: 'inProgress' }), 'take on')
  const reply = await publish({ proposal: id, class: 'A', text: replyText })
  return { proposal: id as number | string, reply }
}

/** A reply written by the lead section, signed off by its head and published by the office. */
async function publish(data: Record<string, unknown>): Promise<number | string> {
  const reply = (await must(asStaff('sectionStaff', '/replies', 'POST', data), 'reply')).doc.id
  await must(asStaff('sectionHead', `/replies/${reply}`, 'PATCH', { signOff: true }), 'sign off')
  await must(asStaff('office', `/replies/${reply}`, 'PATCH', { publish: true }), 'publish')
  return reply
}

/** The status of a multipart POST as A whose body never comes (only its first bytes are sent). */
function statusBeforeBody(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const all = { cookie: A.cookie, origin: base, 'content-type': 'multipart/form-data; boundary=x', ...headers }
    const req = httpRequest(url, { method: 'POST', headers: all }, (res) => {
      clearTimeout(timer)
      resolve(res.statusCode!)
      req.destroy()
    })
    const timer = setTimeout(() => (req.destroy(), reject(new Error('no answer before the body'))), 20_000)
    req.on('error', () => undefined)
    req.write('--x\r\n')
  })
}

let A: Awaited<ReturnType<typeof newRepresentative>>
let B: Awaited<ReturnType<typeof newRepresentative>>
let disabled: Awaited<ReturnType<typeof newRepresentative>>
let expired: Awaited<ReturnType<typeof newRepresentative>>
/** A's draft, with one attachment; A's replied proposal with its published reply; an invitation of A's to B's draft. */
const X = {} as { draft: number | string; attachment: { id: number | string; url: string }; replied: number | string; reply: number | string; invitationToA: number | string; bDraft: number | string }

beforeAll(async () => {
  for (const who of ['admin', 'office', 'leader', 'sectionStaff', 'sectionHead'] as const) staff[who] = await login(base, { email: world.staff[who].email, password: DemoPassword })
  ;[A, B, disabled, expired] = await Promise.all([newRepresentative(), newRepresentative(), newRepresentative(), newRepresentative()])

  X.draft = (await must(portal('/proposals', { method: 'POST', cookie: A.cookie, body: { ...draftBody('A的草稿：楼道灯坏了'), clientKey: clientKey() } }), 'draft')).proposal.id
  const att = (await must(portal(`/proposals/${X.draft}/attachments`, { method: 'POST', cookie: A.cookie, form: fileForm(png(), '楼道.png') }), 'attach')).attachment
  X.attachment = { id: att.id, url: att.url }

  // A's proposal taken to a published reply by the staff whose job it is.
  ;({ proposal: X.replied, reply: X.reply } = await toPublishedReply('A的提案：路口红绿灯太短'))

  // B's draft, to which B invites A.
  X.bDraft = (await must(portal('/proposals', { method: 'POST', cookie: B.cookie, body: { ...draftBody('B的草稿：垃圾站异味'), clientKey: clientKey() } }), 'B draft')).proposal.id
  X.invitationToA = (await must(portal(`/proposals/${X.bDraft}/invitations`, { method: 'POST', cookie: B.cookie, body: { representatives: [A.id] } }), 'invite A')).invitations[0].id

  // An account the office disabled after it signed in; a session past its expiry.
  await must(asStaff('office', `/representatives/${disabled.id}`, 'PATCH', { active: false }), 'disable')
  await runSQL(databaseURL, `UPDATE portal_sessions SET expires_at = '2000-01-01T00:00:00.000Z' WHERE representative_id = ${Number(expired.id)}`)
})

/** Every portal endpoint that acts on A's things, as a request B (or anyone) could send. */
const endpoints = (): [string, string, string, Parameters<typeof call>[1]][] => [
  ['list own proposals', 'GET', '/proposals', {}],
  ['create a proposal', 'POST', '/proposals', { body: { ...draftBody('越权测试'), clientKey: clientKey() } }],
  ['read A’s draft', 'GET', `/proposals/${X.draft}`, {}],
  ['change A’s draft', 'PATCH', `/proposals/${X.draft}`, { body: { title: '被改了' } }],
  ['submit A’s draft', 'POST', `/proposals/${X.draft}/submit`, {}],
  ['delete A’s draft', 'DELETE', `/proposals/${X.draft}`, {}],
  ['invite to A’s draft', 'POST', `/proposals/${X.draft}/invitations`, { body: { representatives: [world.reps.C.id] } }],
  ['attach to A’s draft', 'POST', `/proposals/${X.draft}/attachments`, { form: fileForm(png(), 'x.png') }],
  ['delete A’s attachment', 'DELETE', `/attachments/${X.attachment.id}`, {}],
  ['evaluate A’s reply', 'POST', `/proposals/${X.replied}/evaluations`, { body: { reply: X.reply, rating: 'dissatisfied', comment: '冒名评价' } }],
  ['answer the resolution question of A’s proposal', 'POST', `/proposals/${X.replied}/resolution`, { body: { answer: 'unresolved' } }],
  ['answer A’s invitation', 'POST', `/invitations/${X.invitationToA}`, { body: { accept: true } }],
  ['list representatives', 'GET', '/representatives', {}],
  ['read me', 'GET', '/me', {}],
  ['list sessions', 'GET', '/sessions', {}],
]

/** What A's things look like, to show nothing changed. */
async function snapshotOfA() {
  const draft = await portal(`/proposals/${X.draft}`, { cookie: A.cookie })
  const replied = await portal(`/proposals/${X.replied}`, { cookie: A.cookie })
  const list = await portal('/proposals', { cookie: A.cookie })
  return {
    draft: [draft.body.proposal.title, draft.body.proposal.status, draft.body.attachments.length, draft.body.invitations.length],
    replied: [replied.body.proposal.status, replied.body.evaluations.length, replied.body.resolutionAnswers.length],
    invitations: list.body.waiting.invitations.map((i: any) => i.id),
  }
}

describe('without a valid session, every endpoint answers 401 and changes nothing', () => {
  it.each(['no session', 'expired session', 'disabled account'])('%s', async (who) => {
    const cookie = who === 'no session' ? null : who === 'expired session' ? expired.cookie : disabled.cookie
    const before = await snapshotOfA()
    for (const [label, method, path, init] of endpoints()) {
      const r = await portal(path, { ...init, method, cookie })
      expect(r.status, `${label}: ${r.text.slice(0, 200)}`).toBe(401)
      expect(r.body.error.code).toBe('unauthenticated')
    }
    expect(await snapshotOfA()).toEqual(before)
  })
})

describe('representative B and A’s things', () => {
  it('every endpoint on A’s things: B gets 404 and nothing of A’s changes', async () => {
    const before = await snapshotOfA()
    const own = new Set(['list own proposals', 'create a proposal', 'list representatives', 'read me', 'list sessions'])
    for (const [label, method, path, init] of endpoints()) {
      const r = await portal(path, { ...init, method, cookie: B.cookie })
      if (own.has(label)) expect(r.status, label).toBeLessThan(300)
      else expect([403, 404], `${label}: ${r.status} ${r.text.slice(0, 200)}`).toContain(r.status)
      expect(r.text, label).not.toMatch(/A的草稿|楼道/)
    }
    expect(await snapshotOfA()).toEqual(before)
  })

  it('B’s list holds none of A’s proposals, and no filter of the REST API reaches A’s draft', async () => {
    const list = await portal('/proposals', { cookie: B.cookie })
    expect(list.body.proposals.map((p: any) => p.id)).not.toContain(X.draft)
    for (const q of [`where[id][equals]=${X.draft}`, `where[proposer][equals]=${A.id}`, `where[status][equals]=draft`]) {
      const r = await call(`/proposals?${q}&depth=0`, { cookie: B.cookie })
      expect(r.status).toBe(200)
      expect(r.body.docs.map((d: any) => d.id), q).not.toContain(X.draft)
    }
    // The text as written is no query field for a representative at all (others read only the public version).
    const byTitle = await call(`/proposals?where[title][like]=A的草稿&depth=0`, { cookie: B.cookie })
    expect(byTitle.status).toBeGreaterThanOrEqual(400)
    expect(byTitle.status).toBeLessThan(500)
    expect(JSON.stringify(byTitle.body)).not.toContain('A的草稿')
    const evals = await call(`/evaluations?where[proposal][equals]=${X.replied}`, { cookie: B.cookie })
    expect(evals.body.docs ?? []).toEqual([])
    const atts = await call(`/attachments?where[proposal][equals]=${X.draft}`, { cookie: B.cookie })
    expect(atts.body.docs ?? []).toEqual([])
  })

  it('A’s attachment by its file URL: A reads it, B and the public do not', async () => {
    const get = (cookie?: string) => fetch(new URL(X.attachment.url, base), { headers: cookie ? { cookie } : {} })
    const mine = await get(A.cookie)
    expect(mine.status).toBe(200)
    expect(new Uint8Array(await mine.arrayBuffer()).slice(0, 4)).toEqual(new Uint8Array([0x89, 0x50, 0x4e, 0x47]))
    expect([403, 404]).toContain((await get(B.cookie)).status)
    expect([403, 404]).toContain((await get()).status)
  })
})

describe('reading one’s own proposal in full, never anyone else’s private data', () => {
  it('the proposer reads their confidential proposal with its reason; others get 404', async () => {
    const c = sessionCookieOf(await portalSignIn(base, 'rep-c', DemoPassword))
    const own = await portal(`/proposals/${scenario.confidential}`, { cookie: c })
    expect(own.status).toBe(200)
    expect(own.body.proposal.confidentialReason).toBe('PRIVATE-CONFIDENTIAL-REASON')
    // The office's internal notes are not the proposer's to read.
    expect(own.text).not.toMatch(/INTERNAL-NOTE|internalNotes/)
    const a = sessionCookieOf(await portalSignIn(base, 'rep-a', DemoPassword))
    expect((await portal(`/proposals/${scenario.confidential}`, { cookie: a })).status).toBe(404)
  })

  it('a co-signer sees the proposal in full but not the proposer’s phone, ID number or address', async () => {
    const b = sessionCookieOf(await portalSignIn(base, 'rep-b', DemoPassword))
    const r = await portal(`/proposals/${scenario.inProgress}`, { cookie: b })
    expect(r.status).toBe(200)
    expect(r.body.proposal.role).toBe('coSigner')
    expect(r.text).toContain('张桂英')
    expect(r.text).not.toMatch(/PRIVATE-(PHONE|ID|ADDRESS)-rep-a|INTERNAL-NOTE/)
    // Nor anyone's account: login names, emails, account state (people are shown by name only).
    expect(r.text).not.toMatch(/"(username|email|active|mustChangePassword|loginAttempts|lockUntil|phone)"/)
  })
})

describe('no staff field can be set by a representative', () => {
  it('the portal refuses unknown fields with a zh-CN message and creates nothing', async () => {
    for (const extra of [{ status: 'closed' }, { number: '2026-999' }, { assignment: { leadSection: 1 } }, { confidential: true }, { proposer: B.id }, { coSigners: [B.id] }]) {
      const r = await portal('/proposals', { method: 'POST', cookie: A.cookie, body: { ...draftBody('字段测试'), clientKey: clientKey(), ...extra } })
      expect(r.status, JSON.stringify(extra)).toBe(400)
      expect(r.body.error.message).toMatch(/不能提交这些字段/)
    }
    const patch = await portal(`/proposals/${X.draft}`, { method: 'PATCH', cookie: A.cookie, body: { status: 'submitted' } })
    expect(patch.status).toBe(400)
    const list = await portal('/proposals', { cookie: A.cookie })
    expect(list.body.proposals.filter((p: any) => p.title === '字段测试')).toEqual([])
  })

  it('through the REST API the fields are ignored: status, number, section, confidentiality, notes, co-signers stay as they were', async () => {
    const key = clientKey()
    const made = await must(portal('/proposals', { method: 'POST', cookie: A.cookie, body: { ...draftBody('REST 字段测试'), clientKey: key } }), 'draft')
    const id = made.proposal.id
    await call(`/proposals/${id}`, {
      method: 'PATCH',
      cookie: A.cookie,
      body: { number: '2026-999', assignment: { leadSection: world.ref.sections.chengguan, deadline: '2030-01-01' }, confidential: true, internalNotes: 'x', coSigners: [B.id], proposer: B.id, clientKey: 'x' },
    })
    // The admin reads every field of it (the office reads no representative's draft).
    const doc = (await asStaff('admin', `/proposals/${id}?depth=0`)).body
    expect([doc.status, doc.number ?? null, doc.assignment?.leadSection ?? null, doc.confidential, doc.internalNotes ?? null, doc.coSigners, doc.proposer]).toEqual([
      'draft',
      null,
      null,
      false,
      null,
      [],
      A.id,
    ])
    expect(doc.clientKey).toBe(`${A.id}:${key}`)
    // Moving it past the lifecycle is refused too.
    const jump = await call(`/proposals/${id}`, { method: 'PATCH', cookie: A.cookie, body: { status: 'closed' } })
    const why = '不能从“草稿”变为“已办结”'
    expect({ status: jump.status, body: jump.body }).toEqual({ status: 400, body: { errors: [{ name: 'RuleError', message: why, data: { errors: [{ message: why, path: 'status' }] } }] } })
    expect((await asStaff('admin', `/proposals/${id}?depth=0`)).body.status).toBe('draft')
  })
})

describe('A’s own work', () => {
  it('submission is idempotent: ten copies of one submission at once make one proposal with one number', async () => {
    const key = clientKey()
    const body = { ...draftBody(`重复提交测试 ${key.slice(0, 6)}`), clientKey: key, submit: true }
    const all = await Promise.all(Array.from({ length: 10 }, () => portal('/proposals', { method: 'POST', cookie: A.cookie, body })))
    expect(all.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201])
    expect(new Set(all.map((r) => r.body.proposal.id)).size).toBe(1)
    expect(new Set(all.map((r) => r.body.proposal.number)).size).toBe(1)
    expect(all[0].body.proposal.number).toMatch(/^\d{4}-\d{3}$/)
    const found = await asStaff('office', `/proposals?where[title][equals]=${encodeURIComponent(body.title)}&depth=0`)
    expect(found.body.totalDocs).toBe(1)
  })

  it('the same key with new text: a draft takes the new text before it is submitted; a submitted one refuses it and keeps its own', async () => {
    const key = clientKey()
    const saved = await must(portal('/proposals', { method: 'POST', cookie: A.cookie, body: { ...draftBody('同键草稿：旧标题'), clientKey: key } }), 'draft')
    const sent = await must(portal('/proposals', { method: 'POST', cookie: A.cookie, body: { ...draftBody('同键草稿：新标题'), clientKey: key, submit: true } }), 'edited and sent')
    expect(sent.proposal.id).toBe(saved.proposal.id)
    expect(sent.proposal.title).toBe('同键草稿：新标题')
    expect(sent.proposal.number).toMatch(/^\d{4}-\d{3}$/)
    const stored = await asStaff('office', `/proposals/${saved.proposal.id}?depth=0`)
    expect(stored.body).toMatchObject({ title: '同键草稿：新标题', body: '同键草稿：新标题：请相关部门尽快处理。', status: 'submitted' })
    const late = await portal('/proposals', { method: 'POST', cookie: A.cookie, body: { ...draftBody('同键草稿：提交后再改'), clientKey: key, submit: true } })
    expect(late.status).toBe(409)
    expect(late.body.error.message).toMatch(new RegExp(`已经提交（编号 ${sent.proposal.number}）`))
    expect((await asStaff('office', `/proposals/${saved.proposal.id}?depth=0`)).body.title).toBe('同键草稿：新标题')
  })

  it('the proposer sees the number at once; the text is frozen after submission', async () => {
    const made = await must(portal('/proposals', { method: 'POST', cookie: A.cookie, body: { ...draftBody('冻结测试'), clientKey: clientKey() } }), 'draft')
    expect(made.proposal.number).toBeNull()
    const sent = await must(portal(`/proposals/${made.proposal.id}/submit`, { method: 'POST', cookie: A.cookie }), 'submit')
    expect(sent.proposal.number).toMatch(/^\d{4}-\d{3}$/)
    expect(sent.proposal.statusLabel).toBeTruthy()
    const again = await must(portal(`/proposals/${made.proposal.id}/submit`, { method: 'POST', cookie: A.cookie }), 'submit again')
    expect(again.proposal.number).toBe(sent.proposal.number)
    const edit = await portal(`/proposals/${made.proposal.id}`, { method: 'PATCH', cookie: A.cookie, body: { title: '改标题' } })
    expect(edit.status).toBe(409)
    expect(edit.body.error.message).toMatch(/不能再修改/)
  })

  it('a bad draft gets a message per field and saves nothing', async () => {
    const r = await portal('/proposals', { method: 'POST', cookie: A.cookie, body: { title: '', body: 'x'.repeat(5001), category: 'nope', residentialArea: world.ref.areas[0], clientKey: clientKey() } })
    expect(r.status).toBe(400)
    expect(r.body.error.fields).toMatchObject({ title: '请填写标题', body: '提案内容不能超过 5000 个字', category: '请选择类别' })
  })

  it('co-signing: A is invited to B’s draft, reads it, accepts, and is a co-signer', async () => {
    const list = await portal('/proposals', { cookie: A.cookie })
    expect(list.body.waiting.invitations.map((i: any) => i.id)).toContain(X.invitationToA)
    const read = await portal(`/proposals/${X.bDraft}`, { cookie: A.cookie })
    expect(read.status).toBe(200)
    expect(read.body.proposal.title).toBe('B的草稿：垃圾站异味')
    const accepted = await portal(`/invitations/${X.invitationToA}`, { method: 'POST', cookie: A.cookie, body: { accept: true } })
    expect(accepted.status, accepted.text).toBe(200)
    expect((await portal(`/invitations/${X.invitationToA}`, { method: 'POST', cookie: A.cookie, body: { accept: false } })).status).toBe(404)
    const after = await portal('/proposals', { cookie: A.cookie })
    expect(after.body.proposals.find((p: any) => p.id === X.bDraft)?.role).toBe('coSigner')
    // Co-signers do not edit: only the proposer does.
    const edit = await portal(`/proposals/${X.bDraft}`, { method: 'PATCH', cookie: A.cookie, body: { title: '附议人改标题' } })
    expect({ status: edit.status, body: edit.body }).toEqual({ status: 403, body: { error: { code: 'forbidden', message: '没有权限进行此操作' } } })
    expect((await portal(`/proposals/${X.bDraft}`, { cookie: B.cookie })).body.proposal.title).toBe('B的草稿：垃圾站异味')
  })

  it('attachments: pdf, jpg or png by content, size-limited, at most five', async () => {
    const made = await must(portal('/proposals', { method: 'POST', cookie: A.cookie, body: { ...draftBody('附件测试'), clientKey: clientKey() } }), 'draft')
    const id = made.proposal.id
    const text = await portal(`/proposals/${id}/attachments`, { method: 'POST', cookie: A.cookie, form: fileForm(new TextEncoder().encode('not an image'), 'fake.png') })
    expect(text.status).toBe(415)
    expect(text.body.error.message).toMatch(/PDF、JPG 或 PNG/)
    const big = new Uint8Array(10 * 1024 * 1024 + 1)
    big.set([0x25, 0x50, 0x44, 0x46, 0x2d])
    const tooBig = await portal(`/proposals/${id}/attachments`, { method: 'POST', cookie: A.cookie, form: fileForm(big, 'big.pdf', 'application/pdf') })
    expect(tooBig.status).toBe(413)
    // Far too large: refused by its declared length, before the body is read (these never send
    // their bodies; a server that waited for them would not answer).
    const upload = `${base}/api/portal/proposals/${id}/attachments`
    expect(await statusBeforeBody(upload, { 'content-length': String(50 * 1024 * 1024) })).toBe(413)
    // Sent in chunks with no declared length (no browser form does this): refused before reading too.
    expect(await statusBeforeBody(upload, {})).toBe(411)
    for (let i = 0; i < 5; i++) expect((await portal(`/proposals/${id}/attachments`, { method: 'POST', cookie: A.cookie, form: fileForm(png(), `p${i}.png`) })).status).toBe(201)
    const sixth = await portal(`/proposals/${id}/attachments`, { method: 'POST', cookie: A.cookie, form: fileForm(png(), 'p6.png') })
    expect(sixth.status).toBe(400)
    expect(sixth.body.error.message).toMatch(/最多 5 个/)
    expect((await portal(`/proposals/${id}`, { cookie: A.cookie })).body.attachments).toHaveLength(5)
  })

  it('evaluation: 不满意 needs a reason, counts once, and starts rehandling; the resolution answer is recorded once a round', async () => {
    const list = await portal('/proposals', { cookie: A.cookie })
    expect(list.body.waiting.toEvaluate.map((w: any) => w.reply.id)).toContain(X.reply)
    const noReason = await portal(`/proposals/${X.replied}/evaluations`, { method: 'POST', cookie: A.cookie, body: { reply: X.reply, rating: 'dissatisfied' } })
    expect(noReason.status).toBe(400)
    expect(noReason.body.error.fields.comment).toMatch(/请写明理由/)
    const resolution = await portal(`/proposals/${X.replied}/resolution`, { method: 'POST', cookie: A.cookie, body: { answer: 'unresolved', comment: '路口仍然很危险' } })
    expect(resolution.status, resolution.text).toBe(201)
    expect((await portal(`/proposals/${X.replied}/resolution`, { method: 'POST', cookie: A.cookie, body: { answer: 'resolved' } })).status).toBe(400)
    const evaluated = await portal(`/proposals/${X.replied}/evaluations`, { method: 'POST', cookie: A.cookie, body: { reply: X.reply, rating: 'dissatisfied', comment: '时间仍然太短，老人过不去' } })
    expect(evaluated.status, evaluated.text).toBe(201)
    expect(evaluated.body.proposal.status).toBe('rehandling')
    const twice = await portal(`/proposals/${X.replied}/evaluations`, { method: 'POST', cookie: A.cookie, body: { reply: X.reply, rating: 'satisfied' } })
    expect({ status: twice.status, body: twice.body }).toEqual({ status: 400, body: { error: { code: 'refused', message: '每条答复只能评价一次', fields: { rating: '每条答复只能评价一次' } } } })
    const office = await asStaff('office', `/resolution-answers?where[proposal][equals]=${X.replied}`)
    expect(office.body.docs.map((d: any) => d.answer)).toEqual(['unresolved'])
    expect((await portal('/proposals', { cookie: A.cookie })).body.waiting.toEvaluate.map((w: any) => w.reply.id)).not.toContain(X.reply)
  })

  it('a correction is shown as one and opens no new round: the resolution answer stays answered', async () => {
    const { proposal, reply } = await toPublishedReply('A的提案：更正测试', '已修复梅园路段路灯十二盏，恢复夜间照明。')
    expect((await portal(`/proposals/${proposal}/resolution`, { method: 'POST', cookie: A.cookie, body: { answer: 'partly' } })).status).toBe(201)
    const fix = await publish({ proposal, class: 'A', text: '更正：已修复梅园路段路灯二十盏，恢复夜间照明。', corrects: reply, correctionNote: '数量由十二盏更正为二十盏' })
    const view = (await portal(`/proposals/${proposal}`, { cookie: A.cookie })).body
    expect(view.replies.map((r: any) => [r.id, r.corrects, r.correctionNote])).toEqual([
      [reply, null, null],
      [fix, reply, '数量由十二盏更正为二十盏'],
    ])
    expect(view.resolutionRound).toBe(1)
    expect(view.resolutionAnswers.map((a: any) => [a.round, a.answer])).toEqual([[1, 'partly']])
    // So the page offers no second answer, and the server agrees.
    expect((await portal(`/proposals/${proposal}/resolution`, { method: 'POST', cookie: A.cookie, body: { answer: 'resolved' } })).status).toBe(400)
  })

  it('each reply says until when it may be evaluated; past that day it no longer waits on the dashboard', async () => {
    const { proposal, reply } = await toPublishedReply('A的提案：评价期限测试')
    const view = (await portal(`/proposals/${proposal}`, { cookie: A.cookie })).body
    const until = view.replies[0].evaluableUntil as string
    expect(until).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    const waiting = (await portal('/proposals', { cookie: A.cookie })).body.waiting.toEvaluate
    expect(waiting.find((w: any) => w.reply.id === reply)?.reply.evaluableUntil).toBe(until)
    // Published long ago: the window (20 working days) has passed.
    await runSQL(databaseURL, `UPDATE replies SET published_at = '2025-01-02T02:00:00.000Z' WHERE id = ${Number(reply)}`)
    const later = (await portal('/proposals', { cookie: A.cookie })).body.waiting.toEvaluate
    expect(later.map((w: any) => w.reply.id)).not.toContain(reply)
    const late = await portal(`/proposals/${proposal}/evaluations`, { method: 'POST', cookie: A.cookie, body: { reply, rating: 'satisfied' } })
    expect(late.status).toBe(400)
    expect(late.body.error.message).toMatch(/评价期限已过/)
  })

  it('a draft is deleted by its proposer, a submitted proposal is not', async () => {
    const made = await must(portal('/proposals', { method: 'POST', cookie: A.cookie, body: { ...draftBody('删除测试'), clientKey: clientKey() } }), 'draft')
    expect((await portal(`/proposals/${made.proposal.id}`, { method: 'DELETE', cookie: A.cookie })).status).toBe(200)
    expect((await portal(`/proposals/${made.proposal.id}`, { cookie: A.cookie })).status).toBe(404)
    expect((await portal(`/proposals/${X.replied}`, { method: 'DELETE', cookie: A.cookie })).status).toBe(409)
  })
})
