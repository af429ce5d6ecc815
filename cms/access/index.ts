// Thin Payload wrappers over the `core` predicates: every access rule of the CMS is here or
// in a collection's own access folder, and each one asks `core`.
import type { Access, CollectionConfig, FieldAccess, PayloadRequest, Where } from 'payload'
import {
  canAdminister,
  canManageRepresentatives,
  canManageSite,
  canReadPrivate,
  isStaff,
  proposalReadScope,
  type ReadClause,
} from '../../core/permissions'
import { actorOfReq } from './actor'
import { UnscreenedStatuses } from '../../core/lifecycle'

export const nobody: Access = () => false

/** Signed-in staff (never representatives, never the public). */
export const staffOnly: Access = ({ req }) => isStaff(actorOfReq(req))
/** A field only signed-in staff read (internal working records on documents others may read; a section's contact person and phone). */
export const staffOnlyField: FieldAccess = ({ req }) => isStaff(actorOfReq(req))

export const adminOnly: Access = ({ req }) => canAdminister(actorOfReq(req))
export const adminOnlyField: FieldAccess = ({ req }) => canAdminister(actorOfReq(req))

/** Plain boolean (not a query), so it also serves as Payload's job-queue access. */
export const siteManagers = ({ req }: { req: Pick<PayloadRequest, 'user'> }): boolean => canManageSite(actorOfReq(req))

export const representativeManagers: Access = ({ req }) => canManageRepresentatives(actorOfReq(req))

/** Phone, ID number, address, internal notes, confidential reasons. */
export const privateField: FieldAccess = ({ req }) => canReadPrivate(actorOfReq(req))

/** Anyone, signed in or not: reference data that the public site shows anyway. */
export const anyone: Access = () => true

/** Translate the `core` read scope into a Payload query over proposals. `prefix` reaches them from a related collection. */
export function scopeToWhere(scope: ReadClause[], prefix = ''): Where | boolean {
  if (scope.some((c) => c.kind === 'all')) return true
  if (scope.length === 0) return false
  const f = (name: string) => `${prefix}${name}`
  const clauses: Where[] = scope.map((c): Where => {
    switch (c.kind) {
      case 'public':
        return { and: [{ [f('status')]: { not_in: [...UnscreenedStatuses] } }, { [f('confidential')]: { not_equals: true } }] }
      case 'nonDraft':
        return { [f('status')]: { not_equals: 'draft' } }
      case 'officeDraft':
        return { and: [{ [f('status')]: { equals: 'draft' } }, { [f('enteredBy')]: { equals: 'office' } }] }
      case 'own':
        return { or: [{ [f('proposer')]: { equals: c.representative } }, { [f('coSigners')]: { in: [c.representative] } }] }
      case 'invited':
        return { [f('invitees')]: { in: [c.representative] } }
      case 'section':
        return {
          and: [
            { [f('status')]: { not_equals: 'draft' } },
            {
              or: [
                { [f('assignment.leadSection')]: { equals: c.section } },
                { [f('assignment.coSections')]: { in: [c.section] } },
              ],
            },
          ],
        }
      case 'all':
        return {}
    }
  })
  return clauses.length === 1 ? clauses[0] : { or: clauses }
}

export const proposalsReadable: Access = ({ req }) => scopeToWhere(proposalReadScope(actorOfReq(req)))

/**
 * Records that belong to a proposal (instructions, replies, …): staff within their proposal
 * scope; a representative only for their own proposals, narrowed further by `ownExtra`.
 */
export const relatedReadable =
  (ownExtra?: (representative: string | number) => Where): Access =>
  ({ req }) => {
    const actor = actorOfReq(req)
    if (isStaff(actor)) return scopeToWhere(proposalReadScope(actor), 'proposal.')
    if (actor.role === 'representative' && actor.id != null) {
      const own = scopeToWhere([{ kind: 'own', representative: actor.id }], 'proposal.') as Where
      return ownExtra ? { and: [own, ownExtra(actor.id)] } : own
    }
    return false
  }

/** Records on a proposal that staff read within their scope and representatives never (co-opinions, follow-ups, the event log). */
export const staffRelatedReadable: Access = ({ req }) => {
  const actor = actorOfReq(req)
  return isStaff(actor) ? scopeToWhere(proposalReadScope(actor), 'proposal.') : false
}

/** A permanent record: read and created by the given rules, never changed or deleted by anyone, no versions. */
export const appendOnly = (rules: { read: Access; create: Access }): NonNullable<CollectionConfig['access']> => ({
  ...rules,
  update: nobody,
  delete: nobody,
  readVersions: nobody,
})
