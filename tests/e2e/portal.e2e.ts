// The representatives' portal on a phone-sized screen, the whole story: a representative signs
// in, drafts, invites a co-signer who accepts, submits; the office screens and assigns in the
// admin; the leader instructs; the section replies; the proposer evaluates 不满意; rehandling
// starts; the second reply is evaluated 满意; the public page shows the whole story.
import { expect, test, type Browser, type Page } from '@playwright/test'
import { ErrorAnswerSchema, PortalRoutes, type PortalRoute } from '../../core/portalApi'
import { axeViolations, base, DemoPassword } from './helpers'
import { draftReply, instruct, screenAndAssign, signOffAndPublish } from './staff'

test.describe.configure({ mode: 'serial' })

const TITLE = '梅园路菜场门口早市占道，电动车无法通行'
const story = {} as { id: string; number: string }

const phone = (browser: Browser) =>
  browser.newContext({
    viewport: { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 2,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  })

async function portalSignIn(page: Page, username: string) {
  await page.goto(`${base()}/portal/login/`)
  await page.getByLabel('登录名或手机号').fill(username)
  await page.getByLabel('密码', { exact: true }).fill(DemoPassword)
  await page.getByRole('button', { name: '登录' }).click()
  await expect(page.getByRole('heading', { name: '代表门户：我的提案' })).toBeVisible()
}

async function signOut(page: Page) {
  await page.goto(`${base()}/portal/`)
  await page.getByRole('button', { name: '退出登录' }).click()
  await page.waitForURL(/\/portal\/login\//)
}

/** No serious or critical WCAG 2.2 AA violation on the page as it is now. */
async function accessible(page: Page) {
  expect(await axeViolations(page)).toEqual([])
}

/** The page must not scroll sideways at 360 px. */
async function fitsThePhone(page: Page) {
  const wide = await page.evaluate(() =>
    [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5)
      .map((e) => `${e.tagName.toLowerCase()}.${e.className} ${Math.round(e.getBoundingClientRect().right)}px`),
  )
  expect(wide, 'elements wider than the screen').toEqual([])
}

// The server builds the public site (portal pages included) by itself after it starts.
test.beforeAll(async ({ request }) => {
  await expect(async () => expect((await request.get(`${base()}/portal/login/`)).status()).toBe(200)).toPass({ timeout: 120_000, intervals: [2000] })
})

test('without JavaScript the portal says plainly that it needs it', async ({ request }) => {
  // What a browser without JavaScript shows: the <noscript> message of every portal page.
  // (Chromium with scripts switched off through Playwright still parses <noscript> as if they ran.)
  for (const path of ['/portal/', '/portal/login/', '/portal/new/', '/portal/proposal/?id=1']) {
    const html = await (await request.get(`${base()}${path}`)).text()
    expect(html, path).toMatch(/<noscript>\s*<p class="alert">代表门户需要开启浏览器的 JavaScript 功能才能使用/)
  }
})

test('signing in works with the keyboard alone', async ({ browser }) => {
  const context = await phone(browser)
  const page = await context.newPage()
  await page.goto(`${base()}/portal/login/`)
  await expect(page.getByLabel('登录名或手机号')).toBeVisible()
  // From the top of the page: the skip link, then the header's links and search, then the form.
  await page.getByLabel('登录名或手机号').focus()
  await page.keyboard.type('rep-c')
  await page.keyboard.press('Tab')
  await expect(page.getByLabel('密码', { exact: true })).toBeFocused()
  await page.keyboard.type(DemoPassword)
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { name: '代表门户：我的提案' })).toBeVisible()
  // The first things to reach by Tab on the portal's own content are its actions.
  await page.getByRole('link', { name: '写新提案' }).focus()
  await page.keyboard.press('Tab')
  await expect(page.getByRole('link', { name: '消息' })).toBeFocused()
  await page.keyboard.press('Tab')
  await expect(page.getByRole('link', { name: '修改密码' })).toBeFocused()
  await context.close()
})

test('a wrong password is refused plainly; the sign-in page has no serious accessibility violation', async ({ browser }) => {
  const context = await phone(browser)
  const page = await context.newPage()
  await page.goto(`${base()}/portal/login/`)
  await accessible(page)
  await page.getByLabel('登录名或手机号').fill('rep-a')
  await page.getByLabel('密码', { exact: true }).fill('not-my-password')
  await page.getByRole('button', { name: '登录' }).click()
  await expect(page.getByRole('alert')).toContainText('登录名（或手机号）或密码不正确')
  await fitsThePhone(page)
  await context.close()
})

