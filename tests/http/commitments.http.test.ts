// 承诺台账 over REST against the production server: the ledger is read by staff who may read the
// proposal and by nobody else, and written by nobody — every path an attacker might take (create,
// update and delete by id and in bulk by query, duplicate, versions, edit locks) is refused and
// changes nothing; the rows follow a verification made over REST; 导出 Excel gives each reader
// the rows they may read, and nobody else a file.
import ExcelJS from 'exceljs'
import { beforeAll, describe, expect, inject, it } from 'vitest'
import { CommitmentColumns } from '../../core/spreadsheet'
import { DemoPassword } from '../../cms/seed/reference'
import type { Commitment } from '../../cms/payload-types'
import { apiAs, must, signInWorld, writesAs, type ApiResponse, type Credential, type WorldPerson } from '../helpers/http'

const base = inject('baseURL')
const world = inject('world')
const scenario = inject('scenario')

const tokens = {} as Record<WorldPerson, Credential | null>
const api = apiAs<WorldPerson>(base, tokens)
const { post, patch } = writesAs(api)

/** The scenario's proposal in progress at 城管分队 (co-section 绿化办), A's, co-signed by B. */
const P = () => scenario.inProgress
const Staff: WorldPerson[] = ['admin', 'office', 'leader', 'sectionStaff', 'sectionHead', 'coStaff', 'otherHead']
const Outsiders: WorldPerson[] = ['A', 'B', 'C', 'public']

/** A 4xx that returns no document. */
function expectRefused(r: ApiResponse, label: string) {
  expect(r.status, `${label}: ${r.text.slice(0, 300)}`).toBeGreaterThanOrEqual(400)
  expect(r.status, `${label}: ${r.text.slice(0, 300)}`).toBeLessThan(500)
  expect(r.json?.doc, label).toBeUndefined()
  expect(r.json?.docs ?? [], label).toEqual([])
}

/** The ledger as the office reads it: the proposal's rows, by id. */
const rows = async (): Promise<Commitment[]> => (await must(api('office', `/commitments?where[proposal][equals]=${P()}&depth=0&sort=id&limit=50`), 'ledger')).docs

let c1: string
let c2: string
let row1: Commitment

beforeAll(async () => {
  Object.assign(tokens, await signInWorld(base, world, DemoPassword))
  // A B reply with two commitments, through the real steps: the co-section's opinion, the draft, 签发, 公开.
  await must(post('coStaff', '/co-opinions', { proposal: P(), text: '绿化办同意配合整治。' }), 'co-opinion')
  const r = (await must(post('sectionStaff', '/replies?depth=0', { proposal: P(), class: 'B', text: '已联合市场监管所开展整治，分两步完成。', commitments: [{ text: '月底前设置隔离护栏', dueDate: '2026-03-31' }, { text: '四月底前划定临时摊位', dueDate: '2026-04-30' }] }), 'draft')).doc
  await must(patch('sectionHead', `/replies/${r.id}`, { signOff: true }), 'sign off')
  const published = (await must(patch('office', `/replies/${r.id}?depth=0`, { publish: true }), 'publish')).doc
  ;[c1, c2] = published.commitments.map((c: { id: string }) => String(c.id))
  row1 = (await rows())[0]!
})

describe('reading (GET /api/commitments)', () => {
  it('the ledger holds the published reply’s commitments, 待兑现, with their dates', async () => {
    expect((await rows()).map((d) => [d.commitmentId, d.text, d.dueDate, d.state])).toEqual([
      [c1, '月底前设置隔离护栏', '2026-03-31', 'open'],
      [c2, '四月底前划定临时摊位', '2026-04-30', 'open'],
    ])
  })

  it.each<[WorldPerson, number]>([
    ['admin', 2],
    ['office', 2],
    ['leader', 2],
    ['sectionStaff', 2],
    ['sectionHead', 2],
    ['coStaff', 2],
    ['otherHead', 0],
  ])('%s reads %i of the proposal’s rows', async (who, n) => {
    expect((await must(api(who, `/commitments?where[proposal][equals]=${P()}&depth=0`), who)).totalDocs).toBe(n)
    const one = await api(who, `/commitments/${row1.id}?depth=0`)
    if (n) expect(one.status, who).toBe(200)
    else expectRefused(one, `${who} by id`)
  })

  it.each(Outsiders)('%s reads no row: not the list, not one by id, not through depth', async (who) => {
    expectRefused(await api(who, '/commitments?depth=0'), `${who} list`)
    expectRefused(await api(who, `/commitments/${row1.id}?depth=0`), `${who} by id`)
    expectRefused(await api(who, '/commitments/versions?depth=0'), `${who} versions`)
  })

  it('nobody reads versions (there are none to read)', async () => {
    for (const who of Staff) expectRefused(await api(who, '/commitments/versions?depth=0'), `${who} versions`)
  })
})

