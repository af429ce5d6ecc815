// The staff's part of a proposal's story in Payload's admin, each step by the person whose job
// it is, for tests whose subject is something else (the portal), from the action bar: the office
// screens and assigns (立案), the leader instructs, the lead section takes it on and drafts a reply, its head
// signs it off, the office publishes.
import { expect, type Page } from '@playwright/test'
import { apiGet, base, choose, expectSaved, fill, leaveDocument, openDoc, save, signIn, statusOf, takeStep } from './helpers'

export async function screenAndAssign(page: Page, id: string | number, lead: string) {
  await signIn(page, 'office@demo.local')
  await openDoc(page, 'proposals', id)
  // 立案 names the lead section in the same step.
  await takeStep(page, '立案', async (d) => {
    await d.getByLabel('立案理由').fill('属于本街道职责，予以立案。')
    await d.getByLabel('主办科室').selectOption({ label: lead })
  }, '已立案')
  expect(await statusOf(page, id)).toBe('accepted')
  await leaveDocument(page)
}

export async function instruct(page: Page, id: string | number, text: string) {
  await signIn(page, 'leader@demo.local')
  await openDoc(page, 'proposals', id)
  // The 批示 is the 交办: an accepted item becomes instructed with it.
  await takeStep(page, '批示', (d) => d.getByLabel('批示内容').fill(text), '批示已保存')
  expect(await statusOf(page, id)).toBe('instructed')
  await leaveDocument(page)
}

/** The lead section's staff (taking the item on first if it is only instructed) drafts a reply. */
export async function draftReply(page: Page, id: string | number, title: string, text: string) {
  await signIn(page, 'staff@demo.local')
  if ((await statusOf(page, id)) === 'instructed') {
    await openDoc(page, 'proposals', id)
    await takeStep(page, '开始办理', undefined, '已开始办理')
    await leaveDocument(page)
  }
  await page.goto(`${base()}/admin/collections/replies/create`)
  await save(page, async () => {
    await choose(page, 'proposal', title)
    await choose(page, 'class', 'A 已解决或采纳')
    await fill(page, 'text', text)
  })
  await expectSaved(page)
  await page.waitForURL(/\/replies\/\d+/)
  await leaveDocument(page)
}

/** The section head signs off the proposal's reply that awaits it; the office publishes it. */
export async function signOffAndPublish(page: Page, id: string | number) {
  await signIn(page, 'head@demo.local')
  const pending = (await apiGet(page, `/replies?where[proposal][equals]=${id}&where[signedOffAt][exists]=false&depth=0`)).docs
  expect(pending).toHaveLength(1)
  await openDoc(page, 'replies', pending[0].id)
  await takeStep(page, '签发', undefined, '已签发')
  await leaveDocument(page)
  await signIn(page, 'office@demo.local')
  await openDoc(page, 'replies', pending[0].id)
  await takeStep(page, '公开', undefined, '答复已公开')
  expect(await statusOf(page, id)).toBe('replied')
  await leaveDocument(page)
}
