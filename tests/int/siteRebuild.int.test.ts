// What queues a public-site rebuild, and what doesn't: drafts stay private, a burst of changes
// waits as one job, a refused change (rolled back) queues nothing, the seed's off switch works;
// and a failed build is recorded for the office while the served site stays as it was; what a
// killed build leaves is cleaned up at the next start, with one rebuild queued.
import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Payload } from 'payload'
import type { SiteBuild } from '../../cms/payload-types'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { currentBuildId } from '../../cms/site/builder'
import { LEASE_MS, recoverInterruptedBuilds, runSiteBuild } from '../../cms/site/rebuildTask'
import { startPayload } from '../helpers/payload'
import { as, createWorld, type World } from '../fixtures/world'

let payload: Payload
let w: World
let u: Record<string, any>

const waitingJobs = async () =>
  (await payload.find({ collection: 'payload-jobs', where: { taskSlug: { equals: 'rebuildSite' }, completedAt: { exists: false } }, overrideAccess: true, depth: 0 })).docs
/** A record last touched longer ago than the lease: what a process stopped mid-build leaves. */
const age = (collection: 'payload-jobs' | 'site-builds', id: number | string) =>
  payload.db.updateOne({ collection, id, data: { updatedAt: new Date(Date.now() - LEASE_MS - 60_000).toISOString() } })
const clearJobs = () => payload.delete({ collection: 'payload-jobs', where: { id: { exists: true } }, overrideAccess: true })

beforeAll(async () => {
  process.env.APP_NOW = '2026-03-02T02:00:00.000Z'
  process.env.SITE_DIR = mkdtempSync(path.join(os.tmpdir(), 'site-int-'))
  payload = await startPayload()
  w = await createWorld(payload)
  u = { office: as(w.staff.office, 'users'), leader: as(w.staff.leader, 'users'), A: as(w.reps.A, 'representatives') }
})
afterAll(async () => {
  await payload?.destroy()
})
beforeEach(async () => {
  await clearJobs()
})

const draft = () =>
  payload.create({
    collection: 'proposals',
    data: { title: '桂苑小区路灯不亮', body: '桂苑小区三号楼前路灯坏了一个月，晚上出行不便。', category: 'urban', residentialArea: w.ref.areas[0] } as any,
    user: u.A,
    overrideAccess: false,
  })
const step = (user: any, id: any, data: Record<string, unknown>, context?: Record<string, unknown>) =>
  payload.update({ collection: 'proposals', id, data, user, overrideAccess: false, context })

describe('queueing a site rebuild', () => {
  it('a draft queues nothing; submitting it queues one rebuild', async () => {
    const p = await draft()
    await step(u.A, p.id, { title: '桂苑小区三号楼路灯不亮' })
    expect(await waitingJobs()).toHaveLength(0)
    await step(u.A, p.id, { status: 'submitted' })
    const jobs = await waitingJobs()
    expect(jobs).toHaveLength(1)
    expect(jobs[0]).toMatchObject({ queue: 'site', input: { trigger: '提案变更' } })
  })

  it('a burst of public changes waits as one job', async () => {
    const p = await draft()
    await step(u.A, p.id, { status: 'submitted' })
    await step(u.office, p.id, { status: 'accepted', screening: { decision: 'accepted', reason: '属实，予以立案' } })
    await step(u.office, p.id, { assignment: { leadSection: w.ref.sections.chengguan } })
    await step(u.leader, p.id, { status: 'instructed', newInstruction: '请城管分队尽快修复。' })
    expect(await waitingJobs()).toHaveLength(1)
  })

  it('a refused change is rolled back and queues nothing', async () => {
    const p = await draft()
    await step(u.A, p.id, { status: 'submitted' })
    await clearJobs()
    await expect(step(u.A, p.id, { status: 'accepted' })).rejects.toThrow()
    expect(await waitingJobs()).toHaveLength(0)
  })

  it('context.disableSiteRebuild (the seed’s off switch) queues nothing', async () => {
    const p = await draft()
    await step(u.A, p.id, { status: 'submitted' }, { disableSiteRebuild: true })
    expect(await waitingJobs()).toHaveLength(0)
  })
})

