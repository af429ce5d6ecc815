// The database, chosen by DATABASE_URL: a SQLite file by default, PostgreSQL or MongoDB by URL.
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { DatabaseAdapterObj } from 'payload'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import { postgresAdapter } from '@payloadcms/db-postgres'
import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { privateSqliteFiles, sqliteFilePath } from './dataFiles'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
export const DefaultDatabaseURL = `file:${path.join(root, 'data', 'payload.db')}`

export type DatabaseKind = 'sqlite' | 'postgres' | 'mongodb'

export function databaseKind(url: string): DatabaseKind {
  if (/^postgres(ql)?:\/\//.test(url)) return 'postgres'
  if (/^mongodb(\+srv)?:\/\//.test(url)) return 'mongodb'
  if (url.startsWith('file:')) return 'sqlite'
  throw new Error(`DATABASE_URL 无法识别：应以 file:、postgres:// 或 mongodb:// 开头（收到 ${url.replace(/\/\/[^@]*@/, '//***@')}）`)
}

export function databaseAdapter(url = process.env.DATABASE_URL || DefaultDatabaseURL): DatabaseAdapterObj {
  switch (databaseKind(url)) {
    case 'postgres':
      return postgresAdapter({
        pool: { connectionString: url },
        migrationDir: path.join(root, 'cms', 'migrations', 'postgres'),
        push: false,
      })
    case 'mongodb':
      // Payload's own adapter; selected by URL, not exercised by the tests here (no MongoDB server on this machine kind).
      return mongooseAdapter({ url })
    case 'sqlite':
      // The file (and so the WAL and SHM files SQLite makes beside it) readable by this account only:
      // created 0600 before the driver opens it; an existing one's mode is fixed at every start.
      return beforeConnect(() => {
        const file = sqliteFilePath(url)
        if (file) privateSqliteFiles(file)
      }, sqliteAdapter({
        client: { url },
        migrationDir: path.join(root, 'cms', 'migrations', 'sqlite'),
        push: false,
        // WAL, fsync on every commit, and wait for a lock rather than fail: checked at start (cms/lib/checkDatabase.ts).
        wal: { synchronous: 'FULL' },
        busyTimeout: 10_000,
        // Take the write lock at BEGIN so concurrent writers queue instead of failing mid-transaction.
        transactionOptions: { behavior: 'immediate' },
      }))
  }
}

/** Runs `before` each time the adapter connects (not when the config is merely loaded, as by `next build`). */
function beforeConnect(before: () => void, obj: DatabaseAdapterObj): DatabaseAdapterObj {
  return {
    ...obj,
    init: (args) => {
      const adapter = obj.init(args)
      const connect = adapter.connect
      if (connect)
        adapter.connect = function (this: typeof adapter, options) {
          before()
          return connect.call(this, options)
        }
      return adapter
    },
  }
}
