// Field and document access for proposals, each a wrapper over a `core` predicate.
import type { Access, FieldAccess, Where } from 'payload'
import {
  canApproveExtension,
  canAssign,
  canCreateProposal,
  canEditProposalContent,
  canInstruct,
  canManageProposal,
  canRedact,
  canReadOriginalText,
  canReadPrivate,
  canScreen,
  canSetCoSigners,
  isStaff,
  proposalReadScope,
} from '../../../core/permissions'
import { isProposerOrCoSigner } from '../../../core/lifecycle'
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
export const extensionAccess = fieldRule(canApproveExtension)
export const instructionAccess = fieldRule(canInstruct)
export const officeAccess = fieldRule(canManageProposal)
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

/** Only drafts are ever deleted: by their proposer, or by the office. */
export const deleteProposal: Access = ({ req }): Where | boolean => {
  const actor = actorOfReq(req)
  if (actor.role === 'office') return { status: { equals: 'draft' } }
  if (actor.role === 'representative' && actor.id != null)
    return { and: [{ status: { equals: 'draft' } }, { proposer: { equals: actor.id } }] }
  return false
}
