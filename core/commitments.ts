// Commitments (承诺事项) and their verification on the ground (现场验证). A commitment is one
// promise of a published reply that no correction has superseded; its verification is chosen,
// never typed, and a verification entered by mistake is corrected by a new record that names it
// (never deleted): the correction, not the mistake, then stands, and the public record shows both.
import { chineseDate } from './calendar'
import { FollowUpKindLabels } from './labels'
import { publishedReplies } from './proposalFacts'
import type { PublicProposal } from './contract'
import type { Commitment, FollowUp, ProposalFacts, Reply } from './types'

type Id = string | number
const same = (a: unknown, b: unknown): boolean => a != null && b != null && String(a) === String(b)
const ms = (iso: string): number => new Date(iso).getTime()

/** The replies (by id) that a published correction supersedes: their commitments no longer stand. */
const supersededReplies = (replies: readonly { corrects?: Id | null; publishedAt?: string | null }[]): Set<string> =>
  new Set(replies.filter((r) => r.corrects != null && r.publishedAt).map((r) => String(r.corrects)))

/** Commitments of published replies that no published correction supersedes, oldest reply first. */
export function liveCommitments(p: Pick<ProposalFacts, 'replies'>): (Commitment & { reply: Id })[] {
  const corrected = supersededReplies(p.replies)
  return publishedReplies(p.replies)
    .filter((r) => !corrected.has(String(r.id)))
    .flatMap((r) => r.commitments.map((c) => ({ ...c, reply: r.id })))
}

/** Verification records that a later record corrects: they no longer stand. */
export function correctedFollowUps(followUps: readonly FollowUp[]): Set<string> {
  return new Set(followUps.filter((f) => f.corrects != null).map((f) => String(f.corrects)))
}

/**
 * The verification that stands for a commitment: the latest of its verification records that no
 * other record corrects (by time, then by order of entry). undefined: never checked.
 */
export function standingVerification(followUps: readonly FollowUp[], commitmentId: string): FollowUp | undefined {
  const voided = correctedFollowUps(followUps)
  let standing: FollowUp | undefined
  for (const f of followUps) {
    if (f.kind !== 'verification' || f.commitmentId !== commitmentId) continue
    if (f.id != null && voided.has(String(f.id))) continue
    if (!standing || ms(f.at) >= ms(standing.at)) standing = f
  }
  return standing
}

/** 待验证: not yet checked; 未兑现: checked and the promised result not found; 已兑现: verified as kept. */
export type CommitmentState = 'open' | 'unkept' | 'kept'

export const CommitmentStateLabels: Record<CommitmentState, string> = { open: '待验证', unkept: '经验证尚未兑现', kept: '已验证兑现' }

/**
 * Where a commitment stands in the ledger (承诺台账): one of the three states of a commitment that
 * stands, or 已更正 — its reply was corrected by a later published reply, whose commitments (if
 * any) replace it; it no longer binds anyone and counts in no figure.
 */
export const CommitmentRecordStates = ['open', 'kept', 'unkept', 'superseded'] as const
export type CommitmentRecordState = (typeof CommitmentRecordStates)[number]

/** The ledger's words: 待兑现, 已兑现, 未兑现 (checked and not found), 已更正 (the reply was corrected). */
export const CommitmentRecordStateLabels: Record<CommitmentRecordState, string> = { open: '待兑现', kept: '已兑现', unkept: '未兑现', superseded: '已更正' }

/** A state in words, saying when the finding that stands was reached by correcting an earlier record. */
export const commitmentStateText = (state: CommitmentRecordState, corrected: boolean): string =>
  corrected && state !== 'superseded' ? `${CommitmentRecordStateLabels[state]}（验证记录经更正）` : CommitmentRecordStateLabels[state]

/** What the ledger reads of a reply (the internal record and the open data both have it). */
export interface LedgerReply {
  id: Id
  round: number
  section: Id | null
  class: Reply['class']
  commitments: readonly Commitment[]
  publishedAt?: string | null
  corrects?: Id | null
}

