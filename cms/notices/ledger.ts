// The notices ledger at the database's level (cms/collections/Notices.ts): records written in
// bulk with the unique key as the guard (a record already there is left as it is and reported as
// not written, whoever wrote it and when), which keys are recorded (what planSweep must not plan
// again), and a batch of due records claimed by one sender at a time. On SQLite and PostgreSQL
// every write is a transaction of Payload's (queued with the process's others) on the adapter's
// Drizzle handle; elsewhere (MongoDB) through Payload's adapter one record at a time.
import { setImmediate } from 'node:timers/promises'
import { and, eq, inArray, lte, sql } from '@payloadcms/db-postgres/drizzle'
import type { Payload } from 'payload'
import { DueStatuses, type NoticeChannel, type NoticeStatus } from '../../core/notices'
import type { Notice as NoticeDoc } from '../payload-types'
import type { NoticeStage } from '../collections/Notices'

type Id = string | number

/** A record to write. */
export interface NoticeRow {
  uniqueKey: string
  key: string
  date: string
  stage: NoticeStage
  proposal: Id | null
  user: Id | null
  representative: Id | null
  channel: NoticeChannel | null
  subject: string | null
  text: string | null
  link: string | null
  status: NoticeStatus
  attempts: number
  nextAttemptAt: string | null
  sentAt: string | null
  outcome: string | null
  lastError: string | null
  digest: string | null
  position: number | null
  supersededBy: string | null
}

/** The unique key of a record: its ledger key, its recipient and its channel (null for a record no one receives). */
export const uniqueKeyOf = (key: string, recipient: { collection: 'users' | 'representatives'; id: Id } | null, channel: NoticeChannel | null): string =>
  JSON.stringify([key, recipient?.collection ?? null, recipient ? String(recipient.id) : null, channel])

interface Drizzle {
  select: (f: unknown) => { from: (t: unknown) => { where: (w: unknown) => Promise<Record<string, unknown>[]> } & Promise<Record<string, unknown>[]> }
  update: (t: unknown) => { set: (v: unknown) => { where: (w: unknown) => { returning: (f?: unknown) => Promise<Record<string, unknown>[]> } & Promise<unknown> } }
}
type Table = Record<string, unknown>

function drizzleOf(payload: Payload): { db: Drizzle; t: Table } | null {
  const db = payload.db as unknown as { drizzle?: Drizzle; tables?: Record<string, Table> }
  return db.drizzle && db.tables?.notices ? { db: db.drizzle, t: db.tables.notices } : null
}

/** Rows per INSERT (SQLite allows some 32 000 bound values; a row has 22). */
const CHUNK = 500

/** The columns a record is written with, in order. */
const Columns = [
  'uniqueKey',
  'key',
  'date',
  'stage',
  'proposal',
  'user',
  'representative',
  'channel',
  'subject',
  'text',
  'link',
  'status',
  'attempts',
  'nextAttemptAt',
  'sentAt',
  'outcome',
  'lastError',
  'digest',
  'position',
  'supersededBy',
  'createdAt',
  'updatedAt',
] as const

/** What a write did. */
export interface Written {
  /** Records offered. */
  offered: number
  /** Records written (a key already in the ledger is not). */
  written: number
  /** Of those written, the ones held for the end of quiet hours (待发送, later). */
  deferred: number
  /** When those are due, each time once, in order: when the server should send again. */
  later: string[]
}

/** The records in groups of `size`, taken from `rows` as they come (a generator is never held whole). */
function* chunksOf<T>(rows: Iterable<T>, size: number): Generator<T[]> {
  let chunk: T[] = []
  for (const r of rows) {
    chunk.push(r)
    if (chunk.length === size) {
      yield chunk
      chunk = []
    }
  }
  if (chunk.length) yield chunk
}

type Rows = Promise<{ rows: Record<string, unknown>[] }>
/**
 * Plain statements through a Drizzle handle: in a transaction, on its connection (libsql's
 * transaction, node-postgres's client); else on the client's own connection or pool. As Drizzle's
 * sessions hold them (drizzle-orm/libsql and node-postgres session.js; the tests of both adapters
 * would fail if Drizzle changed this).
 */
