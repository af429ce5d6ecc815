// Static file serving for the public site from the live build directory.
import { createReadStream } from 'node:fs'
import { realpath, stat } from 'node:fs/promises'
import path from 'node:path'
import { Readable } from 'node:stream'
import { currentSiteDir } from './builder'

const Types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
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

async function fileIn(root: string, rel: string): Promise<{ file: string; size: number } | null> {
  const file = path.join(root, rel)
  // Never outside the build (no "..", no symlink escape).
  if (file !== root && !file.startsWith(root + path.sep)) return null
  try {
    const real = await realpath(file)
    if (real !== root && !real.startsWith(root + path.sep)) return null
    const s = await stat(real)
    if (s.isDirectory()) return fileIn(root, path.join(rel, 'index.html'))
    return { file: real, size: s.size }
  } catch {
    return null
  }
}

function respond(req: Request, found: { file: string; size: number }, status = 200): Response {
  const ext = path.extname(found.file)
  const immutable = found.file.includes(`${path.sep}_astro${path.sep}`)
  const headers = {
    'Content-Type': Types[ext] ?? 'application/octet-stream',
    'Content-Length': String(found.size),
    // Pages change with every build; hashed assets never do.
    'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'public, max-age=0, must-revalidate',
    'X-Content-Type-Options': 'nosniff',
  }
  if (req.method === 'HEAD') return new Response(null, { status, headers })
  return new Response(Readable.toWeb(createReadStream(found.file)) as ReadableStream, { status, headers })
}

export async function serveSiteFile(req: Request): Promise<Response> {
  let root: string
  try {
    root = await realpath(currentSiteDir())
  } catch {
    return new Response(NotBuilt, { status: 503, headers: { 'Content-Type': 'text/html; charset=utf-8', 'Retry-After': '15', 'Cache-Control': 'no-store' } })
  }
  let rel: string
  try {
    rel = decodeURIComponent(new URL(req.url).pathname)
  } catch {
    return new Response('Bad Request', { status: 400 })
  }
  if (rel.includes('\0')) return new Response('Bad Request', { status: 400 })
  // Directory pages live at /path/ (trailingSlash: always); send /path to /path/.
  if (!rel.endsWith('/') && !path.extname(rel)) {
    const dir = await fileIn(root, path.join(rel, 'index.html'))
    if (dir) {
      const url = new URL(req.url)
      return new Response(null, { status: 308, headers: { Location: `${url.pathname}/${url.search}` } })
    }
  }
  const found = await fileIn(root, rel)
  if (found) return respond(req, found)
  const notFound = await fileIn(root, '404.html')
  return notFound ? respond(req, notFound, 404) : new Response('Not Found', { status: 404 })
}