/** One commitment of a published reply as the ledger keeps it. */
export interface CommitmentRecord extends Commitment {
  reply: Id
  round: number
  /** The section that promised it (the reply's); null: the office's own reply. */
  section: Id | null
  replyClass: Reply['class']
  /** When the reply that made it was published. */
  publishedAt: string
  state: CommitmentRecordState
  /** When the standing verification was made; null when never checked. */
  checkedAt: string | null
  /** The standing verification's record (the one a correction would name); null when never checked. */
  standing: Id | null
  /** The standing verification corrects an earlier one (the public record shows both). */
  corrected: boolean
}

/**
 * Every commitment of every published reply, oldest reply first, with where it stands — the one
 * rule of a commitment's state (the ledger, the checks, the sweep, the open data and 承诺兑现率 all
 * read it): 已更正 when a published correction supersedes its reply; otherwise by the standing
 * verification (the latest record not corrected by another): none → 待兑现, found kept → 已兑现,
 * found not kept → 未兑现.
 */
export function commitmentRecords(p: { replies: readonly LedgerReply[]; followUps: readonly FollowUp[] }): CommitmentRecord[] {
  const superseded = supersededReplies(p.replies)
  return publishedReplies(p.replies).flatMap((r) =>
    r.commitments.map((c): CommitmentRecord => {
      const v = standingVerification(p.followUps, c.id)
      const state: CommitmentRecordState = superseded.has(String(r.id)) ? 'superseded' : !v ? 'open' : v.verified === true ? 'kept' : 'unkept'
      return {
        id: c.id,
        text: c.text,
        dueDate: c.dueDate,
        reply: r.id,
        round: r.round,
        section: r.section,
        replyClass: r.class,
        publishedAt: r.publishedAt,
        state,
        checkedAt: v?.at ?? null,
        standing: v?.id ?? null,
        corrected: v?.corrects != null,
      }
    }),
  )
}

export interface CommitmentStatus extends Commitment {
  reply: Id
  state: CommitmentState
  /** When the standing verification was made; null when never checked. */
  checkedAt: string | null
  /** The standing verification's record (the one a correction would name); null when never checked. */
  standing: Id | null
}

/** Every live commitment (not superseded) with where it stands. */
export function commitmentStatuses(p: Pick<ProposalFacts, 'replies' | 'followUps'>): CommitmentStatus[] {
  return commitmentRecords(p)
    .filter((c): c is CommitmentRecord & { state: CommitmentState } => c.state !== 'superseded')
    .map((c) => ({ id: c.id, text: c.text, dueDate: c.dueDate, reply: c.reply, state: c.state, checkedAt: c.checkedAt, standing: c.standing }))
}

/** A commitment counts in 承诺兑现率 on `today` (a China-local date): it stands and its 完成时限 is on or before today. */
export const commitmentDue = (c: Pick<CommitmentRecord, 'state' | 'dueDate'>, today: string): boolean => c.state !== 'superseded' && c.dueDate <= today

/** 尚未兑现: it stands and is not verified as kept (待兑现 or 未兑现): it is still owed. */
export const commitmentOutstanding = (state: CommitmentRecordState): boolean => state === 'open' || state === 'unkept'

/** 逾期未兑现: still owed, and its 完成时限 has passed (overdue from the day after, as every deadline). */
export const commitmentOverdue = (c: Pick<CommitmentRecord, 'state' | 'dueDate'>, today: string): boolean => commitmentOutstanding(c.state) && c.dueDate < today