describe('writing: nobody, by any path', () => {
  const forged = () => ({ proposal: P(), reply: row1.reply, commitmentId: 'forged', text: '伪造的承诺', dueDate: '2026-12-31', state: 'kept', round: 1, replyClass: 'B', publishedAt: '2026-03-02T02:00:00.000Z' })

  it.each([...Staff, ...Outsiders])('%s cannot create, update, delete, duplicate or lock, one by one or in bulk; nothing changes', async (who) => {
    const before = await rows()
    expectRefused(await post(who, '/commitments', forged()), `${who} create`)
    expectRefused(await patch(who, `/commitments/${row1.id}`, { state: 'kept', dueDate: '2099-01-01' }), `${who} update`)
    expectRefused(await patch(who, `/commitments?where[proposal][equals]=${P()}`, { state: 'kept' }), `${who} bulk update`)
    expectRefused(await api(who, `/commitments/${row1.id}`, { method: 'DELETE' }), `${who} delete`)
    expectRefused(await api(who, `/commitments?where[id][exists]=true`, { method: 'DELETE' }), `${who} bulk delete`)
    expectRefused(await post(who, `/commitments/${row1.id}/duplicate`, { state: 'kept' }), `${who} duplicate`)
    const lockHolder = world.staff[who as 'office'] ?? world.staff.office
    expectRefused(await post(who, '/payload-locked-documents', { document: { relationTo: 'commitments', value: row1.id }, user: { relationTo: 'users', value: lockHolder.id } }), `${who} lock`)
    expect(await rows()).toEqual(before)
  })
})

describe('kept in step with what is done over REST', () => {
  it('a verification, then its correction, move the row in the same request', async () => {
    const check = (await must(post('office', '/follow-ups?depth=0', { proposal: P(), kind: 'verification', notes: '现场查看，护栏已设置。', commitmentId: c1, verified: true }), 'verify')).doc
    expect((await rows()).map((d) => [d.state, !!d.corrected, String(d.standing)])).toEqual([
      ['kept', false, String(check.id)],
      ['open', false, 'null'],
    ])
    await must(post('office', '/follow-ups?depth=0', { proposal: P(), kind: 'verification', notes: '复查：护栏只设置了一半。', commitmentId: c1, verified: false, corrects: check.id, correctionNote: '误记为已兑现' }), 'correct')
    expect((await rows()).map((d) => [d.state, !!d.corrected])).toEqual([
      ['unkept', true],
      ['open', false],
    ])
  })
})

describe('导出 Excel (GET /api/commitments/export.xlsx)', () => {
  async function exportAs(who: WorldPerson, query = '') {
    const r = await fetch(`${base}/api/commitments/export.xlsx${query ? `?${query}` : ''}`, { headers: { ...tokens[who] } })
    const type = r.headers.get('content-type') ?? ''
    const bytes = Buffer.from(await r.arrayBuffer())
    if (!type.includes('spreadsheetml')) return { status: r.status, json: JSON.parse(bytes.toString('utf8')), rows: [] as ExcelJS.CellValue[][], disposition: null }
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
    const rows: ExcelJS.CellValue[][] = []
    workbook.worksheets[0]!.eachRow((row) => rows.push((row.values as ExcelJS.CellValue[]).slice(1)))
    return { status: r.status, json: null, rows, disposition: r.headers.get('content-disposition') }
  }

  it('gives the office the filtered ledger: zh-CN headers, one row per commitment, states and dates in words', async () => {
    const e = await exportAs('office', `where[proposal][equals]=${P()}`)
    expect(e.status).toBe(200)
    expect(e.disposition).toBe(`attachment; filename="commitments-2026-03-02.xlsx"; filename*=UTF-8''${encodeURIComponent('承诺台账-2026-03-02.xlsx')}`)
    const [headers, ...body] = e.rows
    expect(headers).toEqual(CommitmentColumns.map((c) => c.header))
    const at = (row: ExcelJS.CellValue[], h: string) => row[headers!.indexOf(h)] ?? null
    expect(body.map((r) => [at(r, '承诺事项'), at(r, '承诺科室'), at(r, '状态'), at(r, '到期情况')])).toEqual([
      ['月底前设置隔离护栏', '城管分队', '未兑现（验证记录经更正）', '剩 21 个工作日'],
      // 3 March – 30 April: 21 + 22 working days, less 清明 (6 April).
      ['四月底前划定临时摊位', '城管分队', '待兑现', '剩 42 个工作日'],
    ])
  })

  it('gives a section what it may read (another section: no rows), and nobody else a file', async () => {
    expect((await exportAs('coStaff', `where[proposal][equals]=${P()}`)).rows).toHaveLength(3)
    expect((await exportAs('otherHead', `where[proposal][equals]=${P()}`)).rows).toHaveLength(1)
    for (const who of Outsiders) expect((await exportAs(who)).status, who).toBe(403)
  })
})
