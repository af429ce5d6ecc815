// `npm run bench:board` (about 10–20 minutes): the 督办台 at 10,000 proposals. A fresh SQLite
// database with the demo data grown to BENCH_BOARD_SIZE proposals (scripts/benchData.ts; their
// duty rows copied with them), one in a hundred open ones marked 重点督办; then the board's data
// (cms/lib/board.ts boardData, everything the page shows: counts in the database, the first rows
// of every group, the overdue commitments) timed in-process as the office and a leader, unfiltered,
// for one section, and one group's first and last page; and, when the CMS is built, the page itself
// (GET /admin/supervision) over HTTP from the production server. Figures go into docs/benchmarks.md
// (between the board markers).
import { existsSync } from 'node:fs'
import os from 'node:os'
import type { Payload, TypedUser } from 'payload'
import { DemoPassword } from '../cms/seed/reference'
import { login } from '../tests/helpers/http'
import { startServer } from '../tests/helpers/server'
import { demoDatabase, growDatabase } from './benchData'
import { writeBenchSection } from './benchNotes'
import { runBench } from './benchProcess'
import { BoardStageLabels } from '../core/supervision'

const SIZE = Number(process.env.BENCH_BOARD_SIZE || 10_000)
const RUNS = Number(process.env.BENCH_RUNS || 3)
const log = (s: string) => console.log(`▶ ${s}`)
const ms = (n: number) => `${Math.round(n)} ms`
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

interface Case {
  name: string
  who: 'office' | 'leader'
  filter: { who?: string; stage?: string; page?: number }
}

async function userOf(payload: Payload, email: string): Promise<TypedUser> {
  const { docs } = await payload.find({ collection: 'users', where: { email: { equals: email } }, overrideAccess: true, depth: 0 })
  return { ...docs[0], collection: 'users' } as unknown as TypedUser
}

/** A database this script grew before (BENCH_BOARD_DATABASE_URL), or a new one grown now. */
async function database(): Promise<{ payload: Payload; grown: boolean }> {
  const reuse = process.env.BENCH_BOARD_DATABASE_URL
  if (reuse) {
    process.env.DATABASE_URL = reuse
    const { connectPayload } = await import('../tests/helpers/payload')
    return { payload: await connectPayload(reuse), grown: false }
  }
  const payload = await demoDatabase(log)
  log(`在数据库中复制提案，直到 ${SIZE.toLocaleString('en')} 件…`)
  await growDatabase(payload, SIZE, log)
  return { payload, grown: true }
}

