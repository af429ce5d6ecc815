// Rules the REST API must keep whoever calls it, over HTTP against the production server: no
// filtering or sorting on what a reader may not read (generated from the Payload config, for every
// collection, field and role), edit locks only by who may edit, co-sign invitees private, malformed
// input answered 400, the reply deadline computed, drafts deleted one at a time by their owner
// (with a record), uploads checked and served safely, control characters dropped at input.
import { beforeAll, describe, expect, inject, it } from 'vitest'
import type { FlattenedField, SanitizedConfig } from 'payload'
import { DemoPassword } from '../../cms/seed/reference'
import { answerOf, apiAs, must, signInWorld, writesAs, type Credential, type WorldPerson } from '../helpers/http'

const base = inject('baseURL')
const world = inject('world')
const scenario = inject('scenario')

const tokens = {} as Record<WorldPerson, Credential | null>
const api = apiAs<WorldPerson>(base, tokens)
const { post, patch } = writesAs(api)
const S = () => world.ref.sections as Record<string, number | string>
const draftBody = (title: string) => ({ title, body: `${title}。请有关部门研究解决。`, category: '其他', residentialArea: world.ref.areas[0] })

/** A refusal as the API gives it: a 4xx with Payload's structured errors and no documents. */
function expectRefused(r: { status: number; json: any; text: string }, label: string) {
  expect(r.status, `${label}: ${r.text.slice(0, 300)}`).toBeGreaterThanOrEqual(400)
  expect(r.status, `${label}: ${r.text.slice(0, 300)}`).toBeLessThan(500)
  expect(r.json?.docs, label).toBeUndefined()
}

/** A malformed request: exactly 400, with a message. */
function expectBadRequest(r: { status: number; json: any; text: string }, label: string) {
  expect(r.status, `${label}: ${r.text.slice(0, 300)}`).toBe(400)
  expect(typeof r.json?.errors?.[0]?.message, label).toBe('string')
  expect(r.json?.docs, label).toBeUndefined()
}

/** Ids made in beforeAll. */
const X = {} as { invited: number | string; invitedDraft: number | string }

beforeAll(async () => {
  Object.assign(tokens, await signInWorld(base, world, DemoPassword))
  // A's screened (so public) proposal with C's invitation still open; A's draft with B invited.
  X.invited = (await must(post('A', '/proposals', draftBody('规则测试：邀请未答复的公开提案')), 'create')).doc.id
  await must(post('A', '/co-sign-invitations', { proposal: X.invited, representative: world.reps.C.id }), 'invite C')
  await must(patch('A', `/proposals/${X.invited}`, { status: 'submitted' }), 'submit')
  await must(patch('office', `/proposals/${X.invited}`, { status: 'accepted', screening: { decision: 'accepted', reason: '予以立案' } }), 'screen')
  X.invitedDraft = (await must(post('A', '/proposals', draftBody('规则测试：邀请B的草稿')), 'create')).doc.id
  await must(post('A', '/co-sign-invitations', { proposal: X.invitedDraft, representative: world.reps.B.id }), 'invite B')
})

// ─────────────── hidden fields are neither filtered nor sorted on (generated) ───────────────

/**
 * A field path of a collection, as the REST API spells it (`group.field`, `array.field`). Joins
 * are left out (their rows obey the joined collection's own read access), and so are virtual
 * fields (Payload refuses queries on them for everyone).
 */
function fieldPaths(fields: FlattenedField[], prefix = ''): string[] {
  const out: string[] = []
  for (const f of fields) {
    if (f.type === 'join' || f.type === 'blocks' || ('virtual' in f && f.virtual)) continue
    if ((f.type === 'group' || f.type === 'array' || f.type === 'tab') && 'flattenedFields' in f) out.push(...fieldPaths(f.flattenedFields, `${prefix}${f.name}.`))
    else out.push(`${prefix}${f.name}`)
  }
  return out
}

