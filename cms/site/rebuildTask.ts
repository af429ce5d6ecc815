// The `rebuildSite` job: export → astro build → swap. Payload's concurrency control runs one at
// a time; a change queues a rebuild only if none is already waiting, so a burst of changes ends
// in one build (two if it straddles a running build). A daily schedule rebuilds after midnight
// (China time) for deadlines that passed overnight.
// (Payload's `supersedes` would coalesce too, but it also deletes the scheduled daily job that
// waits in the queue, and the schedule in turn deletes a waiting rebuild: seen on first start.)
import { readdir, rm, stat } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { createLocalReq, type Payload, type PayloadRequest, type TaskConfig } from 'payload'
import { buildPublicExport } from '../lib/publicExport'
import { nowISO } from '../lib/clock'
import { buildSite, removeLeftoverWork, SiteBuildError, type BuildResult } from './builder'

export const SiteQueue = 'site'

/** 00:05 in China (UTC+8) expressed in this machine's zone, as a 6-field cron. */
function dailyCron(): string {
  const localOffsetHours = -new Date().getTimezoneOffset() / 60
  const hour = (((0 - 8 + localOffsetHours) % 24) + 24) % 24
  return `0 5 ${Math.floor(hour)} * * *`
}

/** Auto-building is on in a serving process unless SITE_AUTOBUILD=0 (tests that don't need the site). */
export const siteAutoBuild = (): boolean => process.env.SITE_AUTOBUILD !== '0'

/**
 * How long a build's record may go untouched before the build counts as stopped: a running build
 * writes the time it has taken so far into its record every HEARTBEAT_MS, so another process (the
 * `npm run sweep` command, a second server on PostgreSQL) starting meanwhile sees it is alive.
 */
export const HEARTBEAT_MS = 20_000
export const LEASE_MS = 6 * HEARTBEAT_MS

export async function runSiteBuild(payload: Payload, trigger: string, { heartbeatMs = HEARTBEAT_MS } = {}): Promise<{ buildId: string }> {
  const record = await payload.create({
    collection: 'site-builds',
    data: { startedAt: nowISO(), status: 'running', trigger },
    overrideAccess: true,
    context: { disableSiteRebuild: true },
  })
  const started = Date.now()
  const elapsed = () => Math.round((Date.now() - started) / 100) / 10
  const heartbeat = setInterval(() => {
    payload
      .update({ collection: 'site-builds', id: record.id, data: { durationSeconds: elapsed() }, overrideAccess: true, context: { disableSiteRebuild: true } })
      .catch(() => undefined)
  }, heartbeatMs)
  const finish = async (data: Record<string, unknown>) => {
    clearInterval(heartbeat)
    return payload.update({
      collection: 'site-builds',
      id: record.id,
      data: { finishedAt: nowISO(), durationSeconds: elapsed(), ...data },
      overrideAccess: true,
      context: { disableSiteRebuild: true },
    })
  }
  try {
    const result = await buildSiteFromDatabase(payload)
    await finish({ status: 'succeeded', buildId: result.id, pages: result.pages, proposals: result.proposals, error: null })
    payload.logger.info(`公开网站已发布：${result.id}（${result.pages} 页，${(result.totalMs / 1000).toFixed(1)} 秒）`)
    return { buildId: result.id }
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e)
    await finish({ status: 'failed', error: message.slice(0, 4000) }).catch(() => undefined)
    payload.logger.error(`公开网站生成失败，原网站保持不变：${message}${e instanceof SiteBuildError && e.log ? `\n${e.log.slice(-4000)}` : ''}`)
    throw e
  }
}

/**
 * Exports the public data from the database, then builds and publishes the site from it. The
 * export is written inside the site's own directory by buildSite (not to /tmp, where a killed
 * build left it for good), where the next start removes it if the build was killed.
 */
export async function buildSiteFromDatabase(payload: Payload, root?: string): Promise<BuildResult> {
  const exp = await buildPublicExport(payload) // validated against the contract as it is made
  return buildSite({ validated: exp }, root)
}

