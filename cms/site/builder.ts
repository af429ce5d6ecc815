// Builds the public site (astro build + Pagefind) in a child process, into a fresh directory,
// checks it, then publishes it whole: the served `current` is a symlink replaced by one
// rename(2), so a visitor sees the old site or the new one, never half of either. A failed
// build removes its directory and leaves `current` as it was. Text files get brotli and gzip
// copies before the swap (precompress.ts), which the server sends as they are.
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, open, readdir, readFile, readlink, rename, rm, stat, symlink, unlink, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { PublicExport } from '../../core/contract'
import { readPublicExport } from '../../site/data/loader'
import { SiteBuildError } from './errors'
import { precompress } from './precompress'
import { writeSearchIndex } from './searchIndex'

export interface BuildSource {
  /** A file holding the public export. */
  exportFile?: string
  /** The export, already validated by the caller (the rebuild job has it in memory); with no file, it is written beside the build. */
  validated?: PublicExport
  /** Or the CMS export URL (a stand-alone build). */
  exportURL?: string
}

export interface BuildResult {
  id: string
  dir: string
  pages: number
  proposals: number
  /** Reading and validating the export. */
  exportMs: number
  astroMs: number
  /** The search index (Pagefind), after the pages. */
  pagefindMs: number
  /** The brotli and gzip copies of the text files (mostly while the search index is written). */
  compressMs: number
  /** From the start until the new build is the one served. */
  totalMs: number
}

export { SiteBuildError }

/** Where the served builds live: `<root>/builds/<id>`, `<root>/current` → the live one. */
export const siteRoot = (): string => path.resolve(process.env.SITE_DIR || 'data/site')
export const currentSiteDir = (root = siteRoot()): string => path.join(root, 'current')

const repoRoot = (): string => path.resolve(process.env.SITE_SOURCE_ROOT || '.')

/** Runs a command; resolves with its combined output, rejects with the output's tail. */
function run(cmd: string, args: string[], env: Record<string, string>, what: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: repoRoot(), env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    const keep = (b: Buffer) => {
      out += b.toString()
      if (out.length > 200_000) out = out.slice(-100_000)
    }
    child.stdout.on('data', keep)
    child.stderr.on('data', keep)
    child.on('error', (e) => reject(new SiteBuildError(`${what}无法启动：${e.message}`, out)))
    child.on('close', (code, signal) => {
      if (code === 0) resolve(out)
      else reject(new SiteBuildError(`${what}失败（${signal ?? `退出码 ${code}`}）：${summarize(out)}`, out))
    })
  })
}

/** The most telling line of a failed build: our own loader's message if there is one. */
function summarize(log: string): string {
  // eslint-disable-next-line no-control-regex -- strips the terminal's colour codes (ESC [ … m)
  const clean = log.replace(/\x1b\[[0-9;]*m/g, '')
  const ours = clean.match(/((?:无法连接|无法读取|内容管理系统返回|公开数据不符合数据约定)[\s\S]*?)(?=\n\s*(?:Location:|Stack trace:|at )|$)/)
  if (ours) return ours[1].trim()
  const lines = clean.split('\n').map((l) => l.trim()).filter(Boolean)
  return lines.filter((l) => /error|错误|失败/i.test(l)).slice(-3).join(' / ') || lines.slice(-3).join(' / ')
}

/** One build at a time per site root, across processes (the job and a hand-run build). */
async function lock(root: string): Promise<() => Promise<void>> {
  const file = path.join(root, 'build.lock')
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const h = await open(file, 'wx')
      await h.writeFile(String(process.pid))
      await h.close()
      return () => unlink(file).catch(() => undefined)
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e
      const pid = Number(await readFile(file, 'utf8').catch(() => ''))
      let alive = false
      try {
        if (pid > 0) process.kill(pid, 0)
        alive = pid > 0
      } catch {
        alive = false
      }
      if (alive) throw new SiteBuildError(`另一次网站生成正在进行（进程 ${pid}）`, '')
      await unlink(file).catch(() => undefined) // left by a process that died
    }
  }
  throw new SiteBuildError('无法取得网站生成锁', '')
}

async function countPages(dir: string): Promise<number> {
  let n = 0
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) if (e.isFile() && e.name.endsWith('.html')) n++
  return n
}

