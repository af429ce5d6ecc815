// 导出 Excel over HTTP against the real production server: the file is parsed back with exceljs
// and compared with what the REST list gives the same person for the same query.
import ExcelJS from 'exceljs'
import { beforeAll, describe, expect, inject, it } from 'vitest'
import { ProposalColumns, ReplyColumns } from '../../core/spreadsheet'
import { DemoPassword } from '../../cms/seed/reference'
import { apiAs, must, signInWorld, writesAs, type Credential, type WorldPerson } from '../helpers/http'

const base = inject('baseURL')
const world = inject('world')
const scenario = inject('scenario')

type Who = WorldPerson
const tokens = {} as Record<Who, Credential | null>
const api = apiAs<Who>(base, tokens)
const { post } = writesAs(api)

beforeAll(async () => {
  Object.assign(tokens, await signInWorld(base, world, DemoPassword))
})

interface Exported {
  status: number
  type: string | null
  disposition: string | null
  json: { errors: { code?: string; message: string }[] } | null
  /** Row 1 (headers), then one array of cell values per record. */
  rows: ExcelJS.CellValue[][]
}

async function exportAs(who: Who, collection: 'proposals' | 'replies', query = ''): Promise<Exported> {
  const r = await fetch(`${base}/api/${collection}/export.xlsx${query ? `?${query}` : ''}`, { headers: { ...tokens[who] } })
  const type = r.headers.get('content-type')
  const out: Exported = { status: r.status, type, disposition: r.headers.get('content-disposition'), json: null, rows: [] }
  const bytes = Buffer.from(await r.arrayBuffer())
  if (!type?.includes('spreadsheetml')) {
    out.json = JSON.parse(bytes.toString('utf8'))
    return out
  }
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
  workbook.worksheets[0].eachRow((row) => out.rows.push((row.values as ExcelJS.CellValue[]).slice(1)))
  return out
}

/** The REST list's totalDocs for the same query, as the same person. */
const listTotal = async (who: Who, collection: string, query = '') => (await must(api(who, `/${collection}?limit=1&depth=0${query ? `&${query}` : ''}`), `${who} lists ${collection}`)).totalDocs as number

/** A cell by its column's header; an empty cell is null. */
const cell = (e: Exported, row: ExcelJS.CellValue[], header: string) => row[e.rows[0].indexOf(header)] ?? null
const localDay = (v: ExcelJS.CellValue) => (v instanceof Date ? v.toISOString().slice(0, 10) : v)
const everyCell = (e: Exported) => e.rows.flat().map((v) => (v instanceof Date ? v.toISOString() : String(v ?? ''))).join('\n')

const handling = 'where[status][in]=inProgress,instructed'

