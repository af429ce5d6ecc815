// A proposal with a history on every tab of its edit view (instruction, co-opinion, reply with a commitment,
// evaluation, follow-ups, a rehandling round), made in the e2e setup through the Local API as the
// people whose job each step is. The language check reads every screen of it.
import type { Payload, RequiredDataFromCollectionSlug } from 'payload'
import { coSign } from '../../cms/seed/coSign'
import { as, type World } from '../fixtures/world'

export const StoryTitle = '松风路人行道井盖缺失'

export async function createStoryProposal(payload: Payload, w: World): Promise<number | string> {
  const C = as(w.reps.C, 'representatives')
  const office = as(w.staff.office, 'users')
  const leader = as(w.staff.leader, 'users')
  const staff = as(w.staff.sectionStaff, 'users')
  const head = as(w.staff.sectionHead, 'users')
  type Who = ReturnType<typeof as>
  const opts = (user: Who) => ({ user, overrideAccess: false as const })
  const step = (user: Who, id: number | string, data: Record<string, unknown>) => payload.update({ collection: 'proposals', id, data, ...opts(user) })

  const p = await payload.create({
    collection: 'proposals',
    data: { title: StoryTitle, body: '松风路人行道有两处井盖缺失，夜间行人容易踩空，请尽快补装并加强巡查。', category: '城市管理', residentialArea: w.ref.areas[0] } as unknown as RequiredDataFromCollectionSlug<'proposals'>,
    ...opts(C),
  })
  await coSign(payload, p.id, w.reps.C, [w.reps.A])
  await step(C, p.id, { status: 'submitted' })
  await step(office, p.id, { status: 'accepted', screening: { decision: 'accepted', reason: '属城管职责，予以立案' } })
  await step(office, p.id, { assignment: { leadSection: w.ref.sections.chengguan, coSections: [w.ref.sections.lvhua] } })
  await step(leader, p.id, { status: 'instructed', newInstruction: '请城管分队三日内补装井盖。' })
  await step(staff, p.id, { status: 'inProgress' })
  const reply = await payload.create({
    collection: 'replies',
    data: { proposal: p.id, class: 'B', text: '已联系权属单位，计划本月内补装全部缺失井盖并设置警示标志。', commitments: [{ text: '补装缺失井盖', dueDate: '2026-12-15' }] } as RequiredDataFromCollectionSlug<'replies'>,
    ...opts(staff),
  })
  // 绿化办's 协办意见 first: the head signs off only when it is in (or its deadline has passed).
  await payload.create({ collection: 'co-opinions', data: { proposal: p.id, text: '绿化办将配合清理井盖周边绿化带。' } as RequiredDataFromCollectionSlug<'co-opinions'>, ...opts(as(w.coStaff, 'users')) })
  await payload.update({ collection: 'replies', id: reply.id, data: { signOff: true } as Record<string, unknown>, ...opts(head) })
  await payload.update({ collection: 'replies', id: reply.id, data: { publish: true } as Record<string, unknown>, ...opts(office) })
  await payload.create({ collection: 'follow-ups', data: { proposal: p.id, kind: 'visit', notes: '电话联系代表，代表希望尽快补装。' } as RequiredDataFromCollectionSlug<'follow-ups'>, ...opts(office) })
  await payload.create({ collection: 'evaluations', data: { proposal: p.id, reply: reply.id, rating: 'dissatisfied', comment: '井盖至今未补装。' } as RequiredDataFromCollectionSlug<'evaluations'>, ...opts(C) })
  return p.id
}
