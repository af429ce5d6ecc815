// Who may do what: plain predicates over an actor and the facts of a proposal.
// The CMS wraps these as Payload access functions (cms/access); nothing else decides.
import {
  AnsweredStatuses,
  AnsweringStatuses,
  AssignableStatuses,
  EvaluableStatuses,
  HandlingStatuses,
  isIn,
  isOfCoSection,
  isOfLeadSection,
  isProposer,
  isProposerOrCoSigner,
  isScreened,
  isScreenedOut,
  OpenScreenedStatuses,
  RepliedStatuses,
  sameId,
  StatusLabels,
  SupervisedStatuses,
  UnscreenedStatuses,
} from './lifecycle'
import { isExtendable, type ExtensionDecision } from './extensions'
import { ProposalStatuses, type Actor, type Invitation, type ProposalFacts, type ProposalStatus, type Reply } from './types'

export const isStaff = (a: Actor): boolean =>
  a.role === 'admin' || a.role === 'office' || a.role === 'leader' || a.role === 'sectionStaff' || a.role === 'sectionHead'
export const isSectionRole = (a: Actor): boolean => a.role === 'sectionStaff' || a.role === 'sectionHead'

/** Phone, ID number, address, internal notes, confidential reasons: office and admin only. */
export const canReadPrivate = (a: Actor): boolean => a.role === 'office' || a.role === 'admin'

/** Which proposals an actor may read, as clauses any of which admits a proposal. */
export type ReadClause =
  | { kind: 'all' }
  /** screened (past 待甄别), not confidential: what the public may see */
  | { kind: 'public' }
  /** submitted or later, any confidentiality */
  | { kind: 'nonDraft' }
  /** a draft the office itself entered (a paper proposal being typed in) */
  | { kind: 'officeDraft' }
  /** the representative is proposer or co-signer (drafts included) */
  | { kind: 'own'; representative: string | number }
  /** the representative is invited to co-sign and has not answered (drafts included) */
  | { kind: 'invited'; representative: string | number }
  /** the section is lead or co-section (never a draft) */
  | { kind: 'section'; section: string | number }

export function proposalReadScope(a: Actor): ReadClause[] {
  switch (a.role) {
    case 'admin':
      return [{ kind: 'all' }]
    case 'office':
      // A representative's unsubmitted draft is theirs alone; the office's own paper entries it keeps.
      return [{ kind: 'nonDraft' }, { kind: 'officeDraft' }]
    case 'leader':
      return [{ kind: 'nonDraft' }]
    case 'sectionStaff':
    case 'sectionHead':
      return a.section == null ? [] : [{ kind: 'section', section: a.section }]
    case 'representative':
      return a.id == null
        ? [{ kind: 'public' }]
        : [
            { kind: 'public' },
            { kind: 'own', representative: a.id },
            { kind: 'invited', representative: a.id },
          ]
    case 'public':
      return [{ kind: 'public' }]
  }
}

type Visible = Pick<ProposalFacts, 'status' | 'confidential' | 'proposer' | 'coSigners' | 'assignment' | 'invitees' | 'enteredBy'>

export const clauseMatches = (c: ReadClause, p: Visible): boolean => {
  switch (c.kind) {
    case 'all':
      return true
    case 'public':
      return isScreened(p.status) && !p.confidential
    case 'nonDraft':
      return p.status !== 'draft'
    case 'officeDraft':
      return p.status === 'draft' && p.enteredBy === 'office'
    case 'own':
      return sameId(p.proposer, c.representative) || p.coSigners.some((x) => sameId(x, c.representative))
    case 'invited':
      return (p.invitees ?? []).some((x) => sameId(x, c.representative))
    case 'section':
      return (
        p.status !== 'draft' &&
        (sameId(p.assignment.leadSection, c.section) || p.assignment.coSections.some((s) => sameId(s, c.section)))
      )
  }
}

export const canReadProposal = (a: Actor, p: Visible): boolean => proposalReadScope(a).some((c) => clauseMatches(c, p))

/** Staff who work on a proposal see its internal records (instructions in progress, co-opinions, drafts of replies). */
export const canReadInternal = (a: Actor, p: Visible): boolean =>
  (a.role === 'admin' || a.role === 'office' || a.role === 'leader' || isSectionRole(a)) && canReadProposal(a, p)

