// 督办 in Chromium, by clicks: the office opens the 督办台 from its workbench, filters it by a
// party and a stage, 催办s an item with a note made public, and after the site's automatic rebuild
// the public page shows “代表工作室催办（日期）” and the note; a leader marks an item 重点督办 from
// its action bar and it heads the board (after the 严重逾期); axe-core finds no serious or critical
// violation on the board. The items are lists.e2e.ts's (tests/e2e/listsData.ts): waiting for a
// leader's 批示 at 城管分队 and 房管办, one of them 严重逾期.
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { chineseDate, toLocalDate } from '../../core/calendar'
import { base, leaveDocument, signIn, takeStep } from './helpers'
import { ListsTitles } from './listsData'

test.describe.configure({ mode: 'serial' })
test.afterEach(async ({ page }) => leaveDocument(page))

const board = (page: Page) => page.locator('.supervision-board')
/** The group of a party and a stage (its heading names both). */
const group = (page: Page, heading: string) => page.locator('.supervision-board__group').filter({ has: page.getByRole('heading', { name: new RegExp(`^${heading}（`) }) })
const rowOf = (page: Page, title: string) => board(page).locator('tbody tr').filter({ hasText: title })
const titlesIn = async (page: Page, heading: string) => (await group(page, heading).locator('tbody tr td:nth-child(2) a').allInnerTexts()).map((t) => t.trim())

/** From wherever the person is, the 督办台 by the navigation's link. */
async function openBoardFromNav(page: Page) {
  // The navigation may be closed (Payload keeps each person's choice): open it first, once the page
  // has come alive (the link is inert while the menu is closed).
  const link = page.locator('#nav-supervision')
  await expect(page.locator('html[data-chinese="on"]')).toHaveCount(1)
  if (await link.evaluate((el) => el.closest('[inert]') !== null)) await page.getByRole('button', { name: '打开 菜单' }).click()
  await link.click()
  await page.waitForURL((url) => url.pathname === '/admin/supervision')
  await expect(page.getByRole('heading', { name: '督办台', level: 1 })).toBeVisible()
}

let urgedNumber = ''

test('the office opens the 督办台 from its workbench, filters by clicks, and sees 严重逾期 first', async ({ page }) => {
  await signIn(page, 'office@demo.local')
  await page.goto(`${base()}/admin`)
  await page.locator('.workbench__board-link a').click()
  await page.waitForURL((url) => url.pathname === '/admin/supervision')
  await expect(page.getByRole('heading', { name: '督办台', level: 1 })).toBeVisible()
  await expect(board(page).locator('caption', { hasText: '各责任方汇总' })).toBeVisible()
  // zh-CN only, and no ids: numbers are 编号 (2026-001) and dates.
  expect(await board(page).innerText()).not.toMatch(/[A-Za-z]{2,}/)

  await page.getByRole('navigation', { name: '按责任方筛选' }).getByRole('link', { name: '街道领导' }).click()
  await page.waitForURL(/who=leader/)
  await page.getByRole('navigation', { name: '按环节筛选' }).getByRole('link', { name: '待批示' }).click()
  await page.waitForURL(/who=leader&stage=instruct/)
  await expect(page.getByRole('navigation', { name: '按环节筛选' }).getByRole('link', { name: '待批示' })).toHaveAttribute('aria-current', 'page')
  const titles = await titlesIn(page, '街道领导 · 待批示')
  // 严重逾期 heads the list; the two overdue items follow in their order.
  expect(titles[0]).toBe(ListsTitles.longOverdueAtChengguan)
  await expect(rowOf(page, ListsTitles.longOverdueAtChengguan).locator('td').nth(4)).toContainText('严重逾期')
  expect(titles.indexOf(ListsTitles.overdueAtChengguan)).toBeLessThan(titles.indexOf(ListsTitles.overdueAtFangguan))
})

test('axe-core finds no serious or critical violation on the 督办台 (WCAG 2.2 AA)', async ({ page }) => {
  await signIn(page, 'office@demo.local')
  await page.goto(`${base()}/admin/supervision`)
  await expect(page.getByRole('heading', { name: '督办台', level: 1 })).toBeVisible()
  await page.waitForLoadState('networkidle')
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze()
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([])
})