/** For one document: per row of the path, whether the key is there and its value (arrays give one entry per row). */
function at(doc: any, path: string): { present: boolean; value: unknown }[] {
  let nodes: any[] = [doc]
  const segments = path.split('.')
  for (let i = 0; i < segments.length; i++) {
    const key = segments[i]!
    const last = i === segments.length - 1
    const next: any[] = []
    for (const n of nodes) {
      if (n == null || typeof n !== 'object') continue
      if (last) next.push({ present: key in n, value: n[key] })
      else if (Array.isArray(n[key])) next.push(...n[key])
      else if (key in n) next.push(n[key])
      else next.push(undefined) // the parent itself is hidden: so is the field
    }
    nodes = next
  }
  return nodes.map((n) => (n && typeof n === 'object' && 'present' in n ? n : { present: false, value: undefined }))
}
const hasValue = (v: unknown) => v != null && v !== '' && !(Array.isArray(v) && v.length === 0)

const Readers: WorldPerson[] = ['public', 'A', 'B', 'office', 'leader', 'sectionStaff', 'sectionHead', 'admin']

/**
 * Left out of every read as internal, not as private: whoever reads the document may query it,
 * and it tells them nothing they do not read. The sort key of 当前期限 (`undated`) says only
 * whether `currentDue`, which every reader of the proposal reads, is empty (cms/lib/derived.ts).
 */
const InternalKeys = new Set(['proposals.undated'])
const pathsOf = (c: { slug: string; flattenedFields: FlattenedField[] }) => fieldPaths(c.flattenedFields).filter((p) => !InternalKeys.has(`${c.slug}.${p}`))

describe('a field a reader may not read can be neither filtered nor sorted on', () => {
  /**
   * What "may not read" means here, soundly: GET the list as the reader; a field is hidden from
   * them when it is missing from at least one returned document while the admin sees a value
   * there (so a filter on it would tell the reader something they cannot read). A field seen in
   * one document and not in another (one's own phone number, not others') counts as hidden: a
   * filter runs over all documents. The admin's view of the same documents is the witness.
   */
  it('is refused for every collection, field path (groups, arrays, relationships one hop) and role', { timeout: 600_000 }, async () => {
    const config: SanitizedConfig = await (await import('../../cms/payload.config')).default
    const collections = config.collections.filter((c) => !['payload-migrations', 'payload-jobs'].includes(c.slug))
    const list = async (who: WorldPerson, slug: string) => {
      const r = await api(who, `/${slug}?limit=100&depth=0`)
      return r.status === 200 ? (r.json.docs as any[]) : null
    }
    const adminDocs = new Map<string, Map<string, any>>()
    for (const c of collections) adminDocs.set(c.slug, new Map((await list('admin', c.slug))?.map((d) => [String(d.id), d]) ?? []))

    const cases: { who: WorldPerson; slug: string; path: string; nested?: boolean }[] = []
    const witnessed = new Set<string>()
    for (const who of Readers) {
      // Per collection the reader can list: its hidden paths, each with whether a value was witnessed.
      const hidden = new Map<string, Map<string, boolean>>()
      const unreadable = new Set<string>()
      for (const c of collections) {
        const docs = await list(who, c.slug)
        if (docs === null) {
          unreadable.add(c.slug)
          continue
        }
        const paths = new Map<string, boolean>()
        for (const path of pathsOf(c)) {
          let missing = false
          let witness = false
          for (const d of docs) {
            const rows = at(d, path)
            const full = at(adminDocs.get(c.slug)!.get(String(d.id)) ?? {}, path)
            rows.forEach((row, i) => {
              if (row.present) return
              missing = true
              if (hasValue(full[i]?.value)) witness = true
            })
          }
          if (missing) paths.set(path, witness)
        }
        hidden.set(c.slug, paths)
      }
      for (const c of collections) {
        const own = hidden.get(c.slug)
        if (!own) continue
        for (const [path, w] of own) {
          cases.push({ who, slug: c.slug, path })
          if (w) witnessed.add(`${who} ${c.slug} ${path}`)
        }
        // One relationship hop: a field hidden in the related collection (or all of it, unreadable there).
        for (const f of c.flattenedFields) {
          if ((f.type !== 'relationship' && f.type !== 'upload') || typeof f.relationTo !== 'string' || ('virtual' in f && f.virtual)) continue
          if (own.has(f.name)) continue
          const related = config.collections.find((r) => r.slug === f.relationTo)!
          const relatedHidden = unreadable.has(related.slug) ? pathsOf(related) : [...(hidden.get(related.slug)?.keys() ?? [])]
          for (const p of relatedHidden) cases.push({ who, slug: c.slug, path: `${f.name}.${p}`, nested: true })
        }
      }
    }

    // The test proves something only if the hidden values exist in what the readers got.
    for (const w of [
      'A representatives updatedAt',
      'B representatives createdAt',
      'A representatives phone',
      'B representatives idNumber',
      'sectionStaff representatives address',
      'public proposals invitees',
      'B proposals invitees',
      'leader proposals internalNotes',
      'leader proposals confidentialReason',
      'sectionHead proposals internalNotes',
    ])
      expect(witnessed, `witnessed: ${w}`).toContain(w)
    expect(cases.length).toBeGreaterThan(200)

    const leaks: string[] = []
    for (const { who, slug, path, nested } of cases) {
      // Through a relationship: one filter and one sort each (the or-nesting and descending sort are checked on the direct paths).
      const queries = nested ? [`where[${path}][exists]=true`, `sort=${path}`] : [`where[${path}][exists]=true`, `where[or][0][${path}][exists]=true`, `sort=${path}`, `sort=-${path}`]
      for (const query of queries) {
        const r = await api(who, `/${slug}?${query}&depth=0&limit=5`)
        if (!(r.status >= 400 && r.status < 500) || r.json?.docs) leaks.push(`${who} GET /${slug}?${query} → ${r.status}`)
      }
    }
    expect(leaks).toEqual([])
  })
})

