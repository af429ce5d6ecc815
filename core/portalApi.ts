// The representatives' portal API (/api/portal/*): for each endpoint, the body it takes (the
// request schemas of core/portal.ts, not repeated here) and the answer it gives. The CMS's
// endpoints are typed by this table (cms/portal/endpoint.ts: a handler can only answer its
// route's shape), the portal's pages read the same types (site/portal/*), and the tests check
// real answers against these schemas. Every refusal is `ErrorAnswer` (4xx/5xx), on any route.
import { z } from 'zod'
import {
  ChangePasswordSchema,
  DraftSchema,
  EvaluationSchema,
  ForgotPasswordSchema,
  InvitationAnswerSchema,
  InviteSchema,
  NewProposalSchema,
  ResolutionAnswers,
  ResetPasswordSchema,
  ResolutionSchema,
  SignInSchema,
  type PortalError,
} from './portal'
import { LocalDate } from './contract'
import { ProposalStatuses, Ratings, ReplyClasses, ScreeningDecisions } from './types'

/** A record's id as the database gives it (numbers on SQLite and PostgreSQL, strings on MongoDB). */
const Id = z.union([z.number().int(), z.string().min(1)])
export type Id = z.output<typeof Id>
const Timestamp = z.iso.datetime({ offset: true })

export const InvitationStatuses = ['invited', 'accepted', 'declined'] as const
export const RepresentativeKinds = ['resident', 'deputy'] as const

/** A person or a residential area as the portal shows them: by name only. */
export const NamedSchema = z.strictObject({ id: Id, name: z.string() })

// ── errors ──────────────────────────────────────────────────────────────────────────────────

export const PortalErrorSchema = z.strictObject({
  code: z.string().min(1),
  /** One zh-CN message for people. */
  message: z.string().min(1),
  /** Per field of the form, when the body was refused. */
  fields: z.record(z.string(), z.string()).optional(),
}) satisfies z.ZodType<PortalError>
export const ErrorAnswerSchema = z.strictObject({ error: PortalErrorSchema })

// ── the signed-in representative ────────────────────────────────────────────────────────────

/** What the portal shows of the signed-in representative: their own data, nothing of anyone else. */
export const MeSchema = z.strictObject({
  id: Id,
  name: z.string(),
  username: z.string(),
  residentialArea: NamedSchema,
  kind: z.enum(RepresentativeKinds),
  mustChangePassword: z.boolean(),
})
/** GET /me, and the answer to signing in and to a password change. */
export const MeAnswerSchema = z.strictObject({ representative: MeSchema })

export const SessionSchema = z.strictObject({
  id: Id,
  /** The browser and system it was signed in from, in words. */
  device: z.string(),
  createdAt: Timestamp,
  lastSeenAt: Timestamp,
  /** The sign-in this request came with. */
  current: z.boolean(),
})
export const SessionsAnswerSchema = z.strictObject({ sessions: z.array(SessionSchema) })

// ── proposals ───────────────────────────────────────────────────────────────────────────────

/** A proposal in a list: where it stands and what happens next, from the asking representative's side. */
export const ProposalBriefSchema = z.strictObject({
  id: Id,
  /** Given at submission. */
  number: z.string().nullable(),
  title: z.string(),
  status: z.enum(ProposalStatuses),
  statusLabel: z.string(),
  nextStep: z.string(),
  role: z.enum(['proposer', 'coSigner']),
  /** The deadline of the stage it is in (YYYY-MM-DD). */
  currentDue: LocalDate.nullable(),
  updatedAt: Timestamp,
})

/** GET /proposals: what waits on the representative first, then their proposals, latest change first. */
export const ProposalListAnswerSchema = z.strictObject({
  waiting: z.strictObject({
    /** Published replies not yet evaluated by them, while they still may be. */
    toEvaluate: z.array(
      z.strictObject({
        proposal: z.strictObject({ id: Id, number: z.string().nullable(), title: z.string() }),
        reply: z.strictObject({ id: Id, publishedAt: Timestamp, evaluableUntil: LocalDate }),
      }),
    ),
    /** Invitations to co-sign not yet answered. */
    invitations: z.array(
      z.strictObject({
        id: Id,
        proposal: z.strictObject({ id: Id, title: z.string(), status: z.enum(ProposalStatuses), statusLabel: z.string() }),
        invitedAt: Timestamp,
      }),
    ),
  }),
  proposals: z.array(ProposalBriefSchema),
})

