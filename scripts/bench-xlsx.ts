// `npm run bench:xlsx` (about 10 minutes; build the CMS first: `npm run build`): 导出 Excel at
// 10,000 proposals. A fresh SQLite database with the demo data grown to BENCH_XLSX_SIZE proposals
// (scripts/benchData.ts), the real production server (scripts/serve.mjs) on it, and the office's
// GET /api/proposals/export.xlsx of the whole list, timed to the last byte while the server's
// memory is sampled; the file is parsed back and its rows counted. Also the site's
// /data/proposals.xlsx made from the public export of the same database. Figures go into
// docs/benchmarks.md (between the xlsx markers). Targets (issue 13): 10k rows ≤ 10 s, ≤ 300 MB.
import os from 'node:os'
import ExcelJS from 'exceljs'
import { DemoPassword } from '../cms/seed/reference'
import { login } from '../tests/helpers/http'
import { startServer } from '../tests/helpers/server'
import { EXPORT_PAGE_SIZE } from '../cms/lib/export/readAs'
import { demoDatabase, growDatabase } from './benchData'
import { writeBenchSection } from './benchNotes'
import { descendsFrom, processTable, runBench } from './benchProcess'

const SIZE = Number(process.env.BENCH_XLSX_SIZE || 10_000)
const RUNS = Number(process.env.BENCH_RUNS || 3)
const log = (s: string) => console.log(`▶ ${s}`)
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`
const s1 = (ms: number) => `${(ms / 1000).toFixed(1)} s`

/** Resident memory of a process and all its descendants, from /proc. */
function treeRss(root: number): number {
  const table = processTable()
  let total = 0
  for (const [pid, bytes] of table.rss) if (descendsFrom(table, pid, root)) total += bytes
  return total
}

/** Samples `measure` every 50 ms until stopped; returns the peak. */
function peakOf(measure: () => number): () => number {
  let peak = measure()
  const timer = setInterval(() => (peak = Math.max(peak, measure())), 50)
  return () => {
    clearInterval(timer)
    return Math.max(peak, measure())
  }
}

async function rowsIn(bytes: Buffer): Promise<number> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
  return workbook.worksheets[0].rowCount - 1
}

interface Run {
  ms: number
  firstByteMs: number
  bytes: number
  rows: number
  peak: number
  before: number
}

/** One export over HTTP, read to the last byte, the server's memory sampled meanwhile. */
async function exportOnce(url: string, pid: number, credential: Record<string, string>, query = ''): Promise<Run> {
  const before = treeRss(pid)
  const stop = peakOf(() => treeRss(pid))
  const t0 = performance.now()
  const res = await fetch(`${url}/api/proposals/export.xlsx${query}`, { headers: credential })
  if (!res.ok || !res.body) throw new Error(`导出失败：${res.status} ${await res.text()}`)
  const chunks: Uint8Array[] = []
  let firstByteMs = 0
  const reader = res.body.getReader()
  for (let r = await reader.read(); !r.done; r = await reader.read()) {
    if (!chunks.length) firstByteMs = performance.now() - t0
    chunks.push(r.value)
  }
  const ms = performance.now() - t0
  const peak = stop()
  const bytes = Buffer.concat(chunks)
  return { ms, firstByteMs, bytes: bytes.length, rows: await rowsIn(bytes), peak, before }
}

async function main() {
  process.env.SITE_AUTOBUILD = '0'
  const payload = await demoDatabase(log)
  log(`在数据库中复制提案，直到 ${SIZE.toLocaleString('en')} 件…`)
  await growDatabase(payload, SIZE, log)
  const total = (await payload.count({ collection: 'proposals', overrideAccess: true })).totalDocs

  log('公开数据的 proposals.xlsx（网站生成时）…')
  const { buildPublicExport } = await import('../cms/lib/publicExport')
  const { publicProposalsXlsx } = await import('../cms/lib/export/publicXlsx')
  const exp = await buildPublicExport(payload)
  const selfBefore = process.memoryUsage().rss
  const stopSelf = peakOf(() => process.memoryUsage().rss)
  const t0 = performance.now()
  const file = await publicProposalsXlsx(exp)
  const publicMs = performance.now() - t0
  const publicPeak = stopSelf()
  const publicRows = await rowsIn(file)
  log(`proposals.xlsx：${publicRows} 行，${s1(publicMs)}，${mb(file.length)}，进程内存增加 ${mb(publicPeak - selfBefore)}`)
  await payload.destroy()

  const url = process.env.DATABASE_URL!
  const server = await startServer({ DATABASE_URL: url, PAYLOAD_SECRET: process.env.PAYLOAD_SECRET!, SITE_AUTOBUILD: '0' })
  try {
    const office = (await login(server.url, { email: 'office@demo.local', password: DemoPassword })) as Record<string, string>
    const head = (await login(server.url, { email: 'head@demo.local', password: DemoPassword })) as Record<string, string>
    // The first request compiles and loads the route: not part of the figure.
    await exportOnce(server.url, server.pid, office, '?where[number][equals]=none')
    const runs: Run[] = []
    for (let i = 0; i < RUNS; i++) {
      log(`代表工作室导出全部 ${total} 件（第 ${i + 1}/${RUNS} 次）…`)
      const r = await exportOnce(server.url, server.pid, office)
      log(`${r.rows} 行，${s1(r.ms)}（首字节 ${s1(r.firstByteMs)}），${mb(r.bytes)}；服务器内存 ${mb(r.before)} → 峰值 ${mb(r.peak)}（增加 ${mb(r.peak - r.before)}）`)
      if (r.rows !== total) throw new Error(`行数 ${r.rows} 与提案数 ${total} 不符`)
      runs.push(r)
    }
    const median = [...runs].sort((a, b) => a.ms - b.ms)[Math.floor(runs.length / 2)]
    const section = await exportOnce(server.url, server.pid, head)
    log(`城管分队负责人导出：${section.rows} 行，${s1(section.ms)}`)
    const load = os.loadavg()[0].toFixed(1)
    const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}`
    const added = Math.max(...runs.map((r) => r.peak - r.before))
    const within = median.ms <= 10_000 && added <= 300 * 2 ** 20
    const report = `## Excel export (latest run)

Measured by \`npm run bench:xlsx\` (scripts/bench-xlsx.ts) on ${new Date().toISOString().slice(0, 10)}; ${machine}; load average
${load} at the end (the cores are shared with other work); SQLite (WAL, synchronous=FULL); the production server on loopback.
The database holds the demo data grown to ${total.toLocaleString('en')} proposals (copies of the demo's records,
scripts/benchData.ts). Each run is the office's \`GET /api/proposals/export.xlsx\` of the whole list (what the office's
REST list gives, read ${EXPORT_PAGE_SIZE} records a query and streamed), timed to the last byte, while the resident memory
of the server's process tree is sampled every 50 ms. Every file was parsed back and had one row per proposal
(${median.rows.toLocaleString('en')} rows, ${mb(median.bytes)}).

| run | last byte | first byte | server memory before | peak | added by the export |
|---:|---:|---:|---:|---:|---:|
${runs.map((r, i) => `| ${i + 1} | ${s1(r.ms)} | ${s1(r.firstByteMs)} | ${mb(r.before)} | ${mb(r.peak)} | +${mb(r.peak - r.before)} |`).join('\n')}

Median ${s1(median.ms)}. A section head (城管分队), whole list: ${section.rows.toLocaleString('en')} rows in ${s1(section.ms)}.
The site's /data/proposals.xlsx (${publicRows.toLocaleString('en')} public proposals, written once per build): ${s1(publicMs)},
${mb(file.length)}, +${mb(publicPeak - selfBefore)} in the building process.

Targets (issue 13): 10k rows ≤ 10 s and ≤ 300 MB — the memory taken as what the export adds to the server (the server
itself, Next.js with Payload, holds ${mb(Math.min(...runs.map((r) => r.before)))}–${mb(Math.max(...runs.map((r) => r.before)))} before it starts): ${within ? 'met' : '**not met**'}.
`
    const out = writeBenchSection('xlsx', report)
    console.log(`\n${report}\n→ ${out}`)
  } finally {
    await server.stop()
  }
}

runBench(main)