// ───────────────────────────────── edit locks ─────────────────────────────────

describe('edit locks: only someone who may update the document may lock it', () => {
  const lock = (who: WorldPerson, value: number | string, user: WorldPerson) =>
    post(who, '/payload-locked-documents', { document: { relationTo: 'proposals', value }, user: { relationTo: 'users', value: (world.staff as any)[user]?.id ?? (world as any)[user]?.id } })

  it('section staff cannot lock another section’s proposal and so block the office (423)', async () => {
    const r = await lock('sectionStaff', scenario.atFangguan, 'sectionStaff')
    expect(r.status).toBe(403)
    expect((await patch('office', `/proposals/${scenario.atFangguan}`, { internalNotes: 'PRIVATE-INTERNAL-NOTE-4' })).status).toBe(200)
  })

  it('a lock cannot be moved onto a document one may not edit, nor removed by someone else who may not', async () => {
    const mine = await must(lock('sectionStaff', scenario.inProgress, 'sectionStaff'), 'lock own section’s proposal')
    expect((await patch('sectionStaff', `/payload-locked-documents/${mine.doc.id}`, { document: { relationTo: 'proposals', value: scenario.atFangguan } })).status).toBe(403)
    expect((await api('otherHead', `/payload-locked-documents/${mine.doc.id}`, { method: 'DELETE' })).status).toBe(403)
    expect((await api('sectionStaff', `/payload-locked-documents/${mine.doc.id}`, { method: 'DELETE' })).status).toBe(200)
  })

  it('removing or changing locks by `where` reaches only one’s own (leaving a document releases one’s lock so)', async () => {
    const mine = await must(lock('sectionStaff', scenario.inProgress, 'sectionStaff'), 'lock own section’s proposal')
    const byWhere = `/payload-locked-documents?where[id][equals]=${mine.doc.id}`
    await api('otherHead', byWhere, { method: 'DELETE' })
    await api('office', byWhere, { method: 'DELETE' })
    await patch('office', byWhere, { user: { relationTo: 'users', value: world.staff.office.id } })
    const still = await api('sectionStaff', `/payload-locked-documents/${mine.doc.id}?depth=0`)
    expect(still.status).toBe(200)
    expect(still.json.user.value).toBe(world.staff.sectionStaff.id)
    expect((await api('sectionStaff', byWhere, { method: 'DELETE' })).status).toBe(200)
    expect((await api('sectionStaff', `/payload-locked-documents/${mine.doc.id}`)).status).toBe(404)
  })

  it('the office locks, takes over and removes locks on what it edits', async () => {
    const l = await must(lock('office', scenario.atFangguan, 'office'), 'office lock')
    expect((await patch('office', `/payload-locked-documents/${l.doc.id}`, { user: { relationTo: 'users', value: world.staff.office.id } })).status).toBe(200)
    expect((await api('office', `/payload-locked-documents/${l.doc.id}`, { method: 'DELETE' })).status).toBe(200)
  })
})

