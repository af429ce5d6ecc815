// The production server, the one front door: the published site straight from its build
// directory (sirv, precompressed files, ETags), and everything under /admin, /api and /_next
// through Next.js (the CMS, its API, the portal's API). Every response gets the security headers
// below; request bodies get a time limit that grows with their declared size.
//
// Forwarded headers: `next start` keeps whatever X-Forwarded-For a client sends, which would let
// anyone choose the address the portal's sign-in throttle counts. Here a request's forwarded
// headers are kept only when it comes from a proxy listed in TRUSTED_PROXIES (comma-separated
// addresses, e.g. 127.0.0.1 for nginx on the same machine); from anyone else they are dropped and
// Next.js fills them in from the connection itself.
//
//   node scripts/serve.mjs [--port 3000] [--host 0.0.0.0]
import { createReadStream, existsSync, readlinkSync } from 'node:fs'
import { createServer } from 'node:http'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import next from 'next'
import sirv from 'sirv'

const { values } = parseArgs({ options: { port: { type: 'string', short: 'p' }, host: { type: 'string', short: 'H' } } })
const port = Number(values.port ?? process.env.PORT ?? 3000)
const host = values.host ?? process.env.HOST ?? '0.0.0.0'
const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../cms')

// ── Forwarded headers ─────────────────────────────────────────────────────────────────────────

/** IPv4 clients may appear as ::ffff:1.2.3.4 on a dual-stack socket. */
const plain = (address) => (address ?? '').replace(/^::ffff:/, '')
const trusted = new Set((process.env.TRUSTED_PROXIES ?? '').split(',').map((a) => plain(a.trim())).filter(Boolean))

const forwarded = ['x-forwarded-for', 'x-forwarded-host', 'x-forwarded-proto', 'x-forwarded-port', 'x-real-ip', 'forwarded']
const loopback = (address) => address === '::1' || address.startsWith('127.')
let warned = false

/** Removes forwarded headers unless the connection comes from a trusted proxy. */
function trustForwarded(req) {
  const peer = plain(req.socket.remoteAddress)
  if (trusted.has(peer)) return
  // A proxy on this machine that is not listed: every client would look like this one address
  // (and share its sign-in limit). Said once, in the log, with the setting that fixes it.
  if (!warned && loopback(peer) && req.headers['x-forwarded-for']) {
    warned = true
    console.warn(`! 来自本机 ${peer} 的请求带有 X-Forwarded-For，但 ${peer} 不在 TRUSTED_PROXIES 中：如果前面有反向代理，请设置 TRUSTED_PROXIES=${peer}（以及 SERVER_URL）`)
  }
  for (const name of forwarded) delete req.headers[name]
}

// ── Security headers ──────────────────────────────────────────────────────────────────────────

const policy = (...directives) => [...directives, "object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'"].join('; ')
/**
 * The public site and the portal's pages: scripts and styles only as files of the build (Astro
 * writes none inline: astro.config.mjs, site/portal/mount.tsx); Pagefind's search runs WebAssembly.
 */
const SitePolicy = policy("default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "style-src 'self'", "img-src 'self' data:")
/** The admin (Payload in Next.js): Next writes its page data as inline scripts, Payload's UI inline styles. */
const AdminPolicy = policy("default-src 'self'", "script-src 'self' 'unsafe-inline'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data: blob:", "font-src 'self' data:", "worker-src 'self' blob:")
/** JSON and files: nothing in them runs. */
const ApiPolicy = "default-src 'none'; frame-ancestors 'none'"
/** The "being built" page: one inline style, no script. */
const NotBuiltPolicy = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'"

const headersWith = (csp) => [
  ['Content-Security-Policy', csp],
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'strict-origin-when-cross-origin'],
]
const SiteHeaders = headersWith(SitePolicy)
const AdminHeaders = headersWith(AdminPolicy)
const ApiHeaders = headersWith(ApiPolicy)

/** Headers passed to writeHead itself (object, [[k, v]…] or [k, v, …]), by lower-case name. */
function namesIn(given) {
  if (!given || typeof given !== 'object') return []
  if (!Array.isArray(given)) return Object.keys(given).map((k) => k.toLowerCase())
  if (Array.isArray(given[0])) return given.map(([k]) => String(k).toLowerCase())
  return given.filter((_, i) => i % 2 === 0).map((k) => String(k).toLowerCase())
}