export const PortalReplySchema = z.strictObject({
  id: Id,
  /** 1, then one more for each rehandling. */
  round: z.number().int().min(1),
  class: z.enum(ReplyClasses),
  text: z.string(),
  publishedAt: Timestamp,
  /** null: written by the office itself. */
  section: z.strictObject({ name: z.string() }).nullable(),
  commitments: z.array(z.strictObject({ id: z.string(), text: z.string(), dueDate: LocalDate })),
  /** The reply this one corrects, if it is a correction. */
  corrects: Id.nullable(),
  correctionNote: z.string().nullable(),
  /** The last day it may be evaluated (YYYY-MM-DD). */
  evaluableUntil: LocalDate,
})

export const PortalAttachmentSchema = z.strictObject({ id: Id, filename: z.string(), mimeType: z.string(), filesize: z.number(), url: z.string() })

/** GET /proposals/:id: one proposal in full for its proposer or a co-signer, people by name only. */
export const ProposalDetailSchema = z.strictObject({
  proposal: ProposalBriefSchema.extend({
    body: z.string(),
    category: z.string(),
    residentialArea: NamedSchema,
    proposer: NamedSchema,
    coSigners: z.array(NamedSchema),
    confidential: z.boolean(),
    confidentialReason: z.string().nullable(),
    /** What the public reads, when the office redacted it at screening; null when it is the text as written. */
    publicVersion: z.strictObject({ title: z.string(), body: z.string() }).nullable(),
    screening: z.strictObject({ decision: z.enum(ScreeningDecisions).nullable(), reason: z.string().nullable() }),
    submittedAt: Timestamp.nullable(),
  }),
  instructions: z.array(z.strictObject({ id: Id, text: z.string(), at: Timestamp.nullable() })),
  /** Published replies only, oldest first. */
  replies: z.array(PortalReplySchema),
  /** The round a "问题是否已解决？" answer now belongs to. */
  resolutionRound: z.number().int().min(0),
  evaluations: z.array(
    z.strictObject({ id: Id, reply: Id, representative: Id.nullable(), rating: z.enum(Ratings), comment: z.string().nullable(), at: Timestamp.nullable() }),
  ),
  attachments: z.array(PortalAttachmentSchema),
  invitations: z.array(z.strictObject({ id: Id, representative: NamedSchema, status: z.enum(InvitationStatuses) })),
  resolutionAnswers: z.array(z.strictObject({ id: Id, representative: Id.nullable(), round: z.number().int().nullable(), answer: z.enum(ResolutionAnswers) })),
})

/** Creating, changing or submitting a draft: the proposal as it now stands. */
export const ProposalSavedSchema = z.strictObject({ proposal: ProposalBriefSchema })
/** POST /proposals: `created` false when the same form (client key) had made it already. */
export const ProposalCreatedSchema = ProposalSavedSchema.extend({ created: z.boolean() })

// Three answers give the record as stored (Payload's document, depth 0): the portal reads only
// the fields named here; the schemas let the others through (and drop them when parsing).
const InvitationRecordSchema = z.object({ id: Id, status: z.enum(InvitationStatuses) })
const EvaluationRecordSchema = z.object({ id: Id, rating: z.enum(Ratings) })
const ResolutionRecordSchema = z.object({ id: Id, answer: z.enum(ResolutionAnswers) })

/** POST /proposals/:id/evaluations: the evaluation, and where the proposal stands after it (不满意 starts rehandling). */
export const EvaluatedSchema = z.strictObject({
  evaluation: EvaluationRecordSchema,
  proposal: z.strictObject({ status: z.enum(ProposalStatuses), statusLabel: z.string() }),
})

/** GET /representatives: whom one may invite to co-sign (every other enabled account), by name and residential area. */
export const RepresentativesAnswerSchema = z.strictObject({
  representatives: z.array(z.strictObject({ id: Id, name: z.string(), residentialArea: z.string() })),
})

// ── messages ────────────────────────────────────────────────────────────────────────────────

/** One 站内 message: a reminder of the daily 督办 sweep, or an event of their proposal (core/notices.ts). */
export const PortalNoticeSchema = z.strictObject({
  id: Id,
  /** The day it was sent (YYYY-MM-DD, China). */
  date: LocalDate,
  /** What kind of message it is, in words (到期提醒, 答复已公开 …). */
  kind: z.string(),
  subject: z.string(),
  text: z.string(),
  /** The proposal it is about (its page in the portal), if any. */
  proposal: Id.nullable(),
  sentAt: Timestamp.nullable(),
})

