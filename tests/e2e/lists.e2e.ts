// The admin's lists for office staff, by clicks: the office picks 已逾期 and a section in the
// filter bar and sees exactly those proposals (and the choice in words, cleared by a click); sorting
// by 当前期限 puts the proposals without a deadline last, ascending and descending; a role that may
// not create proposals sees no 新建 on their list. The data: tests/e2e/listsData.ts.
import { expect, test, type Page } from '@playwright/test'
import { base, leaveDocument, signIn } from './helpers'
import { ListsTitles } from './listsData'

test.describe.configure({ mode: 'serial' })
test.afterEach(async ({ page }) => leaveDocument(page))

/** Picks an option of a filter in the bar by clicks: open the dropdown, click the option. */
async function pick(page: Page, filter: string, option: string | RegExp) {
  const box = page.locator(`.filter-bar__filter[data-filter="${filter}"]`)
  await box.locator('.rs__control').click()
  await box.locator('.rs__option', { hasText: option }).first().click()
}

/** The list's rows (Payload's table, not 待我处理 above it): each row's title and its 当前期限 as shown. */
async function rows(page: Page) {
  await page.waitForLoadState('networkidle')
  return page.locator('div.table > table > tbody > tr').evaluateAll((trs) =>
    trs.map((tr) => ({
      title: (tr.querySelector('.cell-title')?.textContent ?? '').trim(),
      due: (tr.querySelector('.cell-currentDue')?.textContent ?? '').trim(),
    })),
  )
}

const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s)

/** Dated rows first, in order; rows without a deadline after all of them. */
function expectUndatedLast(list: { due: string }[], direction: 1 | -1) {
  const dated = list.filter((r) => isDate(r.due)).map((r) => r.due)
  const firstUndated = list.findIndex((r) => !isDate(r.due))
  expect(firstUndated, JSON.stringify(list)).toBe(dated.length)
  expect(dated).toEqual([...dated].sort((a, b) => direction * a.localeCompare(b)))
}

test('the office filters the proposals by 已逾期 and a section, in words, and clears it', async ({ page }) => {
  await signIn(page, 'office@demo.local')
  await page.goto(`${base()}/admin/collections/proposals?limit=100`)
  await expect(page.locator('.filter-bar')).toBeVisible()
  await expect(page.locator('.filter-bar__summary')).toHaveText('未筛选：显示全部')

  await pick(page, 'deadline', '已逾期')
  await expect(page).toHaveURL(/where/)
  await pick(page, 'section', '城管分队')
  await expect(page.locator('.filter-bar__summary')).toContainText('期限：已逾期（逾期不超过 20 个工作日）')
  await expect(page.locator('.filter-bar__summary')).toContainText('主办科室：城管分队')
  await expect(async () => expect((await rows(page)).map((r) => r.title)).toEqual([ListsTitles.overdueAtChengguan])).toPass()
  // The choices stay shown in their dropdowns, by name.
  await expect(page.locator('.filter-bar__filter[data-filter="section"] .rs__single-value')).toHaveText('城管分队')

  // 严重逾期 instead: the other one at 城管分队.
  await pick(page, 'deadline', '严重逾期')
  await expect(async () => expect((await rows(page)).map((r) => r.title)).toEqual([ListsTitles.longOverdueAtChengguan])).toPass()

  // Cleared by a click: every proposal again.
  await page.getByRole('button', { name: '清除筛选' }).click()
  await expect(page.locator('.filter-bar__summary')).toHaveText('未筛选：显示全部')
  await expect(async () => expect((await rows(page)).map((r) => r.title)).toEqual(expect.arrayContaining(Object.values(ListsTitles)))).toPass()
})

test('sorting by 当前期限 puts the proposals without one last, either way', async ({ page }) => {
  await signIn(page, 'office@demo.local')
  await page.goto(`${base()}/admin/collections/proposals?limit=100`)
  await pick(page, 'section', '城管分队')
  await expect(async () => expect((await rows(page)).map((r) => r.title)).toContain(ListsTitles.undatedAtChengguan)).toPass()

  const heading = page.locator('#heading-currentDue')
  await heading.locator('.sort-column__asc').click()
  await expect(page).toHaveURL(/sort=currentDue/)
  await expect(async () => {
    const list = await rows(page)
    expect(list.filter((r) => isDate(r.due)).length).toBeGreaterThanOrEqual(2)
    expect(list.some((r) => !isDate(r.due))).toBe(true)
    expectUndatedLast(list, 1)
  }).toPass()

  await heading.locator('.sort-column__desc').click()
  await expect(page).toHaveURL(/sort=-currentDue/)
  await expect(async () => expectUndatedLast(await rows(page), -1)).toPass()
  // The filter held through the sort.
  await expect(page.locator('.filter-bar__summary')).toContainText('主办科室：城管分队')
})

test('新建 only for a role that may create: the office has it on proposals, the leader has none', async ({ page }) => {
  const createButton = (p: Page) => p.getByRole('link', { name: /^创建新的/ }).or(p.getByRole('button', { name: /^创建新的/ }))
  await signIn(page, 'office@demo.local')
  await page.goto(`${base()}/admin/collections/proposals`)
  await expect(page.locator('.filter-bar')).toBeVisible()
  await expect(createButton(page)).toHaveCount(1)

  await signIn(page, 'leader@demo.local')
  for (const collection of ['proposals', 'replies', 'follow-ups']) {
    await page.goto(`${base()}/admin/collections/${collection}`)
    await expect(page.locator('.collection-list, .list-header').first()).toBeVisible()
    await expect(createButton(page), collection).toHaveCount(0)
  }
  // …and may instruct: 批示 offers it.
  await page.goto(`${base()}/admin/collections/instructions`)
  await expect(createButton(page)).toHaveCount(1)
})
