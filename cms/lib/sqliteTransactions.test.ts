// The client's own connection after a write on it failed with SQLITE_BUSY: libsql leaves the
// failed statement in progress, and without a new connection the next write kept SQLite's write
// lock (every other connection's BEGIN IMMEDIATE failed busy) and was lost later.
import { mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createClient, type Client } from '@libsql/client'
import { afterEach, expect, it } from 'vitest'
import { poolTransactionConnections } from './sqliteTransactions'

const settings = ['PRAGMA busy_timeout = 200']
const opened: Client[] = []

async function open(url: string): Promise<Client> {
  const c = createClient({ url })
  opened.push(c)
  for (const s of settings) await c.execute(s)
  return c
}

afterEach(() => {
  for (const c of opened.splice(0)) c.close()
})

it('a write refused busy on the client’s connection leaves no lock behind, and the writes after it are kept', async () => {
  const url = `file:${path.join(mkdtempSync(path.join(os.tmpdir(), 'pool-busy-')), 't.db')}`
  const client = await open(url)
  await client.execute('PRAGMA journal_mode = WAL')
  await client.execute('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)')
  poolTransactionConnections(client, { url }, async (c) => {
    for (const s of settings) await c.execute(s)
  })
  const other = await open(url)

  // Another connection holds the write lock: the client's autocommit write waits, then fails busy.
  await other.execute('BEGIN IMMEDIATE')
  await other.execute("INSERT INTO t (v) VALUES ('other')")
  await expect(client.execute({ sql: 'INSERT INTO t (v) VALUES (?) RETURNING id', args: ['refused'] })).rejects.toMatchObject({ code: expect.stringMatching(/^SQLITE_BUSY/) })
  await other.execute('COMMIT')

  await client.execute({ sql: 'INSERT INTO t (v) VALUES (?) RETURNING id', args: ['kept'] })
  // The client's new connection has the settings, and holds no lock: a transaction (a pooled connection) begins.
  expect(Object.values((await client.execute('PRAGMA busy_timeout')).rows[0])[0]).toBe(200)
  const tx = await client.transaction('write')
  await tx.execute("INSERT INTO t (v) VALUES ('in a transaction')")
  await tx.commit()

  const reader = await open(url)
  expect((await reader.execute('SELECT v FROM t ORDER BY id')).rows.map((r) => r.v)).toEqual(['other', 'kept', 'in a transaction'])
})
