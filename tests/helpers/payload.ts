// Starts Payload (Local API) on a fresh, migrated database. Each call is a new instance on
// its own database, even in one process (two global setups, or two databases in one file).
import { randomBytes } from 'node:crypto'
import type { Migration, Payload } from 'payload'
import { freshDatabaseURL } from './database'

export async function startPayload(): Promise<Payload> {
  const url = await freshDatabaseURL()
  process.env.DATABASE_URL = url
  process.env.PAYLOAD_SECRET ||= 'test-secret'
  const { getPayload } = await import('payload')
  const { default: configPromise } = await import('../../cms/payload.config')
  const { databaseAdapter } = await import('../../cms/lib/database')
  const config = await configPromise
  // getPayload caches one instance per key, and the config chose its database when first loaded.
  const payload = await getPayload({ config: { ...config, db: databaseAdapter(url) } as typeof config, key: `test-${randomBytes(6).toString('hex')}` })
  const { migrations } = process.env.TEST_POSTGRES_URL
    ? await import('../../cms/migrations/postgres/index')
    : await import('../../cms/migrations/sqlite/index')
  // Payload's `Migration` takes `(args: unknown)`; the adapter calls each with its own Migrate{Up,Down}Args.
  await payload.db.migrate({ migrations: migrations as unknown as Migration[] })
  return payload
}

export const databaseLabel = (): string => (process.env.TEST_POSTGRES_URL ? 'postgres' : 'sqlite')

/** Payload's Local API on an existing, migrated database (e.g. the one the started server uses). */
export async function connectPayload(url: string): Promise<Payload> {
  process.env.PAYLOAD_SECRET ||= 'test-secret'
  const { getPayload } = await import('payload')
  const { default: configPromise } = await import('../../cms/payload.config')
  const { databaseAdapter } = await import('../../cms/lib/database')
  const config = await configPromise
  return getPayload({ config: { ...config, db: databaseAdapter(url) } as typeof config, key: `test-${randomBytes(6).toString('hex')}` })
}
