// `npm run bench:sweep` (several minutes): the daily 督办 sweep over 10,000 open proposals. A fresh
// SQLite database with the demo data, grown to BENCH_SWEEP_SIZE open proposals by copying the
// demo's open ones with their records and duties (scripts/benchData.ts); then the sweep of the next
// working day (cms/notices/sweep.ts runSweep: read every obligation, plan, resolve, write the
// ledger), in a second process started on the grown database, timed, with that process's resident
// memory sampled every 50 ms; then the sends (every
// digest and message to a sender that only counts them), and a second sweep the same day (nothing to
// send). Figures go into docs/benchmarks.md (between the sweep markers). Target (issue 14): ≤ 10 s, ≤ 300 MB.
import { spawnSync } from 'node:child_process'
import os from 'node:os'
import { demoDatabase, growDatabase } from './benchData'
import { writeBenchSection } from './benchNotes'
import { runBench } from './benchProcess'

const SIZE = Number(process.env.BENCH_SWEEP_SIZE || 10_000)
// The first working day after the demo's load day (Friday 2026-11-27), 08:30 in Beijing.
const LoadDay = new Date('2026-11-27T02:00:00.000Z')
const SweepAt = '2026-11-30T00:30:00.000Z'
const log = (s: string) => console.log(`▶ ${s}`)
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`
const s1 = (ms: number) => `${(ms / 1000).toFixed(1)} s`

/** Samples `measure` every 50 ms until stopped; returns the peak. */
function peakOf(measure: () => number): () => number {
  let peak = measure()
  const timer = setInterval(() => (peak = Math.max(peak, measure())), 50)
  return () => {
    clearInterval(timer)
    return Math.max(peak, measure())
  }
}

const closed = new Set(['closed', 'draft'])

/**
 * Grows the database (and stops there with BENCH_SWEEP_GROW_ONLY=1, printing its address), then measures in a process of its own started on it (BENCH_SWEEP_DATABASE_URL):
 * growing it leaves this process holding gigabytes that no sweep needs, which would hide what the
 * sweep itself takes. Given BENCH_SWEEP_DATABASE_URL (a database this script grew), only measures.
 */
async function main() {
  process.env.SITE_AUTOBUILD = '0'
  process.env.NOTICES_AUTORUN = '0'
  const reuse = process.env.BENCH_SWEEP_DATABASE_URL
  if (!reuse) {
    const grown = await demoDatabase(log, LoadDay)
    log(`复制未办结的提案（连同其待办事项），直到 ${SIZE.toLocaleString('en')} 件…`)
    await growDatabase(grown, SIZE, log, { template: (p) => !closed.has(String(p.status)), countTemplatesOnly: true })
    const url = process.env.DATABASE_URL!
    await grown.destroy()
    if (process.env.BENCH_SWEEP_GROW_ONLY === '1') {
      log(`已生成，未测量：BENCH_SWEEP_DATABASE_URL=${url}（测量时每次用一份副本：第一次运行后，数据库中已有当天的提醒）`)
      return
    }
    log(`在新的进程中测量（BENCH_SWEEP_DATABASE_URL=${url}）…`)
    const child = spawnSync(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
      stdio: 'inherit',
      env: { ...process.env, BENCH_SWEEP_DATABASE_URL: url },
    })
    process.exitCode = child.status ?? 1
    return
  }
  process.env.DATABASE_URL = reuse
  const { connectPayload } = await import('../tests/helpers/payload')
  const payload = await connectPayload(reuse)
  const open = (await payload.count({ collection: 'proposals', where: { status: { not_in: [...closed] } }, overrideAccess: true })).totalDocs
  const duties = (await payload.count({ collection: 'duties', overrideAccess: true })).totalDocs

  const { runSweep } = await import('../cms/notices/sweep')
  const { deliverDue } = await import('../cms/notices/deliver')
  process.env.APP_NOW = SweepAt
  const before = process.memoryUsage().rss
  const stop = peakOf(() => process.memoryUsage().rss)
  const cpu0 = process.cpuUsage()
  const t0 = performance.now()
  const sweep = await runSweep(payload)
  const ms = performance.now() - t0
  const cpu = process.cpuUsage(cpu0)
  const cpuMs = (cpu.user + cpu.system) / 1000
  const peak = stop()
  log(`督办提醒：${sweep.obligations} 项未办结事项，${sweep.notices} 条提醒，写入 ${sweep.written} 条记录，${s1(ms)}（CPU ${s1(cpuMs)}；${JSON.stringify(sweep.timings)}）；内存 ${mb(before)} → 峰值 ${mb(peak)}`)

  const count = async () => ({ outcome: '计数' })
  const t1 = performance.now()
  const sent = await deliverDue(payload, { senders: { email: count, sms: count }, limit: 100_000 })
  const sendMs = performance.now() - t1
  log(`发送：${sent.sent} 封（条），${s1(sendMs)}`)
  const t2 = performance.now()
  const again = await runSweep(payload)
  const againMs = performance.now() - t2
  log(`同日再次运行：${again.notices} 条提醒，${s1(againMs)}`)
  await payload.destroy()

  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}`
  const fastEnough = ms <= 10_000
  const fastInCpu = cpuMs <= 10_000
  const smallEnough = peak - before <= 300 * 2 ** 20
  const report = `## 督办 sweep (latest run)

Measured by \`npm run bench:sweep\` (scripts/bench-sweep.ts) on ${new Date().toISOString().slice(0, 10)}; ${machine}; load average
${os.loadavg()[0].toFixed(1)} at the end (the cores are shared with other work); SQLite (WAL). The demo data grown to
${open.toLocaleString('en')} open proposals (copies of the demo's open ones with their records and duty rows, scripts/benchData.ts;
${duties.toLocaleString('en')} duty rows). The sweep of Monday 2026-11-30 08:30 China time, through the Local API, in a process
started on the grown database (Payload loaded, nothing else; the growing ran in a process of its own):

| step | time | |
|---|---:|---|
| sweep (read ${sweep.obligations.toLocaleString('en')} obligations, plan, resolve, write) | ${s1(ms)} (CPU ${s1(cpuMs)}) | ${sweep.notices.toLocaleString('en')} notices, ${sweep.superseded.toLocaleString('en')} earlier steps passed over, ${sweep.written.toLocaleString('en')} ledger records; read ${s1(sweep.timings.read ?? 0)}, the ledger's keys ${s1(sweep.timings.ledger ?? 0)}, plan ${s1(sweep.timings.plan ?? 0)}, records made and written ${s1(sweep.timings.write ?? 0)} |
| sends (to a sender that only counts) | ${s1(sendMs)} | ${sent.sent.toLocaleString('en')} messages (one digest per staff member, one per representative's notice) |
| a second sweep the same day | ${s1(againMs)} | ${again.notices} notices |

The first run after the data is loaded is the worst case: every open item is overdue at once (the copies keep the demo's
deadlines), so each gets its notice (to whoever owes it, their head, the leader and the office: one line in each one's digest,
by 站内 and e-mail) and every earlier step is recorded as passed over. A day's sweep afterwards writes only what changed.
Wall time is on the shared cores; the CPU time (user + system of this process) is what it costs without them.

Resident memory of the process: ${mb(before)} before the sweep (Payload and the database loaded), peak ${mb(peak)} during it (+${mb(peak - before)}).

Target (issue 14): a sweep over 10k open proposals ≤ 10 s and ≤ 300 MB — the memory taken as what the sweep adds: time ${fastEnough ? 'met' : `**not met** in wall time on the shared cores${fastInCpu ? ' (met in CPU time)' : ''}`}; memory ${smallEnough ? 'met' : '**not met**'}.
`
  const out = writeBenchSection('sweep', report)
  console.log(`\n${report}\n→ ${out}`)
}

runBench(main)
