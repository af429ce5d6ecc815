// Driving Payload's admin as a person would: sign in, open a document, pick from its
// selects, type, save, and read the toast.
import { expect, type Locator, type Page } from '@playwright/test'

export const base = () => process.env.E2E_BASE_URL!
export const DemoPassword = 'demo-2026'
/** The proposal actions.e2e.ts takes from 已提交 to 办结 by the action bar (made by the global setup). */
export const ActionsTitle = '东湖路公交站台雨棚破损'

/** Leave an open document the way a person does (in-app navigation), which releases Payload's edit lock. */
export async function leaveDocument(page: Page) {
  if (!/\/admin\/collections\/[^/]+\/[^/]+/.test(page.url())) return
  await page.locator('a[href="/admin"]').first().click()
  // A refused change is still in the form: Payload asks before leaving it unsaved.
  const leave = page.getByRole('button', { name: /离开|Leave/ })
  if (await leave.waitFor({ timeout: 2000 }).then(() => true, () => false)) await leave.click()
  await page.waitForURL((url) => url.pathname === '/admin')
  await page.waitForLoadState('networkidle')
  // Payload releases the edit lock with a request of its own after the navigation; the next
  // person must not find it still held (seen in CI: "currently locked by another user").
  await expect(async () => expect(await locksHeld(page)).toBe(0)).toPass({ timeout: 15_000 }).catch(() => {})
}

/** How many documents Payload's edit lock holds right now (read as the signed-in person). */
async function locksHeld(page: Page): Promise<number> {
  return (await apiGet(page, '/payload-locked-documents?depth=0&limit=1')).totalDocs ?? 0
}

export async function signIn(page: Page, email: string) {
  await leaveDocument(page)
  await page.context().clearCookies()
  await page.goto(`${base()}/admin/login`)
  await page.locator('#field-email').fill(email)
  await page.locator('#field-password').fill(DemoPassword)
  await page.locator('button[type=submit]').click()
  await page.waitForURL((url) => !url.pathname.endsWith('/login'))
}

export async function openDoc(page: Page, collection: string, id: string | number) {
  await page.goto(`${base()}/admin/collections/${collection}/${id}`)
  await expect(page.locator('#action-save')).toBeVisible()
  // Payload locks a document while someone edits it; the previous person in these tests has left.
  // If someone else still holds the edit lock (they closed the tab), take over, as a person would.
  // Payload asks in a dialog, which under load can come late: wait for it whenever a lock is
  // held by someone else (Payload stores our own lock too, so compare with who we are).
  const takeOver = page.getByRole('button', { name: '接管' })
  const me = (await apiGet(page, '/users/me')).user?.id
  const lock = (await apiGet(page, `/payload-locked-documents?depth=0&limit=1&where[document.value][equals]=${id}&where[document.relationTo][equals]=${collection}`)).docs?.[0]
  const heldByOther = lock && !(lock.user?.relationTo === 'users' && lock.user?.value === me)
  if (await takeOver.waitFor({ timeout: heldByOther ? 20_000 : 3000 }).then(() => true, () => false)) await takeOver.click()
  // The form settles (lock taken, form state loaded) before anyone types into it.
  await page.waitForLoadState('networkidle')
}

export async function tick(page: Page, fieldId: string) {
  const box = page.locator(`#field-${fieldId}`)
  // Payload may reload the form over the tick while it settles; tick again until it holds.
  await expect(async () => {
    if (!(await box.isChecked())) await box.check({ timeout: 2000 })
    await expect(box).toBeChecked({ timeout: 1000 })
  }).toPass({ timeout: 20_000 })
  await expect(page.locator('#action-save')).toBeEnabled()
}

/** Payload's selects and relationships are react-select widgets inside #field-<path>. */
export async function choose(page: Page, fieldId: string, option: string) {
  const field = page.locator(`#field-${fieldId}`)
  const input = field.locator('.rs__input input, input.rs__input').first()
  await field.locator('.rs__control').click()
  // Type to filter, as a person with a keyboard would; Enter takes the first match.
  await input.fill(option)
  await expect(field.locator('.rs__option', { hasText: option }).first()).toBeVisible()
  await input.press('Enter')
  await expect(field.locator('.rs__single-value, .rs__multi-value').filter({ hasText: option }).first()).toBeVisible()
}

export async function fill(page: Page, fieldId: string, text: string) {
  await page.locator(`#field-${fieldId}`).fill(text)
}

