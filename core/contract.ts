// The public data contract: exactly what leaves the CMS for the public site and open data.
// Every object is strict, so a private field added by mistake fails validation instead of leaking.
import { z } from 'zod'
import { isValidLocalDate } from './calendar'
import { CommitmentRecordStates } from './commitments'
import {
  FollowUpKinds,
  ProposalStatuses,
  Ratings,
  ReplyClasses,
  ScreeningDecisions,
} from './types'

/** A China-local calendar date, YYYY-MM-DD, that exists (no 2026-02-30). */
export const LocalDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD').refine(isValidLocalDate, '日期不存在')
const Timestamp = z.iso.datetime({ offset: true })

export const PublicStatuses = ProposalStatuses.filter((s) => s !== 'draft') as Exclude<
  (typeof ProposalStatuses)[number],
  'draft'
>[]

export const SectionRefSchema = z.strictObject({ slug: z.string().min(1), name: z.string().min(1) })

export const PublicReplySchema = z.strictObject({
  id: z.string(),
  round: z.number().int().min(1),
  /** null: written by the office itself (a screened-out proposal's explanation). */
  section: SectionRefSchema.nullable(),
  class: z.enum(ReplyClasses),
  text: z.string().min(1),
  commitments: z.array(
    z.strictObject({
      id: z.string(),
      text: z.string().min(1),
      dueDate: LocalDate,
      /** When the standing verification on the ground confirmed it (core/commitments.ts): set when `state` is kept, else null. */
      verifiedAt: Timestamp.nullable(),
      /**
       * Where it stands (core/commitments.ts commitmentRecords, recomputable from `followUps`): open 待兑现,
       * kept 已兑现, unkept 未兑现 (checked, not found), superseded 已更正 (a published correction replaced its reply).
       */
      state: z.enum(CommitmentRecordStates),
      /** When the standing verification was made, whatever it found; null when never checked. */
      checkedAt: Timestamp.nullable(),
    }),
  ),
  signedOffAt: Timestamp,
  publishedAt: Timestamp,
  /** Id of the reply this one corrects, if it is a correction. */
  corrects: z.string().nullable(),
  /** Co-sections that had not given their opinion (协办意见) by the time it was signed off, their deadline passed. */
  silentCoSections: z.array(SectionRefSchema),
})

export const PublicProposalSchema = z.strictObject({
  number: z.string().regex(/^\d{4}-\d{3,}$/),
  session: z.string().min(1),
  status: z.enum(PublicStatuses as [string, ...string[]]),
  /** The public version, as the office left it at screening. */
  title: z.string().min(1),
  body: z.string().min(1),
  /** The office removed something (such as a neighbour's name or number) from the public version; what, is not said. */
  redacted: z.boolean(),
  /** 重点督办: a leader marked it as a key item (listed first on the 督办 board, reminded earlier and more often). */
  keyItem: z.boolean(),
  category: z.string().min(1),
  residentialArea: z.string().min(1),
  proposer: z.strictObject({ id: z.string(), name: z.string().min(1) }),
  coSigners: z.array(z.strictObject({ id: z.string(), name: z.string().min(1) })),
  submittedAt: Timestamp,
  screening: z
    .strictObject({
      decision: z.enum(ScreeningDecisions),
      reason: z.string().min(1),
      mergedInto: z.string().nullable(),
      at: Timestamp,
    })
    .nullable(),
  instructions: z.array(z.strictObject({ leader: z.string().min(1), text: z.string().min(1), at: Timestamp })),
  assignment: z
    .strictObject({
      leadSection: SectionRefSchema,
      coSections: z.array(SectionRefSchema),
      assignedAt: Timestamp,
      /** The deadline first set. */
      deadline: LocalDate,
      extensions: z.array(z.strictObject({ newDeadline: LocalDate, reason: z.string(), approvedAt: Timestamp })),
    })
    .nullable(),
  /** Co-opinions are internal; the public sees that they were given, and when. */
  coOpinions: z.array(z.strictObject({ section: SectionRefSchema, at: Timestamp })),
  replies: z.array(PublicReplySchema),
  evaluations: z.array(
    z.strictObject({
      reply: z.string(),
      representative: z.string().min(1),
      rating: z.enum(Ratings),
      comment: z.string().nullable(),
      at: Timestamp,
    }),
  ),
  rehandlings: z.array(z.strictObject({ round: z.number().int().min(1), startedAt: Timestamp, deadline: LocalDate })),
  /**
   * Follow-up visits and verifications: kind, date, the commitment checked and the finding; the
   * notes stay inside the office. A correction names the verification it corrects (`corrects`):
   * the mistaken record stays listed, and the correction is what stands.
   */
  followUps: z.array(
    z.strictObject({
      id: z.string(),
      kind: z.enum(FollowUpKinds),
      at: Timestamp,
      commitment: z.string().nullable(),
      verified: z.boolean().nullable(),
      corrects: z.string().nullable(),
    }),
  ),
  noEvaluationReason: z.string().nullable(),
  closedAt: Timestamp.nullable(),
  timeline: z.array(
    z.strictObject({
      at: Timestamp,
      from: z.string().nullable(),
      to: z.string().nullable(),
      action: z.string(),
      /** The actor's role, never their name or id. */
      role: z.string(),
      /** A 催办's note when its author marked it public (公开说明); null otherwise: every other note stays inside. */
      note: z.string().nullable(),
    }),
  ),
})

