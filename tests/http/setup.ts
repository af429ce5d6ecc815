// Global setup of the HTTP suite: a fresh database (SQLite, or PostgreSQL when
// TEST_POSTGRES_URL is set) with the test world and scenario, then the real server on it.
import { mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { TestProject } from 'vitest/node'
import { startPayload } from '../helpers/payload'
import { startServer, type RunningServer } from '../helpers/server'

let server: RunningServer | undefined

export default async function setup(project: TestProject) {
  process.env.APP_NOW ||= '2026-03-02T02:00:00.000Z'
  process.env.PAYLOAD_SECRET = 'http-test-secret'
  // This process's own Payload (it makes the test data) must not run the job queue: its cron
  // would keep writing into the server's SQLite file from a second process (seen: SQLITE_BUSY_SNAPSHOT,
  // and the server then acknowledging writes it had not stored).
  process.env.SITE_AUTOBUILD = '0'
  const payload = await startPayload()
  const { createWorld } = await import('../fixtures/world')
  const { createScenario } = await import('../fixtures/scenario')
  const world = await createWorld(payload)
  const scenario = await createScenario(payload, world)
  await payload.destroy()
  // The published site's directory, known to the tests that build or swap it.
  const siteDir = mkdtempSync(path.join(os.tmpdir(), 'site-'))
  // The front door's test sees stalled requests cut off, with short time limits.
  const limits: Record<string, string> = project.name === 'http-frontdoor' ? { HEADERS_TIMEOUT_SECONDS: '2', REQUEST_TIMEOUT_SECONDS: '2' } : {}
  // 127.0.0.9 plays a reverse proxy on this machine: only its X-Forwarded-For is believed.
  server = await startServer({ DATABASE_URL: process.env.DATABASE_URL!, PAYLOAD_SECRET: 'http-test-secret', APP_NOW: process.env.APP_NOW!, TRUSTED_PROXIES: '127.0.0.9', SITE_DIR: siteDir, ...limits })
  project.provide('baseURL', server.url)
  project.provide('world', JSON.parse(JSON.stringify(world)))
  project.provide('scenario', scenario)
  project.provide('databaseURL', process.env.DATABASE_URL!)
  project.provide('serverPid', server.pid)
  project.provide('siteDir', siteDir)
  return async () => {
    await server?.stop()
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string
    world: import('../fixtures/world').World
    scenario: import('../fixtures/scenario').Scenario
    databaseURL: string
    serverPid: number
    siteDir: string
  }
}
