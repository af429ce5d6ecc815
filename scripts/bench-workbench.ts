// `npm run bench:workbench` (about 20 minutes; build the CMS first: `npm run build`): the admin's
// workbench (工作台) at 10,000 proposals. A fresh SQLite database with the demo data grown to
// BENCH_WORKBENCH_SIZE proposals (scripts/benchData.ts, each copy with its original's `duties`
// rows), the real production server (scripts/serve.mjs) on it, and for each staff role with queues
// BENCH_REQUESTS requests (after BENCH_WARMUP not counted) of four pages, taken in turn, each read
// to the last byte: the workbench (GET /admin), the proposals list with 待我处理 above it
// (GET /admin/collections/proposals), the role's longest queue (GET /admin/queue?action=…) and,
// for comparison, the admin's frame alone (the queue page for a kind of duty there is not).
// The same work without HTTP and Next.js is timed in-process on the same database (the
// workbench's and 待我处理's components rendered alone, and the queue queries of cms/lib/queues.ts
// alone), to say where the time goes. Figures go into docs/benchmarks.md (between the workbench
// markers). Target (issue 13): the workbench answers with p95 ≤ 300 ms at 10k proposals.
import { statSync } from 'node:fs'
import os from 'node:os'
import { createLocalReq, type AdminViewServerProps, type Payload, type TypedUser } from 'payload'
import { prerenderToNodeStream } from 'react-dom/static'
import type { ReactNode } from 'react'
import type { DutyAction } from '../core/duties'
import { DutyLabels } from '../core/labels'
import type { Role } from '../core/types'
import { DemoPassword } from '../cms/seed/reference'
import { Workbench } from '../cms/components/Workbench'
import { WaitingOnMe } from '../cms/components/WaitingOnMe'
import { owedCount, queueCounts, queueItems } from '../cms/lib/queues'
import { as } from '../tests/fixtures/world'
import { login } from '../tests/helpers/http'
import { startServer } from '../tests/helpers/server'
import { percentile } from '../tests/load/portalLoad'
import { demoDatabase, growDatabase } from './benchData'
import { writeBenchSection } from './benchNotes'
import { descendsFrom, processTable, runBench } from './benchProcess'

