// The domain model as `core` sees it: plain data, no Payload, no Astro.
// The CMS collections store these shapes; the lifecycle, permissions and statistics read them.

export const ProposalStatuses = [
  'draft',
  'submitted',
  'accepted',
  'merged',
  'redirected',
  'notAccepted',
  'instructed',
  'inProgress',
  'replied',
  'evaluated',
  'rehandling',
  'closed',
] as const
export type ProposalStatus = (typeof ProposalStatuses)[number]

export const StaffRoles = ['admin', 'office', 'leader', 'sectionStaff', 'sectionHead'] as const
export type StaffRole = (typeof StaffRoles)[number]

/** Every kind of actor the rules know; `public` is nobody signed in. */
export const Roles = [...StaffRoles, 'representative', 'public'] as const
export type Role = (typeof Roles)[number]

export const ScreeningDecisions = ['accepted', 'merged', 'redirected', 'notAccepted'] as const
export type ScreeningDecision = (typeof ScreeningDecisions)[number]

export const ReplyClasses = ['A', 'B', 'C'] as const
export type ReplyClass = (typeof ReplyClasses)[number]

export const Ratings = ['satisfied', 'basicallySatisfied', 'dissatisfied'] as const
export type Rating = (typeof Ratings)[number]

export const FollowUpKinds = ['visit', 'call', 'verification'] as const
export type FollowUpKind = (typeof FollowUpKinds)[number]

/** Who is acting. `id` is the user's or representative's id; `section` for section staff and heads. */
export interface Actor {
  role: Role
  id?: string | number
  section?: string | number | null
}

export const PUBLIC: Actor = { role: 'public' }

export interface Instruction {
  leader: string | number
  text: string
  at: string
}

export interface Commitment {
  id: string
  text: string
  dueDate: string
}

export interface Reply {
  id: string | number
  round: number
  /** null: written by the office itself, for a screened-out proposal. */
  section: string | number | null
  text: string
  class: ReplyClass
  commitments: Commitment[]
  draftedBy?: string | number | null
  /** Set when the head of the lead section signs the reply off (签发). */
  signedOffBy?: string | number | null
  signedOffAt?: string | null
  /** The signer's role and section when they signed off: the rules judge the sign-off by these, not by today's. */
  signedOffAs?: { role: Role; section: string | number | null } | null
  /** Set when the office publishes it; a published reply is never edited. */
  publishedAt?: string | null
  /** A correction names the reply it corrects. */
  corrects?: string | number | null
  /** 退回修改: when its signer last returned the draft to its writer, and when the writer last changed it. */
  returnedAt?: string | null
  revisedAt?: string | null
}

export interface Evaluation {
  reply: string | number
  representative: string | number
  rating: Rating
  comment?: string | null
  at: string
}

export interface FollowUp {
  /** Present once saved: a correction names the verification it corrects by it. */
  id?: string | number
  kind: FollowUpKind
  at: string
  /** For a verification: which commitment was checked on the ground. */
  commitmentId?: string | null
  /** For a verification: whether the promised result was found. */
  verified?: boolean | null
  /** For a correction: the verification entered by mistake that this one replaces. */
  corrects?: string | number | null
}

export interface Extension {
  newDeadline: string
  reason: string
  approvedBy?: string | number | null
  approvedAt?: string | null
}

export interface Assignment {
  leadSection?: string | number | null
  coSections: (string | number)[]
  assignedAt?: string | null
  /** The reply deadline first set at assignment (a local date, YYYY-MM-DD). */
  deadline?: string | null
  extensions: Extension[]
}

export interface Rehandling {
  round: number
  startedAt: string
  deadline: string
}

/** Everything the rules need to know about one proposal. */
export interface ProposalFacts {
  status: ProposalStatus
  proposer: string | number
  coSigners: (string | number)[]
  /** Representatives invited to co-sign who have not answered yet: they may read the proposal to decide. */
  invitees?: (string | number)[]
  /** Who created it: a representative (their own draft), or the office typing in a paper proposal. */
  enteredBy?: 'office' | 'representative' | null
  confidential: boolean
  submittedAt?: string | null
  screening: {
    decision?: ScreeningDecision | null
    reason?: string | null
    mergedInto?: string | number | null
    at?: string | null
  }
  assignment: Assignment
  instructions: Instruction[]
  replies: Reply[]
  evaluations: Evaluation[]
  rehandlings: Rehandling[]
  followUps: FollowUp[]
  /** Why no evaluation came (e.g. the window passed), recorded by the office. */
  noEvaluationReason?: string | null
}

export const InvitationStatuses = ['invited', 'accepted', 'declined'] as const
export type InvitationStatus = (typeof InvitationStatuses)[number]

/** An invitation to co-sign (附议邀请): the proposer asks, the invitee accepts or declines. */
export interface Invitation {
  representative: string | number
  status: InvitationStatus
}

/** Per-session deadline settings (defaults below; docs/figures.md describes each). */
export interface DeadlineSettings {
  screeningWorkingDays: number
  instructionWorkingDays: number
  replyMonths: number
  extensionMaxMonths: number
  coOpinionWorkingDays: number
  rehandlingMonths: number
  evaluationWorkingDays: number
  /** A screened-out item's written explanation to the proposer, counted from the screening. */
  explanationWorkingDays: number
}

export const DefaultDeadlineSettings: DeadlineSettings = {
  screeningWorkingDays: 3,
  instructionWorkingDays: 5,
  replyMonths: 1,
  extensionMaxMonths: 3,
  coOpinionWorkingDays: 10,
  rehandlingMonths: 1,
  evaluationWorkingDays: 20,
  explanationWorkingDays: 10,
}
