// Global setup of the e2e suite: a fresh SQLite database with the test world and one newly
// submitted proposal, then the real production server. Its address reaches the tests via env.
import { startPayload } from '../helpers/payload'
import { startServer } from '../helpers/server'
import { createStoryProposal } from './storyProposal'

export default async function setup() {
  delete process.env.TEST_POSTGRES_URL
  process.env.PAYLOAD_SECRET = 'e2e-secret'
  // This process's own Payload (it makes the test data) must not run the job queue: its cron
  // would keep writing into the server's SQLite file from a second process (seen: SQLITE_BUSY_SNAPSHOT,
  // and the server then acknowledging writes it had not stored).
  process.env.SITE_AUTOBUILD = '0'
  const payload = await startPayload()
  const databaseURL = process.env.DATABASE_URL!
  const { createWorld, as } = await import('../fixtures/world')
  const world = await createWorld(payload)
  const A = as(world.reps.A, 'representatives')
  const draft = await payload.create({
    collection: 'proposals',
    data: { title: '竹林路与松风路交叉口缺少红绿灯', body: '该路口车流量大，学生上下学过马路危险，建议增设信号灯和斑马线。', category: '交通出行', residentialArea: world.ref.areas[1] } as any,
    user: A,
    overrideAccess: false,
  })
  const submitted = await payload.update({ collection: 'proposals', id: draft.id, data: { status: 'submitted' }, user: A, overrideAccess: false })
  // One proposal already screened, so public from the first build (the one above is public only once the office screens it).
  const office = as(world.staff.office, 'users')
  const other = await payload.create({
    collection: 'proposals',
    data: { title: '梅园路菜场早市噪音扰民', body: '梅园路菜场每天凌晨四点开始装卸货物，噪音很大，影响周边居民休息。', category: '市场秩序', residentialArea: world.ref.areas[0] } as any,
    user: A,
    overrideAccess: false,
  })
  await payload.update({ collection: 'proposals', id: other.id, data: { status: 'submitted' }, user: A, overrideAccess: false })
  const screened = await payload.update({ collection: 'proposals', id: other.id, data: { status: 'accepted', screening: { decision: 'accepted', reason: '属实，予以立案' } } as any, user: office, overrideAccess: false })
  // One with a history on every tab of its edit view, for the language check (tests/e2e/language.e2e.ts).
  const story = await createStoryProposal(payload, world)
  await payload.destroy()
  // The server rebuilds the public site by itself here, as in production.
  const server = await startServer({ DATABASE_URL: databaseURL, PAYLOAD_SECRET: 'e2e-secret', SITE_AUTOBUILD: '1' })
  process.env.E2E_BASE_URL = server.url
  process.env.E2E_PROPOSAL_ID = String(submitted.id)
  process.env.E2E_PROPOSAL_NUMBER = String(submitted.number)
  process.env.E2E_PUBLIC_NUMBER = String(screened.number)
  process.env.E2E_STORY_ID = String(story)
  return async () => {
    await server.stop()
  }
}