const SIZE = Number(process.env.BENCH_WORKBENCH_SIZE || 10_000)
const REQUESTS = Number(process.env.BENCH_REQUESTS || 50)
const WARMUP = Number(process.env.BENCH_WARMUP || 3)
/** In-process runs of each piece (the Local API on the same database). */
const LOCAL_RUNS = Number(process.env.BENCH_LOCAL_RUNS || 20)
const TARGET_MS = 300
const log = (s: string) => console.log(`▶ ${s}`)
const ms0 = (ms: number) => `${ms.toFixed(0)} ms`
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`

/** The staff roles with queues (cms/lib/queues.ts QueuesOf), as the demo's accounts (cms/seed/reference.ts). */
const People: { role: Role; email: string; who: string }[] = [
  { role: 'office', email: 'office@demo.local', who: 'office (代表工作室)' },
  { role: 'leader', email: 'leader@demo.local', who: 'leader (街道领导)' },
  { role: 'sectionStaff', email: 'staff@demo.local', who: 'section staff (城管分队经办人)' },
  { role: 'sectionHead', email: 'head@demo.local', who: 'section head (城管分队队长)' },
]

interface Summary {
  p50: number
  p95: number
  max: number
  /** Mean CPU time of the work (ms): what it takes of a core, however busy the machine is. */
  cpu: number
}

const summary = (samples: number[], cpu: number[]): Summary => {
  const sorted = [...samples].sort((a, b) => a - b)
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted[sorted.length - 1] ?? 0, cpu: cpu.reduce((a, b) => a + b, 0) / cpu.length }
}

/** Runs `work` `runs` times one after the other, after one run not counted; wall time and this process's CPU time. */
async function timed(runs: number, work: () => Promise<unknown>): Promise<Summary> {
  await work()
  const samples: number[] = []
  const cpu: number[] = []
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage()
    const t0 = performance.now()
    await work()
    samples.push(performance.now() - t0)
    const c = process.cpuUsage(c0)
    cpu.push((c.user + c.system) / 1000)
  }
  return summary(samples, cpu)
}

/** CPU time used so far by a process and all its descendants (ms), from /proc. */
function treeCpu(root: number): number {
  const table = processTable()
  let total = 0
  for (const [pid, ms] of table.cpu) if (descendsFrom(table, pid, root)) total += ms
  return total
}

/** A server component rendered to the end (prerender waits for its async parts); the HTML's length. */
async function rendered(element: ReactNode | Promise<ReactNode>): Promise<number> {
  const { prelude } = await prerenderToNodeStream(await element)
  let length = 0
  for await (const chunk of prelude) length += (chunk as Buffer).length
  return length
}

interface Local {
  /** The role's queues counted (two counts per action: owed, and of those overdue). */
  counts: Summary
  actions: number
  /** The Workbench component alone: counts, the first items of each open queue, the deadlines. */
  workbench: Summary
  /** The WaitingOnMe component alone: its count and the earliest 200. */
  waiting: Summary
  /** queueItems of the longest queue, every item (what QueueView lists). */
  queue: Summary
  owed: number
  longest: { action: DutyAction; count: number }
}

/** The same work as the pages', in this process on the same database, without HTTP or Next.js. */
async function localFigures(payload: Payload, user: TypedUser): Promise<Local> {
  const counts = await queueCounts(payload, user)
  const longest = counts.reduce((a, b) => (b.count > a.count ? b : a))
  const req = await createLocalReq({ user }, payload)
  return {
    counts: await timed(LOCAL_RUNS, () => queueCounts(payload, user)),
    actions: counts.length,
    workbench: await timed(LOCAL_RUNS, () => rendered(Workbench({ initPageResult: { req } } as unknown as AdminViewServerProps))),
    waiting: await timed(LOCAL_RUNS, () => rendered(WaitingOnMe({ payload, user } as Parameters<typeof WaitingOnMe>[0]))),
    queue: await timed(LOCAL_RUNS, () => queueItems(payload, user, longest.action)),
    owed: (await owedCount(payload, user)).count,
    longest: { action: longest.action, count: longest.count },
  }
}

interface Page {
  name: string
  path: string
  /** Text the page shows only when it rendered what is measured (not the sign-in page). */
  shows: string
}

interface Sample {
  ms: number
  /** The server's CPU time meanwhile (its job runner's too, which looks every 5 s). */
  cpuMs: number
  bytes: number
}

/** One page over HTTP as the person, read to the last byte, and the server's CPU time meanwhile. */
async function pageOnce(url: string, pid: number, page: Page, credential: Record<string, string>): Promise<Sample> {
  const cpu0 = treeCpu(pid)
  const t0 = performance.now()
  const res = await fetch(`${url}${page.path}`, { headers: credential, redirect: 'manual' })
  if (res.status !== 200 || !res.body) throw new Error(`${page.path}：${res.status}`)
  const bytes = Buffer.from(await res.arrayBuffer())
  const ms = performance.now() - t0
  const cpuMs = treeCpu(pid) - cpu0
  const html = bytes.toString('utf8')
  if (!html.includes(page.shows)) throw new Error(`${page.path} 没有显示“${page.shows}”`)
  return { ms, cpuMs, bytes: bytes.length }
}

interface Measured {
  page: Page
  total: Summary
  bytes: number
}

/** The pages taken in turn (so the machine's other work falls on all alike), `WARMUP` rounds not counted. */
async function measurePages(url: string, pid: number, pages: Page[], credential: Record<string, string>): Promise<Measured[]> {
  for (let i = 0; i < WARMUP; i++) for (const p of pages) await pageOnce(url, pid, p, credential)
  const samples = pages.map(() => [] as Sample[])
  for (let i = 0; i < REQUESTS; i++) for (const [k, p] of pages.entries()) samples[k].push(await pageOnce(url, pid, p, credential))
  return pages.map((page, k) => ({
    page,
    total: summary(
      samples[k].map((s) => s.ms),
      samples[k].map((s) => s.cpuMs),
    ),
    bytes: samples[k][samples[k].length - 1].bytes,
  }))
}

const fileSize = (file: string): number => {
  try {
    return statSync(file).size
  } catch {
    return 0
  }
}

async function main() {
  process.env.SITE_AUTOBUILD = '0'
  const payload = await demoDatabase(log)
  log(`在数据库中复制提案，直到 ${SIZE.toLocaleString('en')} 件…`)
  await growDatabase(payload, SIZE, log)
  const [proposals, duties] = await Promise.all(
    (['proposals', 'duties'] as const).map(async (collection) => (await payload.count({ collection, overrideAccess: true })).totalDocs),
  )
  const locals = new Map<Role, Local>()
  for (const p of People) {
    const doc = (await payload.find({ collection: 'users', where: { email: { equals: p.email } }, depth: 0, limit: 1, overrideAccess: true })).docs[0]
    if (!doc) throw new Error(`没有账号 ${p.email}`)
    log(`${p.who}：进程内计时（Local API，每项 ${LOCAL_RUNS} 次）…`)
    const l = await localFigures(payload, as(doc, 'users') as TypedUser)
    log(`  待办 ${l.owed} 件；计数 p50 ${ms0(l.counts.p50)}（CPU ${ms0(l.counts.cpu)}）；工作台组件 p50 ${ms0(l.workbench.p50)}（CPU ${ms0(l.workbench.cpu)}）；待我处理组件 p50 ${ms0(l.waiting.p50)}（CPU ${ms0(l.waiting.cpu)}）；${DutyLabels[l.longest.action]}（${l.longest.count} 件）p50 ${ms0(l.queue.p50)}（CPU ${ms0(l.queue.cpu)}）`)
    locals.set(p.role, l)
  }
  await payload.destroy()

  const url = process.env.DATABASE_URL!
  const file = url.replace(/^file:/, '')
  const dbBytes = fileSize(file) + fileSize(`${file}-wal`)
  const server = await startServer({ DATABASE_URL: url, PAYLOAD_SECRET: process.env.PAYLOAD_SECRET!, SITE_AUTOBUILD: '0' })
  const loadBefore = os.loadavg()[0].toFixed(1)
  const results: { who: string; role: Role; measured: Measured[] }[] = []
  try {
    for (const p of People) {
      const credential = (await login(server.url, { email: p.email, password: DemoPassword })) as Record<string, string>
      const { action, count } = locals.get(p.role)!.longest
      const pages: Page[] = [
        { name: '工作台 `GET /admin`', path: '/admin', shows: 'workbench__counts' },
        { name: '待我处理 `GET /admin/collections/proposals`', path: '/admin/collections/proposals', shows: 'waiting-on-me-title' },
        { name: `${DutyLabels[action]} (${count} items) \`GET /admin/queue?action=${action}\``, path: `/admin/queue?action=${action}`, shows: DutyLabels[action] },
        // The queue page asked for a kind of duty there is not: the admin's frame alone, no query of ours.
        { name: 'the frame alone `GET /admin/queue?action=none`', path: '/admin/queue?action=none', shows: '没有这个待办事项类别' },
      ]
      log(`${p.who}：四个页面轮流，各 ${REQUESTS} 次（先 ${WARMUP} 轮不计）…`)
      const measured = await measurePages(server.url, server.pid, pages, credential)
      for (const m of measured) log(`  ${m.page.path}：p50 ${ms0(m.total.p50)}，p95 ${ms0(m.total.p95)}，最长 ${ms0(m.total.max)}，服务器 CPU 平均 ${ms0(m.total.cpu)}，${kb(m.bytes)}`)
      results.push({ who: p.who, role: p.role, measured })
    }
  } finally {
    await server.stop()
  }
  const loadAfter = os.loadavg()[0].toFixed(1)
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}`
  const workbenchP95 = results.map((r) => r.measured[0].total.p95)
  const within = workbenchP95.every((p95) => p95 <= TARGET_MS)
  const report = `## Workbench (latest run)

