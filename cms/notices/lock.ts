// One sweep at a time, across every instance on the same database: on PostgreSQL a session-level
// advisory lock (pg_try_advisory_lock) held for the run; elsewhere (SQLite is one server's file) a
// lock within the process. A run that finds it taken is skipped: the other is doing the work. The
// ledger's unique key (cms/collections/Notices.ts) stays the guard for anything that slips past.
import type { Payload } from 'payload'

/** The advisory lock's number: a fixed 64-bit key for "the 督办 sweep" (arbitrary, constant). */
const SWEEP_LOCK_KEY = '7261746502014001'

type PgPool = { connect: () => Promise<{ query: (sql: string, params?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>; release: () => void }> }

const held = new WeakSet<Payload>()

/** Runs `fn` holding the sweep lock; `{ ran: false }` when another run holds it. */
export async function withSweepLock<T>(payload: Payload, fn: () => Promise<T>): Promise<{ ran: true; value: T } | { ran: false }> {
  const pool = (payload.db as unknown as { pool?: PgPool }).pool
  if (payload.db.name === 'postgres' && pool) {
    const client = await pool.connect()
    try {
      const { rows } = await client.query('SELECT pg_try_advisory_lock($1::bigint) AS locked', [SWEEP_LOCK_KEY])
      if (!rows[0]?.locked) return { ran: false }
      try {
        return { ran: true, value: await fn() }
      } finally {
        await client.query('SELECT pg_advisory_unlock($1::bigint)', [SWEEP_LOCK_KEY]).catch(() => undefined)
      }
    } finally {
      client.release()
    }
  }
  if (held.has(payload)) return { ran: false }
  held.add(payload)
  try {
    return { ran: true, value: await fn() }
  } finally {
    held.delete(payload)
  }
}
