// Staff passwords in the admin: one's own is changed on the account page's 修改密码 panel by typing
// the current one; the admin resets someone else's (重置密码) with a reason; the forgot-password
// page says who resets passwords.
import { expect, test } from '@playwright/test'
import { base, DemoPassword, leaveDocument, openDoc, signIn } from './helpers'

test.describe.configure({ mode: 'serial' })
test.afterEach(async ({ page }) => leaveDocument(page))

const email = `e2e-password-${Date.now()}@test.local`
let id: number | string
const Chosen = 'My-own-choice-2026'

/** Whether Payload's staff login takes this password now (a request of the test's own, not the page's). */
const logsIn = async (request: import('@playwright/test').APIRequestContext, password: string) =>
  (await request.post(`${base()}/api/users/login`, { data: { email, password } })).status() === 200

/** The account page's own password panel (not Payload's form): typed values stay when the server refuses. */
const panel = (page: import('@playwright/test').Page) => page.getByRole('group', { name: /^(修改密码|重置密码)$/ })

test('a staff member changes their own password on the account page, only with the current one', async ({ page, request }) => {
  await signIn(page, 'admin@demo.local')
  id = await page.evaluate(
    async ({ url, email, password }) => {
      const r = await fetch(url, { method: 'POST', credentials: 'include', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password, name: '改密码的人', role: 'office' }) })
      return (await r.json()).doc.id
    },
    { url: `${base()}/api/users`, email, password: DemoPassword },
  )
  await signIn(page, email)
  await page.goto(`${base()}/admin/account`)
  // Payload's own 修改密码 block is gone; the panel takes its place.
  await expect(page.locator('#change-password')).toHaveCount(0)
  await page.getByRole('button', { name: '修改密码' }).click()
  const form = panel(page)
  // Asked for the current password (one's own account), never for a reason.
  await expect(form.getByLabel('重置原因')).toHaveCount(0)
  await form.getByLabel(/^新密码/).fill(Chosen)
  await form.getByLabel('再次输入新密码').fill(Chosen)
  await form.getByLabel('当前密码').fill('not-my-password')
  await form.getByRole('button', { name: '保存新密码' }).click()
  // Refused: the field says why, and what was typed is still there to correct.
  await expect(form.getByRole('alert')).toHaveText('当前密码不正确')
  await expect(form.getByLabel(/^新密码/)).toHaveValue(Chosen)
  await expect(form.getByLabel('再次输入新密码')).toHaveValue(Chosen)
  expect(await logsIn(request, Chosen)).toBe(false)
  // Mistyped confirmation: said at once, nothing sent.
  await form.getByLabel('再次输入新密码').fill(`${Chosen}x`)
  await form.getByLabel('当前密码').fill(DemoPassword)
  await form.getByRole('button', { name: '保存新密码' }).click()
  await expect(form.getByRole('alert')).toHaveText('两次输入的新密码不一致')
  await form.getByLabel('再次输入新密码').fill(Chosen)
  // Enter in the panel saves the password (not the page around it).
  await form.getByLabel('当前密码').press('Enter')
  await expect(page.locator('.payload-toast-container')).toContainText('密码已修改')
  await expect(panel(page)).toHaveCount(0)
  expect(await logsIn(request, Chosen)).toBe(true)
  expect(await logsIn(request, DemoPassword)).toBe(false)
})

test('the admin resets someone else’s password only with a reason, and the audit log shows it', async ({ page, request }) => {
  await signIn(page, 'admin@demo.local')
  await openDoc(page, 'users', id)
  await expect(page.locator('#change-password')).toHaveCount(0)
  await page.getByRole('button', { name: '重置密码' }).click()
  const form = panel(page)
  await expect(form.getByLabel('当前密码')).toHaveCount(0)
  await form.getByLabel(/^新密码/).fill(DemoPassword)
  await form.getByLabel('再次输入新密码').fill(DemoPassword)
  // Refused without a reason (the panel says so before the server would).
  await form.getByRole('button', { name: '保存新密码' }).click()
  await expect(form.getByRole('alert')).toHaveText('重置他人密码须填写原因（将记入操作记录）')
  await form.getByLabel('重置原因').fill('本人忘记密码，电话核实后重置')
  await form.getByRole('button', { name: '保存新密码' }).click()
  await expect(page.locator('.payload-toast-container')).toContainText('密码已重置')
  expect(await logsIn(request, DemoPassword)).toBe(true)
  await leaveDocument(page)
  await page.goto(`${base()}/admin/collections/audit-log`)
  await expect(page.getByText('改密码的人').first()).toBeVisible()
  // A new account still gets its first password in Payload's create form.
  await page.goto(`${base()}/admin/collections/users/create`)
  await expect(page.locator('#field-password')).toBeVisible()
  await expect(page.locator('#field-confirm-password')).toBeVisible()
  await expect(page.getByRole('button', { name: '重置密码' })).toHaveCount(0)
})

test('the forgot-password page says who resets passwords, and sends nothing', async ({ page }) => {
  await page.context().clearCookies()
  await page.goto(`${base()}/admin/login`)
  await page.getByRole('link', { name: /忘记密码/ }).click()
  await expect(page.getByText('工作人员请联系系统管理员重置密码')).toBeVisible()
  await expect(page.locator('input')).toHaveCount(0)
  await page.getByRole('link', { name: /登录/ }).click()
  await expect(page.locator('#field-email')).toBeVisible()
})
