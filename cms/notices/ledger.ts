// The notices ledger at the database's level (cms/collections/Notices.ts): records written in
// bulk with the unique key as the guard (a record already there is left as it is and reported as
// not written, whoever wrote it and when), the keys already recorded (what planSweep must not plan
// again), and a batch of due records claimed by one sender at a time. Through the adapter's
// Drizzle instance on SQLite and PostgreSQL (one statement each, atomic); through Payload's
// adapter one record at a time elsewhere (MongoDB).
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

type Insert = (t: unknown) => { values: (v: unknown[]) => { onConflictDoNothing: () => { returning: (f: unknown) => Promise<{ uniqueKey: string }[]> } } }
interface Drizzle {
  insert: Insert
  transaction: <T>(f: (tx: { insert: Insert }) => Promise<T>) => Promise<T>
  select: (f: unknown) => { from: (t: unknown) => { where: (w: unknown) => Promise<Record<string, unknown>[]> } & Promise<Record<string, unknown>[]> }
  update: (t: unknown) => { set: (v: unknown) => { where: (w: unknown) => { returning: (f?: unknown) => Promise<Record<string, unknown>[]> } & Promise<unknown> } }
}
type Table = Record<string, unknown>

function drizzleOf(payload: Payload): { db: Drizzle; t: Table } | null {
  const db = payload.db as unknown as { drizzle?: Drizzle; tables?: Record<string, Table> }
  return db.drizzle && db.tables?.notices ? { db: db.drizzle, t: db.tables.notices } : null
}

/** Rows per INSERT (SQLite allows some 32 000 bound values; a row has about 22). */
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

type LibsqlClient = { batch: (stmts: { sql: string; args: unknown[] }[], mode: 'write') => Promise<{ rows: Record<string, unknown>[] }[]> }
type PgPool = { connect: () => Promise<{ query: (text: string, values?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>; release: () => void }> }

/**
 * The day's records in plain multi-row INSERT … ON CONFLICT DO NOTHING RETURNING statements, all in
 * one transaction, on SQLite (libsql's batch) and PostgreSQL (one pooled connection): the sweep may
 * write tens of thousands at once, and Drizzle's query builder spends longer building such
 * statements than the database takes to run them. The column names are the Drizzle table's.
 * null when the adapter is neither.
 */
async function rawInsert(payload: Payload, t: Table, rows: readonly NoticeRow[], now: string): Promise<Set<string> | null> {
  const db = payload.db as unknown as { name: string; client?: LibsqlClient; pool?: PgPool }
  const names = Columns.map((c) => (t[c] as { name?: string } | undefined)?.name)
  if (names.some((n) => !n)) return null
  const quoted = names.map((n) => `"${n}"`).join(', ')
  const valuesOf = (r: NoticeRow) => Columns.map((c) => (c === 'createdAt' || c === 'updatedAt' ? now : (r[c] ?? null)))
  const chunks: NoticeRow[][] = []
  for (let i = 0; i < rows.length; i += CHUNK) chunks.push(rows.slice(i, i + CHUNK))
  const written = new Set<string>()
  if (db.name === 'sqlite' && db.client) {
    const row = `(${Columns.map(() => '?').join(', ')})`
    const stmts = chunks.map((chunk) => ({
      sql: `INSERT INTO "notices" (${quoted}) VALUES ${chunk.map(() => row).join(', ')} ON CONFLICT DO NOTHING RETURNING "unique_key"`,
      args: chunk.flatMap(valuesOf),
    }))
    for (const result of await db.client.batch(stmts, 'write')) for (const r of result.rows) written.add(String(r.unique_key))
    return written
  }
  if (db.name === 'postgres' && db.pool) {
    const client = await db.pool.connect()
    try {
      await client.query('BEGIN')
      for (const chunk of chunks) {
        const values = chunk.map((_, i) => `(${Columns.map((__, j) => `$${i * Columns.length + j + 1}`).join(', ')})`).join(', ')
        const result = await client.query(`INSERT INTO "notices" (${quoted}) VALUES ${values} ON CONFLICT DO NOTHING RETURNING "unique_key"`, chunk.flatMap(valuesOf))
        for (const r of result.rows) written.add(String(r.unique_key))
      }
      await client.query('COMMIT')
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined)
      throw e
    } finally {
      client.release()
    }
    return written
  }
  return null
}

/** Writes the records; returns the unique keys of those written (a key already in the ledger is not). */
export async function insertRecords(payload: Payload, rows: readonly NoticeRow[]): Promise<Set<string>> {
  const written = new Set<string>()
  const now = new Date().toISOString()
  const d = drizzleOf(payload)
  if (d && rows.length > 0) {
    const raw = await rawInsert(payload, d.t, rows, now)
    if (raw) return raw
  }
  if (d) {
    // One transaction for the whole day's records: one commit (a sync to disk) instead of one per statement.
    await d.db.transaction(async (tx) => {
      for (let i = 0; i < rows.length; i += CHUNK) {
        const values = rows.slice(i, i + CHUNK).map((r) => ({ ...r, createdAt: now, updatedAt: now }))
        const done = await tx.insert(d.t).values(values).onConflictDoNothing().returning({ uniqueKey: d.t.uniqueKey })
        for (const r of done) written.add(r.uniqueKey)
      }
    })
    return written
  }
  for (const r of rows) {
    const exists = await payload.db.count({ collection: 'notices', where: { uniqueKey: { equals: r.uniqueKey } } })
    if (exists.totalDocs > 0) continue
    try {
      await payload.db.create({ collection: 'notices', data: { ...r } })
      written.add(r.uniqueKey)
    } catch (e) {
      if (!/duplicate|unique/i.test(String((e as Error)?.message))) throw e
    }
  }
  return written
}

/** Every ledger key recorded so far (sent, due, failed or passed over): what the sweep does not plan again. */
export async function recordedKeys(payload: Payload): Promise<Set<string>> {
  const d = drizzleOf(payload)
  if (d) {
    const rows = (await d.db.select({ key: d.t.key }).from(d.t)) as { key: string }[]
    return new Set(rows.map((r) => r.key))
  }
  const { docs } = await payload.find({ collection: 'notices', pagination: false, depth: 0, select: { key: true }, overrideAccess: true })
  return new Set(docs.map((r) => r.key))
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
    const rows = await d.db
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
      })
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
    for (let i = 0; i < ids.length; i += CHUNK) await d.db.update(d.t).set({ ...data, updatedAt: now }).where(inArray(t.id, ids.slice(i, i + CHUNK)))
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
    const rows = await d.db
      .update(d.t)
      .set({ status: 'pending', nextAttemptAt: now, updatedAt: now })
      .where(and(eq(t.status, 'sending'), lte(t.claimedAt, before)))
      .returning({ id: t.id })
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
