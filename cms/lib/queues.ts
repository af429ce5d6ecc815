// The signed-in person's queues, read from the `duties` rows (core/duties.ts, kept by
// cms/lib/derived.ts): counted in the database per action, listed earliest deadline first
// (no deadline last). Access applies (a person reads only duties of proposals they may read),
// and the actor's own filter keeps the duties they owe: their role, within their section, as
// the person named, on the days they are owed.
import type { Payload, TypedUser, Where } from 'payload'
import { toLocalDate } from '../../core/calendar'
import { DutyActions, type DutyAction } from '../../core/duties'
import type { Actor, Role } from '../../core/types'
import type { Duty as DutyDoc, Proposal } from '../payload-types'
import { actorOf } from '../access/actor'
import { nowISO } from './clock'

/** The actions a role can owe, in the order of the lifecycle (the workbench shows their queues). */
export const QueuesOf: Record<Role, DutyAction[]> = {
  office: ['screen', 'nameLead', 'explain', 'signOff', 'publish', 'followUp', 'verify', 'close'],
  leader: ['instruct', 'decideExtension'],
  sectionStaff: ['takeOn', 'draftReply', 'coOpinion', 'revise'],
  sectionHead: ['signOff'],
  representative: ['evaluate'],
  admin: [],
  public: [],
}

export const isDutyAction = (v: unknown): v is DutyAction => typeof v === 'string' && (DutyActions as readonly string[]).includes(v)

/** The duties owed on `today` (China-local), whoever owes them (core/duties.ts owedOn), as conditions over `duties`. */
export const owedOnDay = (today: string): Where[] => [
  { or: [{ from: { exists: false } }, { from: { less_than_equal: today } }] },
  { or: [{ until: { exists: false } }, { until: { greater_than_equal: today } }] },
]

/** The duties `actor` owes on `today` (China-local), as a query over `duties`. */
export function owedBy(actor: Actor, today: string): Where {
  const and: Where[] = [{ role: { equals: actor.role } }, ...owedOnDay(today)]
  if (actor.role === 'sectionStaff' || actor.role === 'sectionHead')
    and.push(actor.section != null ? { or: [{ section: { equals: actor.section } }, { section: { exists: false } }] } : { section: { exists: false } })
  if (actor.role === 'representative') and.push({ person: { equals: actor.id } })
  return { and }
}

export interface QueueCount {
  action: DutyAction
  count: number
  overdue: number
}

/** The person's duties (of one action, or all) owed today, as a query over `duties`. */
function owedWhere(user: TypedUser, action?: DutyAction): Where {
  const mine = owedBy(actorOf(user), toLocalDate(nowISO()))
  return action ? { and: [mine, { action: { equals: action } }] } : mine
}

/** How many duties (of one action, or all) the person owes today, and how many of those are past their deadline. */
export async function owedCount(payload: Payload, user: TypedUser, action?: DutyAction): Promise<{ count: number; overdue: number }> {
  const of = owedWhere(user, action)
  const [all, late] = await Promise.all([
    payload.count({ collection: 'duties', where: of, overrideAccess: false, user }),
    payload.count({ collection: 'duties', where: { and: [of, { due: { less_than: toLocalDate(nowISO()) } }] }, overrideAccess: false, user }),
  ])
  return { count: all.totalDocs, overdue: late.totalDocs }
}

/** Per action of the person's role: how many are owed today, and how many of those are past their deadline. */
export const queueCounts = (payload: Payload, user: TypedUser): Promise<QueueCount[]> =>
  Promise.all(QueuesOf[actorOf(user).role].map(async (action) => ({ action, ...(await owedCount(payload, user, action)) })))

export type QueueItem = Pick<DutyDoc, 'id' | 'action' | 'due' | 'subject'> & { proposal: Pick<Proposal, 'id' | 'number' | 'title' | 'status'> }

/**
 * The duties (of one action, or all) the person owes today, earliest deadline first and those
 * without one last, at most `limit` (all when absent). Nothing is counted here: how many there
 * are is owedCount's (the workbench has it from queueCounts), and counting again for every list
 * cost two more queries over all the person's duties of the kind.
 */
export async function queueItems(payload: Payload, user: TypedUser, action?: DutyAction, limit?: number): Promise<QueueItem[]> {
  const of = owedWhere(user, action)
  const find = async (where: Where, max?: number) =>
    (
      await payload.find({
        collection: 'duties',
        where,
        sort: 'due',
        depth: 1,
        pagination: false,
        ...(max != null ? { limit: max } : {}),
        overrideAccess: false,
        user,
        populate: { proposals: { number: true, title: true, status: true } },
      })
    ).docs
  const dated = await find({ and: [of, { due: { exists: true } }] }, limit)
  const undated = limit != null && dated.length >= limit ? [] : await find({ and: [of, { due: { exists: false } }] }, limit != null ? limit - dated.length : undefined)
  return [...dated, ...undated]
    .filter((d): d is DutyDoc & { proposal: Proposal } => typeof d.proposal === 'object' && d.proposal != null)
    .map((d) => ({ id: d.id, action: d.action, due: d.due, subject: d.subject, proposal: { id: d.proposal.id, number: d.proposal.number, title: d.proposal.title, status: d.proposal.status } }))
}