function statementsOf(tx: Drizzle, adapter: string): (text: string, args: unknown[]) => Rows {
  type Libsql = { execute: (s: { sql: string; args: unknown[] }) => Rows }
  type Pg = { query: (text: string, values: unknown[]) => Rows }
  const session = (tx as unknown as { session?: { tx?: Libsql; client?: Partial<Libsql & Pg> } }).session
  const libsql = session?.tx ?? session?.client
  if (adapter === 'sqlite' && libsql?.execute) return (sql, args) => (libsql as Libsql).execute({ sql, args })
  const pg = session?.client
  if (adapter === 'postgres' && pg?.query) return (text, args) => (pg as Pg).query(text, args)
  throw new Error(`通知记录无法写入：不支持的数据库连接（${adapter}）`)
}

/**
 * Runs `work` in a transaction of Payload's, on its Drizzle handle; committed when `work` resolves,
 * rolled back when it throws. Every write to the ledger goes this way: Payload's transactions are
 * queued one at a time in the process (cms/lib/checkDatabase.ts), and on SQLite a write outside
 * that queue, while a transaction of the same process holds the write lock across an await, waits
 * for it with the event loop held (libsql's calls are synchronous): the transaction cannot go on,
 * and the write fails busy after the timeout (seen with two event jobs run at once).
 */
async function inTransaction<T>(payload: Payload, d: { db: Drizzle }, work: (tx: Drizzle) => Promise<T>): Promise<T> {
  const id = await payload.db.beginTransaction()
  const sessions = (payload.db as unknown as { sessions?: Record<string, { db: Drizzle }> }).sessions
  const tx = (id != null && sessions?.[String(id)]?.db) || d.db
  try {
    const value = await work(tx)
    if (id != null) await payload.db.commitTransaction(id)
    return value
  } catch (e) {
    if (id != null) await payload.db.rollbackTransaction(id)
    throw e
  }
}

/**
 * Writes the records, taken from `rows` a chunk at a time as they are made (the sweep's tens of
 * thousands are never all in memory), in one transaction of Payload's (queued with the process's
 * other writes, cms/lib/checkDatabase.ts): a crash or a failed statement writes none of them, so
 * a notice is never recorded for some of its recipients only. On SQLite and PostgreSQL each chunk
 * is one multi-row INSERT … ON CONFLICT DO NOTHING RETURNING (Drizzle's query builder spends
 * longer building such statements than the database takes to run them); elsewhere (MongoDB)
 * through Payload's adapter one record at a time.
 */
export async function insertRecords(payload: Payload, rows: Iterable<NoticeRow>): Promise<Written> {
  const now = new Date().toISOString()
  const out = { offered: 0, written: 0, deferred: 0 }
  const later = new Set<string>()
  const count = (r: NoticeRow, written: boolean) => {
    out.offered++
    if (!written) return
    out.written++
    if (r.status === 'deferred' && r.nextAttemptAt) {
      out.deferred++
      later.add(r.nextAttemptAt)
    }
  }
  const d = drizzleOf(payload)
  const names = d ? Columns.map((c) => (d.t[c] as { name?: string } | undefined)?.name) : []
  if (d && names.every(Boolean)) {
    const columns = names.map((n) => `"${n}"`).join(', ')
    const uniqueKey = names[Columns.indexOf('uniqueKey')]!
    const adapter = payload.db.name
    const placeholders = (count: number) =>
      Array.from({ length: count }, (_, i) => `(${Columns.map((__, j) => (adapter === 'postgres' ? `$${i * Columns.length + j + 1}` : '?')).join(', ')})`).join(', ')
    const valuesOf = (r: NoticeRow) => Columns.map((c) => (c === 'createdAt' || c === 'updatedAt' ? now : (r[c] ?? null)))
    await inTransaction(payload, d, async (tx) => {
      const run = statementsOf(tx, adapter)
      for (const chunk of chunksOf(rows, CHUNK)) {
        const { rows: returned } = await run(`INSERT INTO "notices" (${columns}) VALUES ${placeholders(chunk.length)} ON CONFLICT DO NOTHING RETURNING "${uniqueKey}"`, chunk.flatMap(valuesOf))
        const written = new Set(returned.map((r) => String(r[uniqueKey])))
        for (const r of chunk) count(r, written.has(r.uniqueKey))
        // A turn of the event loop: libsql frees a statement's native memory only once Node has run
        // its finalizer, which waits for one; without it a day's 70,000 records held some 250 MB
        // until the write ended (docs/benchmarks.md).
        await setImmediate()
      }
    })
  } else
    for (const r of rows) {
      let written = false
      const exists = await payload.db.count({ collection: 'notices', where: { uniqueKey: { equals: r.uniqueKey } } })
      if (exists.totalDocs === 0)
        try {
          await payload.db.create({ collection: 'notices', data: { ...r } })
          written = true
        } catch (e) {
          if (!/duplicate|unique/i.test(String((e as Error)?.message))) throw e
        }
      count(r, written)
    }
  return { ...out, later: [...later].sort() }
}

