// 文号 for replies signed off before numbering existed (the data migration), and the demo's
// renumbering after its replay (the seed signs proposal after proposal, not in time order). Plain
// SQL on the few columns it needs, so it runs the same on SQLite and PostgreSQL and does not depend
// on the collections' later shape; the numbering rule itself is core's (numberInOrder).
import { sql } from '@payloadcms/db-sqlite'
import type { Payload, PayloadRequest } from 'payload'
import { docAbbreviation, numberInOrder } from '../../core/documents'

type Row = Record<string, unknown>
type SQL = ReturnType<typeof sql>
/** What of Payload's SQLite and PostgreSQL adapters this uses (as cms/lib/sequence.ts does). */
interface SqlAdapter {
  drizzle: unknown
  sessions?: Record<string, { db?: unknown } | undefined>
  execute: (args: { db: unknown; sql: SQL }) => Promise<{ rows?: Row[] } | Row[] | undefined>
}

async function runner(payload: Payload, req?: Partial<PayloadRequest>): Promise<(q: SQL) => Promise<Row[]>> {
  const adapter = payload.db as unknown as SqlAdapter
  const db = (req?.transactionID && adapter.sessions?.[await req.transactionID]?.db) || adapter.drizzle
  return async (q) => {
    const result = await adapter.execute({ db, sql: q })
    return (Array.isArray(result) ? result : result?.rows) ?? []
  }
}

/** A timestamp as either driver returns it (SQLite: ISO text; PostgreSQL: a Date or 'YYYY-MM-DD HH:MM:SS+00'). */
function isoOf(v: unknown): string {
  if (v instanceof Date) return v.toISOString()
  const s = String(v)
  const pg = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}(?:\.\d+)?)([+-]\d{2})(?::?(\d{2}))?$/.exec(s)
  return new Date(pg ? `${pg[1]}T${pg[2]}${pg[3]}:${pg[4] ?? '00'}` : s).toISOString()
}

const numberOf = (v: unknown): number | string => (typeof v === 'number' || (typeof v === 'string' && !/^\d+$/.test(v)) ? v : Number(v)) as number | string

/**
 * Gives every signed-off reply without a 文号 its number, in sign-off order, each section's series
 * per year continuing after the numbers already given. With `renumber`, first takes every reply's
 * number and every 文号 counter away (the demo, once its replay is done). Returns how many were numbered.
 */
export async function numberSignedOffReplies(payload: Payload, req?: Partial<PayloadRequest>, opts: { renumber?: boolean } = {}): Promise<number> {
  if ((payload.db as { name?: string }).name === 'mongoose') return 0
  const run = await runner(payload, req)
  if (opts.renumber) {
    await run(sql`UPDATE replies SET doc_number = NULL`)
    await run(sql`DELETE FROM sequences WHERE key LIKE 'reply-doc:%'`)
  }
  const pending = await run(sql`SELECT r.id AS id, r.signed_off_at AS signed_off_at, s.id AS section, s.name AS name, s.abbreviation AS abbreviation
    FROM replies r LEFT JOIN sections s ON s.id = r.section_id
    WHERE r.signed_off_at IS NOT NULL AND r.doc_number IS NULL`)
  if (pending.length === 0) return 0
  const [office] = await run(sql`SELECT office_abbreviation AS abbreviation FROM letterhead LIMIT 1`)
  const counters = await run(sql`SELECT key, value FROM sequences WHERE key LIKE 'reply-doc:%'`)
  const { numbers, counters: next } = numberInOrder(
    pending.map((r) => ({
      id: numberOf(r.id),
      signedOffAt: isoOf(r.signed_off_at),
      abbreviation: docAbbreviation(r.section == null ? null : { name: r.name as string, abbreviation: r.abbreviation as string | null }, { officeAbbreviation: (office?.abbreviation as string | null) ?? null }),
    })),
    new Map(counters.map((c) => [String(c.key), Number(c.value)])),
  )
  for (const [id, docNumber] of numbers) await run(sql`UPDATE replies SET doc_number = ${docNumber} WHERE id = ${id}`)
  for (const [key, value] of next)
    await run(sql`INSERT INTO sequences (key, value) VALUES (${key}, ${value}) ON CONFLICT (key) DO UPDATE SET value = ${value}`)
  return numbers.size
}
