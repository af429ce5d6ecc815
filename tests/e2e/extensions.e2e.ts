// 申请延期 by clicks only: the lead section's staff opens the proposal from its workbench and asks
// for a later deadline (the dialog shows the deadline and how far it may go); the leader finds it
// under 待审批延期 on the workbench, opens it, approves it in the dialog; the proposal's deadline
// is then the new date. The proposal is brought to 办理中 over the API first (not the subject here).
import { expect, request, test, type APIRequestContext, type Page } from '@playwright/test'
import { addCalendarDays, chineseDate, DefaultCalendarData, toLocalDate, WorkingCalendar } from '../../core/calendar'
import { maxExtendedDeadline } from '../../core/deadlines'
import { DefaultDeadlineSettings } from '../../core/types'
import { base, DemoPassword, leaveDocument, openDoc, signIn } from './helpers'

test.describe.configure({ mode: 'serial' })
test.afterEach(async ({ page }) => leaveDocument(page))

const TITLE = '梧桐路人行道地砖松动绊倒老人'
const REASON = '人行道翻修须纳入区里统一招标，招标周期约一个月。'
const cal = new WorkingCalendar(DefaultCalendarData)

/** A staff member's REST caller (Payload's login, the token as header). */
async function staffApi(email: string): Promise<APIRequestContext> {
  const login = await request.newContext()
  const r = await login.post(`${base()}/api/users/login`, { data: { email, password: DemoPassword } })
  expect(r.status()).toBe(200)
  const { token } = await r.json()
  await login.dispose()
  return request.newContext({ baseURL: `${base()}/api/`, extraHTTPHeaders: { authorization: `JWT ${token}`, origin: base() } })
}

async function must(r: Promise<import('@playwright/test').APIResponse>, what: string) {
  const res = await r
  expect(res.status(), `${what}: ${(await res.text()).slice(0, 300)}`).toBeLessThan(300)
  return res.json()
}

let id: number
let deadline: string

/** From the workbench, a queue's count opens the queue; its row for the proposal opens what is to be done. */
async function openFromQueue(page: Page, label: string) {
  await page.goto(`${base()}/admin`)
  await page.locator('.workbench__counts li', { hasText: label }).locator('a').click()
  await page.waitForURL(/\/admin\/queue\?action=/)
  await page.locator('.workbench__table').getByRole('link', { name: TITLE }).click()
}
let cap: string
let asked: string

/** The page's visible text in the region has no English word (numbers and dates are fine). */
async function speaksChinese(page: Page, selector: string) {
  expect(await page.locator(selector).first().innerText()).not.toMatch(/[A-Za-z]{2,}/)
}

test('set-up: a proposal in progress at 城管分队', async () => {
  const office = await staffApi('office@demo.local')
  const area = (await must(office.get('residential-areas?limit=1&depth=0'), 'area')).docs[0].id
  const rep = (await must(office.get('representatives?limit=1&depth=0'), 'representative')).docs[0].id
  const section = (await must(office.get('sections?where[slug][equals]=chengguan&depth=0'), 'section')).docs[0].id
  id = (await must(office.post('proposals', { data: { title: TITLE, body: '梧桐路人行道多处地砖松动翘起，已有老人绊倒受伤，请尽快修复。', category: '城市管理', residentialArea: area, proposer: rep } }), 'paper proposal')).doc.id
  await must(office.patch(`proposals/${id}`, { data: { status: 'submitted' } }), 'submit')
  await must(office.patch(`proposals/${id}`, { data: { status: 'accepted', screening: { decision: 'accepted', reason: '属城管职责，予以立案' } } }), 'accept')
  await must(office.patch(`proposals/${id}`, { data: { assignment: { leadSection: section } } }), 'lead section')
  const leader = await staffApi('leader@demo.local')
  await must(leader.patch(`proposals/${id}`, { data: { newInstruction: '请城管分队尽快修复并答复代表。' } }), 'instruct')
  const staff = await staffApi('staff@demo.local')
  const p = await must(staff.patch(`proposals/${id}`, { data: { status: 'inProgress' } }), 'take on')
  deadline = p.doc.currentDue
  cap = maxExtendedDeadline(toLocalDate(p.doc.assignment.assignedAt), cal, DefaultDeadlineSettings)
  asked = addCalendarDays(deadline, 14)
  expect(asked <= cap).toBe(true)
  for (const c of [office, leader, staff]) await c.dispose()
})