/** Keys per lookup. */
const KEYS_PER_QUERY = 5000

/**
 * Which of these ledger keys are recorded (sent, due, failed or passed over): what the sweep does
 * not plan again. Asked for the day's candidate keys only (core keysToCheck), so the answer stays the
 * size of the day's work however long the ledger grows (`key` is indexed).
 */
export async function recordedKeys(payload: Payload, keys: Iterable<string>): Promise<Set<string>> {
  const wanted = [...new Set(keys)]
  const found = new Set<string>()
  const d = drizzleOf(payload)
  const keyColumn = d ? (d.t.key as { name?: string } | undefined)?.name : undefined
  // A plain statement with the keys as one parameter (Drizzle's builder took longer over 75,000 keys than the lookups).
  const run = d && keyColumn ? statementsOf(d.db, payload.db.name) : null
  const lookup =
    payload.db.name === 'postgres'
      ? `SELECT DISTINCT "${keyColumn}" AS "key" FROM "notices" WHERE "${keyColumn}" = ANY($1::text[])`
      : `SELECT DISTINCT "${keyColumn}" AS "key" FROM "notices" WHERE "${keyColumn}" IN (SELECT value FROM json_each(?))`
  for (let i = 0; i < wanted.length; i += KEYS_PER_QUERY) {
    const chunk = wanted.slice(i, i + KEYS_PER_QUERY)
    if (run) {
      const { rows } = await run(lookup, [payload.db.name === 'postgres' ? chunk : JSON.stringify(chunk)])
      for (const r of rows) found.add(String(r.key))
      await setImmediate()
    } else {
      const { docs } = await payload.find({ collection: 'notices', where: { key: { in: chunk } }, pagination: false, depth: 0, select: { key: true }, overrideAccess: true })
      for (const r of docs) found.add(r.key)
    }
  }
  return found
}

/** A record as a sender has it once claimed. */
export type ClaimedRecord = Pick<NoticeDoc, 'id' | 'channel' | 'subject' | 'text' | 'link' | 'position' | 'attempts' | 'stage' | 'date'> & {
  user: Id | null
  representative: Id | null
}

/**
 * Claims the due records of one batch (a digest, or one message) for this sender: in one
 * statement, those of the batch still due at `now` become 发送中 with one more attempt. Two
 * senders at once: one gets them, the other none. Returns what was claimed.
 */
