// The admin speaks only zh-CN: for every role's main screens (workbench, every list it has with
// its column chooser, filter and sort buttons, a proposal's edit view tab by tab, a reply, the
// follow-up drawer, the account page) no visible text, aria-label, title or placeholder holds a
// Latin word outside a short allow-list, and no date is written the US way. A failure prints
// every offending string with the screen it was seen on.
import { expect, test, type Page } from '@playwright/test'
import { base, leaveDocument, openDoc, signIn } from './helpers'
import { StoryTitle } from './storyProposal'

test.afterEach(async ({ page }) => leaveDocument(page))

/**
 * Latin words a zh-CN user may meet: file formats, products named on the admin's status page, a
 * key's name, and the systems and browsers a representative's portal sign-in was made from.
 */
const AllowedWords = new Set(['PDF', 'Excel', 'SQLite', 'PostgreSQL', 'Alt', 'Windows', 'Linux', 'Mac', 'Android', 'iPhone', 'iPad', 'Chrome', 'Firefox', 'Safari', 'Edge'])
/**
 * Data, not language: demo accounts' e-mail addresses, representatives' login names, the test world's
 * planted private values (a phone "PRIVATE-PHONE-rep-a" the office may see), and the names of the
 * server's settings the admin's 系统状态 tells them to set (SMTP_URL, SMS_URL).
 */
const DataPatterns = [/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, /\bPRIVATE-[A-Z]+-rep-[a-z]\b/g, /\brep-[a-z]\b/g, /\b[A-Z]+(?:_[A-Z]+)+\b/g]
/** US dates (11/30/2026, Nov 30, 2026, 2:04 AM) and date-fns' default formats in zh (11月 30, 2026; 下午 2:04). */
const USDate = /\b\d{1,2}\/\d{1,2}\/\d{2,4}\b|\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}\b|\b\d{1,2}:\d{2}\s*[AP]M\b|\d{1,2}月\s*\d{1,2},\s*\d{4}|[上下]午\s*\d{1,2}:\d{2}/

/** What the person sees or hears: the page's text, its title, and every aria-label, title, placeholder and alt. */
async function strings(page: Page): Promise<string[]> {
  // The page is live: the admin's translator of Payload's hardcoded English (cms/components/ChineseAdmin.tsx) has run.
  await expect(page.locator('html[data-chinese="on"]')).toHaveCount(1)
  return page.evaluate(() => {
    const out = [document.title, ...document.body.innerText.split('\n')]
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      for (const attr of ['aria-label', 'title', 'placeholder', 'alt', 'aria-description']) {
        const v = el.getAttribute(attr)
        if (v) out.push(`${v}  ‹${attr}›`)
      }
    }
    return out.map((s) => s.trim()).filter(Boolean)
  })
}

/** The strings on this screen that are not zh-CN: Latin words off the allow-list, or US dates. */
export function offending(all: string[]): string[] {
  const bad = new Set<string>()
  for (const s of all) {
    const text = s.replace(/\s+‹[a-z-]+›$/, '')
    let rest = text
    for (const p of DataPatterns) rest = rest.replace(p, ' ')
    const words = (rest.match(/[A-Za-z]{2,}/g) ?? []).filter((w) => !AllowedWords.has(w))
    if (words.length > 0 || USDate.test(text)) bad.add(s)
  }
  return [...bad]
}

class Findings {
  private seen = new Map<string, Set<string>>()
  constructor(private role: string) {}
  async check(page: Page, screen: string) {
    for (const s of offending(await strings(page))) {
      if (!this.seen.has(s)) this.seen.set(s, new Set())
      this.seen.get(s)!.add(screen)
    }
  }
  report(): string {
    const where = (screens: Set<string>) => [...screens].slice(0, 3).join('; ') + (screens.size > 3 ? ` 等 ${screens.size} 处` : '')
    return [...this.seen].map(([s, screens]) => `  ${JSON.stringify(s)} — ${where(screens)}`).join('\n')
  }
  expectNone() {
    if (this.seen.size) console.log(`English or US dates seen by ${this.role}:\n${this.report()}`)
    expect(this.seen.size, `English or US dates seen by ${this.role}:\n${this.report()}`).toBe(0)
  }
}

/** A list: as it opens, its column chooser, its filter with the field picker open, its group-by picker. */
async function checkList(page: Page, f: Findings, name: string) {
  await expect(page.locator('.collection-list')).toBeVisible()
  await page.waitForLoadState('networkidle')
  await f.check(page, `${name}列表`)
  const columns = page.locator('.list-controls__toggle-columns')
  if (await columns.count()) {
    await columns.click()
    await expect(page.locator('.list-controls__columns')).toBeVisible()
    await f.check(page, `${name}列表的“列”`)
    await columns.click()
  }
  const where = page.locator('.list-controls__toggle-where')
  if (await where.count()) {
    await where.click()
    const add = page.locator('.where-builder__add-first-filter')
    await expect(add).toBeVisible()
    await f.check(page, `${name}列表的“筛选”`)
    const field = page.locator('.where-builder .condition__field .rs__control').first()
    await expect(async () => {
      if (await add.isVisible()) await add.click()
      await expect(field).toBeVisible({ timeout: 2000 })
    }).toPass({ timeout: 20_000 })
    await field.click()
    await expect(page.locator('.rs__menu').first()).toBeVisible()
    await f.check(page, `${name}列表的筛选字段`)
    await page.keyboard.press('Escape')
    await where.click()
  }
  const groupBy = page.locator('.list-controls__toggle-group-by')
  if (await groupBy.count()) {
    await groupBy.click()
    const picker = page.locator('.list-controls__group-by .rs__control').first()
    if (await picker.isVisible()) {
      await picker.click()
      await f.check(page, `${name}列表的“分组”`)
      await page.keyboard.press('Escape')
    }
    await groupBy.click()
  }
}

