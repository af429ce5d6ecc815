// Atomic per-key counters (proposal numbers per session). One upsert statement, so two
// submissions at the same moment never get the same number, on SQLite or PostgreSQL.
import { sql } from '@payloadcms/db-sqlite'
import type { PayloadRequest } from 'payload'

export async function nextSequence(req: PayloadRequest, key: string): Promise<number> {
  const adapter = req.payload.db as any
  if (adapter.name === 'mongoose') {
    const session = req.transactionID ? adapter.sessions?.[await req.transactionID] : undefined
    const res = await adapter.connection
      .collection('sequences')
      .findOneAndUpdate({ key }, { $inc: { value: 1 } }, { upsert: true, returnDocument: 'after', session })
    return Number((res?.value ?? res)?.value)
  }
  const db = (req.transactionID && adapter.sessions?.[await req.transactionID]?.db) || adapter.drizzle
  const statement = sql`INSERT INTO sequences (key, value) VALUES (${key}, 1)
    ON CONFLICT (key) DO UPDATE SET value = sequences.value + 1 RETURNING value`
  const result = await adapter.execute({ db, sql: statement })
  const rows = (result?.rows ?? result) as { value: number | string }[]
  const value = Number(rows?.[0]?.value)
  if (!Number.isInteger(value) || value < 1) throw new Error(`sequence ${key}: unexpected result`)
  return value
}

export const formatProposalNumber = (year: number, seq: number): string => `${year}-${String(seq).padStart(3, '0')}`