export const PublicSessionSchema = z.strictObject({
  slug: z.string().min(1),
  name: z.string().min(1),
  year: z.number().int(),
  current: z.boolean(),
  deadlines: z.strictObject({
    screeningWorkingDays: z.number().int().min(0),
    instructionWorkingDays: z.number().int().min(0),
    replyMonths: z.number().int().min(0),
    extensionMaxMonths: z.number().int().min(0),
    coOpinionWorkingDays: z.number().int().min(0),
    rehandlingMonths: z.number().int().min(0),
    evaluationWorkingDays: z.number().int().min(0),
    explanationWorkingDays: z.number().int().min(0),
  }),
})

export const PublicCalendarSchema = z.strictObject({
  holidays: z.array(z.strictObject({ date: LocalDate, name: z.string() })),
  makeUpWorkdays: z.array(z.strictObject({ date: LocalDate, name: z.string() })),
})

export const PublicExportSchema = z.strictObject({
  generatedAt: Timestamp,
  calendar: PublicCalendarSchema,
  sessions: z.array(PublicSessionSchema),
  sections: z.array(SectionRefSchema),
  residentialAreas: z.array(z.string()),
  proposals: z.array(PublicProposalSchema),
  /** Confidential proposals appear only as counts per session and status. */
  confidential: z.array(z.strictObject({ session: z.string(), status: z.string(), count: z.number().int().min(0) })),
  /**
   * Submitted proposals the office has not screened yet: private until screened (residents write
   * neighbours' names and numbers), so only counted per session; `overdue` of them are past the
   * screening deadline.
   */
  unscreened: z.array(z.strictObject({ session: z.string(), count: z.number().int().min(1), overdue: z.number().int().min(0) })),
})

/** One page of the paged export. */
export const PublicProposalPageSchema = z.strictObject({
  docs: z.array(PublicProposalSchema),
  page: z.number().int().min(1),
  limit: z.number().int().min(1),
  totalDocs: z.number().int().min(0),
  totalPages: z.number().int().min(0),
})

export type PublicProposal = z.output<typeof PublicProposalSchema>
export type PublicReply = z.output<typeof PublicReplySchema>
export type PublicSession = z.output<typeof PublicSessionSchema>
export type PublicExport = z.output<typeof PublicExportSchema>
export type PublicProposalPage = z.output<typeof PublicProposalPageSchema>
