// The one front door (scripts/serve.mjs) over HTTP: the security headers on the site, the portal's
// pages, the admin and the API; the published site served from its build (precompressed files,
// ETags, the trailing-slash redirect, the 404 page, no way out of the build, a swap seen at once,
// the page while nothing is built); and a request whose body or headers stop coming cut off.
import { cp, readFile, rename, rm, symlink, writeFile } from 'node:fs/promises'
import { request } from 'node:http'
import { connect } from 'node:net'
import path from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { beforeAll, describe, expect, inject, it } from 'vitest'
import { buildSite } from '../../cms/site/builder'

const base = inject('baseURL')
const siteDir = inject('siteDir')
const { hostname, port } = new URL(base)

interface Answer {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: Buffer
}

/** One request with the path sent exactly as written (fetch would normalise "/../"), body not decoded. */
function get(pathname: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, path: pathname, method, headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }))
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end()
  })
}

/** Everything a raw connection receives until the server closes it. */
function untilClosed(send: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname)
    let got = ''
    socket.on('data', (c) => (got += c))
    socket.on('close', () => resolve(got))
    socket.on('error', reject)
    socket.write(send)
  })
}

const csp = (a: Answer) => String(a.headers['content-security-policy'] ?? '')

/** The headers every response carries. */
function expectCommon(a: Answer) {
  expect(csp(a)).toContain("frame-ancestors 'none'")
  expect(a.headers['x-content-type-options']).toBe('nosniff')
  expect(a.headers['referrer-policy']).toBe('strict-origin-when-cross-origin')
  expect(a.headers['x-powered-by']).toBeUndefined()
}

/** The site's policy: no inline script or style, no plugins, no other origin. */
function expectSitePolicy(a: Answer) {
  expectCommon(a)
  expect(csp(a)).toContain("script-src 'self' 'wasm-unsafe-eval'")
  expect(csp(a)).toContain("style-src 'self';")
  expect(csp(a)).not.toContain('unsafe-inline')
  expect(csp(a)).toContain("object-src 'none'")
}

let proposal: string
let notBuilt: Answer

beforeAll(async () => {
  notBuilt = await get('/')
  // The site built from the running server's own public export, published into its SITE_DIR.
  await buildSite({ exportURL: `${base}/api/public/export` }, siteDir)
  const data = JSON.parse((await get('/data/proposals.json')).body.toString())
  proposal = data.proposals[0].number
}, 180_000)

describe('before the first build', () => {
  it('answers 503 with a page that says the site is being built, and the headers', () => {
    expect(notBuilt.status).toBe(503)
    expect(notBuilt.headers['retry-after']).toBe('15')
    expect(notBuilt.body.toString()).toContain('公开网站正在生成')
    expectCommon(notBuilt)
  })
})

