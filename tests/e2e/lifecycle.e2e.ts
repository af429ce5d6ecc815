// One proposal through the whole lifecycle in the admin, each step by the person whose job it
// is: the office screens and assigns, the leader instructs, the section drafts, its head
// signs off, the office publishes. Illegal steps are refused with the zh-CN reason.
import { expect, test } from '@playwright/test'
import { apiGet, base, choose, expectRefused, expectSaved, fill, leaveDocument, openDoc, save, signIn, statusOf, tick } from './helpers'

const id = () => process.env.E2E_PROPOSAL_ID!

test.describe.configure({ mode: 'serial' })
// Leave the document as a person would, which releases Payload's edit lock for the next person.
test.afterEach(async ({ page }) => leaveDocument(page))

test('the office screens and accepts, then proposes a lead section', async ({ page }) => {
  await signIn(page, 'office@demo.local')
  await openDoc(page, 'proposals', id())
  await expect(page.locator('#field-number')).toHaveValue(process.env.E2E_PROPOSAL_NUMBER!)
  // Only the office's own next steps are offered: no way back to 草稿, nothing a leader does.
  await page.locator('#field-status .rs__control').click()
  await expect(page.locator('#field-status .rs__option')).toHaveText(['已提交待甄别', '已立案待批示', '已并案', '已依法分流', '不予立案'])
  await page.keyboard.press('Escape')
  await save(page, async () => {
    await choose(page, 'status', '已立案待批示')
  })
  await expectRefused(page, /甄别结论与目标状态不一致/)
  expect(await statusOf(page, id())).toBe('submitted')

  await save(page, async () => {
    await choose(page, 'status', '已立案待批示')
    await choose(page, 'screening__decision', '立案')
    await fill(page, 'screening__reason', '属于城管分队和绿化办职责，予以立案。')
  })
  await expectSaved(page)
  expect(await statusOf(page, id())).toBe('accepted')

  await openDoc(page, 'proposals', id())
  await save(page, async () => {
    await choose(page, 'assignment__leadSection', '城管分队')
    await choose(page, 'assignment__coSections', '绿化办')
  })
  await expectSaved(page)
  await openDoc(page, 'proposals', id())
  // Proposed (拟办) only: the reply clock starts at the leader's 批示 (交办).
  await expect(page.locator('#field-assignment__deadline')).toHaveValue('')
})

test('the leader cannot instruct without writing an instruction, then instructs (交办)', async ({ page }) => {
  await signIn(page, 'leader@demo.local')
  await openDoc(page, 'proposals', id())
  await save(page, async () => {
    await choose(page, 'status', '已批示交办')
  })
  await expectRefused(page, /须先写批示/)
  expect(await statusOf(page, id())).toBe('accepted')

  await save(page, async () => {
    await fill(page, 'newInstruction', '请城管分队会同绿化办实地查看，尽快提出解决方案并按期答复代表。')
  })
  await expectSaved(page)
  expect(await statusOf(page, id())).toBe('instructed')
  // The 批示 is the 交办: the reply deadline is set now.
  await openDoc(page, 'proposals', id())
  await expect(page.locator('#field-assignment__deadline')).toHaveValue(/^\d{4}-\d{2}-\d{2}$/)
})

test('the lead section takes it on and drafts a reply; staff cannot sign it off', async ({ page }) => {
  await signIn(page, 'staff@demo.local')
  await openDoc(page, 'proposals', id())
  await save(page, async () => {
    await choose(page, 'status', '办理中')
  })
  await expectSaved(page)
  expect(await statusOf(page, id())).toBe('inProgress')

  await page.goto(`${base()}/admin/collections/replies/create`)
  // Staff may draft, but the sign-off box is not theirs.
  await expect(page.locator('#field-signOff')).toHaveCount(0)
  await save(page, async () => {
    await choose(page, 'proposal', '竹林路与松风路交叉口缺少红绿灯')
    await choose(page, 'class', 'A 已解决或采纳')
    await fill(page, 'text', '经与交警部门会商，已在该路口增设信号灯和斑马线，并安排上下学时段协管员值守。')
  })
  await expectSaved(page)
  await page.waitForURL(/\/replies\/\d+/)
})

test('the head cannot sign off while the co-section’s opinion is awaited; the co-section gives it', async ({ page }) => {
  await signIn(page, 'head@demo.local')
  const replies = await apiGet(page, `/replies?where[proposal][equals]=${id()}&depth=0`)
  await openDoc(page, 'replies', replies.docs[0].id)
  // Beside the draft: which co-section is awaited, and until when.
  await expect(page.getByText(/等待“绿化办”的意见：期限/)).toBeVisible()
  await save(page, async () => {
    await tick(page, 'signOff')
  })
  await expectRefused(page, /协办科室“绿化办”的意见尚未提交/)

  // The co-section's staff (the test world's 绿化办).
  await signIn(page, 'co@test.local')
  await page.goto(`${base()}/admin/collections/co-opinions/create`)
  await save(page, async () => {
    await choose(page, 'proposal', '竹林路与松风路交叉口缺少红绿灯')
    await fill(page, 'text', '绿化办同意修剪遮挡路口视线的行道树。')
  })
  await expectSaved(page)
})

test('the section head signs the reply off', async ({ page }) => {
  await signIn(page, 'head@demo.local')
  const replies = await apiGet(page, `/replies?where[proposal][equals]=${id()}&depth=0`)
  expect(replies.totalDocs).toBe(1)
  await openDoc(page, 'replies', replies.docs[0].id)
  await expect(page.getByText('绿化办同意修剪遮挡路口视线的行道树。')).toBeVisible()
  await save(page, async () => {
    await tick(page, 'signOff')
  })
  await expectSaved(page)
  const reply = await apiGet(page, `/replies/${replies.docs[0].id}?depth=0`)
  expect(reply.signedOffAt).toBeTruthy()
  expect(await statusOf(page, id())).toBe('inProgress')
})

test('the office publishes the reply and the proposal is replied; closing too early is refused', async ({ page }) => {
  await signIn(page, 'office@demo.local')
  const replies = await apiGet(page, `/replies?where[proposal][equals]=${id()}&depth=0`)
  await openDoc(page, 'replies', replies.docs[0].id)
  await save(page, async () => {
    await tick(page, 'publish')
  })
  await expectSaved(page)
  expect(await statusOf(page, id())).toBe('replied')

  await openDoc(page, 'proposals', id())
  await save(page, async () => {
    await choose(page, 'status', '已办结')
  })
  await expectRefused(page, /提案人尚未评价/)
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