/** The commitments of a public proposal (the open data) by the same rule: replies and follow-ups as published. */
export function publicCommitmentRecords(p: Pick<PublicProposal, 'replies' | 'followUps'>): (CommitmentRecord & { section: string | null })[] {
  return commitmentRecords({
    replies: p.replies.map((r) => ({ id: r.id, round: r.round, section: r.section?.slug ?? null, class: r.class, commitments: r.commitments, publishedAt: r.publishedAt, corrects: r.corrects })),
    followUps: p.followUps.map((f) => ({ id: f.id, kind: f.kind, at: f.at, commitmentId: f.commitment, verified: f.verified, corrects: f.corrects })),
  }) as (CommitmentRecord & { section: string | null })[]
}

/** Commitments not (or no longer) verified as kept: they keep the item from being closed. */
export const openCommitments = (p: Pick<ProposalFacts, 'replies' | 'followUps'>): CommitmentStatus[] =>
  commitmentStatuses(p).filter((c) => c.state !== 'kept')

/** A follow-up as entered, before it is saved. */
export interface FollowUpInput {
  kind: FollowUp['kind']
  commitmentId?: string | null
  verified?: boolean | null
  corrects?: Id | null
  correctionNote?: string | null
}

export interface Refusal {
  message: string
  field: keyof FollowUpInput
}

/**
 * Why a follow-up may not be recorded as entered (null: it may). The commitment must be one of
 * this proposal's live commitments; a correction names one of this proposal's standing
 * verifications, of the same commitment, with a different finding and a note saying why.
 */
export function followUpRefusal(p: Pick<ProposalFacts, 'replies' | 'followUps'>, f: FollowUpInput): Refusal | null {
  const commitmentId = f.commitmentId?.trim() || null
  if (f.kind !== 'verification') {
    if (commitmentId) return { message: '只有“现场验证”记录可以选择承诺事项', field: 'commitmentId' }
    if (f.corrects != null) return { message: '只有“现场验证”记录可以更正验证记录', field: 'corrects' }
    return null
  }
  const live = liveCommitments(p)
  if (commitmentId && !live.some((c) => c.id === commitmentId)) return { message: '所选承诺事项不是本提案已公开答复中的承诺事项，请从列表中选择', field: 'commitmentId' }
  if (f.corrects != null) {
    const target = p.followUps.find((x) => same(x.id, f.corrects))
    if (!target || target.kind !== 'verification') return { message: '只能更正本提案的现场验证记录', field: 'corrects' }
    if (correctedFollowUps(p.followUps).has(String(target.id))) return { message: '这条验证记录已经更正过，请更正最新的那条', field: 'corrects' }
    if ((target.commitmentId ?? null) !== commitmentId) return { message: '更正记录必须针对原记录验证的同一承诺事项', field: 'commitmentId' }
    if (!!target.verified === !!f.verified) return { message: '更正后的结论与原记录相同，无需更正', field: 'verified' }
    if (!f.correctionNote?.trim()) return { message: '请写明更正说明：原记录错在哪里', field: 'correctionNote' }
    return null
  }
  if (f.correctionNote?.trim()) return { message: '更正说明只用于更正验证记录，请同时选择被更正的记录', field: 'corrects' }
  if (!commitmentId) return live.length > 0 ? { message: '请选择本次验证的承诺事项', field: 'commitmentId' } : null
  // Once verified as kept, only a correction changes that.
  if (standingVerification(p.followUps, commitmentId)?.verified === true)
    return { message: '该承诺事项已验证兑现；如原记录有误，请在“更正”中选择原记录', field: 'commitmentId' }
  return null
}

/** A follow-up's title in words (the admin's lists and the correction's chooser show it): date, correction, kind, commitment, finding. */
export function followUpTitle(f: { at: string; kind: FollowUp['kind']; verified?: boolean | null; corrects?: Id | null }, commitmentText?: string | null): string {
  const verification = f.kind === 'verification'
  return [
    chineseDate(f.at),
    f.corrects != null ? '更正' : '',
    FollowUpKindLabels[f.kind],
    verification && commitmentText ? `「${commitmentText}」` : '',
    verification ? (f.verified ? '已兑现' : '尚未兑现') : '',
  ]
    .filter(Boolean)
    .join(' ')
}
