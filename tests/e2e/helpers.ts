// Driving Payload's admin as a person would: sign in, open a document, pick from its
// selects, type, save, and read the toast.
import { expect, type Page } from '@playwright/test'

export const base = () => process.env.E2E_BASE_URL!
export const DemoPassword = 'demo-2026'

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