test('when /api/portal/me fails (other than a lost sign-in), the proposal page says so and can try again', async ({ browser }) => {
  const context = await phone(browser)
  const page = await context.newPage()
  await portalSignIn(page, 'rep-a')
  const failures: [string, Parameters<Page['route']>[1]][] = [
    ['the server fails', (route) => route.fulfill({ status: 500, contentType: 'application/json', body: JSON.stringify({ error: { code: 'server', message: '服务器出错，请稍后再试；您填写的内容没有丢失' } }) })],
    ['the network fails', (route) => route.abort('internetdisconnected')],
  ]
  for (const [what, fail] of failures) {
    await page.route('**/api/portal/me', fail)
    await page.goto(`${base()}/portal/proposal/?id=${process.env.E2E_PROPOSAL_ID}`)
    await expect(page.getByRole('alert'), what).toContainText('页面没有加载完成')
    await expect(page.getByText('正在加载…'), what).toHaveCount(0)
    await page.unroute('**/api/portal/me')
    await page.getByRole('button', { name: '重试' }).click()
    await expect(page.getByRole('heading', { level: 1 }), what).toContainText('竹林路与松风路交叉口缺少红绿灯')
  }
  await context.close()
})

test('A drafts on a phone and invites B; B accepts; A submits and sees the number at once', async ({ browser }) => {
  const context = await phone(browser)
  const page = await context.newPage()
  await portalSignIn(page, 'rep-a')
  await fitsThePhone(page)
  await accessible(page)
  await page.getByRole('link', { name: '写新提案' }).click()
  await expect(page.getByLabel('标题')).toBeVisible()
  await accessible(page)
  await page.getByLabel('标题').fill(TITLE)
  await page.getByLabel('提案内容').fill('每天早上六点到九点，菜场门口摊位占满人行道和非机动车道，电动车和行人只能走机动车道，很危险。建议划定临时摊位，安排专人管理。')
  await page.getByLabel('类别').selectOption({ label: '市场秩序' })
  await expect(page.getByLabel('居民区')).not.toHaveValue('')
  // What is typed survives a reload before it is saved.
  await page.reload()
  await expect(page.getByLabel('标题')).toHaveValue(TITLE)
  await page.getByRole('button', { name: '保存为草稿' }).click()
  await page.waitForURL(/\/portal\/proposal\/\?id=\d+/)
  story.id = new URL(page.url()).searchParams.get('id')!
  await expect(page.getByRole('status').first()).toContainText('草稿已保存')
  await fitsThePhone(page)
  await accessible(page)

  await page.getByLabel('邀请附议的代表').selectOption({ label: `刘德明（${await firstOptionArea(page, '刘德明')}）` })
  await page.getByRole('button', { name: '发出邀请' }).click()
  await expect(page.getByText('已发出附议邀请')).toBeVisible()
  await expect(page.locator('#inv').locator('..')).toContainText('刘德明：待答复')
  await signOut(page)

  await portalSignIn(page, 'rep-b')
  const invitation = page.locator('.card.attention', { hasText: TITLE })
  await expect(invitation).toContainText('邀请您附议')
  await invitation.getByRole('button', { name: '同意附议' }).click()
  await expect(page.getByText('已同意附议')).toBeVisible()
  await expect(page.locator('.card', { hasText: TITLE })).toContainText('（附议）')
  await signOut(page)

  await portalSignIn(page, 'rep-a')
  await page.getByRole('link', { name: TITLE }).click()
  await expect(page.locator('#inv').locator('..')).toContainText('刘德明：已同意附议')
  await page.getByRole('button', { name: '提交提案' }).click()
  await expect(page.getByText('提交后内容不能再修改。确认提交吗？')).toBeVisible()
  await page.getByRole('button', { name: '确认提交' }).click()
  await page.waitForURL(/submitted=1/)
  const done = page.getByRole('status').filter({ hasText: '提案已提交，编号' })
  await expect(done).toBeVisible()
  story.number = (await done.locator('strong').textContent())!.trim()
  expect(story.number).toMatch(/^\d{4}-\d{3}$/)
  // The text is frozen: no edit form any more.
  await expect(page.getByRole('button', { name: '保存修改' })).toHaveCount(0)
  await context.close()
})

async function firstOptionArea(page: Page, name: string): Promise<string> {
  const label = await page.getByLabel('邀请附议的代表').locator('option', { hasText: name }).first().textContent()
  return label!.match(/（(.*)）/)![1]
}

test('the office screens and assigns in the admin', async ({ page }) => {
  await screenAndAssign(page, story.id, '城管分队')
})

test('the leader instructs in the admin', async ({ page }) => {
  await instruct(page, story.id, '请城管分队会同市场监管所现场查看，规范早市摊位。')
})

