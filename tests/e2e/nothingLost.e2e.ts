// Nothing typed is lost in the admin, and nobody is kept out by someone who has left:
// - in a drawer (新建 回访验证 from a proposal's tab), Esc closes an open dropdown only; Esc again or
//   a click beside the drawer asks before discarding what was typed, and staying keeps it;
// - the 批示 a leader gives (from the action bar) shows in the open 批示 tab without a reload;
// - a leader who instructs and goes elsewhere leaves no edit lock behind: the office opens
//   it at once, unhindered; a lock whose holder closed the tab ends too.
import { expect, test, type Page } from '@playwright/test'
import { apiGet, base, expectSaved, fill, leaveDocument, openDoc, save, signIn, takeStep } from './helpers'

test.describe.configure({ mode: 'serial' })
test.afterEach(async ({ page }) => leaveDocument(page))

const story = () => process.env.E2E_STORY_ID!
const Typed = '上门查看：两处井盖仍未补装，已拍照留存。'

/** Edit locks on the story proposal, as the signed-in person reads them. */
const lockCount = async (page: Page): Promise<number> =>
  (await apiGet(page, `/payload-locked-documents?depth=0&where[document.relationTo][equals]=proposals&where[document.value][equals]=${story()}`)).totalDocs

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

test('the 批示 a leader saves shows at once in the open 批示 tab', async ({ page }) => {
  const text = '请城管分队本周内补装井盖，并当面回复代表。'
  await signIn(page, 'leader@demo.local')
  await openDoc(page, 'proposals', story())
  // The 批示 tab is open while the leader writes.
  await page.locator('.tabs-field__tab-button', { hasText: '批示' }).click()
  const instructions = page.locator('.relationship-table').first()
  await expect(instructions).toContainText('请城管分队三日内补装井盖')
  await takeStep(page, '批示', (d) => d.getByLabel('批示内容').fill(text), '批示已保存')
  await expect(instructions).toContainText(text)
})

test('the leader instructs and leaves: the office finds the proposal unlocked at once', async ({ page, browser }) => {
  await signIn(page, 'leader@demo.local')
  await openDoc(page, 'proposals', story())
  await takeStep(page, '批示', (d) => d.getByLabel('批示内容').fill('请城管分队在补装后拍照回传。'), '批示已保存')
  await page.waitForLoadState('networkidle')
  // Whether or not the leader holds the edit lock now (Payload takes it while a form is edited),
  // the test makes sure they do: leaving must end it.
  const me = (await apiGet(page, '/users/me')).user
  if ((await lockCount(page)) === 0)
    await page.evaluate(
      async ({ url, body }) => (await fetch(url, { method: 'POST', credentials: 'include', headers: { 'Content-Type': 'application/json' }, body })).status,
      { url: `${base()}/api/payload-locked-documents`, body: JSON.stringify({ document: { relationTo: 'proposals', value: Number(story()) }, user: { relationTo: 'users', value: me.id } }) },
    )
  expect(await lockCount(page)).toBe(1)

  // Leaves as a person does: the breadcrumb back to the list.
  await page.getByRole('banner').getByRole('link', { name: '提案' }).click()
  await page.waitForURL((url) => url.pathname === '/admin/collections/proposals')

  // The office, at its own desk, right after.
  const desk = await browser.newContext()
  const office = await desk.newPage()
  await signIn(office, 'office@demo.local')
  expect(await lockCount(office), 'locks left on the proposal').toBe(0)
  await office.goto(`${base()}/admin/collections/proposals/${story()}`)
  await expect(office.locator('#action-save')).toBeVisible()
  await office.waitForLoadState('networkidle')
  await expect(office.getByText('文档已锁定')).toHaveCount(0)
  // The office can work on it: what it types is taken.
  await office.locator('.collapsible', { hasText: '保密与内部备注（仅代表工作室）' }).locator('.collapsible__toggle').first().click()
  await save(office, async () => {
    await fill(office, 'internalNotes', '领导已再次批示，请跟进。')
  })
  await expectSaved(office)
  await leaveDocument(office)
  await desk.close()
})

test('a lock ends soon after its holder’s tab is closed', async ({ browser }) => {
  const holder = await browser.newContext()
  const tab = await holder.newPage()
  await signIn(tab, 'office@demo.local')
  await openDoc(tab, 'proposals', story())
  // The office starts typing (Payload takes the lock), then closes the tab without leaving.
  // The collapsible opens as the office last left it (Payload keeps it per person).
  const notes = tab.locator('#field-internalNotes')
  if (!(await notes.isVisible())) await tab.locator('.collapsible', { hasText: '保密与内部备注（仅代表工作室）' }).locator('.collapsible__toggle').first().click()
  await notes.fill('草稿')
  await expect(async () => expect(await lockCount(tab)).toBe(1)).toPass({ timeout: 15_000 })
  await tab.close({ runBeforeUnload: false })
  const office = await browser.newContext()
  const page = await office.newPage()
  await signIn(page, 'office@demo.local')
  await expect(async () => expect(await lockCount(page)).toBe(0)).toPass({ timeout: 10_000 })
  await office.close()
  await holder.close()
})
