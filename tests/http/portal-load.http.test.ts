// 50 representatives submitting at once for 30 s against the started server (loopback,
// bounded): every acknowledged submission must exist exactly once, with a unique number.
// The figures (submissions per second, p95, and the raw Local API rate of the same run, on a
// fresh database of the same kind: a second process writing into the server's SQLite file
// was seen to make the server miss a just-created account) are printed here;
// `npm run bench:portal` writes them into docs/benchmarks.md.
import { afterAll, beforeAll, expect, inject, it } from 'vitest'
import type { Payload } from 'payload'
import { DemoPassword } from '../../cms/seed/reference'
import { login } from '../helpers/http'
import { startPayload } from '../helpers/payload'
import { localApiRate, representativesWithSessions, submitUnderLoad, type LoadResult } from '../load/portalLoad'

const base = inject('baseURL')
const world = inject('world')
const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS || 50)
const SECONDS = Number(process.env.LOAD_SECONDS || 30)
const TAG = `LOAD-${Date.now()}`

let payload: Payload
let office: Record<string, string>
let load: LoadResult

beforeAll(async () => {
  office = (await login(base, { email: world.staff.office.email, password: DemoPassword })) as Record<string, string>
}, 300_000)

afterAll(async () => {
  await payload?.destroy()
})

it(`${CONNECTIONS} representatives submit for ${SECONDS} s: every acknowledged submission exists exactly once with a unique number`, async () => {
  const cookies = await representativesWithSessions(base, office, world.ref.areas[0], CONNECTIONS, DemoPassword)
  load = await submitUnderLoad(base, cookies, world.ref.areas[0], SECONDS, TAG)
  const { acknowledged, ...figures } = load
  console.log(`portal load: ${acknowledged.length} acknowledged`, figures)
  expect(load.errors, 'connection errors or timeouts').toBe(0)
  expect(load.refused, 'refused submissions').toEqual({})
  expect(load.acknowledged.length).toBeGreaterThan(0)

  const ids = load.acknowledged.map((a) => String(a.id))
  expect(new Set(ids).size, 'one proposal per acknowledgement').toBe(ids.length)
  const numbers = load.acknowledged.map((a) => a.number)
  expect(numbers.every((n) => /^\d{4}-\d{3,}$/.test(n))).toBe(true)
  expect(new Set(numbers).size, 'unique numbers').toBe(numbers.length)

  // What the server holds: exactly the acknowledged ones, once each, with the number each was given.
  const stored = new Map<string, { number: string; status: string }>()
  for (let page = 1; ; page++) {
    const r = await (await fetch(`${base}/api/proposals?where[title][like]=${TAG}&depth=0&limit=100&page=${page}`, { headers: office })).json()
    for (const d of r.docs) stored.set(String(d.id), { number: d.number, status: d.status })
    if (!r.hasNextPage) break
  }
  for (const a of load.acknowledged) expect(stored.get(String(a.id)), `proposal ${a.id}`).toEqual({ number: a.number, status: 'submitted' })
  expect(stored.size).toBe(load.acknowledged.length)
  const allNumbers = [...stored.values()].map((d) => d.number)
  expect(new Set(allNumbers).size, 'unique numbers').toBe(allNumbers.length)

  // The same work straight through the Local API, on a fresh database of the same kind.
  process.env.SITE_AUTOBUILD = '0'
  payload = await startPayload()
  const { createWorld } = await import('../fixtures/world')
  const w = await createWorld(payload)
  const local = await localApiRate(payload, w.reps.A, w.ref.areas[0], 10, CONNECTIONS)
  console.log(
    `portal load: ${CONNECTIONS} connections × ${SECONDS} s → ${load.acknowledged.length} submissions, ${load.perSecond.toFixed(1)}/s, ` +
      `p50 ${load.p50ms.toFixed(0)} ms, p95 ${load.p95ms.toFixed(0)} ms; Local API create+submit in the same run: ${local.perSecond.toFixed(1)}/s`,
  )
  expect(local.created).toBeGreaterThan(0)
}, 300_000)