/** Builds and, only if everything succeeded and checks out, publishes. */
export async function buildSite(source: BuildSource, root = siteRoot()): Promise<BuildResult> {
  const started = Date.now()
  await mkdir(path.join(root, 'builds'), { recursive: true })
  const unlock = await lock(root)
  const id = `${new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '')}-${randomBytes(3).toString('hex')}`
  const work = path.join(root, 'builds', `.work-${id}`)
  const search = path.join(root, 'builds', `.search-${id}`)
  const snapshot = path.join(root, 'builds', `.export-${id}.json`)
  const final = path.join(root, 'builds', id)
  try {
    // Read and validate first: an unreachable CMS or a bad record stops here, with nothing built.
    const exp = source.validated ?? (await readPublicExport({ file: source.exportFile, url: source.exportURL }))
    const exportMs = Date.now() - started
    // Astro reads the very same data (a snapshot beside the build, removed with its work files,
    // when it came over HTTP or from memory).
    const exportFile = source.exportFile ?? snapshot
    if (!source.exportFile) await writeFile(snapshot, JSON.stringify(exp))
    const env: Record<string, string> = {
      SITE_OUT_DIR: work,
      SITE_CACHE_DIR: path.join(root, 'cache'),
      ASTRO_TELEMETRY_DISABLED: '1',
      NODE_ENV: 'production',
      PUBLIC_EXPORT_FILE: exportFile,
      PUBLIC_EXPORT_URL: '',
    }
    const astro = path.join(repoRoot(), 'cms', 'site', 'astro-build.mjs')
    const timed = async (f: () => Promise<unknown>) => {
      const t = Date.now()
      await f()
      return Date.now() - t
    }
    // One after the other, not side by side, so the peak is the larger of the two, not their sum.
    // A larger young generation: rendering 10k pages allocates fast (measured 24 → 19 s, +120 MB).
    const astroMs = await timed(() => run(process.execPath, ['--max-semi-space-size=64', astro], env, '网站生成（astro build）'))
    // Content-layer bookkeeping Astro may leave in the output; not part of the site.
    for (const f of ['content-assets.mjs', 'content-modules.mjs']) await rm(path.join(work, f), { force: true })
    // The pages' compressed copies are made while Pagefind indexes (it leaves a core mostly free;
    // little memory), the index's own files after. Both finish before anything is removed.
    const [indexing, compressing] = await Promise.allSettled([timed(() => writeSearchIndex(exp, search)), timed(() => precompress(work))])
    if (indexing.status === 'rejected') throw indexing.reason
    if (compressing.status === 'rejected') throw compressing.reason
    const pagefindMs = indexing.value
    await rename(search, path.join(work, 'pagefind'))
    const proposals = verify(work, exp)
    const compressMs = compressing.value + (await timed(() => precompress(path.join(work, 'pagefind'))))
    await writeFile(path.join(work, 'build.json'), JSON.stringify({ id, builtAt: new Date().toISOString(), generatedAt: exp.generatedAt }))
    await rename(work, final)
    await publish(root, id)
    // Live from here; removing old builds (11k files each at 10k proposals) is housekeeping.
    const totalMs = Date.now() - started
    await prune(root, id)
    return { id, dir: final, pages: await countPages(final), proposals, exportMs, astroMs, pagefindMs, compressMs, totalMs }
  } finally {
    await rm(work, { recursive: true, force: true })
    await rm(search, { recursive: true, force: true })
    await rm(snapshot, { force: true })
    await unlock()
  }
}

/** A build that lacks its core files or a proposal's page is not published. Returns the number of public proposals. */
function verify(dir: string, exp: PublicExport): number {
  for (const f of ['index.html', '404.html', 'proposals/index.html', 'data/proposals.json', 'feed.xml', 'pagefind/pagefind.js']) {
    if (!existsSync(path.join(dir, f))) throw new SiteBuildError(`生成结果不完整：缺少 ${f}`, '')
  }
  for (const p of exp.proposals) {
    if (!existsSync(path.join(dir, 'proposals', p.number, 'index.html'))) throw new SiteBuildError(`生成结果不完整：提案 ${p.number} 没有页面`, '')
  }
  return exp.proposals.length
}

/** Points `current` at the build in one rename, so the switch is atomic. */
async function publish(root: string, id: string): Promise<void> {
  const next = path.join(root, `current.${id}`)
  await symlink(path.join('builds', id), next, 'dir')
  await rename(next, currentSiteDir(root))
}

/** Keeps the live build and the one before it (a visitor mid-page may still be reading it). */
async function prune(root: string, liveId: string): Promise<void> {
  const builds = path.join(root, 'builds')
  const entries = (await readdir(builds)).filter((n) => !n.startsWith('.') && n !== liveId).sort()
  for (const old of entries.slice(0, -1)) await rm(path.join(builds, old), { recursive: true, force: true })
  // Work files of builds killed mid-way.
  for (const n of await readdir(builds)) {
    if (n.startsWith('.') && Date.now() - (await stat(path.join(builds, n))).mtimeMs > 3_600_000) {
      await rm(path.join(builds, n), { recursive: true, force: true })
    }
  }
}

/**
 * At start: removes what builds killed mid-way left in `<root>/builds` (work directories, search
 * indexes, export snapshots: every name starting with a dot). Only under the build lock, so a
 * build running in another process on the same root is left alone (then nothing is removed).
 * Returns how many were removed.
 */
export async function removeLeftoverWork(root = siteRoot()): Promise<number> {
  const builds = path.join(root, 'builds')
  if (!existsSync(builds)) return 0
  let unlock: () => Promise<void>
  try {
    unlock = await lock(root)
  } catch (e) {
    if (e instanceof SiteBuildError) return 0
    throw e
  }
  try {
    const leftovers = (await readdir(builds)).filter((n) => n.startsWith('.'))
    for (const n of leftovers) await rm(path.join(builds, n), { recursive: true, force: true })
    return leftovers.length
  } finally {
    await unlock()
  }
}

/** The id of the build being served, or null when none has been published yet. */
export async function currentBuildId(root = siteRoot()): Promise<string | null> {
  try {
    return path.basename(await readlink(currentSiteDir(root)))
  } catch {
    return null
  }
}