export async function claimBatch(payload: Payload, digest: string, now: string): Promise<ClaimedRecord[]> {
  const d = drizzleOf(payload)
  if (d) {
    const t = d.t as Record<string, never>
    const rows = await inTransaction(payload, d, (tx) =>
      tx
        .update(d.t)
        .set({ status: 'sending', claimedAt: now, updatedAt: now, attempts: sql`coalesce(${t.attempts}, 0) + 1` })
        .where(and(eq(t.digest, digest), inArray(t.status, [...DueStatuses]), lte(t.nextAttemptAt, now)))
        .returning({
          id: t.id,
          channel: t.channel,
          subject: t.subject,
          text: t.text,
          link: t.link,
          position: t.position,
          attempts: t.attempts,
          stage: t.stage,
          date: t.date,
          user: t.user,
          representative: t.representative,
        }),
    )
    return rows as unknown as ClaimedRecord[]
  }
  const { docs } = await payload.find({
    collection: 'notices',
    where: { and: [{ digest: { equals: digest } }, { status: { in: [...DueStatuses] } }, { nextAttemptAt: { less_than_equal: now } }] },
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  const out: ClaimedRecord[] = []
  for (const r of docs) {
    const attempts = (r.attempts ?? 0) + 1
    await payload.db.updateOne({ collection: 'notices', id: r.id, data: { status: 'sending', claimedAt: now, attempts } })
    out.push({ ...r, attempts, user: typeof r.user === 'object' ? (r.user?.id ?? null) : (r.user ?? null), representative: typeof r.representative === 'object' ? (r.representative?.id ?? null) : (r.representative ?? null) })
  }
  return out
}

/** Sets fields on records by id (the outcome of a send). */
export async function updateRecords(payload: Payload, ids: readonly Id[], data: Partial<Pick<NoticeRow, 'status' | 'sentAt' | 'outcome' | 'lastError' | 'nextAttemptAt'>>): Promise<void> {
  if (ids.length === 0) return
  const now = new Date().toISOString()
  const d = drizzleOf(payload)
  if (d) {
    const t = d.t as Record<string, never>
    await inTransaction(payload, d, async (tx) => {
      for (let i = 0; i < ids.length; i += CHUNK) await tx.update(d.t).set({ ...data, updatedAt: now }).where(inArray(t.id, ids.slice(i, i + CHUNK)))
    })
    return
  }
  for (const id of ids) await payload.db.updateOne({ collection: 'notices', id, data })
}

/** 发送中 records whose sender stopped (a server killed mid-send) over `minutes` ago are due again. */
export async function releaseStale(payload: Payload, now: string, minutes = 10): Promise<number> {
  const before = new Date(Date.parse(now) - minutes * 60_000).toISOString()
  const d = drizzleOf(payload)
  if (d) {
    const t = d.t as Record<string, never>
    const rows = await inTransaction(payload, d, (tx) =>
      tx.update(d.t).set({ status: 'pending', nextAttemptAt: now, updatedAt: now }).where(and(eq(t.status, 'sending'), lte(t.claimedAt, before))).returning({ id: t.id }),
    )
    return rows.length
  }
  const r = await payload.update({ collection: 'notices', where: { and: [{ status: { equals: 'sending' } }, { claimedAt: { less_than_equal: before } }] }, data: { status: 'pending', nextAttemptAt: now }, overrideAccess: true })
  return r.docs.length
}

/** The batches (digests or single messages) with a record due at `now`, at most `limit`. */
export async function dueBatches(payload: Payload, now: string, limit = 500): Promise<string[]> {
  const d = drizzleOf(payload)
  if (d) {
    const t = d.t as Record<string, never>
    const rows = (await d.db
      .select({ digest: t.digest })
      .from(d.t)
      .where(and(inArray(t.status, [...DueStatuses]), lte(t.nextAttemptAt, now)))) as { digest: string | null }[]
    return [...new Set(rows.map((r) => r.digest).filter((x): x is string => !!x))].slice(0, limit)
  }
  const { docs } = await payload.find({
    collection: 'notices',
    where: { and: [{ status: { in: [...DueStatuses] } }, { nextAttemptAt: { less_than_equal: now } }] },
    pagination: false,
    depth: 0,
    select: { digest: true },
    overrideAccess: true,
  })
  return [...new Set(docs.map((r) => r.digest).filter((x): x is string => !!x))].slice(0, limit)
}