/** GET /notices: the representative's own messages, newest first (at most 100). */
export const NoticesAnswerSchema = z.strictObject({ notices: z.array(PortalNoticeSchema) })

// ── the table ───────────────────────────────────────────────────────────────────────────────

/** Every portal endpoint (under /api/portal): the body it takes, if any, and what it answers. */
export const PortalRoutes = {
  'POST /sign-in': { body: SignInSchema, answer: MeAnswerSchema },
  'POST /sign-out': { answer: z.strictObject({ signedOut: z.literal(true) }) },
  'GET /me': { answer: MeAnswerSchema },
  'POST /password': { body: ChangePasswordSchema, answer: MeAnswerSchema },
  /** The same answer whatever the login (no account is revealed); a link goes by e-mail or SMS when the server can send them. */
  'POST /forgot-password': { body: ForgotPasswordSchema, answer: z.strictObject({ message: z.string() }) },
  'POST /reset-password': { body: ResetPasswordSchema, answer: z.strictObject({ reset: z.literal(true) }) },
  'GET /sessions': { answer: SessionsAnswerSchema },
  'DELETE /sessions/:id': { answer: z.strictObject({ ended: z.number().int().min(1) }) },

  'GET /proposals': { answer: ProposalListAnswerSchema },
  'POST /proposals': { body: NewProposalSchema, answer: ProposalCreatedSchema },
  'GET /proposals/:id': { answer: ProposalDetailSchema },
  'PATCH /proposals/:id': { body: DraftSchema.partial(), answer: ProposalSavedSchema },
  'POST /proposals/:id/submit': { answer: ProposalSavedSchema },
  'DELETE /proposals/:id': { answer: z.strictObject({ deleted: z.literal(true) }) },

  'POST /proposals/:id/invitations': { body: InviteSchema, answer: z.strictObject({ invitations: z.array(InvitationRecordSchema) }) },
  'POST /invitations/:id': { body: InvitationAnswerSchema, answer: z.strictObject({ invitation: InvitationRecordSchema }) },
  'DELETE /invitations/:id': { answer: z.strictObject({ withdrawn: z.literal(true) }) },
  'GET /representatives': { answer: RepresentativesAnswerSchema },

  /** The body is multipart (one `file`), checked by the endpoint and the collection. */
  'POST /proposals/:id/attachments': { answer: z.strictObject({ attachment: PortalAttachmentSchema }) },
  'DELETE /attachments/:id': { answer: z.strictObject({ deleted: z.literal(true) }) },

  'POST /proposals/:id/evaluations': { body: EvaluationSchema, answer: EvaluatedSchema },
  'POST /proposals/:id/resolution': { body: ResolutionSchema, answer: z.strictObject({ resolution: ResolutionRecordSchema }) },

  'GET /notices': { answer: NoticesAnswerSchema },
} as const satisfies Record<`${'GET' | 'POST' | 'PATCH' | 'DELETE'} /${string}`, { body?: z.ZodType; answer: z.ZodType }>

export type PortalRoute = keyof typeof PortalRoutes
/** What a route answers when it succeeds. */
export type PortalAnswer<R extends PortalRoute> = z.output<(typeof PortalRoutes)[R]['answer']>
/** The body a route takes (after its schema: defaults filled in, text cleaned). */
export type PortalBody<R extends PortalRoute> = (typeof PortalRoutes)[R] extends { body: infer S extends z.ZodType } ? z.output<S> : undefined

// The shapes the portal's pages use by name.
export type ErrorAnswer = z.output<typeof ErrorAnswerSchema>
export type MeAnswer = z.output<typeof MeAnswerSchema>
export type Me = z.output<typeof MeSchema>
export type PortalSignIn = z.output<typeof SessionSchema>
export type ProposalBrief = z.output<typeof ProposalBriefSchema>
export type ProposalList = z.output<typeof ProposalListAnswerSchema>
export type ProposalDetail = z.output<typeof ProposalDetailSchema>
export type PortalReply = z.output<typeof PortalReplySchema>
export type PortalAttachment = z.output<typeof PortalAttachmentSchema>
export type ProposalSaved = z.output<typeof ProposalSavedSchema>
export type ProposalCreated = z.output<typeof ProposalCreatedSchema>
export type Evaluated = z.output<typeof EvaluatedSchema>
export type Representatives = z.output<typeof RepresentativesAnswerSchema>
export type PortalNotice = z.output<typeof PortalNoticeSchema>
export type NoticesAnswer = z.output<typeof NoticesAnswerSchema>
