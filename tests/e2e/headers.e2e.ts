// The security headers of scripts/serve.mjs in Chromium: the public site (search included), the
// portal and the admin work under their Content-Security-Policy with no violation reported,
// and none of them shows inside a frame of another origin.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { expect, test, type BrowserContext, type Page } from '@playwright/test'
import { base, DemoPassword, signIn } from './helpers'

const title = '竹林路与松风路交叉口缺少红绿灯'
/** Screened in the e2e set-up, so public from the first build. */
const publicTitle = '梅园路菜场早市噪音扰民'

/** Every CSP violation the pages of a context report, from the event and from the console. */
async function watchViolations(context: BrowserContext): Promise<string[]> {
  const seen: string[] = []
  await context.exposeBinding('reportViolation', (_source, text: string) => void seen.push(text))
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { reportViolation(text: string): void }).reportViolation(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} on ${location.pathname}`),
    )
  })
  context.on('console', (m) => {
    if (/Content.Security.Policy/i.test(m.text())) seen.push(m.text())
  })
  return seen
}

test.beforeAll(async ({ request }) => {
  // The server builds the public site by itself after it starts.
  await expect(async () => expect((await request.get(`${base()}/portal/login/`)).status()).toBe(200)).toPass({ timeout: 120_000, intervals: [2000] })
})

test('the public site and its search work under the site’s policy', async ({ browser }) => {
  const context = await browser.newContext()
  const violations = await watchViolations(context)
  const page = await context.newPage()
  await page.goto(`${base()}/`)
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible()
  // The stylesheet is a file now; it must have applied.
  expect(await page.evaluate(() => getComputedStyle(document.querySelector('header.site')!).display)).not.toBe('inline')
  await page.goto(`${base()}/proposals/${process.env.E2E_PUBLIC_NUMBER}/`)
  await expect(page.getByRole('heading', { level: 1 })).toContainText(publicTitle)
  await page.goto(`${base()}/sections/`)
  await expect(page.locator('svg.chart').first()).toBeVisible()
  await page.goto(`${base()}/proposals/`)
  await expect(page.getByRole('form', { name: '筛选与排序' })).toBeVisible()
  // Pagefind: its script, its WebAssembly and its index.
  await page.goto(`${base()}/search/`)
  await page.locator('#search input').fill('噪音')
  await expect(page.locator('#search')).toContainText(publicTitle)
  expect(violations).toEqual([])
  await context.close()
})

test('the portal works under the site’s policy', async ({ browser }) => {
  const context = await browser.newContext()
  const violations = await watchViolations(context)
  const page = await context.newPage()
  await page.goto(`${base()}/portal/login/`)
  await page.getByLabel('登录名或手机号').fill('rep-a')
  await page.getByLabel('密码', { exact: true }).fill(DemoPassword)
  await page.getByRole('button', { name: '登录' }).click()
  await expect(page.getByRole('heading', { name: '代表门户：我的提案' })).toBeVisible()
  await page.goto(`${base()}/portal/new/`)
  await expect(page.getByRole('heading', { name: '写新提案' })).toBeVisible()
  await page.goto(`${base()}/portal/sessions/`)
  await expect(page.getByRole('heading', { name: '登录设备' })).toBeVisible()
  expect(violations).toEqual([])
  await context.close()
})

test('the admin works under its policy', async ({ browser }) => {
  const context = await browser.newContext()
  const violations = await watchViolations(context)
  const page: Page = await context.newPage()
  await signIn(page, 'office@demo.local')
  await page.goto(`${base()}/admin/collections/proposals`)
  await expect(page.getByRole('link', { name: title }).first()).toBeVisible()
  expect(violations).toEqual([])
  await context.close()
})

test('none of them can be framed by another origin', async ({ page }) => {
  const targets = [`${base()}/`, `${base()}/portal/login/`, `${base()}/admin/login`]
  const other: Server = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
    res.end(`<!doctype html><title>elsewhere</title>${targets.map((t) => `<iframe src="${t}"></iframe>`).join('')}`)
  })
  await new Promise<void>((r) => other.listen(0, '127.0.0.1', r))
  try {
    const framed = `http://127.0.0.1:${(other.address() as AddressInfo).port}/`
    expect(new URL(framed).origin).not.toBe(new URL(base()).origin)
    await page.goto(framed)
    await page.waitForLoadState('load')
    const frames = page.frames().filter((f) => f !== page.mainFrame())
    expect(frames).toHaveLength(targets.length)
    for (const frame of frames) {
      // A frame refused by frame-ancestors holds Chromium's error page, not the page asked for.
      expect(targets).not.toContain(frame.url())
      expect(await frame.evaluate(() => document.title).catch(() => '')).not.toMatch(/代表|登录|Payload/)
    }
  } finally {
    other.close()
  }
})
