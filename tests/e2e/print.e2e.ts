// Printed documents (issue 13 §9): the head signs a reply off by clicks (签发 on the action bar) and it gets its 文号; the
// office opens it, clicks 打印答复函, and the A4 letter printed to PDF by Chromium reads back with the
// 文号, 主送, the text, 签发人, the date and the contact. After publishing, 打印意见征询表 on the
// proposal prints the evaluation form with the proposal and the reply, and the office enters a paper
// answer on the representative's behalf. Whoever may not read the
// reply — another section, the proposer in the portal, someone not signed in — gets nothing.
import { expect, test, type Page } from '@playwright/test'
import { formatChineseDate } from '../../core/documents'
import { apiGet, base, choose, DemoPassword, expectSaved, leaveDocument, openDoc, save, signIn, takeStep } from './helpers'
import { fold, pdfText } from './pdfText'

const proposalId = () => process.env.E2E_PRINT_PROPOSAL_ID!
const replyId = () => process.env.E2E_PRINT_REPLY_ID!
const Title = '兰亭居民区北门外路灯损坏'
const ReplyText = ['经现场查看，北门外三盏路灯因线路老化损坏，已更换其中两盏。', '第三盏需更换灯杆，已列入本月维修计划。']

// Each test signs in as two people and prints a PDF: more than the default two minutes on a busy machine.
test.describe.configure({ mode: 'serial', timeout: 300_000 })
test.afterEach(async ({ page }) => leaveDocument(page))

/** Chromium's PDF of the page (print CSS, the page size it asks for), read back. */
const printToPdf = async (page: Page) => pdfText(await page.pdf({ preferCSSPageSize: true, printBackground: true }))

/** Clicks the button that opens a document in a new tab, and returns that tab once loaded. */
async function openPrint(page: Page, name: string): Promise<Page> {
  const [tab] = await Promise.all([page.context().waitForEvent('page'), page.getByRole('link', { name }).click()])
  await tab.waitForLoadState('networkidle')
  return tab
}

const A4 = [595, 842]
/** What the first test learns: the reply's 文号. */
const story = { docNumber: '' }

test('the head signs off by clicks; the office prints the letter: 文号, 主送, text, 签发人, date, contact', async ({ page }) => {
  await signIn(page, 'head@demo.local')
  await openDoc(page, 'replies', replyId())
  // A draft has no letter yet: the place of the button says when there will be one.
  await expect(page.getByText('签发后可在此打印答复函。')).toBeVisible()
  await expect(page.getByRole('link', { name: '打印答复函' })).toHaveCount(0)
  await takeStep(page, '签发', undefined, '已签发')
  const signed = await apiGet(page, `/replies/${replyId()}?depth=1`)
  expect(signed.docNumber).toMatch(/^〔\d{4}〕城管答字第\d{3}号$/)
  story.docNumber = signed.docNumber
  await expect(page.locator('#field-docNumber')).toHaveValue(signed.docNumber)
  await leaveDocument(page)

  await signIn(page, 'office@demo.local')
  await openDoc(page, 'replies', replyId())
  const letter = await openPrint(page, '打印答复函')
  const sheet = letter.locator('.print-sheet')
  await expect(sheet).toContainText(signed.docNumber)
  // No English on the page: only the allowed Latin words (the reply's class A/B/C, PDF).
  const latin = (s: string) => s.replace(/(?<![A-Za-z])(?:[ABC]|PDF)(?![A-Za-z])/g, '')
  expect(latin(await letter.locator('body').innerText())).not.toMatch(/[A-Za-z]/)

  const { text, size } = await printToPdf(letter)
  expect(size).toEqual(A4)
  for (const expected of [
    '梅园街道办事处城管分队',
    signed.docNumber,
    `签发人：${signed.signedOffBy.name}`,
    `关于《${Title}》的答复`,
    '赵秀兰代表、刘德明代表：',
    ...ReplyText,
    '承诺事项：',
    '更换北门外第三盏路灯灯杆（完成时限：2027年3月31日）',
    formatChineseDate(signed.signedOffAt),
    '联系人：孙立',
    '联系电话：021-50812301',
  ])
    expect(text, expected).toContain(fold(expected))
  await letter.close()
})

