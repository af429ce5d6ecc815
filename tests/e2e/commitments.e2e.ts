// 承诺台账 in the admin, by clicks: the office finds it under 督办, sees each published commitment
// with its 完成时限 and state in words, filters by 状态 in the filter bar, exports the list as it is
// filtered, and can neither create nor change a record (the ledger is kept by the system).
import { readFile } from 'node:fs/promises'
import { expect, test, type Page } from '@playwright/test'
import ExcelJS from 'exceljs'
import { apiGet, base, leaveDocument, signIn } from './helpers'

test.afterEach(async ({ page }) => leaveDocument(page))

/** Picks an option of a filter in the bar by clicks. */
async function pick(page: Page, filter: string, option: string | RegExp) {
  const box = page.locator(`.filter-bar__filter[data-filter="${filter}"]`)
  await box.locator('.rs__control').click()
  await box.locator('.rs__option', { hasText: option }).first().click()
}

/** The list's rows: each row's commitment and state as shown. */
async function rows(page: Page) {
  await page.waitForLoadState('networkidle')
  return page.locator('div.table > table > tbody > tr').evaluateAll((trs) =>
    trs.map((tr) => ({ text: (tr.querySelector('.cell-text')?.textContent ?? '').trim(), state: (tr.querySelector('.cell-state')?.textContent ?? '').trim() })),
  )
}

test('the office opens 承诺台账 under 督办, filters it by 状态 and exports what it shows; nothing there can be created or changed', async ({ page }) => {
  await signIn(page, 'office@demo.local')
  await page.goto(`${base()}/admin`)
  const link = page.locator('nav a[href="/admin/collections/commitments"]')
  await expect(link).toHaveText('承诺台账')
  await expect(page.locator('nav .nav-group', { has: page.locator('a[href="/admin/collections/commitments"]') }).getByRole('button')).toHaveText('督办')
  await page.goto(`${base()}/admin/collections/commitments`)
  await expect(page.locator('.filter-bar')).toBeVisible()
  // The story proposal's published commitment, 待兑现, with its date as a date.
  await expect(async () => expect(await rows(page)).toContainEqual({ text: '补装缺失井盖', state: '待兑现' })).toPass()
  await expect(page.locator('div.table tbody tr', { hasText: '补装缺失井盖' }).locator('.cell-dueDate')).toHaveText('2026-12-15')
  // Nobody creates a record of the ledger.
  await expect(page.getByRole('link', { name: /^创建新的/ }).or(page.getByRole('button', { name: /^创建新的/ }))).toHaveCount(0)

  await pick(page, 'state', '已兑现')
  await expect(page.locator('.filter-bar__summary')).toContainText('状态：已兑现')
  await expect(async () => expect((await rows(page)).map((r) => r.text)).not.toContain('补装缺失井盖')).toPass()
  await pick(page, 'state', '待兑现')
  await expect(page).toHaveURL(/=open/)
  await expect(async () => {
    const shown = await rows(page)
    expect(shown.map((r) => r.text)).toContain('补装缺失井盖')
    expect(shown.every((r) => r.state === '待兑现')).toBe(true)
  }).toPass()

  // 导出 Excel: the list as filtered now.
  await page.waitForLoadState('networkidle')
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 Excel' }).click()])
  expect(download.suggestedFilename()).toMatch(/^承诺台账-\d{4}-\d{2}-\d{2}\.xlsx$/)
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load((await readFile(await download.path())) as unknown as ArrayBuffer)
  const sheet: ExcelJS.CellValue[][] = []
  workbook.worksheets[0]!.eachRow((row) => sheet.push((row.values as ExcelJS.CellValue[]).slice(1)))
  const total = (await apiGet(page, '/commitments?limit=1&depth=0&where[state][equals]=open')).totalDocs
  expect(total).toBeGreaterThan(0)
  expect(sheet.length - 1).toBe(total)
  expect(sheet.slice(1).map((r) => r[sheet[0]!.indexOf('承诺事项')])).toContain('补装缺失井盖')

  // A record opens read-only: no field to type in, nothing to save.
  await page.locator('div.table tbody tr', { hasText: '补装缺失井盖' }).locator('a').first().click()
  await page.waitForURL(/\/admin\/collections\/commitments\/\d+/)
  await expect(page.locator('#field-text')).toBeDisabled()
  await expect(page.locator('#field-dueDate')).toBeDisabled()
  await expect(page.getByRole('button', { name: '保存' })).toHaveCount(0)
})