// ───────────────────────────────── co-sign invitees ─────────────────────────────────

describe('pending co-sign invitees are not public', () => {
  it('the public and unrelated representatives do not see them; the proposer, the invitee and staff do', async () => {
    const seen = async (who: WorldPerson) => (await api(who, `/proposals/${X.invited}?depth=0`)).json
    expect(await seen('public')).not.toHaveProperty('invitees')
    expect(await seen('B')).not.toHaveProperty('invitees')
    expect((await api('public', `/proposals?where[id][equals]=${X.invited}&depth=0`)).json.docs[0]).not.toHaveProperty('invitees')
    for (const who of ['A', 'C', 'office', 'leader'] as WorldPerson[]) expect((await seen(who)).invitees.map(String), who).toEqual([String(world.reps.C.id)])
    expectRefused(await api('public', `/proposals?where[invitees][in]=${world.reps.C.id}&depth=0`), 'public filter on invitees')
  })

  it('an invitee still reads the draft they are invited to (the access query uses the field internally)', async () => {
    const r = await api('B', `/proposals/${X.invitedDraft}?depth=0`)
    expect(r.status).toBe(200)
    expect(r.json.title).toBe('规则测试：邀请B的草稿')
    expect((await api('B', '/proposals?where[status][equals]=draft&depth=0')).json.docs.map((d: any) => String(d.id))).toContain(String(X.invitedDraft))
  })
})

// ───────────────────────────────── malformed input ─────────────────────────────────

describe('malformed input answers 400 with a structured error, never 500', () => {
  it.each<[string, WorldPerson, string, RequestInit?]>([
    ['a non-numeric id', 'office', '/proposals/abc'],
    ['an id out of range', 'office', '/proposals/99999999999'],
    ['a non-numeric id on update', 'office', '/proposals/abc', { method: 'PATCH', body: '{}' }],
    ['a non-numeric id on delete', 'office', '/proposals/abc', { method: 'DELETE' }],
    ['a bad date in where', 'office', '/proposals?where[submittedAt][greater_than]=not-a-date'],
    ['a bad id in an in-list', 'office', '/proposals?where[id][in]=1,x'],
    ['a bad relationship id', 'public', '/proposals?where[residentialArea][equals]=x'],
    ['a bad number', 'public', '/sessions?where[year][equals]=abc'],
    ['an unknown select value', 'public', '/proposals?where[status][equals]=nope'],
    ['an object where a value goes', 'public', '/proposals?where[title][equals][x]=1'],
    ['near on a text field', 'public', '/proposals?where[title][near]=1,2'],
    ['an unknown operator', 'public', '/proposals?where[title][nope]=1'],
    ['an unknown sort field', 'public', '/proposals?sort=nosuchfield'],
    ['depth=abc', 'public', '/proposals?depth=abc'],
    ['page=-1', 'public', '/proposals?page=-1'],
    ['limit=-5', 'public', '/proposals?limit=-5'],
    ['a bad JSON body', 'office', '/proposals', { method: 'POST', body: '{"title": "x",' }],
    ['where given as a string that is not JSON', 'public', '/proposals?where=notjson'],
  ])('%s', async (label, who, path, init) => {
    expectBadRequest(await api(who, path, init), label)
  })
})