/**
 * For what Next.js answers: adds each header when the response is about to be sent, unless the
 * application set its own (an uploaded file's own policy wins), and drops X-Powered-By. Next
 * copies a route's headers only where none is set yet, so setting ours first would hide theirs.
 */
function addHeadersOnWrite(res, headers) {
  const writeHead = res.writeHead
  res.writeHead = function (status, ...rest) {
    const given = rest.findLast((a) => a && typeof a === 'object')
    const named = namesIn(given)
    for (const [name, value] of headers) if (!res.hasHeader(name) && !named.includes(name.toLowerCase())) res.setHeader(name, value)
    res.removeHeader('X-Powered-By')
    if (given && !Array.isArray(given)) for (const k of Object.keys(given)) if (k.toLowerCase() === 'x-powered-by') delete given[k]
    return writeHead.call(this, status, ...rest)
  }
}

// ── Time limits ───────────────────────────────────────────────────────────────────────────────

const seconds = (name, fallback) => {
  const v = Number(process.env[name])
  return (Number.isFinite(v) && v > 0 ? v : fallback) * 1000
}
/** Until a request's headers are in (Node answers 408 after that). */
const headersTimeout = seconds('HEADERS_TIMEOUT_SECONDS', 20)
/** Until a request's body is in, plus the time its declared size takes at UploadBytesPerSecond. */
const bodyTimeout = seconds('REQUEST_TIMEOUT_SECONDS', 30)
/** 512 kbit/s, a slow mobile uplink: a 10 MB attachment (core/portal.ts) gets 30 + 160 s. */
const UploadBytesPerSecond = 64 * 1024

/**
 * A body that stops coming would hold its connection and the handler waiting on it (Node's own
 * requestTimeout is one figure for every request, too short for an upload or too long for the
 * rest). Past its time, the request gets 408 and its connection is closed.
 */
function limitBody(req, res) {
  const declared = Number(req.headers['content-length'] ?? 0)
  if (!(declared > 0) && req.headers['transfer-encoding'] === undefined) return
  const allowed = bodyTimeout + (Number.isFinite(declared) ? (declared / UploadBytesPerSecond) * 1000 : 0)
  const timer = setTimeout(() => {
    if (req.complete) return
    if (res.headersSent) return void req.socket.destroy()
    res.writeHead(408, { 'Content-Type': 'application/json; charset=utf-8', Connection: 'close' })
    res.end(JSON.stringify({ errors: [{ message: '请求超时：内容没有在规定时间内传完，请检查网络后重试' }] }), () => req.socket.destroy())
  }, allowed)
  res.once('close', () => clearTimeout(timer))
}

// ── The published site ────────────────────────────────────────────────────────────────────────

/** Where the rebuild job publishes (cms/site/builder.ts): `current` → `builds/<id>`, swapped by rename. */
const siteRoot = path.resolve(process.env.SITE_DIR || 'data/site')
const current = path.join(siteRoot, 'current')

const Types = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.md': 'text/markdown; charset=utf-8',
  '.xml': 'application/atom+xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pagefind': 'application/octet-stream',
}

const NotBuilt = `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta http-equiv="refresh" content="15"><title>公开网站正在生成</title><body style="font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.7"><h1>公开网站正在生成</h1><p>首次启动后约需一分钟，本页会自动刷新。工作人员请前往 <a href="/admin">管理后台</a>。</p></body></html>`

/**
 * The build being served. `current` is read on every request (one readlink) and a new handler
 * made when it points elsewhere, so a swap takes effect at once; sirv lists a build's files once
 * and keeps absolute paths into that build, so a request that started on one build ends on it.
 */
let served = { target: null, dir: null, files: null }
function currentBuild() {
  let target
  try {
    target = readlinkSync(current)
  } catch {
    return null
  }
  if (target !== served.target) {
    const build = path.resolve(siteRoot, target)
    try {
      const files = sirv(build, {
        etag: true,
        brotli: true,
        gzip: true,
        extensions: ['html'],
        setHeaders: (res, pathname) => {
          const type = pathname.endsWith('/') ? Types['.html'] : Types[path.extname(pathname)]
          if (type) res.setHeader('Content-Type', type)
        },
      })
      served = { target, dir: build, files }
    } catch {
      return null // the link points at nothing (never left so by the builder)
    }
  }
  return served
}

