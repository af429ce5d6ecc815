// The portal under load, on loopback: `connections` representatives, each with their own
// session, submit proposals through POST /api/portal/proposals for `seconds`, each waiting
// for its answer before the next (a closed loop, like autocannon's connections, but with every
// answer counted: autocannon cuts the requests in flight when its time is up, and those may
// still be stored).
// Every acknowledged submission is collected so the caller can check it exists exactly once
// with a unique number; the same run measures the raw Local API create-and-submit rate on the
// same database, for comparison. Used by tests/http/portal-load.http.test.ts and
// `npm run bench:portal` (which writes the figures into docs/benchmarks.md).
import { randomBytes } from 'node:crypto'
import type { Payload } from 'payload'


export interface LoadResult {
  connections: number
  seconds: number
  /** Acknowledged submissions (2xx with a proposal). */
  acknowledged: { id: number | string; number: string; clientKey: string }[]
  perSecond: number
  p50ms: number
  p95ms: number
  non2xx: number
  errors: number
  /** Statuses of the refused requests, with how many of each. */
  refused: Record<string, number>
}

/** The nearest-rank percentile `p` (0–100) of ascending `sorted`. */
export const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : 0)

/** Signs `count` new representatives in through the portal; returns their session cookies. */
export async function representativesWithSessions(base: string, office: Record<string, string>, area: number | string, count: number, password: string): Promise<string[]> {
  const run = randomBytes(3).toString('hex')
  const cookies: string[] = []
  for (let i = 0; i < count; i++) {
    const username = `load-${run}-${i}`
    const made = await fetch(`${base}/api/representatives`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...office },
      body: JSON.stringify({ username, name: `压测代表${i}`, password, residentialArea: area, mustChangePassword: false }),
    })
    if (made.status !== 201) throw new Error(`creating ${username}: ${made.status} ${await made.text()}`)
    const signIn = await fetch(`${base}/api/portal/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: base },
      body: JSON.stringify({ login: username, password }),
    })
    const cookie = signIn.headers.getSetCookie().find((c) => c.startsWith('portal_session='))
    if (signIn.status !== 200 || !cookie) throw new Error(`signing ${username} in: ${signIn.status} ${await signIn.text()}`)
    cookies.push(cookie.split(';')[0])
  }
  return cookies
}

export async function submitUnderLoad(base: string, cookies: string[], area: number | string, seconds: number, tag: string): Promise<LoadResult> {
  const acknowledged: LoadResult['acknowledged'] = []
  const latencies: number[] = []
  const refused: Record<string, number> = {}
  let errors = 0
  const started = performance.now()
  const until = started + seconds * 1000
  // One loop per representative: send, wait for the answer, send the next, until the time is
  // up. Nothing is cut off at the end, so every answer is counted.
  const representative = async (cookie: string) => {
    while (performance.now() < until) {
      const clientKey = randomBytes(12).toString('hex')
      const t = performance.now()
      try {
        const res = await fetch(`${base}/api/portal/proposals`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: base, cookie },
          body: JSON.stringify({
            title: `${tag} 压测提案 ${clientKey.slice(0, 8)}`,
            body: '压力测试：路灯损坏，夜间出行不便，请尽快修复。',
            category: 'urban',
            residentialArea: area,
            clientKey,
            submit: true,
          }),
          signal: AbortSignal.timeout(60_000),
        })
        const text = await res.text()
        latencies.push(performance.now() - t)
        if (res.ok) {
          const p = JSON.parse(text).proposal
          acknowledged.push({ id: p.id, number: p.number, clientKey })
        } else refused[res.status] = (refused[res.status] ?? 0) + 1
      } catch {
        errors++
      }
    }
  }
  await Promise.all(cookies.map(representative))
  const elapsed = (performance.now() - started) / 1000
  const sorted = latencies.sort((a, b) => a - b)
  return {
    connections: cookies.length,
    seconds,
    acknowledged,
    perSecond: acknowledged.length / elapsed,
    p50ms: percentile(sorted, 50),
    p95ms: percentile(sorted, 95),
    non2xx: Object.values(refused).reduce((a, b) => a + b, 0),
    errors,
    refused,
  }
}

/** The same work straight through the Local API (no HTTP, no session, no portal): create and submit, `concurrency` at a time. */
export async function localApiRate(payload: Payload, representative: object, area: number | string, seconds: number, concurrency: number): Promise<{ perSecond: number; created: number }> {
  const user = { ...representative, collection: 'representatives' } as never
  const until = Date.now() + seconds * 1000
  const started = Date.now()
  let created = 0
  const worker = async () => {
    while (Date.now() < until) {
      const doc = await payload.create({
        collection: 'proposals',
        data: { title: `Local API 压测 ${randomBytes(4).toString('hex')}`, body: '压力测试。', category: 'urban', residentialArea: area as number } as never,
        user,
        overrideAccess: false,
        depth: 0,
      })
      await payload.update({ collection: 'proposals', id: doc.id, data: { status: 'submitted' }, user, overrideAccess: false, depth: 0 })
      created++
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker))
  return { perSecond: created / ((Date.now() - started) / 1000), created }
}
