// The SQLite database as the adapter opens it: private files (0600, WAL and SHM too), and
// transactions, committed or rolled back, that leave no connection behind (libsql's own left
// two descriptors open per write).
import { readdirSync, readlinkSync, statSync } from 'node:fs'
import type { Payload } from 'payload'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { sqliteFilePath } from '../../cms/lib/dataFiles'
import { databaseLabel, startPayload } from '../helpers/payload'

const sqlite = databaseLabel() === 'sqlite'
let payload: Payload
let file: string

beforeAll(async () => {
  payload = await startPayload()
  file = sqliteFilePath(process.env.DATABASE_URL!) ?? ''
})
afterAll(async () => {
  await payload?.destroy()
})

/** This process's open descriptors of the database file (and its WAL and SHM). */
const openFiles = () =>
  readdirSync(`/proc/${process.pid}/fd`).filter((fd) => {
    try {
      return readlinkSync(`/proc/${process.pid}/fd/${fd}`).startsWith(file)
    } catch {
      return false
    }
  }).length

it.skipIf(!sqlite)('the database file and its WAL and shared-memory files are readable by this account only', () => {
  for (const f of [file, `${file}-wal`, `${file}-shm`]) expect(statSync(f).mode & 0o777, f).toBe(0o600)
})

it.skipIf(!sqlite)('committed and rolled-back transactions leave the open connections as they were', async () => {
  const section = (i: number) => ({ name: `连接测试科室 ${i}`, slug: `conn-${i}` })
  await payload.create({ collection: 'sections', data: section(0) as any })
  const before = openFiles()
  for (let i = 1; i <= 100; i++) await payload.create({ collection: 'sections', data: section(i) as any })
  // A name taken twice fails inside the transaction, which is rolled back.
  for (let i = 1; i <= 20; i++) await expect(payload.create({ collection: 'sections', data: section(i) as any })).rejects.toThrow()
  expect(openFiles()).toBeLessThanOrEqual(before + 2)
  expect(before).toBeGreaterThan(0)
})
