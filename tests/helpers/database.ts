// A fresh, empty database for one test file: a new SQLite file, or a new PostgreSQL
// database on the server named by TEST_POSTGRES_URL. Set before the Payload config loads.
import { randomBytes } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'

export async function freshDatabaseURL(): Promise<string> {
  const server = process.env.TEST_POSTGRES_URL
  if (!server) return `file:${path.join(mkdtempSync(path.join(os.tmpdir(), 'proposals-test-')), 'test.db')}`
  const name = `t_${randomBytes(6).toString('hex')}`
  const client = new pg.Client({ connectionString: server })
  await client.connect()
  try {
    await client.query(`CREATE DATABASE ${name}`)
  } finally {
    await client.end()
  }
  const url = new URL(server)
  url.pathname = `/${name}`
  return url.toString()
}

/** Runs one SQL statement on a test database (SQLite file or PostgreSQL), e.g. to move a record back in time. */
export async function runSQL(url: string, statement: string): Promise<void> {
  if (url.startsWith('file:')) {
    const { createClient } = await import('@libsql/client')
    const client = createClient({ url })
    try {
      // The server writes to the same file: wait for its lock rather than fail at once.
      await client.execute('PRAGMA busy_timeout = 15000')
      await client.execute(statement)
    } finally {
      client.close()
    }
    return
  }
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query(statement)
  } finally {
    await client.end()
  }
}

/** Everything the database holds, as text: the SQLite file and its WAL, or a PostgreSQL dump. */
export async function databaseText(url: string): Promise<string> {
  const { readFileSync, existsSync } = await import('node:fs')
  if (url.startsWith('file:')) {
    const file = url.slice('file:'.length)
    return [file, `${file}-wal`].filter((f) => existsSync(f)).map((f) => readFileSync(f).toString('latin1')).join('\n')
  }
  const { execFileSync } = await import('node:child_process')
  const { readdirSync } = await import('node:fs')
  const bin = readdirSync('/usr/lib/postgresql').sort().at(-1)
  return execFileSync(`/usr/lib/postgresql/${bin}/bin/pg_dump`, ['--data-only', url], { maxBuffer: 512 * 1024 * 1024 }).toString('utf8')
}
