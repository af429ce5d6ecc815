// The production server: Next.js (the CMS, its API, the portal's API and the published site)
// behind a plain Node HTTP server, so that the X-Forwarded-* headers the application reads are
// ones we can trust. `next start` keeps whatever X-Forwarded-For a client sends, which would let
// anyone choose the address the portal's sign-in throttle counts. Here a request's forwarded
// headers are kept only when it comes from a proxy listed in TRUSTED_PROXIES (comma-separated
// addresses, e.g. 127.0.0.1 for nginx on the same machine); from anyone else they are dropped and
// Next.js fills them in from the connection itself.
//
//   node scripts/serve.mjs [--port 3000] [--host 0.0.0.0]
import { createServer } from 'node:http'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import next from 'next'

const { values } = parseArgs({ options: { port: { type: 'string', short: 'p' }, host: { type: 'string', short: 'H' } } })
const port = Number(values.port ?? process.env.PORT ?? 3000)
const host = values.host ?? process.env.HOST ?? '0.0.0.0'
const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../cms')

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

const app = next({ dev: false, dir, hostname: host, port })
const handle = app.getRequestHandler()
await app.prepare()
const server = createServer((req, res) => {
  trustForwarded(req)
  handle(req, res).catch((e) => {
    console.error(e)
    if (!res.headersSent) res.writeHead(500)
    res.end()
  })
})
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
