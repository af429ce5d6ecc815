// The server's database connections stay as many after 1,000 writes as before: libsql's
// transactions used to leave two descriptors open per write (SQLITE_CANTOPEN for every request
// once the process limit was reached). Counted in the server's /proc/<pid>/fd.
import { readdirSync, readFileSync, readlinkSync } from 'node:fs'
import { beforeAll, expect, inject, it } from 'vitest'
import { DemoPassword } from '../../cms/seed/reference'
import { sqliteFilePath } from '../../cms/lib/dataFiles'
import { login, type Credential } from '../helpers/http'

const base = inject('baseURL')
const world = inject('world')
const pid = inject('serverPid')
const databaseURL = inject('databaseURL')
const WRITES = 1000
const PARALLEL = 4

/** What each of the server's open descriptors points at (a path, or socket:[inode]). */
function descriptors(): string[] {
  const dir = `/proc/${pid}/fd`
  return readdirSync(dir).flatMap((fd) => {
    try {
      return [readlinkSync(`${dir}/${fd}`)]
    } catch {
      return [] // closed while we looked
    }
  })
}

/** Inodes of this machine's TCP sockets whose remote end is the given port. */
function socketsToPort(port: number): Set<string> {
  const inodes = new Set<string>()
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text = ''
    try {
      text = readFileSync(table, 'utf8')
    } catch {
      continue
    }
    for (const line of text.split('\n').slice(1)) {
      const f = line.trim().split(/\s+/)
      if (f.length > 9 && parseInt(f[2].split(':')[1], 16) === port) inodes.add(f[9])
    }
  }
  return inodes
}

/** The server's connections to its database: descriptors of the SQLite file (and its WAL/SHM), or sockets to PostgreSQL. */
function databaseConnections(): number {
  const file = sqliteFilePath(databaseURL)
  if (file) return descriptors().filter((l) => l.startsWith(file)).length
  const postgres = socketsToPort(Number(new URL(databaseURL).port || 5432))
  return descriptors().filter((l) => postgres.has(l.match(/^socket:\[(\d+)\]$/)?.[1] ?? '')).length
}

let admin: Credential

beforeAll(async () => {
  admin = await login(base, { email: world.staff.admin.email, password: DemoPassword })
})

/** One calendar day per write: created, then renamed (a create and an update each go through a transaction). */
const day = (i: number) => new Date(Date.UTC(2031, 0, 1) + i * 86_400_000).toISOString().slice(0, 10)

async function write(i: number): Promise<void> {
  const headers = { ...admin, 'content-type': 'application/json' }
  if (i % 2 === 0) {
    const r = await fetch(`${base}/api/holidays`, { method: 'POST', headers, body: JSON.stringify({ date: day(i / 2), kind: 'holiday', name: `测试假日 ${i}` }) })
    expect(r.status, await r.clone().text()).toBe(201)
    created.set(i / 2, ((await r.json()) as { doc: { id: string | number } }).doc.id)
  } else {
    const id = created.get((i - 1) / 2)
    const r = await fetch(`${base}/api/holidays/${id}`, { method: 'PATCH', headers, body: JSON.stringify({ name: `测试假日 ${i}（改）` }) })
    expect(r.status, await r.clone().text()).toBe(200)
  }
}
const created = new Map<number, string | number>()

/** Writes numbered from..to-1, PARALLEL at a time (each update right after its create, in one worker). */
async function writes(from: number, to: number): Promise<void> {
  let next = from
  const worker = async () => {
    while (next < to) {
      const i = next
      next += 2
      await write(i)
      await write(i + 1)
    }
  }
  await Promise.all(Array.from({ length: PARALLEL }, worker))
}

it(`${WRITES} writes over HTTP leave the server's database connections as they were`, async () => {
  // Warm up: every route loaded, every pooled connection opened.
  await writes(0, 40)
  const before = { database: databaseConnections(), all: descriptors().length }

  await writes(40, 40 + WRITES)
  // Refused writes roll their transaction back: those connections come back too (a date taken twice).
  for (let i = 0; i < 20; i++) {
    const r = await fetch(`${base}/api/holidays`, { method: 'POST', headers: { ...admin, 'content-type': 'application/json' }, body: JSON.stringify({ date: day(i), kind: 'holiday' }) })
    expect(r.status).toBe(400)
  }
  const after = { database: databaseConnections(), all: descriptors().length }
  console.log(`server ${pid} descriptors before/after ${WRITES} writes:`, { before, after })

  expect(before.database, 'the server holds its database open').toBeGreaterThan(0)
  expect(after.database, 'database connections after the writes').toBeLessThanOrEqual(before.database + 2)
  // Everything else too (files, sockets): a leak of one per write would show as hundreds.
  expect(after.all, 'all open descriptors after the writes').toBeLessThanOrEqual(before.all + 50)
  const stored = await (await fetch(`${base}/api/holidays?where[name][like]=测试假日&limit=1&depth=0`, { headers: { ...admin } })).json()
  expect(stored.totalDocs).toBe((40 + WRITES) / 2)
}, 300_000)
