// Starts Payload (Local API) on a fresh, migrated database for one test file.
import type { Payload } from 'payload'
import { freshDatabaseURL } from './database'

export async function startPayload(): Promise<Payload> {
  process.env.DATABASE_URL = await freshDatabaseURL()
  process.env.PAYLOAD_SECRET ||= 'test-secret'
  const { getPayload } = await import('payload')
  const { default: config } = await import('../../cms/payload.config')
  const payload = await getPayload({ config })
  const { migrations } = process.env.TEST_POSTGRES_URL
    ? await import('../../cms/migrations/postgres/index')
    : await import('../../cms/migrations/sqlite/index')
  await payload.db.migrate({ migrations: migrations as any })
  return payload
}

export const databaseLabel = (): string => (process.env.TEST_POSTGRES_URL ? 'postgres' : 'sqlite')