async function main() {
  process.env.SITE_AUTOBUILD = '0'
  process.env.PAYLOAD_SECRET ||= 'bench-secret'
  const { payload, grown } = await database()
  const open = await payload.db.find<{ id: number }>({ collection: 'proposals', where: { status: { not_in: ['draft', 'closed'] } }, select: { id: true }, pagination: false, limit: 0, sort: 'id' })
  const key = open.docs.filter((_, i) => i % 100 === 0).map((d) => d.id)
  if (grown) await payload.db.updateMany({ collection: 'proposals', where: { id: { in: key } }, data: { keyItem: true } })
  const [total, duties] = await Promise.all([
    payload.count({ collection: 'proposals', overrideAccess: true }).then((r) => r.totalDocs),
    payload.count({ collection: 'duties', overrideAccess: true }).then((r) => r.totalDocs),
  ])
  log(`${total} 件提案，其中在办 ${open.docs.length} 件、重点督办 ${key.length} 件；待办事项 ${duties} 条`)

  const { boardData, Shown } = await import('../cms/lib/board')
  const { getCalendar } = await import('../cms/lib/calendar')
  const users = { office: await userOf(payload, 'office@demo.local'), leader: await userOf(payload, 'leader@demo.local') }
  const calendar = await getCalendar(payload)
  // The largest group of 城管分队, for the paged view.
  const probe = await boardData({ payload, user: users.office }, calendar, { who: 'chengguan' })
  const biggest = [...probe.groups].sort((a, b) => b.total - a.total)[0]!
  const lastPage = Math.max(1, Math.ceil(biggest.total / 50))
  const cases: Case[] = [
    { name: '代表工作室，全部', who: 'office', filter: {} },
    { name: '街道领导，全部', who: 'leader', filter: {} },
    { name: '代表工作室，城管分队', who: 'office', filter: { who: 'chengguan' } },
    { name: `城管分队 · ${BoardStageLabels[biggest.stage]}（${biggest.total} 件）第 1 页`, who: 'office', filter: { who: 'chengguan', stage: biggest.stage } },
    { name: `同上，第 ${lastPage} 页（末页）`, who: 'office', filter: { who: 'chengguan', stage: biggest.stage, page: lastPage } },
  ]
  const rows: string[] = []
  const rssBefore = process.memoryUsage().rss
  let rssPeak = rssBefore
  for (const c of cases) {
    const times: number[] = []
    const cpu: number[] = []
    let shown = 0
    let counted = 0
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now()
      const c0 = process.cpuUsage()
      const d = await boardData({ payload, user: users[c.who] }, calendar, c.filter)
      times.push(performance.now() - t0)
      const used = process.cpuUsage(c0)
      cpu.push((used.user + used.system) / 1000)
      rssPeak = Math.max(rssPeak, process.memoryUsage().rss)
      shown = d.groups.reduce((n, g) => n + g.rows.length, 0)
      counted = d.all.total + d.commitmentCount
    }
    log(`${c.name}：${times.map(ms).join('，')}，CPU ${cpu.map(ms).join('，')}（${shown} 行显示，共 ${counted} 项）`)
    rows.push(`| ${c.name} | ${times.map(ms).join(', ')} | ${ms(median(times))} | ${ms(median(cpu))} | ${shown} | ${counted.toLocaleString('en')} |`)
  }
  await payload.destroy()

  let http = 'The CMS is not built (`npm run build`): the page itself was not measured over HTTP.'
  if (existsSync('cms/.next/BUILD_ID')) {
    const server = await startServer({ DATABASE_URL: process.env.DATABASE_URL!, PAYLOAD_SECRET: process.env.PAYLOAD_SECRET!, SITE_AUTOBUILD: '0' })
    try {
      const jwt = ((await login(server.url, { email: 'office@demo.local', password: DemoPassword })) as { authorization: string }).authorization.replace(/^JWT /, '')
      const get = async (query = '') => {
        const t0 = performance.now()
        const r = await fetch(`${server.url}/admin/supervision${query}`, { headers: { cookie: `payload-token=${jwt}`, origin: server.url } })
        const html = await r.text()
        if (!r.ok || !html.includes('督办台')) throw new Error(`督办台未能打开：${r.status}`)
        if (query === '' && !html.includes('各责任方汇总')) throw new Error('督办台未显示汇总（未登录？）')
        return { ms: performance.now() - t0, bytes: html.length }
      }
      await get() // the first request loads the route
      const page = [] as { ms: number; bytes: number }[]
      for (let i = 0; i < RUNS; i++) page.push(await get())
      const filtered = [] as { ms: number; bytes: number }[]
      for (let i = 0; i < RUNS; i++) filtered.push(await get('?who=chengguan'))
      log(`页面（HTTP）：全部 ${page.map((p) => ms(p.ms)).join('，')}；城管分队 ${filtered.map((p) => ms(p.ms)).join('，')}`)
      http = `The page over HTTP (the production server, the office signed in; to the last byte, after one request to load the route):
all ${page.map((p) => ms(p.ms)).join(', ')} (median ${ms(median(page.map((p) => p.ms)))}, ${(page[0]!.bytes / 1024).toFixed(0)} KB of HTML);
城管分队 ${filtered.map((p) => ms(p.ms)).join(', ')} (median ${ms(median(filtered.map((p) => p.ms)))}).`
    } finally {
      await server.stop()
    }
  }

  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}`
  const report = `## 督办台 at 10k (latest run)

Measured by \`npm run bench:board\` (scripts/bench-board.ts) on ${new Date().toISOString().slice(0, 10)}; ${machine}; load average
${os.loadavg()[0].toFixed(1)} at the end (the cores are shared with other work); SQLite (WAL, synchronous=FULL). The database holds the
demo data grown to ${total.toLocaleString('en')} proposals (${open.docs.length.toLocaleString('en')} open, ${key.length} of them 重点督办) and
${duties.toLocaleString('en')} duty rows (scripts/benchData.ts). Each figure is cms/lib/board.ts \`boardData\` — everything the
page shows: each party's counts and each group's count in the database, the first ${Shown} rows of every group (or one page of
50), the overdue commitments — through the Local API as the person, ${RUNS} runs each. The database, SQLite, runs in
the same process, so the CPU time (user + system) is the work itself; the wall clock adds the wait for a core
on the shared machine.${grown ? '' : ' (The database was grown by an earlier run of this script and reused: BENCH_BOARD_DATABASE_URL.)'}

| view | runs (wall clock) | median | CPU (median) | rows shown | items counted |
|---|---:|---:|---:|---:|---:|
${rows.join('\n')}

${http}

The process grew from ${(rssBefore / 2 ** 20).toFixed(0)} MB to at most ${(rssPeak / 2 ** 20).toFixed(0)} MB meanwhile: nothing loads every document.
`
  const out = writeBenchSection('board', report)
  console.log(`\n${report}\n→ ${out}`)
}

runBench(main)
