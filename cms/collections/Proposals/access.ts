// Field and document access for proposals, each a wrapper over a `core` predicate.
import type { Access, FieldAccess, Where } from 'payload'
import {
  canAssign,
  canCreateProposal,
  canDeleteProposal,
  canEditProposalContent,
  canInstruct,
  canManageProposal,
  canMarkKeyItem,
  canRedact,
  canReadOriginalText,
  canReadPrivate,
  canScreen,
  canSetCoSigners,
  isStaff,
  proposalReadScope,
} from '../../../core/permissions'
import { isProposerOrCoSigner, sameId } from '../../../core/lifecycle'
import type { Actor, ProposalFacts } from '../../../core/types'
import { scopeToWhere } from '../../access'
import { actorOfReq } from '../../access/actor'
import { factsFromDoc } from '../../lib/facts'

type Rule = (a: Actor, p: ProposalFacts) => boolean

/** A field rule: on create, whoever may create; on update, the `core` predicate on the stored proposal. */
export const fieldRule =
  (rule: Rule): FieldAccess =>
  ({ req, doc }) => {
    const actor = actorOfReq(req)
    if (!doc) return canCreateProposal(actor)
    return rule(actor, factsFromDoc(doc))
  }

export const contentAccess = fieldRule(canEditProposalContent)
/** Co-signers: the office directly; representatives only through accepted invitations. */
export const coSignersAccess: FieldAccess = ({ req, doc }) => {
  const actor = actorOfReq(req)
  return doc ? canSetCoSigners(actor, factsFromDoc(doc)) : actor.role === 'office'
}
/** Set once, by the representative whose form made it. */
export const representativeCreates: FieldAccess = ({ req }) => actorOfReq(req).role === 'representative'
export const screeningAccess = fieldRule(canScreen)
export const assignmentAccess = fieldRule(canAssign)
export const instructionAccess = fieldRule(canInstruct)
export const officeAccess = fieldRule(canManageProposal)
/** 重点督办: a leader, on an open item (set or cleared; who and when are stamped by the system). */
export const keyItemAccess = fieldRule(canMarkKeyItem)
/** The public version of the title and text: the office, once the item has been screened. */
export const redactionAccess = fieldRule(canRedact)
/** Office-only fields that nobody sets at creation but the office. */
export const officeOnlyField: FieldAccess = ({ req, doc }) => {
  const actor = actorOfReq(req)
  return doc ? canManageProposal(actor, factsFromDoc(doc)) : actor.role === 'office'
}

/** The original title and text (never a query oracle: without a document only staff may filter on them). */
export const originalTextRead: FieldAccess = ({ req, doc }) => {
  const actor = actorOfReq(req)
  return doc ? canReadOriginalText(actor, factsFromDoc(doc)) : isStaff(actor)
}

/** Internal notes: office and admin only. */
export const privateRead: FieldAccess = ({ req }) => canReadPrivate(actorOfReq(req))

/** The confidential reason: office, admin, and the proposal's own proposers. */
export const confidentialReasonRead: FieldAccess = ({ req, doc }) => {
  const actor = actorOfReq(req)
  return canReadPrivate(actor) || (!!doc && isProposerOrCoSigner(actor, factsFromDoc(doc)))
}

export const createProposal: Access = ({ req }) => canCreateProposal(actorOfReq(req))

/** Staff within their scope and proposers on their own items may try to save; field rules and the transition check decide what changes. */
export const updateProposal: Access = ({ req }) => {
  const actor = actorOfReq(req)
  if (isStaff(actor)) return scopeToWhere(proposalReadScope(actor))
  // The proposer, not co-signers: they join through the portal, they don't edit.
  if (actor.role === 'representative' && actor.id != null) return { proposer: { equals: actor.id } }
  return false
}

/**
 * Only drafts are ever deleted, one by one (a request with a query is refused by the collection's
 * beforeOperation hook): by their proposer, or by the office when it entered the draft itself.
 */
export const deleteProposal: Access = async ({ req, id }): Promise<Where | boolean> => {
  const actor = actorOfReq(req)
  if (actor.role === 'representative' && actor.id != null && id == null)
    return { and: [{ status: { equals: 'draft' } }, { proposer: { equals: actor.id } }] }
  // The drafts the office itself created, as a query (the admin asks before showing the button).
  if (actor.role === 'office' && id == null) return { and: [{ status: { equals: 'draft' } }, { enteredBy: { equals: 'office' } }] }
  if ((actor.role !== 'representative' && actor.role !== 'office') || id == null) return false
  const doc = await req.payload.findByID({ collection: 'proposals', id, depth: 0, joins: false, overrideAccess: true, disableErrors: true, req })
  return !!doc && canDeleteProposal(actor, factsFromDoc(doc))
}

/** Invitees still to answer: staff, the proposal's own representatives, and an invitee (who reads the list they are on). */
export const inviteesRead: FieldAccess = ({ req, doc }) => {
  const actor = actorOfReq(req)
  if (isStaff(actor)) return true
  if (!doc || actor.role !== 'representative') return false
  const p = factsFromDoc(doc)
  return isProposerOrCoSigner(actor, p) || (p.invitees ?? []).some((x) => sameId(x, actor.id))
}
