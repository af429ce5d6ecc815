// One proposal through the whole lifecycle in the admin, each step by the person whose job it
// is, from the action bar: the office screens and assigns, the leader instructs, the section
// drafts, its head signs off, the office publishes. Steps refused are refused in the step's
// dialog with the zh-CN reason, and what was typed stays.
import { expect, test, type Page } from '@playwright/test'
import { actionBar, apiGet, base, choose, leaveDocument, openDoc, refusedStep, signIn, statusOf, takeStep } from './helpers'

/** 办理情况 at the top of the page (cms/components/Summary.tsx). */
const summary = (page: Page) => page.locator('.doc-summary')

const id = () => process.env.E2E_PROPOSAL_ID!

test.describe.configure({ mode: 'serial' })
// Leave the document as a person would, which releases Payload's edit lock for the next person.
test.afterEach(async ({ page }) => leaveDocument(page))

test('the office screens and accepts (立案), naming the lead and co-section in the same step', async ({ page }) => {
  await signIn(page, 'office@demo.local')
  await openDoc(page, 'proposals', id())
  await expect(summary(page)).toContainText('已提交待甄别')
  // Only the office's own next steps are offered; the status is information, not a dropdown.
  await expect(actionBar(page).getByRole('button')).toHaveText(['立案', '并案', '分流', '不予立案', '催办'])
  await expect(page.locator('#field-status')).toHaveCount(0)
  const dialog = await refusedStep(page, '立案', async (d) => {
    await d.getByLabel('主办科室').selectOption({ label: '城管分队' })
  }, '请填写理由')
  await page.keyboard.press('Escape')
  expect(await statusOf(page, id())).toBe('submitted')

  await takeStep(page, '立案', async (d) => {
    // What was chosen before is still there.
    await expect(d.getByLabel('主办科室')).toHaveValue(/\d+/)
    await d.getByLabel('立案理由').fill('属于城管分队和绿化办职责，予以立案。')
    await d.getByLabel('绿化办').check()
  }, '已立案')
  await expect(dialog).toBeHidden()
  expect(await statusOf(page, id())).toBe('accepted')
  await expect(summary(page)).toContainText('已立案待批示')
  await expect(summary(page)).toContainText('主办科室城管分队')
  await expect(summary(page)).toContainText('协办科室绿化办')
  // Proposed (拟办) only: the reply clock starts at the leader's 批示 (交办).
  await expect(summary(page)).not.toContainText('交办时间')
})

test('the leader cannot instruct without writing an instruction, then instructs (交办)', async ({ page }) => {
  await signIn(page, 'leader@demo.local')
  await openDoc(page, 'proposals', id())
  await refusedStep(page, '批示', async () => {}, '请填写批示内容')
  await page.keyboard.press('Escape')
  expect(await statusOf(page, id())).toBe('accepted')

  await takeStep(page, '批示', (d) => d.getByLabel('批示内容').fill('请城管分队会同绿化办实地查看，尽快提出解决方案并按期答复代表。'), '批示已保存')
  expect(await statusOf(page, id())).toBe('instructed')
  // The 批示 is the 交办: the reply deadline is set now.
  await expect(summary(page)).toContainText(/答复期限\d{4}年\d{1,2}月\d{1,2}日（剩 \d+ 个工作日）/)
  await expect(summary(page)).toContainText('交办时间')
})

test('the lead section takes it on and drafts a reply; staff cannot sign it off', async ({ page }) => {
  await signIn(page, 'staff@demo.local')
  await openDoc(page, 'proposals', id())
  await takeStep(page, '开始办理', undefined, '已开始办理')
  expect(await statusOf(page, id())).toBe('inProgress')

  // 起草答复: a new reply for this proposal, the proposal already chosen.
  await actionBar(page).getByRole('button', { name: '起草答复' }).click()
  const drawer = page.locator('.doc-drawer')
  await expect(drawer.locator('#field-proposal')).toContainText('竹林路与松风路交叉口缺少红绿灯')
  await choose(page, 'class', 'A 已解决或采纳')
  await drawer.locator('#field-text').fill('经与交警部门会商，已在该路口增设信号灯和斑马线，并安排上下学时段协管员值守。')
  await drawer.locator('#action-save').click()
  await expect(page.locator('.payload-toast-container')).toContainText('答复稿已保存')
  await expect(drawer).toHaveCount(0)
  const replies = await apiGet(page, `/replies?where[proposal][equals]=${id()}&depth=0`)
  expect(replies.totalDocs).toBe(1)
  // Staff may draft, but 签发 is not theirs.
  await actionBar(page).getByRole('link', { name: /答复稿/ }).click()
  await page.waitForURL(/\/replies\/\d+/)
  await expect(page.locator('#action-save')).toBeVisible()
  await expect(page.locator('.action-bar')).toHaveCount(0)
})

