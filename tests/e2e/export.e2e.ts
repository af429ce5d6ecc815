// 导出 Excel in the admin: the button above a list downloads that list as it is filtered now
// (the filters and search in the page's address), and says plainly when the export fails.
import { readFile } from 'node:fs/promises'
import { expect, test, type Page } from '@playwright/test'
import ExcelJS from 'exceljs'
import { apiGet, base, signIn } from './helpers'

/** Clicks 导出 Excel and reads the downloaded file: its name and its rows (headers first). */
async function exportList(page: Page) {
  // The list has settled (its filter bar and this button hydrated): a click before then does nothing.
  await page.waitForLoadState('networkidle')
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 Excel' }).click()])
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load((await readFile(await download.path())) as unknown as ArrayBuffer)
  const rows: ExcelJS.CellValue[][] = []
  workbook.worksheets[0].eachRow((row) => rows.push((row.values as ExcelJS.CellValue[]).slice(1)))
  return { name: download.suggestedFilename(), rows }
}

test('the office exports the proposals list as filtered by its search, then by a filter in the address', async ({ page }) => {
  await signIn(page, 'office@demo.local')
  await page.goto(`${base()}/admin/collections/proposals?search=${encodeURIComponent('竹林路')}`)
  const searched = await exportList(page)
  expect(searched.name).toMatch(/^提案清单-\d{4}-\d{2}-\d{2}\.xlsx$/)
  expect(searched.rows[0].slice(0, 3)).toEqual(['编号', '届次', '标题'])
  expect(searched.rows.slice(1).map((r) => r[2])).toEqual(['竹林路与松风路交叉口缺少红绿灯'])

  const where = 'where[or][0][and][0][category][equals]=market'
  await page.goto(`${base()}/admin/collections/proposals?${where}`)
  const filtered = await exportList(page)
  const total = (await apiGet(page, `/proposals?limit=1&depth=0&${where}`)).totalDocs
  expect(total).toBeGreaterThan(0)
  expect(filtered.rows.length - 1).toBe(total)
  expect(filtered.rows.slice(1).map((r) => r[2])).toContain('梅园路菜场早市噪音扰民')
})

test('the replies list has the button too, and a failed export says so on the page', async ({ page }) => {
  await signIn(page, 'office@demo.local')
  await page.goto(`${base()}/admin/collections/replies`)
  const replies = await exportList(page)
  expect(replies.name).toMatch(/^答复清单-\d{4}-\d{2}-\d{2}\.xlsx$/)
  expect(replies.rows[0]).toContain('答复类别')

  await page.route('**/api/replies/export.xlsx*', (route) =>
    route.fulfill({ status: 400, contentType: 'application/json', body: JSON.stringify({ errors: [{ message: '查询条件无效：round 的值“abc”不是数字' }] }) }),
  )
  await page.getByRole('button', { name: '导出 Excel' }).click()
  await expect(page.getByRole('alert').filter({ hasText: '导出失败' }).first()).toContainText('查询条件无效')
})
