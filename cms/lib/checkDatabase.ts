// Checked at start: a SQLite file must run with WAL, synchronous=FULL and a busy timeout,
// or a crash could lose a saved proposal and concurrent writers would fail.
import type { Payload } from 'payload'

export async function checkDatabase(payload: Payload): Promise<Record<string, unknown>> {
  const db = payload.db as any
  if (db.name !== 'sqlite') return {}
  const pragma = async (name: string) => {
    const r = await db.client.execute(`PRAGMA ${name};`)
    return Object.values(r.rows[0] ?? {})[0]
  }
  const found = { journal_mode: await pragma('journal_mode'), synchronous: await pragma('synchronous'), busy_timeout: await pragma('busy_timeout') }
  // synchronous: 2 = FULL
  if (found.journal_mode !== 'wal' || Number(found.synchronous) !== 2 || !(Number(found.busy_timeout) > 0)) {
    throw new Error(`SQLite 设置不安全：${JSON.stringify(found)}（应为 WAL、synchronous=FULL、busy_timeout>0）`)
  }
  return found
}