export const RebuildSiteTask: TaskConfig<{ input: { trigger?: string }; output: { buildId: string } }> = {
  slug: 'rebuildSite',
  label: '重新生成公开网站',
  inputSchema: [{ name: 'trigger', type: 'text' }],
  outputSchema: [{ name: 'buildId', type: 'text', required: true }],
  // A failed build is recorded and left; the next change or the daily run tries again.
  retries: 0,
  concurrency: { key: () => 'public-site', exclusive: true },
  schedule: [{ cron: dailyCron(), queue: SiteQueue }],
  handler: async ({ input, req }) => ({ output: await runSiteBuild(req.payload, input?.trigger || '定时重新生成') }),
}

/**
 * Queue a rebuild unless one is already waiting to run now (inside the caller's transaction, so
 * a rolled-back change queues nothing). Returns whether a new job was queued.
 */
export async function queueSiteRebuild(req: PayloadRequest, trigger: string): Promise<boolean> {
  const waiting = await req.payload.count({
    collection: 'payload-jobs',
    where: {
      taskSlug: { equals: 'rebuildSite' },
      processing: { equals: false },
      completedAt: { exists: false },
      hasError: { not_equals: true },
      or: [{ waitUntil: { exists: false } }, { waitUntil: { less_than_equal: nowISO() } }],
    },
    overrideAccess: true,
    req,
  })
  if (waiting.totalDocs > 0) return false
  await req.payload.jobs.queue({ task: 'rebuildSite', input: { trigger }, queue: SiteQueue, req })
  return true
}

/** Exports in /tmp left by builds of earlier versions that were killed (a day old: no build takes that long). */
async function removeOldTmpExports(): Promise<void> {
  const tmp = os.tmpdir()
  for (const n of await readdir(tmp).catch(() => [] as string[])) {
    if (!n.startsWith('site-export-')) continue
    const dir = path.join(tmp, n)
    const s = await stat(dir).catch(() => null)
    if (s?.isDirectory() && Date.now() - s.mtimeMs > 86_400_000) await rm(dir, { recursive: true, force: true }).catch(() => undefined)
  }
}

/**
 * A server stopped mid-build leaves its job marked as processing, and Payload's concurrency
 * control would then hold every later rebuild back for good. At start, such jobs and their
 * build records are marked as interrupted (the half-built directory was never published, and
 * its work files are removed), and a rebuild is queued unless one is already waiting. Only when
 * they have gone untouched for LEASE_MS: a build whose record was touched since is being made by a
 * live process (this is also run by `npm run sweep` and by a second server), and nothing of it
 * is touched. A serving process looks again once the lease has run out (cms/payload.config.ts).
 */
export async function recoverInterruptedBuilds(payload: Payload): Promise<number> {
  // The database's clock of updatedAt (Payload's, not the injected one).
  const staleBefore = new Date(Date.now() - LEASE_MS).toISOString()
  const live = await payload.count({ collection: 'site-builds', where: { and: [{ status: { equals: 'running' } }, { updatedAt: { greater_than: staleBefore } }] }, overrideAccess: true })
  if (live.totalDocs > 0) return 0
  // Files first: they need no database, and a failure here must not keep the jobs stuck.
  await Promise.all([removeLeftoverWork(), removeOldTmpExports()]).catch((e) => payload.logger.warn(`无法清理中断的网站生成留下的文件：${e?.message}`))
  const stuck = await payload.update({
    collection: 'payload-jobs',
    where: { and: [{ taskSlug: { equals: 'rebuildSite' } }, { processing: { equals: true } }, { updatedAt: { less_than_equal: staleBefore } }] },
    data: { processing: false, hasError: true, error: { message: '服务器重启，生成中断' } },
    overrideAccess: true,
  })
  await payload.update({
    collection: 'site-builds',
    where: { and: [{ status: { equals: 'running' } }, { updatedAt: { less_than_equal: staleBefore } }] },
    data: { status: 'failed', finishedAt: nowISO(), error: '服务器在生成过程中停止，未发布；已重新安排生成。' },
    overrideAccess: true,
    context: { disableSiteRebuild: true },
  })
  if (stuck.docs.length > 0) await queueSiteRebuild(await createLocalReq({}, payload), '重启后重新生成')
  return stuck.docs.length
}