describe('the daily rebuild', () => {
  it('is scheduled for 00:05 China time (16:05 UTC), and only once however often schedules are handled', async () => {
    await payload.jobs.handleSchedules({ queue: 'site' })
    await payload.jobs.handleSchedules({ queue: 'site' })
    const jobs = await waitingJobs()
    expect(jobs).toHaveLength(1)
    const at = new Date(jobs[0].waitUntil!)
    expect([at.getUTCHours(), at.getUTCMinutes()]).toEqual([16, 5])
    expect(at.getTime()).toBeGreaterThan(Date.now())
    expect(at.getTime() - Date.now()).toBeLessThanOrEqual(24 * 3600 * 1000)
  })
})

describe('running the rebuild job', () => {
  it('a failed build is recorded with its reason and publishes nothing', async () => {
    const before = await currentBuildId()
    await payload.jobs.queue({ task: 'rebuildSite', input: { trigger: '测试' }, queue: 'site' })
    const saved = process.env.SITE_SOURCE_ROOT
    process.env.SITE_SOURCE_ROOT = mkdtempSync(path.join(os.tmpdir(), 'no-astro-')) // no astro here: the build cannot run
    try {
      await payload.jobs.run({ queue: 'site', silent: true })
    } finally {
      if (saved === undefined) delete process.env.SITE_SOURCE_ROOT
      else process.env.SITE_SOURCE_ROOT = saved
    }
    const records = await payload.find({ collection: 'site-builds', sort: '-startedAt', overrideAccess: true })
    expect(records.docs[0]).toMatchObject({ status: 'failed', trigger: '测试', error: expect.stringMatching(/网站生成（astro build）失败/) })
    expect(records.docs[0].finishedAt).toBeTruthy()
    expect(await currentBuildId()).toBe(before)
  })

  it('a build interrupted by a server stop does not hold later rebuilds back', async () => {
    // What a server killed mid-build leaves: its job marked processing, its record running.
    await payload.jobs.queue({ task: 'rebuildSite', input: { trigger: '中断' }, queue: 'site' })
    const [job] = await waitingJobs()
    await payload.db.updateOne({ collection: 'payload-jobs', id: job.id, data: { processing: true } })
    const record = await payload.create({ collection: 'site-builds', data: { startedAt: '2026-03-01T00:00:00.000Z', status: 'running', trigger: '中断' }, overrideAccess: true })
    await age('payload-jobs', job.id)
    await age('site-builds', record.id)
    expect(await recoverInterruptedBuilds(payload)).toBe(1)
    expect(await payload.findByID({ collection: 'site-builds', id: record.id, overrideAccess: true })).toMatchObject({ status: 'failed', error: expect.stringMatching(/未发布/) })
    const waiting = await waitingJobs()
    expect(waiting.filter((j) => j.processing)).toHaveLength(0)
    expect(waiting.some((j) => (j.input as any).trigger === '重启后重新生成')).toBe(true)
  })

  it('a build under way in another process (its record touched within the lease) is left alone by a start (npm run sweep, a second server)', async () => {
    await clearJobs()
    await payload.jobs.queue({ task: 'rebuildSite', input: { trigger: '另一进程' }, queue: 'site' })
    const [job] = await waitingJobs()
    await payload.db.updateOne({ collection: 'payload-jobs', id: job.id, data: { processing: true } })
    const record = await payload.create({ collection: 'site-builds', data: { startedAt: '2026-03-01T00:00:00.000Z', status: 'running', trigger: '另一进程' }, overrideAccess: true })
    expect(await recoverInterruptedBuilds(payload)).toBe(0)
    expect(await payload.findByID({ collection: 'site-builds', id: record.id, overrideAccess: true })).toMatchObject({ status: 'running' })
    expect((await waitingJobs()).map((j) => [j.processing, (j.input as { trigger?: string }).trigger])).toEqual([[true, '另一进程']])
    // A job just claimed, its record not yet made: left alone too.
    await payload.update({ collection: 'site-builds', id: record.id, data: { status: 'succeeded' }, overrideAccess: true, context: { disableSiteRebuild: true } })
    expect(await recoverInterruptedBuilds(payload)).toBe(0)
    expect((await waitingJobs()).map((j) => j.processing)).toEqual([true])
    // Untouched past the lease: that process stopped.
    await age('payload-jobs', job.id)
    expect(await recoverInterruptedBuilds(payload)).toBe(1)
    await clearJobs()
  })

  it('recovery queues no second rebuild when one is already waiting', async () => {
    await payload.jobs.queue({ task: 'rebuildSite', input: { trigger: '中断' }, queue: 'site' })
    const [job] = await waitingJobs()
    await payload.db.updateOne({ collection: 'payload-jobs', id: job.id, data: { processing: true } })
    await age('payload-jobs', job.id)
    await payload.jobs.queue({ task: 'rebuildSite', input: { trigger: '已在等待' }, queue: 'site' })
    expect(await recoverInterruptedBuilds(payload)).toBe(1)
    const runnable = (await waitingJobs()).filter((j) => !j.hasError)
    expect(runnable.map((j) => (j.input as any).trigger)).toEqual(['已在等待'])
  })

  it('at start, the work files of a killed build are removed, unless a build holds the site', async () => {
    const builds = path.join(process.env.SITE_DIR!, 'builds')
    const leftovers = [path.join(builds, '.work-killed'), path.join(builds, '.search-killed'), path.join(builds, '.export-killed.json')]
    const leave = () => {
      mkdirSync(leftovers[0], { recursive: true })
      writeFileSync(path.join(leftovers[0], 'index.html'), '<p>half</p>')
      mkdirSync(leftovers[1], { recursive: true })
      writeFileSync(leftovers[2], '{}')
    }
    // A build running in a live process (here: this one) holds the lock: its files are in use.
    leave()
    writeFileSync(path.join(process.env.SITE_DIR!, 'build.lock'), String(process.pid))
    await recoverInterruptedBuilds(payload)
    for (const f of leftovers) expect(existsSync(f), f).toBe(true)
    // Its process gone (a pid that cannot exist): they are leftovers.
    writeFileSync(path.join(process.env.SITE_DIR!, 'build.lock'), '2147483646')
    await recoverInterruptedBuilds(payload)
    for (const f of leftovers) expect(existsSync(f), f).toBe(false)
    expect(existsSync(path.join(process.env.SITE_DIR!, 'build.lock'))).toBe(false)
  })

  it('at start, exports that builds of earlier versions left in the temporary directory for over a day are removed', async () => {
    const old = mkdtempSync(path.join(os.tmpdir(), 'site-export-'))
    writeFileSync(path.join(old, 'export.json'), '{}')
    const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000)
    utimesSync(old, twoDaysAgo, twoDaysAgo)
    const recent = mkdtempSync(path.join(os.tmpdir(), 'site-export-')) // maybe another process's build under way
    await recoverInterruptedBuilds(payload)
    expect(existsSync(old)).toBe(false)
    expect(existsSync(recent)).toBe(true)
    rmSync(recent, { recursive: true })
  })

  it('a build touches its record while it runs (the heartbeat that tells other processes it is alive), and stops when it ends', async () => {
    const before = new Set((await payload.find({ collection: 'site-builds', pagination: false, overrideAccess: true })).docs.map((d) => d.id))
    const build = runSiteBuild(payload, '心跳', { heartbeatMs: 100 })
    let record: SiteBuild | undefined
    while (!record) {
      await new Promise((r) => setTimeout(r, 20))
      record = (await payload.find({ collection: 'site-builds', pagination: false, overrideAccess: true })).docs.find((d) => !before.has(d.id))
    }
    const first = record.updatedAt
    await new Promise((r) => setTimeout(r, 600))
    const later = await payload.findByID({ collection: 'site-builds', id: record.id, overrideAccess: true })
    expect(later.status).toBe('running')
    expect(later.updatedAt > first).toBe(true)
    expect(later.durationSeconds).toBeGreaterThan(0)
    await build
    const done = await payload.findByID({ collection: 'site-builds', id: record.id, overrideAccess: true })
    expect(done.status).toBe('succeeded')
    await new Promise((r) => setTimeout(r, 300))
    expect((await payload.findByID({ collection: 'site-builds', id: record.id, overrideAccess: true })).updatedAt).toBe(done.updatedAt)
  }, 300_000)

  it('a successful build is recorded and becomes the served site', async () => {
    await payload.jobs.queue({ task: 'rebuildSite', input: { trigger: '测试' }, queue: 'site' })
    await payload.jobs.run({ queue: 'site', silent: true })
    const latest = (await payload.find({ collection: 'site-builds', sort: '-startedAt', limit: 1, overrideAccess: true })).docs[0]
    expect(latest).toMatchObject({ status: 'succeeded', proposals: expect.any(Number) })
    expect(latest.pages).toBeGreaterThan(10)
    expect(await currentBuildId()).toBe(latest.buildId)
  }, 300_000)
})
