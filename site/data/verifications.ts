// How the public page words a proposal's follow-ups and its commitments' verifications: which
// commitment each verification checked, which record a correction replaces (the mistaken record
// stays listed, marked), and where each commitment stands — by core's rule (core/commitments.ts).
import { commitmentOutstanding, commitmentOverdue, commitmentStateText, publicCommitmentRecords, standingVerification, type CommitmentRecord } from '../../core/commitments'
import { dueText } from '../../core/deadlines'
import { toLocalDate, type WorkingCalendar } from '../../core/calendar'
import { commitmentRate, type Share } from '../../core/stats'
import { FollowUpKindLabels } from '../../core/labels'
import type { PublicProposal } from '../../core/contract'
import type { FollowUp } from '../../core/types'
import { formatDate } from './format'

type PublicFollowUp = PublicProposal['followUps'][number]
type PublicCommitment = PublicProposal['replies'][number]['commitments'][number]

const asFacts = (p: PublicProposal): FollowUp[] => p.followUps.map((f) => ({ id: f.id, kind: f.kind, at: f.at, commitmentId: f.commitment, verified: f.verified, corrects: f.corrects }))

/** A commitment's row: verified as kept (when), found unkept (when), or not yet checked. */
export function commitmentCheckText(p: PublicProposal, c: PublicCommitment): string {
  const standing = standingVerification(asFacts(p), c.id)
  if (!standing) return '尚未核实'
  return standing.verified === true ? `已于 ${formatDate(standing.at)} 现场核实兑现` : `${formatDate(standing.at)} 现场核实：尚未兑现`
}

/** One follow-up as a line: date, kind, the commitment checked, the finding, and what it corrects or whether it was corrected. */
export function followUpText(p: PublicProposal, f: PublicFollowUp): string {
  const commitments = new Map(p.replies.flatMap((r) => r.commitments.map((c) => [c.id, c.text] as const)))
  const byId = new Map(p.followUps.map((x) => [x.id, x]))
  const what = f.commitment ? commitments.get(f.commitment) : undefined
  const finding = f.verified === true ? (what ? '承诺已兑现' : '问题已解决') : f.verified === false ? (what ? '承诺尚未兑现' : '问题尚未解决') : ''
  const corrected = f.corrects ? byId.get(f.corrects) : undefined
  const correctedBy = p.followUps.find((x) => x.corrects === f.id)
  return [
    `${formatDate(f.at)} ${FollowUpKindLabels[f.kind]}`,
    what ? `「${what}」` : '',
    finding ? `：${finding}` : '',
    corrected ? `（更正 ${formatDate(corrected.at)} 的验证记录）` : '',
    correctedBy ? `（此记录有误，已于 ${formatDate(correctedBy.at)} 更正）` : '',
  ].join('')
}

/** A commitment's state as the page shows it: 待兑现 / 已兑现 / 未兑现 / 已更正 (core), and for one still owed how its date stands. */
export interface CommitmentStateView {
  state: CommitmentRecord['state']
  text: string
  overdue: boolean
}

/**
 * The proposal's commitments by id, each with its state in words (core/commitments.ts, the same
 * rule as the open data's `state`), and the proposal's own 承诺兑现率 share (core/stats.ts commitmentRate) on the export's day.
 */
export function commitmentStates(p: PublicProposal, now: string, cal: WorkingCalendar): { byId: Map<string, CommitmentStateView>; share: Share } {
  const today = toLocalDate(now)
  const records = publicCommitmentRecords(p)
  const byId = new Map(
    records.map((c) => {
      const text = commitmentStateText(c.state, c.corrected) + (commitmentOutstanding(c.state) ? `（${dueText(c.dueDate, now, cal)}）` : '')
      return [c.id, { state: c.state, text, overdue: commitmentOverdue(c, today) }] as const
    }),
  )
  return { byId, share: commitmentRate(records, today) }
}
