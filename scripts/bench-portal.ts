// `npm run bench:portal` (about 2 minutes): the portal under load on this machine. A fresh
// SQLite database with the test world, the real production server (scripts/serve.mjs, built by
// `npm run build` or the test command first), 50 representatives each with their own session
// submitting for 30 s, every acknowledged submission checked to exist exactly once with a
// unique number, and the raw Local API create-and-submit rate measured in the same run.
// Writes the figures into docs/benchmarks.md (between the portal-load markers).
import os from 'node:os'
import { DemoPassword } from '../cms/seed/reference'
import { login } from '../tests/helpers/http'
import { connectPayload, startPayload } from '../tests/helpers/payload'
import { startServer } from '../tests/helpers/server'
import { localApiRate, representativesWithSessions, submitUnderLoad } from '../tests/load/portalLoad'
import { writeBenchSection } from './benchNotes'
import { runBench } from './benchProcess'

const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS || 50)
const SECONDS = Number(process.env.LOAD_SECONDS || 30)
const log = (s: string) => console.log(`▶ ${s}`)

async function main() {
  process.env.APP_NOW ||= '2026-03-02T02:00:00.000Z'
  process.env.SITE_AUTOBUILD = '0'
  log('准备数据库和测试人员…')
  const setup = await startPayload()
  const { createWorld } = await import('../tests/fixtures/world')
  const world = await createWorld(setup)
  await setup.destroy()
  const url = process.env.DATABASE_URL!
  const server = await startServer({ DATABASE_URL: url, PAYLOAD_SECRET: process.env.PAYLOAD_SECRET!, APP_NOW: process.env.APP_NOW })
  try {
    const office = (await login(server.url, { email: world.staff.office.email, password: DemoPassword })) as Record<string, string>
    log(`为 ${CONNECTIONS} 位代表建立账号并登录…`)
    const cookies = await representativesWithSessions(server.url, office, world.ref.areas[0], CONNECTIONS, DemoPassword)
    const tag = `BENCH-${Date.now()}`
    log(`${CONNECTIONS} 位代表同时提交，持续 ${SECONDS} 秒…`)
    const load = await submitUnderLoad(server.url, cookies, world.ref.areas[0], SECONDS, tag)
    const payload = await connectPayload(url)
    const stored = await payload.find({ collection: 'proposals', where: { title: { like: tag } }, depth: 0, pagination: false, overrideAccess: true, select: { number: true } })
    const numbers = new Set(stored.docs.map((d) => d.number))
    const exactlyOnce = stored.docs.length === load.acknowledged.length && numbers.size === stored.docs.length
    log('同一数据库上直接用 Local API 建立并提交（对照）…')
    const local = await localApiRate(payload, world.reps.A, world.ref.areas[0], 10, CONNECTIONS)
    await payload.destroy()
    const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}`
    const report = `## Portal under load (latest run)

Measured by \`npm run bench:portal\` (scripts/bench-portal.ts) on ${new Date().toISOString().slice(0, 10)}; ${machine}; SQLite
(WAL, synchronous=FULL); the production server on loopback. Each of ${CONNECTIONS} connections is one representative with
their own session, sending POST /api/portal/proposals (create and submit, with a new client key each time)
one after the other for ${SECONDS} s.

| what | figure |
|---|---|
| submissions acknowledged | ${load.acknowledged.length} in ${SECONDS} s |
| submissions per second | ${load.perSecond.toFixed(1)} |
| latency p50 / p95 | ${load.p50ms.toFixed(0)} ms / ${load.p95ms.toFixed(0)} ms |
| refused or failed | ${load.non2xx} refused, ${load.errors} errors |
| every acknowledged submission stored exactly once, numbers unique | ${exactlyOnce ? 'yes' : '**no**'} (${stored.docs.length} stored, ${numbers.size} numbers) |
| Local API create + submit, same database, ${CONNECTIONS} at a time (no HTTP, session or portal) | ${local.perSecond.toFixed(1)} per second |
`
    const out = writeBenchSection('portal-load', report)
    console.log(`\n${report}\n→ ${out}`)
    if (!exactlyOnce || load.errors) process.exitCode = 1
  } finally {
    await server.stop()
  }
}

runBench(main)