describe('invalid %-encoding in the address', () => {
  it.each([
    ['in the query', '/proposals?where[number][like]=%E0%A4%A&depth=0'],
    ['in the path', '/proposals/%E0%A4%A'],
    ['a lone %', '/proposals?where[number][like]=50%&depth=0'],
  ])('%s: a structured 400, not a 500 or a lenient answer', async (_label, path) => {
    const r = await api('public', path)
    expect(r.status).toBe(400)
    expect(r.json.errors[0].message).toContain('编码无效')
  })
})

// ───────────────────────────────── reply deadline ─────────────────────────────────

describe('the reply deadline is computed at 交办 (the leader’s 批示) and moves only by an approved extension', () => {
  it('the office cannot set it, not at assignment and not afterwards', async () => {
    const before = (await api('office', `/proposals/${scenario.atFangguan}?depth=0`)).json.assignment.deadline
    expect(before).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    await patch('office', `/proposals/${scenario.atFangguan}`, { assignment: { leadSection: S().fangguan, deadline: '2099-12-31' } })
    expect((await api('office', `/proposals/${scenario.atFangguan}?depth=0`)).json.assignment.deadline).toBe(before)
    // Bulk PATCH does not get round it either.
    await patch('office', `/proposals?where[id][equals]=${scenario.atFangguan}`, { assignment: { deadline: '2099-12-31' } })
    expect((await api('office', `/proposals/${scenario.atFangguan}?depth=0`)).json.assignment.deadline).toBe(before)

    const id = (await must(post('A', '/proposals', { ...draftBody('规则测试：交办期限'), status: 'submitted' }), 'submit')).doc.id
    await must(patch('office', `/proposals/${id}`, { status: 'accepted', screening: { decision: 'accepted', reason: '予以立案' } }), 'accept')
    await must(patch('office', `/proposals/${id}`, { assignment: { leadSection: S().fangguan, deadline: '2099-12-31', assignedAt: '2020-01-01T00:00:00.000Z' } }), 'propose the lead section')
    // Only proposed (拟办): not 交办 yet, so no deadline and no 交办 time, whatever the body said.
    const proposed = (await api('office', `/proposals/${id}?depth=0`)).json.assignment
    expect([proposed.deadline ?? null, proposed.assignedAt ?? null]).toEqual([null, null])
    // The leader's 批示 is the 交办: on the same (injected) day as the scenario's item, the same computed deadline.
    await must(patch('leader', `/proposals/${id}`, { newInstruction: '请房管办按期答复。', assignment: { leadSection: S().fangguan, deadline: '2099-12-31' } }), 'instruct')
    const assigned = (await api('office', `/proposals/${id}?depth=0`)).json
    expect(assigned.status).toBe('instructed')
    expect(assigned.assignment.deadline).toBe(before)
  })
})

// ───────────────────────────────── deleting drafts ─────────────────────────────────