/** A representative starts their own draft; the office enters paper proposals. */
export const canCreateProposal = (a: Actor): boolean => (a.role === 'representative' && a.id != null) || a.role === 'office'

/**
 * Only drafts are ever deleted, one at a time: by their proposer, or by the office when the office
 * itself entered it (a paper proposal). A draft a representative wrote is theirs: the office may not delete it.
 */
export const canDeleteProposal = (a: Actor, p: Pick<ProposalFacts, 'status' | 'proposer' | 'enteredBy'>): boolean =>
  p.status === 'draft' && (isProposer(a, p) || (a.role === 'office' && p.enteredBy === 'office'))

/** Title, body, category, area, co-signers: the proposer while a draft; the office until screening is done. */
export const canEditProposalContent = (a: Actor, p: ProposalFacts): boolean =>
  (p.status === 'draft' && isProposer(a, p)) || (a.role === 'office' && isIn(UnscreenedStatuses, p.status))

/**
 * Co-signers join by accepting an invitation (附议邀请), which the proposer sends while the
 * proposal is a draft; the office may still set them directly for a paper proposal.
 */
export const canInviteCoSigners = (a: Actor, p: Pick<ProposalFacts, 'status' | 'proposer'>): boolean =>
  p.status === 'draft' && isProposer(a, p)

export const canSetCoSigners = (a: Actor, p: Pick<ProposalFacts, 'status'>): boolean =>
  a.role === 'office' && isIn(UnscreenedStatuses, p.status)

/** The invitee answers once, until the office has screened the proposal. */
export const canAnswerInvitation = (a: Actor, p: Pick<ProposalFacts, 'status'>, i: Invitation): boolean =>
  a.role === 'representative' &&
  sameId(a.id, i.representative) &&
  i.status === 'invited' &&
  isIn(UnscreenedStatuses, p.status)

/** "问题是否已解决？": proposers and co-signers answer once a reply is out, until the item is closed. */
export const canAnswerResolution = (a: Actor, p: ProposalFacts): boolean =>
  isProposerOrCoSigner(a, p) && isIn(RepliedStatuses, p.status)

export const canScreen = (a: Actor, p: Pick<ProposalFacts, 'status'>): boolean => a.role === 'office' && p.status === 'submitted'

/** The office sets lead section, co-sections and deadline once accepted, until the lead section takes it on. */
export const canAssign = (a: Actor, p: Pick<ProposalFacts, 'status'>): boolean =>
  a.role === 'office' && isIn(AssignableStatuses, p.status)

/**
 * 申请延期: the lead section's staff and head ask for a later reply deadline while that deadline
 * is the one in force (已交办, 办理中: core/extensions.ts ExtendableStatuses).
 */
export const canRequestExtension = (a: Actor, p: Pick<ProposalFacts, 'status' | 'assignment'>): boolean =>
  isOfLeadSection(a, p) && isExtendable(p.status) && !!p.assignment.assignedAt

/** A leader approves an extension of the reply deadline while it is the one in force. */
export const canApproveExtension = (a: Actor, p: Pick<ProposalFacts, 'status'>): boolean => a.role === 'leader' && isExtendable(p.status)

/** A leader decides a request once: while it is pending (approving also needs canApproveExtension). */
export const canDecideExtension = (a: Actor, r: { decision: ExtensionDecision | null | undefined }): boolean =>
  a.role === 'leader' && r.decision === 'pending'

/**
 * Who reads 延期申请 (internal until approved; the public sees the approved extension on the
 * proposal): admin, office and leaders all; section staff and heads those their section made;
 * representatives and the public none.
 */
export function extensionRequestScope(a: Actor): 'all' | { section: string | number } | 'none' {
  if (a.role === 'admin' || a.role === 'office' || a.role === 'leader') return 'all'
  if (isSectionRole(a) && a.section != null) return { section: a.section }
  return 'none'
}

export const canReadExtensionRequest = (a: Actor, r: { section: string | number | null | undefined }): boolean => {
  const scope = extensionRequestScope(a)
  return scope === 'all' || (typeof scope === 'object' && sameId(scope.section, r.section))
}

/** Confidential flag and reason, internal notes, the reason no evaluation came, follow-ups: the office. */
export const canManageProposal = (a: Actor, p: Pick<ProposalFacts, 'status'>): boolean =>
  a.role === 'office' && p.status !== 'closed'