function plainAnswer(res, status, text, extra = {}) {
  for (const [name, value] of ApiHeaders) res.setHeader(name, value)
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...extra })
  res.end(text)
}

/** Every %-sequence of the address decodes (as UTF-8). */
function wellEncoded(url) {
  try {
    decodeURIComponent(url)
    return true
  } catch {
    return false
  }
}

function badEncoding(res) {
  res.writeHead(400, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' })
  res.end(JSON.stringify({ errors: [{ message: '请求地址中的 %-编码无效', code: 'badEncoding' }] }))
}

function serveSite(req, res) {
  for (const [name, value] of SiteHeaders) res.setHeader(name, value)
  const url = req.url
  const q = url.indexOf('?')
  const pathname = q < 0 ? url : url.slice(0, q)
  let decoded
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    return plainAnswer(res, 400, 'Bad Request')
  }
  // Never outside the build: no "..", however encoded, and no NUL.
  if (decoded.includes('\0') || decoded.split(/[\\/]/).includes('..')) return plainAnswer(res, 400, 'Bad Request')
  if (req.method !== 'GET' && req.method !== 'HEAD') return plainAnswer(res, 405, 'Method Not Allowed', { Allow: 'GET, HEAD' })
  const build = currentBuild()
  if (!build) {
    res.writeHead(503, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': NotBuiltPolicy, 'Retry-After': '15', 'Cache-Control': 'no-store' })
    return res.end(NotBuilt)
  }
  // Directory pages live at /path/ (Astro's trailingSlash: 'always'); send /path to /path/.
  if (!pathname.endsWith('/') && !path.extname(decoded) && existsSync(path.join(build.dir, decoded, 'index.html'))) {
    res.writeHead(308, { Location: `${pathname}/${q < 0 ? '' : url.slice(q)}` })
    return res.end()
  }
  // Pages change with every build; hashed assets never do. Set before sirv so a 304 has them too.
  res.setHeader('Cache-Control', pathname.startsWith('/_astro/') ? 'public, max-age=31536000, immutable' : 'public, max-age=0, must-revalidate')
  res.setHeader('Vary', 'Accept-Encoding')
  build.files(req, res, () => {
    res.statusCode = 404
    res.setHeader('Content-Type', Types['.html'])
    createReadStream(path.join(build.dir, '404.html'))
      .on('error', () => (res.headersSent ? res.destroy() : plainAnswer(res, 404, 'Not Found')))
      .pipe(res)
  })
}

// ── The server ────────────────────────────────────────────────────────────────────────────────

/** What Next.js answers: the admin, the REST and GraphQL API (the portal's too), Next's own files. */
const toNext = /^\/(?:admin|api|_next)(?:[/?]|$)/

const app = next({ dev: false, dir, hostname: host, port })
const handle = app.getRequestHandler()
await app.prepare()
const server = createServer(
  // requestTimeout 0: limitBody sets one per request. Node checks headersTimeout every second.
  { headersTimeout, requestTimeout: 0, connectionsCheckingInterval: 1000 },
  (req, res) => {
    limitBody(req, res)
    if (!req.url?.startsWith('/')) return plainAnswer(res, 400, 'Bad Request')
    if (!toNext.test(req.url)) return serveSite(req, res)
    // Only Next.js reads the client's address (the static files don't: no work for them).
    trustForwarded(req)
    addHeadersOnWrite(res, req.url.startsWith('/api') ? ApiHeaders : AdminHeaders)
    // An address with broken %-encoding: Next.js answers its path with a 500 and decodes its query into U+FFFD.
    if (!wellEncoded(req.url)) return badEncoding(res)
    handle(req, res).catch((e) => {
      console.error(e)
      if (!res.headersSent) res.writeHead(500)
      res.end()
    })
  },
)
server.listen(port, host, () => {
  console.log(`✓ Ready on http://${host}:${port}${trusted.size ? ` (trusting forwarded headers from ${[...trusted].join(', ')})` : ''}`)
})
const stop = () => {
  server.close(() => process.exit(0))
  server.closeIdleConnections()
  setTimeout(() => process.exit(0), 3000).unref()
}
process.on('SIGTERM', stop)
process.on('SIGINT', stop)