describe('drafts are deleted one at a time, by their owner, with a record', () => {
  it('a DELETE with a query is refused (zh-CN), and deletes nothing', async () => {
    for (const who of ['office', 'A'] as WorldPerson[]) {
      const r = await api(who, '/proposals?where[id][exists]=true', { method: 'DELETE' })
      expectBadRequest(r, `${who} bulk delete`)
      expect(r.json.errors[0].message).toMatch(/逐件删除/)
    }
    expect((await api('A', `/proposals/${scenario.draft}?depth=0`)).status).toBe(200)
  })

  it('the office may not delete a representative’s draft, only a paper proposal it entered', async () => {
    expect((await api('office', `/proposals/${scenario.draft}`, { method: 'DELETE' })).status).toBe(403)
    expect((await api('A', `/proposals/${scenario.draft}?depth=0`)).status).toBe(200)
    const paper = (await must(post('office', '/proposals', { ...draftBody('规则测试：纸质提案录入'), proposer: world.reps.C.id }), 'paper entry')).doc.id
    expect((await api('office', `/proposals/${paper}`, { method: 'DELETE' })).status).toBe(200)
  })

  it('deleting one’s own draft leaves a line in the audit log (office and admin read it)', async () => {
    const id = (await must(post('A', '/proposals', draftBody('规则测试：删除的草稿')), 'draft')).doc.id
    expect((await api('A', `/proposals/${id}`, { method: 'DELETE' })).status).toBe(200)
    expect((await api('office', `/proposals/${id}`)).status).toBe(404)
    const log = await must(api('office', '/audit-log?where[kind][equals]=draftDeleted&depth=0'), 'audit log')
    const line = log.docs.find((d: any) => d.summary.includes('规则测试：删除的草稿'))
    expect(line).toBeTruthy()
    expect(String(line.actorRepresentative)).toBe(String(world.reps.A.id))
    expect(String(line.subjectRepresentative)).toBe(String(world.reps.A.id))
    expect((await api('A', '/audit-log')).status).toBe(403)
  })
})

// ───────────────────────────────── uploads ─────────────────────────────────

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c63f8cfc0f01f00050001ff89993d1d0000000049454e44ae426082', 'hex')

/** Payload's REST upload: the file and the other fields as `_payload`, from the site's origin with A's session. */
async function upload(who: WorldPerson, data: Uint8Array, name: string, type: string, proposal: number | string) {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(data)], { type }), name)
  form.append('_payload', JSON.stringify({ proposal }))
  return answerOf(await fetch(`${base}/api/attachments`, { method: 'POST', headers: { origin: base, ...tokens[who] }, body: form }))
}