/**
 * The title and text as the proposer wrote them: staff (within their read scope), the proposal's
 * own representatives and those invited to co-sign. Everyone else reads the public version.
 */
export const canReadOriginalText = (a: Actor, p: Visible): boolean =>
  isStaff(a) ||
  (a.role === 'representative' &&
    a.id != null &&
    (clauseMatches({ kind: 'own', representative: a.id }, p) || clauseMatches({ kind: 'invited', representative: a.id }, p)))

/** The public version of a proposal's title and text (redaction): the office, from screening on. */
export const canRedact = (a: Actor, p: Pick<ProposalFacts, 'status'>): boolean => a.role === 'office' && p.status !== 'draft'

/** 件件有批示: a leader may instruct any submitted item that is not closed. */
export const canInstruct = (a: Actor, p: Pick<ProposalFacts, 'status'>): boolean =>
  a.role === 'leader' && isIn(OpenScreenedStatuses, p.status)

export const canWriteCoOpinion = (a: Actor, p: ProposalFacts): boolean =>
  isOfCoSection(a, p) && isIn(HandlingStatuses, p.status)

/**
 * The lead section drafts replies while handling, and corrections once answered (after the answer
 * is out, a reply can only be corrected by a new one that says what it corrects); the office
 * explains a screened-out item.
 */
export const canDraftReply = (a: Actor, p: ProposalFacts, correcting = false): boolean =>
  (isOfLeadSection(a, p) && isIn(AnsweringStatuses, p.status)) ||
  (correcting && isOfLeadSection(a, p) && isIn(AnsweredStatuses, p.status)) ||
  (a.role === 'office' && isScreenedOut(p.status))

/** Editing a reply: its drafter's side, until signed off. */
export const canEditReplyDraft = (a: Actor, p: ProposalFacts, r: Reply): boolean =>
  !r.signedOffAt &&
  !r.publishedAt &&
  canDraftReply(a, p, r.corrects != null) &&
  (r.section == null ? a.role === 'office' : sameId(a.section, r.section))

/** 签发: the head of the lead section (or the office for its own explanation). */
export const canSignOffReply = (a: Actor, p: ProposalFacts, r: Reply): boolean => {
  if (r.signedOffAt || r.publishedAt) return false
  if (r.section == null) return a.role === 'office' && isScreenedOut(p.status)
  return (
    a.role === 'sectionHead' &&
    (isIn(AnsweringStatuses, p.status) || (r.corrects != null && isIn(AnsweredStatuses, p.status))) &&
    sameId(a.section, r.section) &&
    sameId(a.section, p.assignment.leadSection)
  )
}

/** The office publishes a signed-off reply to the proposer and the public. */
export const canPublishReply = (a: Actor, r: Reply): boolean => a.role === 'office' && !!r.signedOffAt && !r.publishedAt

/**
 * Each proposer and co-signer evaluates each published reply once (a screened-out item's
 * explanation too); the office records a paper evaluation on a proposer's behalf.
 */
/** The statuses in which a published reply can be evaluated. */
export const isEvaluableStatus = (status: ProposalStatus): boolean => isIn(EvaluableStatuses, status)

export const canEvaluate = (a: Actor, p: ProposalFacts, r: Reply): boolean =>
  !!r.publishedAt &&
  isEvaluableStatus(p.status) &&
  (a.role === 'office' ||
    (isProposerOrCoSigner(a, p) && !p.evaluations.some((e) => sameId(e.reply, r.id) && sameId(e.representative, a.id))))

/**
 * Why `a` (a representative) may not evaluate reply `replyId` of this proposal, in zh-CN, with the
 * field it concerns; null when they may (canEvaluate). For the words of a refusal, wherever it is given.
 */
export function evaluationRefusal(a: Actor, p: ProposalFacts, replyId: unknown): { message: string; field: 'representative' | 'reply' | 'rating' } | null {
  const reply = p.replies.find((r) => sameId(r.id, replyId))
  if (reply && canEvaluate(a, p, reply)) return null
  if (!isProposerOrCoSigner(a, p)) return { message: '只有提案人和附议代表可以评价', field: 'representative' }
  if (!reply?.publishedAt) return { message: '只能评价已公开的答复', field: 'reply' }
  const once = { message: '每条答复只能评价一次', field: 'rating' } as const
  if (p.evaluations.some((e) => sameId(e.reply, replyId) && sameId(e.representative, a.id))) return once
  if (!isEvaluableStatus(p.status)) return { message: `提案${StatusLabels[p.status]}，现在不能评价`, field: 'reply' }
  return once
}