Measured by \`npm run bench:workbench\` (scripts/bench-workbench.ts) on ${new Date().toISOString().slice(0, 10)}; ${machine}; load average
${loadBefore} before the requests and ${loadAfter} after (the cores are shared with other work); SQLite (WAL, synchronous=FULL);
the production server on loopback. The database holds the demo data grown to ${proposals.toLocaleString('en')} proposals (copies of the
demo's records with their \`duties\` rows, scripts/benchData.ts): ${duties.toLocaleString('en')} duty rows, a ${(dbBytes / 2 ** 20).toFixed(0)} MB
SQLite file. For each role, ${REQUESTS} requests of each page, the four pages taken in turn after ${WARMUP} rounds not counted,
one at a time, each timed to the last byte of the server-rendered HTML (the whole admin page: template, navigation
and the view). The fourth, the queue page asked for a kind of duty there is not, is the admin's frame alone (the
sign-in, the permissions, the template and navigation; no query of ours): what any admin page costs before its own work.
"Server CPU" is the mean CPU time the server's processes used per request, all their threads (from /proc, in steps of
10 ms; the garbage collector's threads make it exceed the wall time at times, and other work on the cores the reverse).

| who | page | p50 | p95 | max | server CPU | HTML |
|---|---|---:|---:|---:|---:|---:|
${results.flatMap((r) => r.measured.map((m) => `| ${r.who} | ${m.page.name} | ${ms0(m.total.p50)} | ${ms0(m.total.p95)} | ${ms0(m.total.max)} | ${ms0(m.total.cpu)} | ${kb(m.bytes)} |`)).join('\n')}

The queues are counted in the database: \`payload.count\` on \`duties\` (two per action of the role: owed today, and of
those overdue; cms/lib/queues.ts), with the reader's access applied; no proposal or duty is loaded to count it. The
workbench lists the first 5 of each open queue, 待我处理 the earliest 200, a queue page all of its items.
The same work in this process on the same database (Local API, no HTTP, no Next.js; ${LOCAL_RUNS} runs each; p50 / p95 of
the wall time, and the mean CPU time):

| who | duties owed | queue counts alone | Workbench component | WaitingOnMe component | the longest queue's items (queueItems) |
|---|---:|---:|---:|---:|---:|
${results
  .map((r) => {
    const l = locals.get(r.role)!
    const f = (s: Summary) => `${ms0(s.p50)} / ${ms0(s.p95)}, CPU ${ms0(s.cpu)}`
    return `| ${r.who} | ${l.owed.toLocaleString('en')} | ${f(l.counts)} (${l.actions * 2} counts) | ${f(l.workbench)} | ${f(l.waiting)} | ${f(l.queue)} (${l.longest.count.toLocaleString('en')} items) |`
  })
  .join('\n')}

Target (issue 13): the workbench answers with p95 ≤ ${TARGET_MS} ms at 10k proposals: ${within ? 'met' : '**not met**'} on this run (p95 ${workbenchP95.map(ms0).join(', ')}).
`
  const out = writeBenchSection('workbench', report)
  console.log(`\n${report}\n→ ${out}`)
}

runBench(main)
