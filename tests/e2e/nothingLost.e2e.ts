// Nothing typed is lost in the admin, and nobody is kept out by someone who has left:
// - in a drawer (新建 回访验证 from a proposal's tab), Esc closes an open dropdown only; Esc again or
//   a click beside the drawer asks before discarding what was typed, and staying keeps it;
// - a leader who saves a proposal and goes elsewhere leaves no edit lock behind: the office opens
//   it at once, unhindered;
// - the 批示 written and saved shows in the open 批示 tab without a reload.
import { expect, test, type Page } from '@playwright/test'
import { apiGet, base, expectSaved, fill, leaveDocument, openDoc, save, signIn } from './helpers'

test.describe.configure({ mode: 'serial' })
test.afterEach(async ({ page }) => leaveDocument(page))

const story = () => process.env.E2E_STORY_ID!
const Typed = '上门查看：两处井盖仍未补装，已拍照留存。'

/** Payload's 离开而不保存？ confirmation. */
const confirmation = (page: Page) => page.locator('.confirmation-modal[open]', { hasText: '离开而不保存' })

test('Esc or a click beside the follow-up drawer never discards what was typed', async ({ page }) => {
  await signIn(page, 'office@demo.local')
  await openDoc(page, 'proposals', story())
  await page.locator('.tabs-field__tab-button', { hasText: '回访验证' }).click()
  await page.locator('.relationship-table', { hasText: '回访与验证' }).locator('.relationship-table__add-new').click()
  const drawer = page.locator('.doc-drawer')
  await expect(drawer).toBeVisible()
  const notes = drawer.locator('#field-notes')
  await notes.fill(Typed)

  // Esc on an open dropdown closes the dropdown, not the drawer.
  await drawer.locator('#field-kind .rs__control').click()
  await expect(drawer.locator('#field-kind .rs__menu')).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(drawer.locator('#field-kind .rs__menu')).toHaveCount(0)
  await expect(drawer).toBeVisible()
  await expect(notes).toHaveValue(Typed)

  // Esc again: asked first; staying keeps the text.
  await page.keyboard.press('Escape')
  await expect(confirmation(page)).toBeVisible()
  await expect(drawer).toBeVisible()
  await confirmation(page).getByRole('button', { name: '停留在此页面' }).click()
  await expect(confirmation(page)).toHaveCount(0)
  await expect(notes).toHaveValue(Typed)

  // A stray click beside the drawer: asked first too.
  await page.mouse.click(8, 450)
  await expect(confirmation(page)).toBeVisible()
  await confirmation(page).getByRole('button', { name: '停留在此页面' }).click()
  await expect(drawer).toBeVisible()
  await expect(notes).toHaveValue(Typed)

  // Leaving on purpose still works.
  await page.keyboard.press('Escape')
  await confirmation(page).getByRole('button', { name: '无论如何都要离开' }).click()
  await expect(drawer).toHaveCount(0)
})

test('an untouched drawer closes on Esc at once', async ({ page }) => {
  await signIn(page, 'office@demo.local')
  await openDoc(page, 'proposals', story())
  await page.locator('.tabs-field__tab-button', { hasText: '回访验证' }).click()
  await page.locator('.relationship-table', { hasText: '回访与验证' }).locator('.relationship-table__add-new').click()
  const drawer = page.locator('.doc-drawer')
  await expect(drawer.locator('#field-notes')).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(drawer).toHaveCount(0)
  await expect(confirmation(page)).toHaveCount(0)
})

test('the leader saves a 批示 and leaves: it shows at once, and the office finds the proposal unlocked', async ({ page }) => {
  const text = '请城管分队本周内补装井盖，并当面回复代表。'
  await signIn(page, 'leader@demo.local')
  await openDoc(page, 'proposals', story())
  // The 批示 tab is open while the leader writes.
  await page.locator('.tabs-field__tab-button', { hasText: '批示' }).click()
  const instructions = page.locator('.relationship-table').first()
  await expect(instructions).toContainText('请城管分队三日内补装井盖')
  await save(page, async () => {
    await fill(page, 'newInstruction', text)
  })
  await expectSaved(page)
  await expect(instructions).toContainText(text)

  // Leaves as a person does: the breadcrumb back to the list, no waiting for anything.
  await page.getByRole('banner').getByRole('link', { name: '提案' }).click()
  await page.waitForURL((url) => url.pathname === '/admin/collections/proposals')

  await page.context().clearCookies()
  await page.goto(`${base()}/admin/login`)
  await page.locator('#field-email').fill('office@demo.local')
  await page.locator('#field-password').fill('demo-2026')
  await page.locator('button[type=submit]').click()
  await page.waitForURL((url) => !url.pathname.endsWith('/login'))
  const locks = await apiGet(page, `/payload-locked-documents?depth=0&where[document.relationTo][equals]=proposals&where[document.value][equals]=${story()}`)
  expect(locks.totalDocs, 'locks left on the proposal').toBe(0)
  await page.goto(`${base()}/admin/collections/proposals/${story()}`)
  await expect(page.locator('#action-save')).toBeVisible()
  await page.waitForLoadState('networkidle')
  await expect(page.getByText('文档已锁定')).toHaveCount(0)
  // The office can work on it: what it types is taken.
  await page.locator('.collapsible', { hasText: '保密与内部备注（仅代表工作室）' }).locator('.collapsible__toggle').first().click()
  await save(page, async () => {
    await fill(page, 'internalNotes', '领导已再次批示，请跟进。')
  })
  await expectSaved(page)
})

test('a lock ends soon after its holder’s tab is closed', async ({ browser }) => {
  const leader = await browser.newContext()
  const tab = await leader.newPage()
  await signIn(tab, 'leader@demo.local')
  await openDoc(tab, 'proposals', story())
  // The leader starts typing (Payload takes the lock), then closes the tab without leaving.
  await tab.locator('#field-newInstruction').fill('草稿')
  const lockOf = async (page: Page) =>
    (await apiGet(page, `/payload-locked-documents?depth=0&where[document.relationTo][equals]=proposals&where[document.value][equals]=${story()}`)).totalDocs
  await expect(async () => expect(await lockOf(tab)).toBe(1)).toPass({ timeout: 15_000 })
  await tab.close({ runBeforeUnload: false })
  const office = await browser.newContext()
  const page = await office.newPage()
  await signIn(page, 'office@demo.local')
  await expect(async () => expect(await lockOf(page)).toBe(0)).toPass({ timeout: 10_000 })
  await office.close()
  await leader.close()
})