test('the head cannot sign off while the co-section’s opinion is awaited; the co-section gives it', async ({ page }) => {
  await signIn(page, 'head@demo.local')
  const replies = await apiGet(page, `/replies?where[proposal][equals]=${id()}&depth=0`)
  await openDoc(page, 'replies', replies.docs[0].id)
  // Beside the draft: which co-section is awaited, and until when.
  await expect(page.getByText(/等待“绿化办”的意见：期限/)).toBeVisible()
  await refusedStep(page, '签发', async (d) => expect(d).toContainText('协办科室“绿化办”的意见尚未提交'), /协办科室“绿化办”的意见尚未提交/)
  await page.keyboard.press('Escape')

  // The co-section's staff (the test world's 绿化办), from the proposal's action bar.
  await signIn(page, 'co@test.local')
  await openDoc(page, 'proposals', id())
  await takeStep(page, '提出协办意见', (d) => d.getByLabel('协办意见').fill('绿化办同意修剪遮挡路口视线的行道树。'), '协办意见已提交')
})

test('the section head signs the reply off', async ({ page }) => {
  await signIn(page, 'head@demo.local')
  const replies = await apiGet(page, `/replies?where[proposal][equals]=${id()}&depth=0`)
  expect(replies.totalDocs).toBe(1)
  await openDoc(page, 'replies', replies.docs[0].id)
  await expect(page.getByText('绿化办同意修剪遮挡路口视线的行道树。')).toBeVisible()
  await takeStep(page, '签发', undefined, '已签发')
  const reply = await apiGet(page, `/replies/${replies.docs[0].id}?depth=0`)
  expect(reply.signedOffAt).toBeTruthy()
  await expect(summary(page)).toContainText(reply.docNumber)
  expect(await statusOf(page, id())).toBe('inProgress')
})

test('the office publishes the reply and the proposal is replied; closing too early is refused', async ({ page }) => {
  await signIn(page, 'office@demo.local')
  const replies = await apiGet(page, `/replies?where[proposal][equals]=${id()}&depth=0`)
  await openDoc(page, 'replies', replies.docs[0].id)
  await takeStep(page, '公开', undefined, '答复已公开')
  expect(await statusOf(page, id())).toBe('replied')

  await openDoc(page, 'proposals', id())
  await refusedStep(page, '办结', async (d) => expect(d).toContainText('现在还不能办结'), /提案人尚未评价/)
  await page.keyboard.press('Escape')
  expect(await statusOf(page, id())).toBe('replied')

  const exp = await apiGet(page, '/public/export')
  const p = exp.proposals.find((x: any) => x.number === process.env.E2E_PROPOSAL_NUMBER)
  expect(p.status).toBe('replied')
  expect(p.replies[0].text).toContain('增设信号灯')
  expect(p.instructions[0].text).toContain('实地查看')
})

test('the published reply appears on the public proposal page after the automatic rebuild, nothing restarted', async ({ page }) => {
  const url = `${base()}/proposals/${process.env.E2E_PROPOSAL_NUMBER}/`
  const exp = await (await page.request.get(`${base()}/api/public/export`)).json()
  const published = Date.parse(exp.proposals.find((x: any) => x.number === process.env.E2E_PROPOSAL_NUMBER).replies[0].publishedAt)
  // The rebuild job runs in the server within seconds; a build takes a few more.
  await expect(async () => {
    await page.goto(url)
    await expect(page.getByRole('region', { name: '第 1 轮答复' })).toContainText('增设信号灯', { timeout: 1000 })
  }).toPass({ timeout: 90_000, intervals: [2000] })
  console.log(`publish latency (reply published → public page shows it): ${((Date.now() - published) / 1000).toFixed(1)} s`)
  await expect(page.getByRole('heading', { level: 1 })).toContainText('竹林路与松风路交叉口缺少红绿灯')
  await expect(page.locator('article')).toContainText('已答复')
  await expect(page.locator('article')).toContainText('实地查看') // the leader's instruction
})

test("the office's list shows what waits on it, and only that", async ({ page }) => {
  await signIn(page, 'office@demo.local')
  await page.goto(`${base()}/admin/collections/proposals`)
  await expect(page.locator('.waiting-on-me')).toContainText('待我处理')
  // The other proposal waits on the office to name its lead section; the answered one waits on its
  // proposer's evaluation now, not on the office (core/duties.ts).
  await expect(page.locator('.waiting-on-me tr', { hasText: '梅园路菜场早市噪音扰民' })).toContainText('待交办')
  await expect(page.locator('.waiting-on-me')).not.toContainText('竹林路与松风路交叉口缺少红绿灯')
})

test.describe('language', () => {
  test.use({ locale: 'en-US' })
  test('the admin speaks zh-CN by default, even to an English browser', async ({ page }) => {
    await page.goto(`${base()}/admin/login`)
    await expect(page.locator('button[type=submit]')).toHaveText('登录')
  })
})
