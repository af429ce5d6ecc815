// What a representative is told as it happens (core/notices.ts NoticeEvents): their proposal got
// its number, was screened (with the decision), a reply was published (with the link and the last
// day to evaluate), a rehandling reply was published. A hook on the step only queues a job, inside
// the step's own transaction: the job exists once the step is committed, and never if it is rolled
// back; a failure to queue is logged and never stops the step. The job (`notifyEvent`) then writes
// the records (the proposer and the co-signers, each by their channels) and sends them.
import type { CollectionAfterChangeHook, CollectionConfig, Payload, PayloadRequest } from 'payload'
import { toLocalDate } from '../../core/calendar'
import { channelsOf, eventKey, eventSubject, eventText, quietHoursOf, type NoticeEvent } from '../../core/notices'
import { deliveryTime } from '../../core/sweep'
import { ScreeningDecisions, type ScreeningDecision } from '../../core/types'
import { idOf } from '../access/actor'
import type { Proposal, Reply } from '../payload-types'
import { getCalendar, lastEvaluationDay } from '../lib/calendar'
import { nowISO } from '../lib/clock'
import { insertRecords, uniqueKeyOf, type NoticeRow } from './ledger'
import { portalLink } from './sweep'

export const NoticesQueue = 'notices'

/** Set on a request's context to tell no one (the demo's replay of a year and a half of history). */
export const DISABLE_NOTICES = 'disableNotices'

export interface EventInput {
  event: NoticeEvent
  proposal: string | number
  /** The record the event is about: the proposal, or the reply published. */
  subject: string | number
}

/** Queues the job that tells the representatives; never throws (a step is never held up by its notice). */
export async function queueEventNotice(req: PayloadRequest, input: EventInput): Promise<void> {
  if (req.context?.[DISABLE_NOTICES]) return
  try {
    await req.payload.jobs.queue({ task: 'notifyEvent', input: { ...input, proposal: String(input.proposal), subject: String(input.subject) }, queue: NoticesQueue, req })
  } catch (e) {
    req.payload.logger.error({ err: e }, `无法安排通知（${input.event}，提案 ${input.proposal}）：办理步骤不受影响`)
  }
}

const onProposal: CollectionAfterChangeHook<Proposal> = async ({ doc, previousDoc, req, operation }) => {
  const before = operation === 'create' ? null : previousDoc?.status
  if (doc.status === 'submitted' && before !== 'submitted' && doc.number) await queueEventNotice(req, { event: 'numbered', proposal: doc.id, subject: doc.id })
  if (before === 'submitted' && (ScreeningDecisions as readonly string[]).includes(doc.status)) await queueEventNotice(req, { event: 'screened', proposal: doc.id, subject: doc.id })
  return doc
}

const onReply: CollectionAfterChangeHook<Reply> = async ({ doc, previousDoc, req }) => {
  const proposal = idOf(doc.proposal)
  // A correction of a published reply is not a new answer (the portal shows it; no message).
  if (proposal == null || !doc.publishedAt || previousDoc?.publishedAt || doc.corrects) return doc
  await queueEventNotice(req, { event: (doc.round ?? 1) > 1 ? 'rehandlingReplyPublished' : 'replyPublished', proposal, subject: doc.id })
  return doc
}

/** Adds the event hooks to proposals and replies; other collections are returned as they are. */
export function withEventNotices(collection: CollectionConfig): CollectionConfig {
  const hook = collection.slug === 'proposals' ? onProposal : collection.slug === 'replies' ? onReply : null
  if (!hook) return collection
  return { ...collection, hooks: { ...collection.hooks, afterChange: [...(collection.hooks?.afterChange ?? []), hook as CollectionAfterChangeHook] } }
}

/**
 * Writes an event's records (the proposer and co-signers whose accounts are enabled, each by their
 * channels); returns how many were written and when those held by quiet hours are due.
 */
export async function recordEvent(payload: Payload, input: EventInput): Promise<{ written: number; later: string[] }> {
  const proposal = await payload.findByID({ collection: 'proposals', id: input.proposal, depth: 0, joins: false, overrideAccess: true, disableErrors: true })
  if (!proposal) return { written: 0, later: [] }
  const now = nowISO()
  let replyFacts: { replyClass: Reply['class'] | null; evaluableUntil: string | null } = { replyClass: null, evaluableUntil: null }
  if (input.event === 'replyPublished' || input.event === 'rehandlingReplyPublished') {
    const reply = await payload.findByID({ collection: 'replies', id: input.subject, depth: 0, overrideAccess: true, disableErrors: true })
    if (!reply?.publishedAt) return { written: 0, later: [] }
    const sessionId = idOf(proposal.session)
    const session = sessionId != null ? await payload.findByID({ collection: 'sessions', id: sessionId, depth: 0, overrideAccess: true, disableErrors: true }) : null
    replyFacts = { replyClass: reply.class, evaluableUntil: lastEvaluationDay(await getCalendar(payload), session, reply.publishedAt) }
  }
  const link = portalLink(proposal.id, replyFacts.evaluableUntil != null)
  const facts = {
    event: input.event,
    number: proposal.number ?? null,
    title: proposal.title,
    decision: (proposal.screening?.decision ?? null) as ScreeningDecision | null,
    reason: proposal.screening?.reason ?? null,
    ...replyFacts,
    link,
  }
  const repIds = [idOf(proposal.proposer), ...(proposal.coSigners ?? []).map(idOf)].filter((x): x is number => x != null)
  if (repIds.length === 0) return { written: 0, later: [] }
  const reps = await payload.find({ collection: 'representatives', where: { id: { in: repIds } }, pagination: false, depth: 0, overrideAccess: true })
  const key = eventKey(input.event, input.subject)
  const rows: NoticeRow[] = []
  for (const r of reps.docs) {
    if (r.active === false) continue
    const person = { email: r.email, phone: r.phone, byEmail: r.notify?.byEmail, bySms: r.notify?.bySms, quietFrom: r.notify?.quietFrom, quietTo: r.notify?.quietTo }
    for (const channel of channelsOf(person)) {
      const uniqueKey = uniqueKeyOf(key, { collection: 'representatives', id: r.id }, channel)
      const at = channel === 'inApp' ? null : deliveryTime(now, quietHoursOf(person))
      rows.push({
        uniqueKey,
        key,
        date: toLocalDate(now),
        stage: input.event,
        proposal: proposal.id,
        user: null,
        representative: r.id,
        channel,
        subject: eventSubject(facts),
        text: eventText(facts),
        link,
        status: channel === 'inApp' ? 'sent' : at! > now ? 'deferred' : 'pending',
        attempts: 0,
        nextAttemptAt: at,
        sentAt: channel === 'inApp' ? now : null,
        outcome: channel === 'inApp' ? '已显示在站内消息' : null,
        lastError: null,
        digest: channel === 'inApp' ? null : uniqueKey,
        position: null,
        supersededBy: null,
      })
    }
  }
  const { written, later } = await insertRecords(payload, rows)
  return { written, later }
}