test('after publishing, 打印意见征询表 prints the proposal and its reply with the boxes to tick', async ({ page }) => {
  await signIn(page, 'office@demo.local')
  await openDoc(page, 'replies', replyId())
  await takeStep(page, '公开', undefined, '答复已公开')
  await openDoc(page, 'proposals', proposalId())
  const form = await openPrint(page, '打印意见征询表')
  // One form for each representative who has not evaluated the reply yet: C (the proposer) and B.
  await expect(form.locator('.print-sheet')).toHaveCount(2)
  const { text, pages, size } = await printToPdf(form)
  expect(size).toEqual(A4)
  expect(pages).toBeGreaterThanOrEqual(2)
  for (const expected of ['代表意见征询表', '代表：赵秀兰', '代表：刘德明', Title, '兰亭居民区北门外三盏路灯损坏已一个多月', ...ReplyText, '满意', '基本满意', '不满意', '意见和建议', '代表签名'])
    expect(text, expected).toContain(fold(expected))
  await form.close()
})

test('the office enters C’s paper answer in the admin: recorded as entered on her behalf', async ({ page }) => {
  await signIn(page, 'office@demo.local')
  await page.goto(`${base()}/admin/collections/evaluations/create`)
  // What was entered on paper, as the office types it; 代为录入 is not a field anyone fills in.
  await expect(page.locator('#field-recordedBy')).toHaveCount(0)
  await save(page, async () => {
    await choose(page, 'proposal', Title)
    await choose(page, 'reply', '第1轮答复')
    await choose(page, 'representative', '赵秀兰')
    await page.locator('#field-rating').getByText('基本满意', { exact: true }).click()
  })
  await expectSaved(page)
  await page.waitForURL(/\/evaluations\/\d+/)
  const id = page.url().split('/').pop()!.split('?')[0]
  const saved = await apiGet(page, `/evaluations/${id}?depth=1`)
  expect([saved.representative.name, saved.rating, saved.recordedBy?.name]).toEqual(['赵秀兰', 'basicallySatisfied', '周敏（代表工作室）'])
  // The record says who entered it.
  await page.reload()
  await expect(page.locator('#field-recordedBy')).toContainText('周敏（代表工作室）')
  // …and the form now prints only for B.
  await openDoc(page, 'proposals', proposalId())
  const form = await openPrint(page, '打印意见征询表')
  await expect(form.locator('.print-sheet')).toHaveCount(1)
  await expect(form.locator('.form__for')).toHaveText('代表：刘德明')
  await form.close()
})

test('the print pages give nothing to whoever may not read the reply', async ({ page, browser }) => {
  const letterURL = `${base()}/admin/print/reply/${replyId()}`
  const formURL = `${base()}/admin/print/evaluation/${proposalId()}`
  const leaks = (body: string) => [...ReplyText, Title, story.docNumber].some((t) => body.includes(t))
  expect(story.docNumber).toMatch(/答字第/)

  // Another section's head: staff, but the proposal is not theirs.
  await signIn(page, 'head2@test.local')
  for (const url of [letterURL, formURL]) {
    const res = await page.goto(url)
    expect(res?.status(), url).toBe(404)
    expect(leaks(await page.content()), url).toBe(false)
  }

  // Not signed in: sent to sign in (as Payload's own pages do, by a redirect in the streamed page), nothing of the letter on the way.
  const anonymous = await browser.newContext()
  const res = await anonymous.request.get(letterURL, { maxRedirects: 0 })
  expect(leaks(await res.text())).toBe(false)
  const visitor = await anonymous.newPage()
  await visitor.goto(letterURL)
  await visitor.waitForURL(/\/admin\/login\?redirect=/)
  expect(leaks(await visitor.content())).toBe(false)
  await anonymous.close()

  // The proposer herself, signed in to the portal: the printed documents are the staff's.
  const portal = await browser.newContext()
  const signedIn = await portal.request.post(`${base()}/api/portal/sign-in`, { data: { login: 'rep-c', password: DemoPassword }, headers: { Origin: base() } })
  expect(signedIn.ok()).toBe(true)
  for (const url of [letterURL, formURL]) {
    const answer = await portal.request.get(url, { maxRedirects: 0 })
    expect(leaks(await answer.text()), url).toBe(false)
    // Payload sends a signed-in account without the admin (a representative) to its 无权访问 page.
    expect([answer.status(), answer.headers().location], url).toEqual([307, expect.stringMatching(/^\/admin\/unauthorized/)])
  }
  await portal.close()
})
