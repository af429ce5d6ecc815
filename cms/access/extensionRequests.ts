// Access to 延期申请 (cms/collections/ExtensionRequests), each a wrapper over a `core` predicate
// (core/permissions.ts): the lead section asks, a leader decides once, staff read within their
// scope, representatives and the public never.
import type { Access, FieldAccess, Where } from 'payload'
import { canDecideExtension, canRequestExtension, extensionRequestScope, isSectionRole } from '../../core/permissions'
import type { ExtensionDecision } from '../../core/extensions'
import { actorOfReq } from './actor'
import { proposalFacts } from './proposalRule'

/** Admin, office and leaders read every request; a section the ones it made; nobody else any. */
export const readExtensionRequests: Access = ({ req }): Where | boolean => {
  const scope = extensionRequestScope(actorOfReq(req))
  if (scope === 'all') return true
  if (scope === 'none') return false
  return { section: { equals: scope.section } }
}

/**
 * The lead section's staff and head, on a proposal whose reply deadline is in force. Asked without
 * a proposal (the admin deciding whether to offer "+" on the list) the answer is no: a request is
 * made from its proposal (申请延期 on the proposal's page), where the deadline and the cap are shown.
 */
export const createExtensionRequest: Access = async ({ req, data }) => {
  const actor = actorOfReq(req)
  if (!isSectionRole(actor) || !data?.proposal) return false
  const facts = await proposalFacts(req, data.proposal)
  return !!facts && canRequestExtension(actor, facts)
}

/** A leader, on requests still pending: a decided request is frozen (as a query, so a bulk update reaches none). */
export const decideExtensionRequests: Access = ({ req }): Where | boolean =>
  canDecideExtension(actorOfReq(req), { decision: 'pending' }) ? { decision: { equals: 'pending' } } : false

/** The decision and its note: a leader, while the request is pending. */
export const decisionField: FieldAccess = ({ req, doc }) => canDecideExtension(actorOfReq(req), { decision: (doc?.decision ?? null) as ExtensionDecision | null })