/** The section drafts a reply, its head signs it off, the office publishes it (admin). */
async function sectionAnswers(page: Page, text: string) {
  test.setTimeout(240_000)
  await draftReply(page, story.id, TITLE, text)
  await signOffAndPublish(page, story.id)
}

/** A signs in on a phone and follows "阅读答复并评价" from what waits on them. */
async function openReplyToEvaluate(browser: Browser) {
  const context = await phone(browser)
  const page = await context.newPage()
  await portalSignIn(page, 'rep-a')
  const waiting = page.locator('.card.attention', { hasText: TITLE })
  await expect(waiting).toContainText(/请阅读并评价（截至 \d{4}年\d{1,2}月\d{1,2}日，含当天）/)
  await waiting.getByRole('link', { name: '阅读答复并评价' }).click()
  return { context, page }
}

test('the section replies; its head signs off; the office publishes (admin)', async ({ page }) => {
  await sectionAnswers(page, '已在菜场门口施划临时摊位线，早市期间安排一名协管员维持秩序。')
})

test('A evaluates 不满意 on the phone (a reason is required) and rehandling starts', async ({ browser }) => {
  const { context, page } = await openReplyToEvaluate(browser)
  await expect(page.locator('#evaluate')).toContainText('临时摊位线')
  await page.getByLabel('不满意').check()
  await page.getByRole('button', { name: '提交评价' }).click()
  await expect(page.getByRole('alert')).toContainText('请写明理由')
  const reason = '摊位线画了，但七点以后仍然占道，协管员八点才到。'
  await page.getByLabel('意见').fill(reason)
  // The sign-in runs out while she writes: sending takes her to sign in and back, and her text is still there.
  await context.clearCookies()
  await page.getByRole('button', { name: '提交评价' }).click()
  await expect(page.getByRole('group', { name: /您的评价是/ })).toContainText('您的评价是“不满意”')
  await page.getByRole('button', { name: '确认提交评价' }).click()
  await page.waitForURL(/\/portal\/login\/\?next=/)
  await page.getByLabel('登录名或手机号').fill('rep-a')
  await page.getByLabel('密码', { exact: true }).fill(DemoPassword)
  await page.getByRole('button', { name: '登录' }).click()
  await page.waitForURL(/\/portal\/proposal\/\?id=/)
  await expect(page.getByLabel('意见')).toHaveValue(reason)
  await expect(page.getByLabel('不满意')).toBeChecked()
  await page.getByRole('button', { name: '提交评价' }).click()
  await page.getByRole('button', { name: '确认提交评价' }).click()
  await expect(page.getByRole('status').filter({ hasText: '提案将重新办理' })).toBeVisible()
  await expect(page.locator('.badge').first()).toContainText('重新办理')
  await fitsThePhone(page)
  await context.close()
})

test('the section answers again in the rehandling round (admin)', async ({ page }) => {
  await sectionAnswers(page, '已调整协管时间为六点至九点，并在早市期间每日巡查两次。')
})

test('A evaluates the second reply 满意 on the phone', async ({ browser }) => {
  const { context, page } = await openReplyToEvaluate(browser)
  const second = page.locator('.record', { hasText: '六点至九点' })
  await second.getByLabel('满意', { exact: true }).check()
  await second.getByRole('button', { name: '提交评价' }).click()
  await second.getByRole('button', { name: '确认提交评价' }).click()
  await expect(page.getByRole('status').filter({ hasText: '评价已提交，谢谢您' })).toBeVisible()
  await context.close()
})