test('the lead section’s staff asks for a later deadline from the proposal, by clicks', async ({ page }) => {
  await signIn(page, 'staff@demo.local')
  // From the workbench's 待起草答复 to the proposal.
  await openFromQueue(page, '待起草答复')
  await page.waitForURL(new RegExp(`/admin/collections/proposals/${id}`))
  await page.getByRole('button', { name: '申请延期' }).click()
  const dialog = page.getByRole('dialog', { name: '申请延期' })
  await expect(dialog).toBeVisible()
  await expect(dialog).toContainText(`现在的答复期限：${chineseDate(deadline)}（剩 `)
  await expect(dialog).toContainText(`最迟可延至${chineseDate(cap)}`)
  await speaksChinese(page, '.extension-dialog[open]')

  // Too late a date: refused in words, what was typed stays.
  await dialog.getByLabel('新的答复期限').fill(addCalendarDays(cap, 1))
  await dialog.getByLabel('延期理由').fill(REASON)
  await dialog.getByRole('button', { name: '提交申请' }).click()
  await expect(dialog.getByRole('alert')).toContainText(`新的答复期限不能晚于${chineseDate(cap)}`)
  await expect(dialog.getByLabel('延期理由')).toHaveValue(REASON)
  // Esc closes the dialog; opened again, it still holds what was typed.
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await page.getByRole('button', { name: '申请延期' }).click()
  await expect(dialog.getByLabel('延期理由')).toHaveValue(REASON)

  await dialog.getByLabel('新的答复期限').fill(asked)
  await dialog.getByRole('button', { name: '提交申请' }).click()
  await expect(page.locator('.payload-toast-container')).toContainText('已提交延期申请，等待街道领导审批')
  await expect(page.locator('.extension-note')).toContainText('延期申请待审批：申请延至')
  await expect(page.getByRole('button', { name: '申请延期' })).toHaveCount(0)
})

test('the leader finds it under 待审批延期 on the workbench and approves it, by clicks; the proposal’s deadline moves', async ({ page }) => {
  await signIn(page, 'leader@demo.local')
  await page.goto(`${base()}/admin`)
  const count = page.locator('.workbench__counts li', { hasText: '待审批延期' })
  await expect(count).toHaveCount(1)
  expect(Number(await count.locator('.workbench__count').innerText())).toBeGreaterThanOrEqual(1)
  await openFromQueue(page, '待审批延期')
  await page.waitForURL(/\/admin\/collections\/extension-requests\/\d+/)

  const panel = page.locator('.extension-decision')
  await expect(panel).toContainText('待审批的延期申请')
  await expect(panel).toContainText(TITLE)
  await expect(panel).toContainText(`当前答复期限${chineseDate(deadline)}（剩 `)
  await expect(panel).toContainText(`申请延至${chineseDate(asked)}`)
  await expect(panel).toContainText(`最迟可延至${chineseDate(cap)}`)
  await expect(panel).toContainText(REASON)
  await speaksChinese(page, '.extension-decision')

  // 不批准 asks for a reason; cancelled, nothing happens.
  await panel.getByRole('button', { name: '不批准' }).click()
  const refuse = page.getByRole('dialog', { name: '不批准延期' })
  await refuse.getByRole('button', { name: '确认不批准' }).click()
  await expect(refuse.getByRole('alert')).toContainText('不批准须写明理由')
  await refuse.getByRole('button', { name: '取消' }).click()
  await expect(refuse).toBeHidden()

  await panel.getByRole('button', { name: '批准', exact: true }).click()
  const approve = page.getByRole('dialog', { name: '批准延期' })
  await expect(approve).toContainText(`答复期限改为${chineseDate(asked)}`)
  await approve.getByRole('button', { name: '确认批准' }).click()
  await expect(page.locator('.payload-toast-container')).toContainText(`已批准：答复期限延至${chineseDate(asked)}`)
  await expect(panel).toContainText('已批准')

  await panel.getByRole('link', { name: TITLE }).click()
  await page.waitForURL(new RegExp(`/admin/collections/proposals/${id}`))
  await expect(page.locator('.doc-summary')).toContainText(`答复期限${chineseDate(asked)}`)
})

test('the lead section asks again, up to the cap; the leader opens it from the proposal (审批延期) and refuses it with a reason, by clicks', async ({ page }) => {
  await signIn(page, 'staff@demo.local')
  await openFromQueue(page, '待起草答复')
  await page.waitForURL(new RegExp(`/admin/collections/proposals/${id}`))
  await expect(page.locator('.doc-summary')).toContainText(`答复期限${chineseDate(asked)}`)
  await page.getByRole('button', { name: '申请延期' }).click()
  const dialog = page.getByRole('dialog', { name: '申请延期' })
  await expect(dialog).toContainText(`现在的答复期限：${chineseDate(asked)}`)
  await dialog.getByLabel('新的答复期限').fill(cap)
  await dialog.getByLabel('延期理由').fill('需再等一个月完成验收。')
  await dialog.getByRole('button', { name: '提交申请' }).click()
  await expect(page.locator('.extension-note')).toContainText('延期申请待审批')
  await leaveDocument(page)

  await signIn(page, 'leader@demo.local')
  await openDoc(page, 'proposals', id)
  await page.getByRole('link', { name: `审批延期（申请延至${chineseDate(cap)}）` }).click()
  await page.waitForURL(/\/admin\/collections\/extension-requests\/\d+/)
  const panel = page.locator('.extension-decision')
  await panel.getByRole('button', { name: '不批准' }).click()
  const refuse = page.getByRole('dialog', { name: '不批准延期' })
  await refuse.getByLabel('不批准的理由').fill('请按现期限答复，验收可在答复后进行。')
  await refuse.getByRole('button', { name: '确认不批准' }).click()
  await expect(page.locator('.payload-toast-container')).toContainText('已决定不批准')
  await expect(panel).toContainText('不批准')
  await panel.getByRole('link', { name: TITLE }).click()
  await page.waitForURL(new RegExp(`/admin/collections/proposals/${id}`))
  await expect(page.locator('.doc-summary')).toContainText(`答复期限${chineseDate(asked)}`)
})