test('the office 催办s an item from its row with a public note; the row opens the proposal', async ({ page }) => {
  await signIn(page, 'office@demo.local')
  await page.goto(`${base()}/admin`)
  await openBoardFromNav(page)
  await page.getByRole('navigation', { name: '按责任方筛选' }).getByRole('link', { name: '街道领导' }).click()
  await page.waitForURL(/who=leader/)
  const row = rowOf(page, ListsTitles.overdueAtChengguan)
  urgedNumber = (await row.locator('td').first().innerText()).trim()
  expect(urgedNumber).toMatch(/^\d{4}-\d+$/)
  await row.getByRole('button', { name: `催办：${urgedNumber} ${ListsTitles.overdueAtChengguan}` }).click()
  const dialog = page.getByRole('dialog', { name: `催办：${urgedNumber} ${ListsTitles.overdueAtChengguan}` })
  await expect(dialog).toBeVisible()
  await expect(dialog).toContainText(`代表工作室催办（${chineseDate(toLocalDate(new Date().toISOString()))}）`)
  // A public note needs words: refused in the dialog, what was ticked kept.
  await dialog.getByLabel('公开说明').check()
  await dialog.getByRole('button', { name: '确认催办' }).click()
  await expect(dialog.getByRole('alert').filter({ hasText: '勾选了“公开说明”，请填写说明' })).toBeVisible()
  await dialog.getByLabel('催办说明（可不填）').fill('请街道领导尽快批示，代表多次来电询问。')
  await dialog.getByRole('button', { name: '确认催办' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.locator('.payload-toast-container')).toContainText('已催办')

  await rowOf(page, ListsTitles.overdueAtChengguan).getByRole('link', { name: ListsTitles.overdueAtChengguan }).click()
  await page.waitForURL(/\/admin\/collections\/proposals\/\d+/)
  await expect(page.locator('#field-title')).toHaveValue(ListsTitles.overdueAtChengguan)
})

test('after the automatic rebuild, the public page shows the 催办 and its public note', async ({ page }) => {
  expect(urgedNumber).not.toBe('')
  const url = `${base()}/proposals/${urgedNumber}/`
  const line = `代表工作室催办（${chineseDate(toLocalDate(new Date().toISOString()))}）`
  await expect(async () => {
    await page.goto(url)
    await expect(page.locator('ol.timeline')).toContainText(line, { timeout: 1000 })
  }).toPass({ timeout: 90_000, intervals: [2000] })
  await expect(page.locator('ol.timeline li[data-urge]')).toContainText('说明：请街道领导尽快批示，代表多次来电询问。')
})

test('a leader marks an item 重点督办 from its action bar, and it heads the board after the 严重逾期', async ({ page }) => {
  await signIn(page, 'leader@demo.local')
  await page.goto(`${base()}/admin`)
  await openBoardFromNav(page)
  await page.getByRole('navigation', { name: '按环节筛选' }).getByRole('link', { name: '待批示' }).click()
  await page.waitForURL(/stage=instruct/)
  await rowOf(page, ListsTitles.overdueAtFangguan).getByRole('link', { name: ListsTitles.overdueAtFangguan }).click()
  await page.waitForURL(/\/admin\/collections\/proposals\/\d+/)
  await page.waitForLoadState('networkidle')
  await takeStep(page, '列为重点督办', undefined, '已列为重点督办')
  await expect(page.locator('.action-bar').getByRole('button', { name: '取消重点督办' })).toBeVisible()

  await openBoardFromNav(page)
  await page.getByRole('navigation', { name: '按环节筛选' }).getByRole('link', { name: '待批示' }).click()
  await page.waitForURL(/stage=instruct/)
  const titles = await titlesIn(page, '街道领导 · 待批示')
  expect(titles.slice(0, 2)).toEqual([ListsTitles.longOverdueAtChengguan, ListsTitles.overdueAtFangguan])
  await expect(rowOf(page, ListsTitles.overdueAtFangguan).locator('.supervision-board__key')).toHaveText('重点督办')
  await expect(board(page).locator('caption', { hasText: '各责任方汇总' })).toHaveCount(0)
})
