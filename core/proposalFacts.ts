// Facts about one proposal derived from its record, in one place: which replies are published,
// the first and the latest, the proposer's evaluations, the reply deadline in force, and each
// round of answering with its deadline. The rules (core/lifecycle.ts), the deadlines
// (core/deadlines.ts), the published figures (core/stats.ts), the site's timeline
// (site/data/stages.ts) and the CMS all read them from here. Each works on the internal record
// (ProposalFacts) and on the public one (the open data) alike: only the fields both have are read.
// The definitions are written out for the public in docs/figures.md and on /about/.
import { toLocalDate } from './calendar'

type Id = string | number
const same = (a: unknown, b: unknown): boolean => a != null && b != null && String(a) === String(b)
const ms = (iso: string): number => Date.parse(iso)

export interface ReplyFacts {
  id: Id
  round: number
  publishedAt?: string | null
  corrects?: Id | null
}
export interface EvaluationFacts {
  reply: Id
  representative: Id
  rating: string
  at: string
}
export interface ExtensionFacts {
  newDeadline: string
  approvedAt?: string | null
}
export interface AssignmentFacts {
  assignedAt?: string | null
  /** The reply deadline set at 交办. */
  deadline?: string | null
  extensions: readonly ExtensionFacts[]
}
export interface RehandlingFacts {
  round: number
  startedAt: string
  deadline: string
}

/** Published replies, oldest first: by round, then by publication time. */
export function publishedReplies<R extends ReplyFacts>(replies: readonly R[]): (R & { publishedAt: string })[] {
  return replies
    .filter((r): r is R & { publishedAt: string } => !!r.publishedAt)
    .sort((a, b) => a.round - b.round || ms(a.publishedAt) - ms(b.publishedAt))
}

/** The reply that stands now: the highest round's last published one (a correction replaces what it corrects). */
export function latestReply<R extends ReplyFacts>(replies: readonly R[]): (R & { publishedAt: string }) | undefined {
  return publishedReplies(replies).at(-1)
}

/** The earliest published reply, of one round or of any. */
export function firstReply<R extends ReplyFacts>(replies: readonly R[], round?: number): (R & { publishedAt: string }) | undefined {
  let first: (R & { publishedAt: string }) | undefined
  for (const r of publishedReplies(replies)) if ((round === undefined || r.round === round) && (!first || ms(r.publishedAt) < ms(first.publishedAt))) first = r
  return first
}

/**
 * The proposer's standing evaluation: the latest one they gave, of any reply. It stands until a
 * newer one replaces it — a new reply does not wipe out a 不满意. Co-signers' evaluations never count.
 * This is what 满意率 counts.
 */
export function standingEvaluation<E extends EvaluationFacts>(evaluations: readonly E[], proposer: Id): E | undefined {
  let best: E | undefined
  for (const e of evaluations) if (same(e.representative, proposer) && (!best || ms(e.at) >= ms(best.at))) best = e
  return best
}

/**
 * The proposer's evaluation of the latest published reply itself (a correction needs its own).
 * What the lifecycle asks before 已评价, 重新办理 or 办结.
 */
export function evaluationOfLatestReply<E extends EvaluationFacts>(replies: readonly ReplyFacts[], evaluations: readonly E[], proposer: Id): E | undefined {
  const latest = latestReply(replies)
  if (!latest) return undefined
  return standingEvaluation(evaluations.filter((e) => same(e.reply, latest.id)), proposer)
}

/**
 * The reply deadline in force at an instant: the last extension approved by then, else the one
 * set at 交办. An extension approved after an answer cannot make that answer on time.
 */
export function replyDeadlineAt(a: AssignmentFacts, at: string): string | null {
  const approved = a.extensions.filter((x) => !x.approvedAt || ms(x.approvedAt) <= ms(at))
  return approved.at(-1)?.newDeadline ?? a.deadline ?? null
}

/** The reply deadline in force now: the last approved extension's, else the one set at 交办. */
export function replyDeadlineInForce(a: AssignmentFacts): string | null {
  return a.extensions.at(-1)?.newDeadline ?? a.deadline ?? null
}

/** One round of answering: round 1 after 交办, round n + 1 after the n-th 重新办理. */
export interface AnswerRound {
  round: number
  /** When the clock started (交办, or the 重新办理 decision). */
  from: string
  /** The deadline in force: at the answer once answered, else now. */
  due: string
  /** The first reply of the round, published; null while unanswered. */
  answeredAt: string | null
}

/** Every round the lead section owes (or owed) an answer in, oldest first. */
export function answerRounds(p: { assignment: AssignmentFacts | null; replies: readonly ReplyFacts[]; rehandlings: readonly RehandlingFacts[] }): AnswerRound[] {
  const a = p.assignment
  if (!a?.assignedAt) return []
  const rounds: AnswerRound[] = []
  const first = firstReply(p.replies, 1)
  const due = first ? replyDeadlineAt(a, first.publishedAt) : replyDeadlineInForce(a)
  if (due) rounds.push({ round: 1, from: a.assignedAt, due, answeredAt: first?.publishedAt ?? null })
  for (const r of [...p.rehandlings].sort((x, y) => x.round - y.round)) {
    const answer = firstReply(p.replies, r.round + 1)
    rounds.push({ round: r.round + 1, from: r.startedAt, due: r.deadline, answeredAt: answer?.publishedAt ?? null })
  }
  return rounds
}

/** Answered by its deadline: the first reply's China date on or before the deadline then in force. */
export const answeredOnTime = (r: AnswerRound): boolean => r.answeredAt != null && toLocalDate(r.answeredAt) <= r.due

/** Whether the round counts toward 按期答复率 on `today` (a China date): answered, or its deadline has passed. */
export const answerDue = (r: AnswerRound, today: string): boolean => r.answeredAt != null || today > r.due