test('A reads her 消息 on the phone: the number, the screening and both replies, newest first, each opening the proposal', async ({ browser }) => {
  const context = await phone(browser)
  const page = await context.newPage()
  await portalSignIn(page, 'rep-a')
  await page.getByRole('link', { name: '消息' }).click()
  await page.waitForURL(/\/portal\/messages\//)
  // Told as it happened (cms/notices/events.ts), in the 站内 ledger: newest first (a 督办 reminder, 【提醒】, only if the run crosses 08:30 China time).
  const mine = page.locator('.card').filter({ hasText: TITLE }).filter({ hasNotText: '【提醒】' })
  await expect(mine.locator('strong')).toHaveText([
    `【重新办理答复已公开】${story.number}「${TITLE}」`,
    `【答复已公开】${story.number}「${TITLE}」`,
    `【提案已甄别】${story.number}「${TITLE}」`,
    `【提案已编号】${story.number}「${TITLE}」`,
  ])
  await expect(mine.nth(3)).toContainText(`已提交，编号 ${story.number}。`)
  await expect(mine.nth(2)).toContainText('甄别结果：立案。')
  await expect(mine.nth(1)).toContainText(/请于 \d{4}年\d{1,2}月\d{1,2}日（含当天）前阅读并评价/)
  await fitsThePhone(page)
  await accessible(page)
  await mine.first().getByRole('link', { name: '查看提案' }).click()
  await page.waitForURL(new RegExp(`/portal/proposal/\\?id=${story.id}$`))
  await expect(page.getByRole('heading', { name: TITLE })).toBeVisible()
  await context.close()
})

test('the public page tells the whole story after the automatic rebuild', async ({ page }) => {
  const url = `${base()}/proposals/${story.number}/`
  await expect(async () => {
    await page.goto(url)
    // The last thing that happened is A's 满意: wait for the build that carries it, not for an
    // earlier one (the second reply's publication starts a build of its own).
    await expect(page.getByRole('region', { name: '第 2 轮答复' })).toContainText('六点至九点', { timeout: 1000 })
    await expect(page.locator('article')).toContainText(/· 满意 ·/, { timeout: 1000 })
  }).toPass({ timeout: 90_000, intervals: [2000] })
  const article = page.locator('article')
  await expect(article).toContainText(TITLE)
  await expect(article).toContainText('刘德明') // the co-signer
  await expect(article).toContainText('现场查看') // the instruction
  await expect(page.getByRole('region', { name: '第 1 轮答复' })).toContainText('临时摊位线')
  // Each evaluation's line reads "name（提案人） · rating · date": 满意 on its own, not inside 不满意.
  await expect(article).toContainText(/· 不满意 ·/)
  await expect(article).toContainText(/· 满意 ·/)
  await expect(article).toContainText('重新办理')
})

test('the portal’s answers are what core/portalApi.ts says (real answers against its strict schemas)', async ({ browser }) => {
  const context = await phone(browser)
  const page = await context.newPage()
  await portalSignIn(page, 'rep-a')
  /** One request from the portal's own page (its cookie, its origin); the answer checked against the route's schema, or the error schema. */
  async function call(route: PortalRoute, path: string, init: { method?: string; body?: unknown; png?: string } = {}) {
    const { status, body } = await page.evaluate(
      async ({ url, method, body, png }) => {
        let form: FormData | undefined
        if (png) {
          form = new FormData()
          form.append('file', new Blob([new Uint8Array(png.match(/../g)!.map((h) => parseInt(h, 16)))], { type: 'image/png' }), 'photo.png')
        }
        const r = await fetch(url, {
          method,
          headers: form ? undefined : { 'content-type': 'application/json' },
          body: form ?? (body === undefined ? undefined : JSON.stringify(body)),
        })
        return { status: r.status, body: await r.json() }
      },
      { url: `${base()}/api/portal${path}`, method: init.method ?? route.split(' ')[0], body: init.body, png: init.png },
    )
    const schema = status < 300 ? PortalRoutes[route].answer : ErrorAnswerSchema
    const checked = schema.safeParse(body)
    expect(checked.error, `${route} ${path} (${status}): ${JSON.stringify(body).slice(0, 300)}`).toBeUndefined()
    return { status, body }
  }
  const me = (await call('GET /me', '/me')).body.representative
  await call('GET /proposals', '/proposals')
  await call('GET /proposals/:id', `/proposals/${story.id}`) // replied twice, evaluated, rehandled
  await call('GET /sessions', '/sessions')
  const others = (await call('GET /representatives', '/representatives')).body.representatives
  // A draft through every step a draft has.
  const created = await call('POST /proposals', '/proposals', {
    body: { title: '合同检查用草稿', body: '检查门户的答复是否合乎约定。', category: 'urban', residentialArea: me.residentialArea.id, clientKey: 'contract-check-0001', submit: false },
  })
  expect(created.status).toBe(201)
  const id = created.body.proposal.id
  const png = '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c63f8cfc0f01f00050001ff89993d1d0000000049454e44ae426082'
  const attachment = (await call('POST /proposals/:id/attachments', `/proposals/${id}/attachments`, { png })).body.attachment
  await call('PATCH /proposals/:id', `/proposals/${id}`, { body: { title: '合同检查用草稿（改）' } })
  const invitation = (await call('POST /proposals/:id/invitations', `/proposals/${id}/invitations`, { body: { representatives: [others[0].id] } })).body.invitations[0]
  const draft = (await call('GET /proposals/:id', `/proposals/${id}`)).body
  expect([draft.attachments.length, draft.invitations.length]).toEqual([1, 1])
  await call('DELETE /invitations/:id', `/invitations/${invitation.id}`)
  await call('DELETE /attachments/:id', `/attachments/${attachment.id}`)
  await call('DELETE /proposals/:id', `/proposals/${id}`)
  // A refusal is the error answer.
  expect((await call('GET /proposals/:id', `/proposals/${id}`)).status).toBe(404)
  await context.close()
})