export const canRecordFollowUp = (a: Actor, p: Pick<ProposalFacts, 'status'>): boolean =>
  a.role === 'office' && isIn(OpenScreenedStatuses, p.status)

/** Users, sections, residential areas, sessions, calendars: the admin. */
export const canAdminister = (a: Actor): boolean => a.role === 'admin'

/** Representatives' accounts: the office creates and resets them; the admin too. */
export const canManageRepresentatives = (a: Actor): boolean => a.role === 'office' || a.role === 'admin'

/** The public site: seeing its build record, rebuilding it, running the job queue: the office and the admin. */
export const canManageSite = (a: Actor): boolean => a.role === 'office' || a.role === 'admin'

/** 公文设置 (the letterhead printed on replies and evaluation forms): the office and the admin. */
export const canEditDocumentSettings = (a: Actor): boolean => a.role === 'office' || a.role === 'admin'

/** 督办: the office and leaders oversee every open item (the 督办 board, cms/components/SupervisionBoard.tsx). */
export const canSupervise = (a: Actor): boolean => a.role === 'office' || a.role === 'leader'

/** 催办: the office and leaders urge whoever owes the next step of an open item (submitted, not yet closed). */
export const canUrge = (a: Actor, p: Pick<ProposalFacts, 'status'>): boolean => canSupervise(a) && isIn(SupervisedStatuses, p.status)

/** 重点督办: only a leader marks an open item as key, or clears the mark (the mark is public). */
export const canMarkKeyItem = (a: Actor, p: Pick<ProposalFacts, 'status'>): boolean => a.role === 'leader' && isIn(SupervisedStatuses, p.status)

/** Only staff use the admin UI; representatives use the portal. */
export const canUseAdmin = (a: Actor): boolean => isStaff(a)

/** A rule for creating a record on a proposal (an instruction, a reply, a co-opinion…): the actor, the proposal, the record's data. */
export type CreateRule = (a: Actor, p: ProposalFacts, data: Record<string, unknown>) => boolean

const ExemplarReplyId = 'exemplar-reply'
const ExemplarAt = '2026-01-05T02:00:00.000Z'

/**
 * A proposal in `status` on which `a` is everything a rule looks for: its proposer and co-signer,
 * its lead section and co-section, entered by the office, screened, assigned, with a reply of the
 * actor's section signed off and published and not yet evaluated.
 */
function exemplarFacts(a: Actor, status: ProposalStatus): ProposalFacts {
  const me = a.id ?? 'nobody'
  const reply: Reply = { id: ExemplarReplyId, round: 1, section: a.section ?? null, text: '', class: 'A', commitments: [], signedOffBy: me, signedOffAt: ExemplarAt, publishedAt: ExemplarAt }
  return {
    status,
    proposer: me,
    coSigners: [me],
    invitees: [],
    enteredBy: 'office',
    confidential: false,
    submittedAt: ExemplarAt,
    screening: { decision: 'accepted', at: ExemplarAt },
    assignment: { leadSection: a.section ?? null, coSections: a.section != null ? [a.section] : [], assignedAt: ExemplarAt, deadline: '2026-02-05', extensions: [] },
    instructions: [],
    replies: [reply],
    evaluations: [],
    rehandlings: [],
    followUps: [],
  }
}

/** The record's data as the rules may read it: a new record, or one naming the exemplar's reply (evaluating it, correcting it). */
const ExemplarData: Record<string, unknown>[] = [{}, { reply: ExemplarReplyId, corrects: ExemplarReplyId }]

/**
 * Whether `rule` could ever let `a` create such a record: asked of a proposal in every status on
 * which the actor is everything a rule looks for (exemplarFacts). The admin offers 新建 and "+"
 * by this answer; each record is still decided by the rule on its own proposal.
 */
export const mayEverCreate = (a: Actor, rule: CreateRule): boolean =>
  ProposalStatuses.some((status) => ExemplarData.some((data) => rule(a, exemplarFacts(a, status), data)))
