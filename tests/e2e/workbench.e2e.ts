// 工作台: every role lands on its own workbench after signing in, not on Payload's card grid; a
// queue's count opens the queue, whose rows open the proposal. zh-CN only.
import { expect, test, type Page } from '@playwright/test'
import { axeViolations, base, leaveDocument, signIn } from './helpers'

test.describe.configure({ mode: 'serial' })
test.afterEach(async ({ page }) => leaveDocument(page))

/** The workbench's text has no English word (numbers and dates are fine; the test world's planted phones, "PRIVATE-PHONE-rep-a", are data the office may see). */
async function speaksChinese(page: Page) {
  const text = (await page.locator('.workbench').innerText()).replace(/\bPRIVATE-[A-Z]+-rep-[a-z]\b/g, '')
  expect(text).not.toMatch(/[A-Za-z]{2,}/)
}

test('the office lands on its workbench; a count opens its queue, a row opens the proposal', async ({ page }) => {
  await signIn(page, 'office@demo.local')
  await page.goto(`${base()}/admin`)
  await expect(page.getByRole('heading', { name: '工作台', level: 1 })).toBeVisible()
  await expect(page.locator('.workbench__who')).toContainText('代表工作室')
  await expect(page.locator('.workbench__counts').first().locator('li', { hasText: '待甄别' })).toHaveCount(1)
  await speaksChinese(page)

  // The first queue with something in it.
  const open = page.locator('.workbench__counts li:not(.is-empty)').first()
  const label = (await open.locator('.workbench__label').innerText()).trim()
  const count = Number(await open.locator('.workbench__count').innerText())
  expect(count).toBeGreaterThan(0)
  await open.locator('a').click()
  await page.waitForURL(/\/admin\/queue\?action=/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${label}（${count} 件）`)
  await expect(page.locator('.workbench__table tbody tr')).toHaveCount(count)
  await speaksChinese(page)
  const first = page.locator('.workbench__table tbody tr').first().locator('a')
  const title = (await first.innerText()).trim()
  await first.click()
  await page.waitForURL(/\/admin\/collections\/proposals\/\d+/)
  await expect(page.locator('#field-title')).toHaveValue(title)
})

test('the leader’s workbench: 待批示 and the overdue items by section', async ({ page }) => {
  await signIn(page, 'leader@demo.local')
  await page.goto(`${base()}/admin`)
  await expect(page.locator('.workbench__counts li', { hasText: '待批示' })).toHaveCount(1)
  await expect(page.getByRole('heading', { name: '全部提案的期限' })).toBeVisible()
  await expect(page.locator('caption', { hasText: '按主办科室' })).toBeVisible()
  await speaksChinese(page)
})

test('the admin’s workbench shows how the system is doing', async ({ page }) => {
  await signIn(page, 'admin@demo.local')
  await page.goto(`${base()}/admin`)
  await expect(page.getByRole('heading', { name: '系统状态' })).toBeVisible()
  await expect(page.locator('.workbench__status')).toContainText('公开网站最近一次生成')
  await expect(page.locator('.workbench__status')).toContainText('SQLite')
})

test('an unknown queue says so, in Chinese', async ({ page }) => {
  await signIn(page, 'office@demo.local')
  await page.goto(`${base()}/admin/queue?action=nonsense`)
  await expect(page.locator('.workbench')).toContainText('没有这个待办事项类别')
})

// axe-core on every role's workbench and on a queue opened from it (issue 13's tests): no serious
// or critical WCAG 2.2 AA violation — office, leader, the lead section's staff and head, a
// co-section's staff, the admin.
for (const [who, email] of [
  ['the office', 'office@demo.local'],
  ['the leader', 'leader@demo.local'],
  ['the lead section’s staff', 'staff@demo.local'],
  ['the section head', 'head@demo.local'],
  ['a co-section’s staff', 'co@test.local'],
  ['the admin', 'admin@demo.local'],
] as const) {
  test(`axe finds nothing serious on ${who}’s workbench and its first queue`, async ({ page }) => {
    await signIn(page, email)
    await expect(page.getByRole('heading', { name: '工作台', level: 1 })).toBeVisible()
    expect(await axeViolations(page)).toEqual([])
    // The first count that opens a queue (a section's counts also link to the filtered list of its
    // overdue proposals; which comes first depends on what the earlier tests left).
    const open = page.locator('.workbench__counts li:not(.is-empty) a[href*="/admin/queue?action="]').first()
    if ((await open.count()) === 0) return
    await open.click()
    await page.waitForURL(/\/admin\/queue\?action=/)
    await expect(page.locator('.workbench__table')).toBeVisible()
    expect(await axeViolations(page)).toEqual([])
  })
}