/**
 * Makes the change (`apply`) and saves. Under load Payload can still be settling the form
 * (edit lock, form state) and reload it over a fresh change, which leaves Save disabled:
 * then the change is made again, as a person would, up to three times.
 */
export async function save(page: Page, apply: () => Promise<void>) {
  const button = page.locator('#action-save')
  for (let attempt = 1; ; attempt++) {
    try {
      await apply()
      await expect(button).toBeEnabled({ timeout: 5000 })
      await button.click({ timeout: 5000 })
      return
    } catch (e) {
      if (attempt >= 3) throw e
    }
  }
}

export async function expectSaved(page: Page) {
  await expect(page.locator('.payload-toast-container')).toContainText(/成功|已保存|Updated successfully/)
}

export async function expectRefused(page: Page, reason: RegExp) {
  await expect(page.locator('.payload-toast-container')).toContainText(reason)
}

/** A REST read from inside the page, with the signed-in person's own session. */
export async function apiGet(page: Page, path: string): Promise<any> {
  return page.evaluate(async (url) => (await fetch(url, { credentials: 'include' })).json(), `${base()}/api${path}`)
}

export async function statusOf(page: Page, id: string | number): Promise<string> {
  return (await apiGet(page, `/proposals/${id}?depth=0`)).status
}

/** The action bar beside 保存 (cms/components/ActionBar.tsx). */
export const actionBar = (page: Page) => page.locator('.action-bar')

/** Opens a step's dialog from the action bar: its button, then the dialog named after it. */
export async function openStep(page: Page, label: string) {
  await actionBar(page).getByRole('button', { name: label, exact: true }).click()
  const dialog = page.getByRole('dialog', { name: label })
  await expect(dialog).toBeVisible()
  return dialog
}

/**
 * Takes a step from the action bar as a person does: the step's button, its dialog filled by
 * `fill`, 确认…; then the dialog closes and the toast says it is done (`done`).
 */
export async function takeStep(page: Page, label: string, fill: (dialog: Locator) => Promise<void> = async () => {}, done?: string | RegExp) {
  const dialog = await openStep(page, label)
  await fill(dialog)
  await dialog.getByRole('button', { name: `确认${label}` }).click()
  await expect(dialog).toBeHidden()
  if (done) await expect(page.locator('.payload-toast-container')).toContainText(done)
  // The page as stored after the step (router.refresh).
  await page.waitForLoadState('networkidle')
}

/** A step refused: the dialog stays open with the reason. */
export async function refusedStep(page: Page, label: string, fill: (dialog: Locator) => Promise<void>, reason: string | RegExp) {
  const dialog = await openStep(page, label)
  await fill(dialog)
  await dialog.getByRole('button', { name: `确认${label}` }).click()
  await expect(dialog.getByRole('alert').filter({ hasText: reason })).toBeVisible()
  return dialog
}

/** From the workbench (工作台), a queue's count opens the queue; its row for `title` opens what is to be done. By clicks. */
export async function openFromQueue(page: Page, label: string, title: string) {
  if (new URL(page.url()).pathname !== '/admin') {
    await page.locator('a[href="/admin"]').first().click()
    await page.waitForURL((url) => url.pathname === '/admin')
  }
  await page.locator('.workbench__counts li', { hasText: label }).locator('a').click()
  await page.waitForURL(/\/admin\/queue\?action=/)
  await page.locator('.workbench__table').getByRole('link', { name: title }).click()
  await page.waitForURL(/\/admin\/collections\/[^/]+\/\d+/)
  await page.waitForLoadState('networkidle')
}

/** From the navigation, the proposals' list, then the row for `title`. By clicks. */
export async function openFromList(page: Page, title: string) {
  const link = page.locator('nav a[href="/admin/collections/proposals"]').first()
  // The navigation may be folded away (off screen; Payload keeps each person's choice): open it first.
  const opener = page.getByRole('button', { name: '打开 菜单' })
  if (await opener.isVisible()) await opener.click()
  await link.click()
  await page.waitForURL((url) => url.pathname === '/admin/collections/proposals')
  // The row's link (Payload links a row's first column, the proposal's number).
  await page.locator('.collection-list table tr', { hasText: title }).getByRole('link').first().click()
  await page.waitForURL(/\/admin\/collections\/proposals\/\d+/)
  await page.waitForLoadState('networkidle')
}
