import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import type { Column } from '../../../core/spreadsheet'
import { attachment, xlsxBuffer, xlsxStream } from './xlsx'

const columns: Column<'number' | 'title' | 'due' | 'round'>[] = [
  { key: 'number', header: '编号', kind: 'text', width: 10 },
  { key: 'title', header: '标题', kind: 'text', width: 30 },
  { key: 'due', header: '答复期限', kind: 'date', width: 12 },
  { key: 'round', header: '轮次', kind: 'number', width: 6 },
]

async function read(buffer: Buffer) {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer)
  const sheet = workbook.worksheets[0]
  const values = (n: number) => (sheet.getRow(n).values as ExcelJS.CellValue[]).slice(1)
  return { sheet, values }
}

describe('xlsx', () => {
  it('writes headers, then one row per record: text as text (a formula-looking one too), dates as date cells of the China-local day, empty cells empty', async () => {
    const buffer = await xlsxBuffer('提案', columns, [
      { number: '2026-001', title: '=HYPERLINK("x")', due: '2026-11-16', round: 1 },
      { number: '2026-002', title: '换行\n第二行', due: null, round: null },
    ])
    const { sheet, values } = await read(buffer)
    expect(sheet.name).toBe('提案')
    expect(values(1)).toEqual(['编号', '标题', '答复期限', '轮次'])
    const [number, title, due, round] = values(2)
    expect([number, title, round]).toEqual(['2026-001', '=HYPERLINK("x")', 1])
    expect(due).toBeInstanceOf(Date)
    expect((due as Date).toISOString()).toBe('2026-11-16T00:00:00.000Z')
    expect(sheet.getCell('C2').numFmt).toBe('yyyy-mm-dd')
    expect(sheet.getCell('B2').formula).toBeUndefined()
    expect(values(3)).toEqual(['2026-002', '换行\n第二行'])
    expect(sheet.rowCount).toBe(3)
  })

  it('streams rows produced one at a time, and breaks the stream when producing them fails', async () => {
    async function* rows() {
      for (let i = 1; i <= 3; i++) yield { number: `2026-00${i}`, title: `第${i}件`, due: null, round: i }
    }
    const ok = xlsxStream('提案', columns, rows(), () => {})
    const buffer = Buffer.from(await new Response(ok).arrayBuffer())
    expect((await read(buffer)).sheet.rowCount).toBe(4)

    const errors: unknown[] = []
    async function* failing() {
      yield { number: '2026-001', title: '一', due: null, round: 1 }
      throw new Error('数据库断开')
    }
    const broken = xlsxStream('提案', columns, failing(), (e) => errors.push(e))
    await expect(new Response(broken).arrayBuffer()).rejects.toThrow()
    expect(String(errors[0])).toContain('数据库断开')
  })

  it('names the download in UTF-8 with an ASCII fallback', () => {
    expect(attachment('提案清单-2026-11-30.xlsx', 'proposals-2026-11-30.xlsx')).toBe(
      `attachment; filename="proposals-2026-11-30.xlsx"; filename*=UTF-8''%E6%8F%90%E6%A1%88%E6%B8%85%E5%8D%95-2026-11-30.xlsx`,
    )
  })
})