describe('GET /api/proposals/export.xlsx', () => {
  it('gives the office the filtered list: zh-CN headers, one row per proposal the REST list counts, the known values', async () => {
    const e = await exportAs('office', 'proposals', handling)
    expect(e.status).toBe(200)
    expect(e.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    expect(e.disposition).toBe(`attachment; filename="proposals-2026-03-02.xlsx"; filename*=UTF-8''${encodeURIComponent('提案清单-2026-03-02.xlsx')}`)
    expect(e.rows[0]).toEqual(ProposalColumns.map((c) => c.header))
    const total = await listTotal('office', 'proposals', handling)
    expect(total).toBe(2)
    expect(e.rows.length - 1).toBe(total)

    const p1 = e.rows.find((r) => cell(e, r, '标题') === '梅园路菜场门口占道经营严重')!
    expect(p1).toBeDefined()
    expect({
      number: cell(e, p1, '编号'),
      proposer: cell(e, p1, '提案人'),
      coSigners: cell(e, p1, '附议代表'),
      area: cell(e, p1, '居民区'),
      category: cell(e, p1, '类别'),
      status: cell(e, p1, '办理状态'),
      lead: cell(e, p1, '主办科室'),
      co: cell(e, p1, '协办科室'),
      session: cell(e, p1, '届次'),
      stage: cell(e, p1, '当前环节'),
      left: cell(e, p1, '剩余或逾期工作日'),
      screening: cell(e, p1, '甄别结论'),
    }).toEqual({
      number: expect.stringMatching(/^2026-\d{3}$/),
      proposer: '张桂英',
      coSigners: '刘德明',
      area: '梅园居民区',
      category: '城市管理',
      status: '办理中',
      lead: '城管分队',
      co: '绿化办',
      session: '2026年度居民代表会议',
      stage: '答复',
      // 2026-03-02 (Mon) to 2026-04-02 (Thu): 23 working days.
      left: '剩 23 个工作日',
      screening: '立案',
    })
    // China-local dates (the whole scenario happened on 2026-03-02 at 10:00 China time).
    const dates = Object.fromEntries(['提交日期', '甄别期限', '甄别日期', '批示期限', '批示日期', '答复期限', '答复日期', '当前期限'].map((h) => [h, localDay(cell(e, p1, h))]))
    expect(dates).toEqual({ 提交日期: '2026-03-02', 甄别期限: '2026-03-05', 甄别日期: '2026-03-02', 批示期限: '2026-03-09', 批示日期: '2026-03-02', 答复期限: '2026-04-02', 答复日期: null, 当前期限: '2026-04-02' })
  })

  it('covers the whole list without a filter, and the search of the list view', async () => {
    const all = await exportAs('office', 'proposals')
    expect(all.rows.length - 1).toBe(await listTotal('office', 'proposals'))
    // The scenario's four, less the representative's unsubmitted draft (the office does not read it).
    expect(all.rows.length - 1).toBe(3)
    const searched = await exportAs('office', 'proposals', `search=${encodeURIComponent('屋顶漏水')}`)
    expect(searched.rows.slice(1).map((r) => cell(searched, r, '标题'))).toEqual(['松风小区5号楼屋顶漏水'])
  })

  it('gives a section only what its access allows: fewer rows than the office, as its REST list', async () => {
    const office = await exportAs('office', 'proposals', handling)
    const staff = await exportAs('sectionStaff', 'proposals', handling)
    expect(staff.status).toBe(200)
    expect(staff.rows.length - 1).toBe(await listTotal('sectionStaff', 'proposals', handling))
    expect(staff.rows.length - 1).toBe(1)
    expect(staff.rows.length).toBeLessThan(office.rows.length)
    expect(cell(staff, staff.rows[1], '主办科室')).toBe('城管分队')
    const unfiltered = await exportAs('otherHead', 'proposals')
    expect(unfiltered.rows.slice(1).map((r) => cell(unfiltered, r, '标题'))).toEqual(['松风小区5号楼屋顶漏水'])
    // Nothing private of anyone: not the confidential item, not a representative's phone, ID number or address, no internal notes.
    expect(everyCell(staff)).not.toContain('PRIVATE-')
    expect(everyCell(await exportAs('office', 'proposals'))).not.toMatch(/PRIVATE-(PHONE|ID|ADDRESS|INTERNAL|CONFIDENTIAL-REASON)/)
  })

  it.each<[Who, string]>([
    ['public', '匿名'],
    ['A', '代表（门户登录）'],
  ])('refuses %s (%s) with a structured 403 and no file', async (who) => {
    const e = await exportAs(who, 'proposals')
    expect(e.status).toBe(403)
    expect(e.type).toContain('application/json')
    expect(e.json!.errors[0]).toMatchObject({ code: 'forbidden', message: expect.stringContaining('导出') })
  })

  it.each([
    ['an unknown field', 'where[nosuchfield][equals]=1'],
    ['a value not of the field', 'where[status][equals]=bogus'],
    ['an unknown operator', 'where[status][explode]=1'],
    ['a where that is not an object', 'where=%5B1%5D'],
    ['an unknown sort field', 'sort=nosuchfield'],
  ])('answers a bad query (%s) with a structured 400 and no file', async (_name, query) => {
    const e = await exportAs('office', 'proposals', query)
    expect(e.status).toBe(400)
    expect(e.type).toContain('application/json')
    expect(e.json!.errors[0].message).toBeTruthy()
  })

  it('refuses a filter on a field the person may not read, as the REST list does (no row count to learn from)', async () => {
    const query = `where[internalNotes][like]=${encodeURIComponent('PRIVATE-INTERNAL-NOTE-1')}`
    const rest = await api('leader', `/proposals?limit=1&${query}`)
    const e = await exportAs('leader', 'proposals', query)
    expect(rest.status).toBe(400)
    expect(e.status).toBe(rest.status)
    expect(e.json!.errors[0].message).toBeTruthy()
    // The office may read internal notes and filter on them.
    expect((await exportAs('office', 'proposals', query)).rows.length - 1).toBe(1)
  })
})

describe('GET /api/replies/export.xlsx', () => {
  beforeAll(async () => {
    // A draft reply of the lead section (城管分队) on the proposal in progress.
    await must(
      post('sectionStaff', '/replies', { proposal: scenario.inProgress, class: 'B', text: '已联合市场监管所开展整治，摊位退回划定区域。', commitments: [{ text: '月底前设置隔离护栏', dueDate: '2026-03-31' }] }),
      'draft a reply',
    )
  })

  it('gives each staff member the replies of their list, with the proposal’s number and title', async () => {
    const office = await exportAs('office', 'replies')
    expect(office.status).toBe(200)
    expect(office.disposition).toContain(`filename*=UTF-8''${encodeURIComponent('答复清单-2026-03-02.xlsx')}`)
    expect(office.rows[0]).toEqual(ReplyColumns.map((c) => c.header))
    expect(office.rows.length - 1).toBe(await listTotal('office', 'replies'))
    const [row] = office.rows.slice(1)
    expect({
      title: cell(office, row, '提案标题'),
      round: cell(office, row, '轮次'),
      replyClass: cell(office, row, '答复类别'),
      section: cell(office, row, '答复科室'),
      commitments: cell(office, row, '承诺事项'),
      draftedBy: cell(office, row, '拟稿人'),
      published: cell(office, row, '公开日期'),
    }).toEqual({
      title: '梅园路菜场门口占道经营严重',
      round: 1,
      replyClass: 'B 正在解决或列入计划',
      section: '城管分队',
      commitments: '月底前设置隔离护栏（完成时限 2026-03-31）',
      draftedBy: world.staff.sectionStaff.name,
      published: null,
    })
    const where = `where[proposal][equals]=${scenario.inProgress}`
    expect((await exportAs('sectionStaff', 'replies', where)).rows.length - 1).toBe(1)
    // 房管办 reads no reply of 城管分队's proposal.
    const other = await exportAs('otherHead', 'replies')
    expect(other.rows.length - 1).toBe(await listTotal('otherHead', 'replies'))
    expect(other.rows.length - 1).toBe(0)
  })

  it('refuses the public and representatives (403), and a bad query (400)', async () => {
    expect((await exportAs('public', 'replies')).status).toBe(403)
    expect((await exportAs('B', 'replies')).status).toBe(403)
    const bad = await exportAs('office', 'replies', 'where[round][equals]=abc')
    expect(bad.status).toBe(400)
    expect(bad.json!.errors[0].message).toBeTruthy()
  })
})