describe('security headers', () => {
  it('site pages: the site policy; the HTML has no inline script or style to need more', async () => {
    for (const page of ['/', `/proposals/${proposal}/`, '/search/', '/portal/', '/portal/login/']) {
      const a = await get(page)
      expect(a.status, page).toBe(200)
      expect(a.headers['content-type']).toBe('text/html; charset=utf-8')
      expectSitePolicy(a)
      const html = a.body.toString()
      expect(html.match(/<script(?![^>]*\bsrc=)[^>]*>/g), page).toBeNull()
      expect(html, page).not.toMatch(/<style|\sstyle=/)
    }
  })

  it('the portal pages load their programs as files', async () => {
    const html = (await get('/portal/login/')).body.toString()
    const src = html.match(/<script type="module" src="(\/_astro\/[^"]+\.js)"/)?.[1]
    expect(src).toBeTruthy()
    const js = await get(src!)
    expect(js.status).toBe(200)
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8')
    expect(js.headers['cache-control']).toContain('immutable')
  })

  it('the admin: its own policy (Next.js needs inline scripts), never framed, no X-Powered-By', async () => {
    const a = await get('/admin/login')
    expect(a.status).toBe(200)
    expectCommon(a)
    expect(csp(a)).toContain("script-src 'self' 'unsafe-inline'")
    expect(csp(a)).toContain("object-src 'none'")
    expect(csp(a)).toContain("form-action 'self'")
    const asset = (a.body.toString().match(/\/_next\/static\/[^"]+\.js/) ?? [])[0]
    expect(asset).toBeTruthy()
    expectCommon(await get(asset!))
  })

  it('the API: nothing may run or be framed', async () => {
    for (const url of ['/api/users/me', '/api/public/export', '/api/portal/me', '/api/no-such-thing']) {
      const a = await get(url)
      expectCommon(a)
      expect(csp(a), url).toBe("default-src 'none'; frame-ancestors 'none'")
    }
  })
})

describe('the published site', () => {
  it('sends brotli or gzip when accepted, with the type of the file and Vary', async () => {
    const page = `/proposals/${proposal}/`
    const plain = await get(page)
    expect(plain.headers['content-encoding']).toBeUndefined()
    const br = await get(page, { 'accept-encoding': 'gzip, deflate, br' })
    expect(br.headers['content-encoding']).toBe('br')
    expect(br.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(br.headers.vary).toBe('Accept-Encoding')
    expect(brotliDecompressSync(br.body).equals(plain.body)).toBe(true)
    const gz = await get(page, { 'accept-encoding': 'gzip' })
    expect(gz.headers['content-encoding']).toBe('gzip')
    expect(gunzipSync(gz.body).equals(plain.body)).toBe(true)
    const css = (plain.body.toString().match(/href="(\/_astro\/[^"]+\.css)"/) ?? [])[1]
    const style = await get(css, { 'accept-encoding': 'br' })
    expect(style.headers['content-encoding']).toBe('br')
    expect(style.headers['content-type']).toBe('text/css; charset=utf-8')
    const csv = await get('/data/proposals.csv', { 'accept-encoding': 'gzip' })
    expect(csv.headers['content-encoding']).toBe('gzip')
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8')
  })

  it('answers If-None-Match with 304 (for each encoding its own tag)', async () => {
    for (const enc of [{}, { 'accept-encoding': 'br' }] as Record<string, string>[]) {
      const first = await get(`/proposals/${proposal}/`, enc)
      const tag = first.headers.etag as string
      expect(tag).toBeTruthy()
      const again = await get(`/proposals/${proposal}/`, { ...enc, 'if-none-match': tag })
      expect(again.status).toBe(304)
      expect(again.body.length).toBe(0)
      expect(again.headers['cache-control']).toBe('public, max-age=0, must-revalidate')
      expectSitePolicy(again)
    }
  })

  it('sends /proposals/<number> to /proposals/<number>/ (308), keeping the query', async () => {
    const a = await get(`/proposals/${proposal}?from=feed`)
    expect(a.status).toBe(308)
    expect(a.headers.location).toBe(`/proposals/${proposal}/?from=feed`)
  })

  it('answers an unknown page with the site’s 404 page and status 404', async () => {
    const a = await get('/no-such-page/')
    expect(a.status).toBe(404)
    expect(a.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(a.body.toString()).toBe(await readFile(path.join(siteDir, 'current', '404.html'), 'utf8'))
    expectSitePolicy(a)
  })

  it('refuses paths out of the build, however written', async () => {
    for (const p of ['/../build.json', '/proposals/../../current/index.html', '/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2fetc/passwd', '/index.html%00.css', '/%E0%A4%A']) {
      const a = await get(p)
      expect(a.status, p).toBe(400)
      expectCommon(a)
    }
  })

  it('takes only GET and HEAD', async () => {
    const a = await get('/', {}, 'POST')
    expect(a.status).toBe(405)
    expect(a.headers.allow).toBe('GET, HEAD')
    const head = await get(`/proposals/${proposal}/`, {}, 'HEAD')
    expect(head.status).toBe(200)
  })

  it('serves a new build from the moment `current` points at it', async () => {
    const builds = path.join(siteDir, 'builds')
    const live = path.join(siteDir, 'current')
    const { id } = JSON.parse(await readFile(path.join(live, 'build.json'), 'utf8'))
    const swapTo = async (target: string) => {
      await symlink(target, `${live}.next`, 'dir')
      await rename(`${live}.next`, live)
    }
    const before = await get('/', { 'accept-encoding': 'br' })
    // A copy of the live build with a different home page (and no compressed copies of it).
    await cp(path.join(builds, id), path.join(builds, 'by-hand'), { recursive: true })
    const home = path.join(builds, 'by-hand', 'index.html')
    await writeFile(home, (await readFile(home, 'utf8')).replace('</main>', '<p>换了一版</p></main>'))
    await rm(`${home}.br`)
    await rm(`${home}.gz`)
    try {
      await swapTo(path.join('builds', 'by-hand'))
      const after = await get('/', { 'accept-encoding': 'br' })
      expect(after.body.toString()).toContain('换了一版')
      expect(after.headers['content-encoding']).toBeUndefined()
      expect(after.headers.etag).not.toBe(before.headers.etag)
      expect((await get('/', { 'if-none-match': before.headers.etag as string })).status).toBe(200)
    } finally {
      await swapTo(path.join('builds', id))
    }
    expect((await get('/')).body.toString()).not.toContain('换了一版')
    await rm(path.join(builds, 'by-hand'), { recursive: true })
  })
})

describe('time limits (2 s in this test’s server)', () => {
  it('cuts off a request whose body stops coming: 408, connection closed', async () => {
    const got = await untilClosed(
      `POST /api/portal/sign-in HTTP/1.1\r\nHost: ${hostname}:${port}\r\nOrigin: ${base}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"login":`,
    )
    expect(got).toMatch(/^HTTP\/1\.1 408 /)
    expect(got).toContain('请求超时')
  })

  it('cuts off a request whose headers stop coming', async () => {
    const got = await untilClosed(`GET / HTTP/1.1\r\nHost: ${hostname}:${port}\r\nX-Slow: `)
    expect(got).toMatch(/^HTTP\/1\.1 408 /)
  })
})