/** The lists people work in, opened with every control (their field names are checked for every collection by cms/lib/chinese.test.ts). */
const WorkLists = ['/admin/collections/proposals', '/admin/collections/replies', '/admin/collections/follow-ups', '/admin/collections/commitments']

/** Every list in the navigation, as this role sees it: the work lists with their column chooser, filter and grouping. */
async function checkEveryList(page: Page, f: Findings) {
  await page.goto(`${base()}/admin`)
  const links = await page.locator('nav a[href^="/admin/collections/"]').evaluateAll((as) => as.map((a) => [a.getAttribute('href')!, (a.textContent ?? '').trim()]))
  expect(links.length).toBeGreaterThan(0)
  for (const [href, name] of links) {
    await page.goto(`${base()}${href}`)
    if (WorkLists.includes(href)) await checkList(page, f, name)
    else {
      await expect(page.locator('.collection-list')).toBeVisible()
      await page.waitForLoadState('networkidle')
      await f.check(page, `${name}列表`)
    }
  }
}

/** The story proposal's edit view, each tab clicked. */
async function checkProposal(page: Page, f: Findings) {
  await openDoc(page, 'proposals', process.env.E2E_STORY_ID!)
  await expect(page.locator('#field-title')).toHaveValue(StoryTitle)
  // The 重新办理 round is named 第1轮, not "Rehandling 01" (in 办理情况, cms/components/Summary.tsx).
  await expect(page.locator('.doc-summary')).toContainText('第1轮重新办理')
  await f.check(page, '提案编辑页')
  const tabs = page.locator('.tabs-field__tab-button')
  for (let i = 0; i < (await tabs.count()); i++) {
    const tab = tabs.nth(i)
    if (!(await tab.isVisible())) continue
    const name = (await tab.innerText()).trim()
    await tab.click()
    await expect(tab).toHaveClass(/tabs-field__tab-button--active/)
    await page.waitForLoadState('networkidle')
    await f.check(page, `提案的“${name}”标签`)
  }
  await expect(page).toHaveURL(new RegExp(`/proposals/${process.env.E2E_STORY_ID}$`))
}

/** A reply of the story proposal, opened from the replies list. */
async function checkReply(page: Page, f: Findings) {
  await page.goto(`${base()}/admin/collections/replies`)
  await expect(page.locator('.collection-list')).toBeVisible()
  const row = page.locator('.collection-list tbody tr').first()
  await row.locator('a').first().click()
  await page.waitForURL(/\/admin\/collections\/replies\/\d+/)
  await page.waitForLoadState('networkidle')
  await f.check(page, '答复编辑页')
}

async function checkHome(page: Page, f: Findings) {
  await page.goto(`${base()}/admin`)
  await expect(page.getByRole('heading', { name: '工作台', level: 1 })).toBeVisible()
  await page.waitForLoadState('networkidle')
  await f.check(page, '工作台')
  await page.goto(`${base()}/admin/account`)
  await expect(page.locator('#field-email, #field-name').first()).toBeVisible()
  await page.waitForLoadState('networkidle')
  await f.check(page, '账户页')
}

for (const [role, email] of [
  ['代表工作室', 'office@demo.local'],
  ['街道领导', 'leader@demo.local'],
  ['经办人', 'staff@demo.local'],
  ['科室负责人', 'head@demo.local'],
  ['系统管理员', 'admin@demo.local'],
] as const) {
  test(`${role} sees only Chinese`, async ({ page }) => {
    test.setTimeout(400_000)
    const f = new Findings(role)
    await signIn(page, email)
    await checkHome(page, f)
    await checkEveryList(page, f)
    await checkProposal(page, f)
    if (email === 'office@demo.local') {
      // The follow-up drawer, opened from the proposal's 回访验证 tab.
      await page.locator('.tabs-field__tab-button', { hasText: '回访验证' }).click()
      await page.locator('.relationship-table', { hasText: '回访与验证' }).locator('.relationship-table__add-new').click()
      await expect(page.locator('.doc-drawer')).toBeVisible()
      await f.check(page, '新建回访验证的抽屉')
      await page.locator('.doc-drawer #field-kind .rs__control').click()
      await f.check(page, '新建回访验证的“方式”下拉')
      // Esc closes the dropdown, then the untouched drawer.
      await page.keyboard.press('Escape')
      await page.keyboard.press('Escape')
      await expect(page.locator('.doc-drawer')).toHaveCount(0)
      // A follow-up already recorded, opened in its drawer: titled in words (date, kind…), not "verification".
      await page.locator('.relationship-table', { hasText: '回访与验证' }).locator('.drawer-link__doc-drawer-toggler').first().click()
      await expect(page.locator('.doc-drawer__header-text')).toHaveText(/^\d{4}年\d{1,2}月\d{1,2}日 \S+/)
      await page.waitForLoadState('networkidle')
      await f.check(page, '回访验证的抽屉')
      await page.keyboard.press('Escape')
      await expect(page.locator('.doc-drawer')).toHaveCount(0)
    }
    await leaveDocument(page)
    if (email !== 'admin@demo.local') await checkReply(page, f)
    f.expectNone()
  })
}
