// Global setup of the e2e suite: a fresh SQLite database with the test world and one newly
// submitted proposal, then the real production server. Its address reaches the tests via env.
import { startPayload } from '../helpers/payload'
import { startServer } from '../helpers/server'
import { coSign } from '../../cms/seed/coSign'
import { createStoryProposal } from './storyProposal'
import { createListsProposals } from './listsData'
import { ActionsTitle } from './helpers'

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
  // For print.e2e.ts: C's proposal, co-signed by B, at 城管分队, its reply drafted and waiting for the head's 签发.
  const C = as(world.reps.C, 'representatives')
  const staff = as(world.staff.sectionStaff, 'users')
  const leader = as(world.staff.leader, 'users')
  const step = (user: unknown, id: number, data: Record<string, unknown>) => payload.update({ collection: 'proposals', id, data, user, overrideAccess: false } as never)
  const toPrint = await payload.create({
    collection: 'proposals',
    data: { title: '兰亭居民区北门外路灯损坏', body: '兰亭居民区北门外三盏路灯损坏已一个多月，夜间出入不便，老人容易摔倒。\n建议尽快修复，并定期巡查。', category: '城市管理', residentialArea: world.ref.areas[3] } as never,
    user: C,
    overrideAccess: false,
  })
  await coSign(payload, toPrint.id, world.reps.C, [world.reps.B])
  await step(C, toPrint.id, { status: 'submitted' })
  await step(office, toPrint.id, { status: 'accepted', screening: { decision: 'accepted', reason: '属城管职责，予以立案' } })
  await step(office, toPrint.id, { assignment: { leadSection: world.ref.sections.chengguan } })
  await step(leader, toPrint.id, { newInstruction: '请城管分队尽快修复路灯。' })
  await step(staff, toPrint.id, { status: 'inProgress' })
  const replyToPrint = await payload.create({
    collection: 'replies',
    data: {
      proposal: toPrint.id,
      class: 'B',
      text: '经现场查看，北门外三盏路灯因线路老化损坏，已更换其中两盏。\n第三盏需更换灯杆，已列入本月维修计划。',
      commitments: [{ text: '更换北门外第三盏路灯灯杆', dueDate: '2027-03-31' }],
    } as never,
    user: staff,
    overrideAccess: false,
  })
  // For actions.e2e.ts: B's proposal, just submitted, taken to 办结 by the action bar alone.
  const B = as(world.reps.B, 'representatives')
  const forActions = await payload.create({
    collection: 'proposals',
    data: { title: ActionsTitle, body: '东湖路公交站台雨棚破损漏雨，候车乘客只能站在雨中，请尽快修复。', category: '交通出行', residentialArea: world.ref.areas[2] } as never,
    user: B,
    overrideAccess: false,
  })
  await payload.update({ collection: 'proposals', id: forActions.id, data: { status: 'submitted' }, user: B, overrideAccess: false })
  // One with a history on every tab of its edit view, for the language check (tests/e2e/language.e2e.ts).
  const story = await createStoryProposal(payload, world)
  // For lists.e2e.ts: proposals overdue today at two sections, one long overdue, one without a deadline.
  await createListsProposals(payload, world)
  await payload.destroy()
  // The server rebuilds the public site by itself here, as in production, and runs the notices'
  // queue (a representative's 消息 are written by a job; e-mail and SMS, not set up, go to the log).
  const server = await startServer({ DATABASE_URL: databaseURL, PAYLOAD_SECRET: 'e2e-secret', SITE_AUTOBUILD: '1', NOTICES_AUTORUN: '1' })
  process.env.E2E_BASE_URL = server.url
  process.env.E2E_PROPOSAL_ID = String(submitted.id)
  process.env.E2E_PROPOSAL_NUMBER = String(submitted.number)
  process.env.E2E_PUBLIC_NUMBER = String(screened.number)
  process.env.E2E_PRINT_PROPOSAL_ID = String(toPrint.id)
  process.env.E2E_PRINT_REPLY_ID = String(replyToPrint.id)
  process.env.E2E_STORY_ID = String(story)
  process.env.E2E_ACTIONS_ID = String(forActions.id)
  return async () => {
    await server.stop()
  }
}