describe('attachments over REST get the portal’s checks, and are served safely', () => {
  /** A's own draft, made here (other tests may delete drafts). */
  let draft: number | string
  beforeAll(async () => {
    draft = (await must(post('A', '/proposals', draftBody('规则测试：附件')), 'draft')).doc.id
  })

  it('a PNG-headed HTML file is refused whatever its name; a mismatched extension is refused', async () => {
    const poly = Buffer.concat([PNG.subarray(0, 8), Buffer.from('<html><script>alert(document.cookie)</script></html>')])
    for (const [name, type] of [['poly.html', 'text/html'], ['poly.png', 'image/png']]) expectRefused(await upload('A', poly, name, type, draft), name)
    expectRefused(await upload('A', PNG, 'photo.html', 'image/png', draft), 'png named .html')
    expectRefused(await upload('A', Buffer.from('just text'), 'notes.pdf', 'application/pdf', draft), 'text named .pdf')
    const list = await must(api('A', `/attachments?where[proposal][equals]=${draft}&depth=0`), 'list')
    expect(list.docs).toHaveLength(0)
    // The same path takes a real image: the refusals above were about the files.
    expect((await upload('A', PNG, 'photo.png', 'image/png', draft)).status).toBe(201)
  })

  it('an image is served inline, a PDF as a download, both with nosniff and a sandbox CSP', async () => {
    const img = await upload('A', PNG, 'photo.png', 'image/png', draft)
    expect(img.status, img.text).toBe(201)
    const pdf = await upload('A', Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\nxref\n0 1\ntrailer <<>>\nstartxref\n9\n%%EOF\n'), 'letter.pdf', 'application/pdf', draft)
    expect(pdf.status, pdf.text).toBe(201)
    const get = (url: string) => fetch(new URL(url, base), { headers: { ...tokens.A } })
    const i = await get(img.json.doc.url)
    expect(i.status).toBe(200)
    expect(i.headers.get('content-type')).toBe('image/png')
    expect(i.headers.get('x-content-type-options')).toBe('nosniff')
    expect(i.headers.get('content-security-policy')).toMatch(/sandbox/)
    expect(i.headers.get('content-disposition')).toMatch(/^inline/)
    const p = await get(pdf.json.doc.url)
    expect(p.status).toBe(200)
    expect(p.headers.get('x-content-type-options')).toBe('nosniff')
    expect(p.headers.get('content-security-policy')).toMatch(/sandbox/)
    expect(p.headers.get('content-disposition')).toMatch(/^attachment/)
  })
})

// ───────────────────────────────── control characters ─────────────────────────────────

describe('control characters are dropped from every text field at input', () => {
  it('titles, texts and nested texts', async () => {
    const made = await must(post('A', '/proposals', { ...draftBody('x'), title: '控制\u0008字符\u001b[31m标题', body: '第一行\r\n第二行\u0007\t缩进' }), 'draft')
    expect(made.doc.title).toBe('控制字符[31m标题')
    expect(made.doc.body).toBe('第一行\n第二行\t缩进')
    await must(patch('A', `/proposals/${made.doc.id}`, { status: 'submitted' }), 'submit')
    const screened = await must(patch('office', `/proposals/${made.doc.id}`, { status: 'notAccepted', screening: { decision: 'notAccepted', reason: '不属\u0000于\u007f职责' } }), 'screen')
    expect(screened.doc.screening.reason).toBe('不属于职责')
  })
})

// ───────────────────────────────── creating where one may not ─────────────────────────────────

describe('新建 only where the role may create: the admin is told so, and a create elsewhere is 403 with nothing made', () => {
  const staffRoles = ['admin', 'office', 'leader', 'sectionStaff', 'sectionHead'] as const
  /** What the admin offers each role (Payload's /api/access, which decides its 新建 and "+"). */
  const Offered: Record<string, (typeof staffRoles)[number][]> = {
    proposals: ['office'],
    instructions: ['leader'],
    replies: ['office', 'sectionStaff', 'sectionHead'],
    'co-opinions': ['sectionStaff', 'sectionHead'],
    'follow-ups': ['office'],
    evaluations: ['office'],
    'extension-requests': [],
    users: ['admin'],
  }

  it('the admin offers 新建 to each role only where it may create', async () => {
    for (const role of staffRoles) {
      const access = await must(api(role, '/access'), `access ${role}`)
      for (const [collection, who] of Object.entries(Offered)) expect(!!access.collections?.[collection]?.create, `${collection}, ${role}`).toBe(who.includes(role))
    }
  })

  /** How many records the collection holds (the admin reads every one of these). */
  const count = async (collection: string) => (await must(api('admin', `/${collection}?limit=1&depth=0`), `count ${collection}`)).totalDocs as number

  it.each<[WorldPerson, string, () => Record<string, unknown>]>([
    ['leader', 'proposals', () => ({ ...draftBody('规则测试：领导新建提案'), proposer: world.reps.A.id })],
    ['admin', 'proposals', () => ({ ...draftBody('规则测试：管理员新建提案'), proposer: world.reps.A.id })],
    ['sectionStaff', 'instructions', () => ({ proposal: scenario.inProgress, text: '科室不能批示。' })],
    ['office', 'co-opinions', () => ({ proposal: scenario.inProgress, section: S().lvhua, text: '代表工作室不能提协办意见。' })],
    ['leader', 'replies', () => ({ proposal: scenario.inProgress, class: 'A', text: '领导不能起草答复，这段文字不应保存。' })],
    ['sectionHead', 'follow-ups', () => ({ proposal: scenario.inProgress, kind: 'visit', notes: '科室不能记录回访。' })],
    ['sectionStaff', 'representatives', () => ({ username: 'rule-rep', name: '规则测试代表', password: DemoPassword, residentialArea: world.ref.areas[0] })],
    ['office', 'users', () => ({ email: 'rule@test.local', name: '规则测试', role: 'office', password: DemoPassword })],
  ])('%s creating in %s: 403, nothing made', async (who, collection, body) => {
    const before = await count(collection)
    const r = await post(who, `/${collection}`, body())
    expect(r.status, r.text.slice(0, 300)).toBe(403)
    expect(r.json?.doc).toBeUndefined()
    expect(await count(collection)).toBe(before)
  })
})
