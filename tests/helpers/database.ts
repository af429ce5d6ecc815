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
