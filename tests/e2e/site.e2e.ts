// The public site in Chromium, as the server built it: filters with and without JavaScript,
// search, the feed, and axe-core on every page type (no serious or critical violation).
import { expect, test } from '@playwright/test'
import { axeViolations, base } from './helpers'

const number = () => process.env.E2E_PROPOSAL_NUMBER!
const title = '竹林路与松风路交叉口缺少红绿灯'

test.beforeAll(async ({ request }) => {
  // The first build follows the server's start; wait for it (and for the lifecycle's reply, if that ran first).
  await expect(async () => expect((await request.get(`${base()}/`)).status()).toBe(200)).toPass({ timeout: 90_000, intervals: [2000] })
})

test('filters combine instantly with JavaScript', async ({ page }) => {
  await page.goto(`${base()}/proposals/`)
  const filter = page.getByRole('form', { name: '筛选与排序' })
  await expect(filter).toBeVisible()
  const status = await page.request.get(`${base()}/data/index.json`).then((r) => r.json())
  const mine = status.rows.find((r: any[]) => r[0] === number())
  await filter.getByLabel('状态').selectOption(mine[3])
  await expect(page.locator('.filter-results')).toContainText(`${number()} ${title}`)
  await filter.getByLabel('居民区').selectOption({ index: 1 })
  await filter.getByLabel('状态').selectOption('closed')
  await expect(page.locator('.filter-results')).toContainText('共 0 件')
  await filter.getByRole('button', { name: '清除条件' }).click()
  await expect(page.locator('#server-results')).toBeVisible()
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })
  test('facet links filter, and the filter form is not offered', async ({ page }) => {
    await page.goto(`${base()}/proposals/`)
    await expect(page.getByRole('form', { name: '筛选与排序' })).toBeHidden()
    await page.getByText('按居民区').click()
    const area = page.getByRole('navigation', { name: '按条件查看' }).getByRole('link', { name: '竹林居民区' })
    await area.click()
    await expect(page.getByRole('heading', { level: 1 })).toContainText('居民区：竹林居民区')
    await expect(page.locator('main')).toContainText(title)
  })
})

test('search finds a proposal by a Chinese word of its title, loading the index only on the search page', async ({ page }) => {
  const loaded: string[] = []
  page.on('request', (r) => loaded.push(r.url()))
  await page.goto(`${base()}/`)
  expect(loaded.filter((u) => u.includes('/pagefind/'))).toEqual([])
  await page.getByRole('searchbox', { name: '搜索提案' }).fill('红绿灯')
  await page.getByRole('button', { name: '搜索' }).click()
  await expect(page).toHaveURL(/\/search\/\?q=/)
  await expect(page.locator('#search')).toContainText(title)
  await page.locator('#search').getByRole('link', { name: new RegExp(title) }).click()
  await expect(page).toHaveURL(new RegExp(`/proposals/${number()}/`))
})

test('search finds a word of a reply, shows that text around it marked, and no English', async ({ page }) => {
  // 交警 is only in the reply that lifecycle.e2e.ts publishes on this proposal (as the tests above, this
  // file runs after it): the result shows the reply's words around the match, not the proposal's start.
  await page.goto(`${base()}/search/?q=${encodeURIComponent('交警')}`)
  const result = page.locator('#search .pagefind-ui__result').filter({ hasText: title })
  await expect(result).toHaveCount(1)
  const excerpt = result.locator('.pagefind-ui__result-excerpt')
  await expect(excerpt.locator('mark')).toHaveText(['交警'])
  await expect(excerpt).toContainText('经与交警部门会商，已在该路口增设')
  await expect(excerpt).not.toContainText('该路口车流量大')
  await expect(result.locator('.pagefind-ui__result-tag')).toHaveCount(0)
  const shown = await page.locator('#search').innerText()
  expect(shown).toContain('有关的提案')
  expect(shown).not.toMatch(/[A-Za-z]/)
  expect(await page.locator('#search input').getAttribute('placeholder')).toBe('输入关键词，例如：电梯、路灯')
})

test('the Atom feed lists new replies and links to their pages', async ({ request }) => {
  const r = await request.get(`${base()}/feed.xml`)
  expect(r.headers()['content-type']).toContain('application/atom+xml')
  const xml = await r.text()
  expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom"')
  expect(xml).toContain(`新答复：${number()} ${title}`)
  expect(xml).toContain(`/proposals/${number()}/`)
})

const pages = () => [
  '/',
  '/proposals/',
  `/proposals/${number()}/`,
  '/proposals/status/replied/',
  '/sections/',
  '/sections/chengguan/',
  '/about/',
  '/data/',
  '/search/?q=路口',
  '/no-such-page/',
]

test('axe-core finds no serious or critical violation on any page type (WCAG 2.2 AA)', async ({ page }) => {
  const found: string[] = []
  for (const path of [...pages(), await representativePath(page)]) {
    await page.goto(`${base()}${path}`)
    if (path.startsWith('/search/')) await expect(page.locator('#search')).toContainText(title)
    for (const v of await axeViolations(page)) found.push(`${path}: ${v}`)
  }
  expect(found).toEqual([])
})

test('a proposal page is readable on a 360-px phone and prints as a clean record', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 })
  await page.goto(`${base()}/proposals/${number()}/`)
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
  expect(overflow).toBeLessThanOrEqual(0)
  await page.emulateMedia({ media: 'print' })
  await expect(page.getByRole('navigation', { name: '主导航' })).toBeHidden()
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  const pdf = await page.pdf({ format: 'A4' })
  expect(pdf.byteLength).toBeGreaterThan(10_000)
})

async function representativePath(page: import('@playwright/test').Page): Promise<string> {
  const data = await page.request.get(`${base()}/data/proposals.json`).then((r) => r.json())
  return `/representatives/${data.proposals[0].proposer.id}/`
}
