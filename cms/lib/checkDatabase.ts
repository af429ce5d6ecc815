// Databases made safe at start.
// SQLite: transactions run on pooled connections (cms/lib/sqliteTransactions.ts: libsql's own
// leaked one connection per transaction), each given the per-connection settings (busy
// timeout, synchronous) when opened; WAL, synchronous=FULL and a busy timeout are verified, or
// the server refuses to start.
// SQLite and PostgreSQL: write transactions are queued within the process. On SQLite, libsql's
// calls are synchronous in Node's one thread, so two interleaved write transactions would wait
// on each other forever; on PostgreSQL, transactions that each hold a pooled connection while
// waiting for one more (seen with ten simultaneous submissions) starve the pool. One write at
// a time per process is ample for an office, and other instances still coordinate in the database.
// Two instances of Payload in one process on one SQLite file (the tests' "two servers") share one
// queue: one's transaction waiting on a lock the other holds across an await would hold the event
// loop, and with it the other, until the busy timeout.
import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import type { BaseDatabaseAdapter, CommitTransaction, Payload } from 'payload'
import { sqliteFilePath } from './dataFiles'
import { poolTransactionConnections } from './sqliteTransactions'

const BusyTimeoutMs = 10_000
const perConnection = [`PRAGMA busy_timeout = ${BusyTimeoutMs};`, 'PRAGMA synchronous = FULL;']

export function hardenDatabase(payload: Payload): void {
  const db = payload.db as Payload['db'] & { __hardened?: boolean }
  if (db.__hardened || (db.name !== 'sqlite' && db.name !== 'postgres')) return
  db.__hardened = true
  if (db.name === 'sqlite') {
    const { client, clientConfig } = db as unknown as SQLiteAdapter
    poolTransactionConnections(client, clientConfig, async (connection) => {
      for (const pragma of perConnection) await connection.execute(pragma)
    })
  }
  const file = db.name === 'sqlite' ? sqliteFilePath(String((db as unknown as SQLiteAdapter).clientConfig.url)) : null
  queueWriteTransactions(db, file ? sharedQueue(file) : { tail: Promise.resolve() })
}

/** A queue of writes: the promise the next one waits for. */
type Queue = { tail: Promise<void> }
const queues = new Map<string, Queue>()
const sharedQueue = (key: string): Queue => queues.get(key) ?? queues.set(key, { tail: Promise.resolve() }).get(key)!

function queueWriteTransactions(db: Pick<BaseDatabaseAdapter, 'beginTransaction' | 'commitTransaction' | 'rollbackTransaction'>, queue: Queue): void {
  const begin = db.beginTransaction.bind(db)
  const commit = db.commitTransaction.bind(db)
  const rollback = db.rollbackTransaction.bind(db)
  const releases = new Map<string | number, () => void>()
  db.beginTransaction = async (options) => {
    let release!: () => void
    const previous = queue.tail
    queue.tail = new Promise<void>((r) => (release = r))
    await previous
    try {
      const id = await begin(options)
      if (id == null) release()
      else releases.set(id, release)
      return id
    } catch (e) {
      release()
      throw e
    }
  }
  const finish = (fn: CommitTransaction): CommitTransaction => async (id) => {
    const key = id instanceof Promise ? await id : id
    try {
      await fn(id)
    } finally {
      releases.get(key)?.()
      releases.delete(key)
    }
  }
  db.commitTransaction = finish(commit)
  db.rollbackTransaction = finish(rollback)

  // The job queue's own writes outside any transaction (its cron updates the schedule record
  // every few seconds) wait their turn too: on SQLite one interleaved with a request's
  // transaction failed with SQLITE_BUSY_SNAPSHOT, after which that request was answered as
  // saved while nothing had been stored (seen with the portal's sign-ups under load). Only
  // these: other writes without a transaction can run inside a request that holds the queue.
  // The schedule's first run writes without a transaction too: it inserts the daily rebuild job
  // (create on payload-jobs) and the schedule record (createGlobal). Unqueued, that INSERT came
  // while a sign-in's transaction held SQLite's write lock; libsql runs it synchronously, so the
  // server stood still for the 10 s busy timeout (the sign-in could not go on and commit) until
  // the INSERT failed busy, and the failed statement then kept the lock for ~40 s more
  // (cms/lib/sqliteTransactions.ts renewAfterBusy): the HTTP tests' first sign-ins got 500s.
  const alone = async <T>(work: () => Promise<T>): Promise<T> => {
    let release!: () => void
    const previous = queue.tail
    queue.tail = new Promise<void>((r) => (release = r))
    await previous
    try {
      return await work()
    } finally {
      release()
    }
  }
  const jobs = (args: { collection?: string }) => args?.collection === 'payload-jobs'
  const jobWrites: Record<string, (args: { collection?: string }) => boolean> = {
    updateGlobal: () => true,
    createGlobal: () => true,
    updateJobs: () => true,
    create: jobs,
    deleteMany: jobs,
  }
  const methods = db as unknown as Record<string, unknown>
  type Args = { collection?: string; req?: { transactionID?: unknown } }
  for (const [name, isJobWrite] of Object.entries(jobWrites)) {
    const original = methods[name]
    if (typeof original !== 'function') continue
    const bound = original.bind(db) as (args: Args) => Promise<unknown>
    methods[name] = (args: Args = {}) =>
      // Inside a transaction the queue is already held by it.
      args?.req?.transactionID != null || !isJobWrite(args) ? bound(args) : alone(() => bound(args))
  }
}

export async function checkDatabase(payload: Payload): Promise<Record<string, unknown>> {
  if (payload.db.name !== 'sqlite') return {}
  const { client } = payload.db as unknown as SQLiteAdapter
  const pragma = async (name: string) => {
    const r = await client.execute(`PRAGMA ${name};`)
    return Object.values(r.rows[0] ?? {})[0]
  }
  const found = { journal_mode: await pragma('journal_mode'), synchronous: Number(await pragma('synchronous')), busy_timeout: Number(await pragma('busy_timeout')) }
  // synchronous: 2 = FULL
  if (found.journal_mode !== 'wal' || found.synchronous !== 2 || !(found.busy_timeout > 0)) {
    throw new Error(`SQLite 设置不安全：${JSON.stringify(found)}（应为 WAL、synchronous=FULL、busy_timeout>0）`)
  }
  return found
}
