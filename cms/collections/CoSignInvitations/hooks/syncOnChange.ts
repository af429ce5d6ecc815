// An invitation made, accepted or declined: the proposal's invitees and co-signers follow.
import type { CollectionAfterChangeHook } from 'payload'
import { idOf } from '../../../access/actor'
import type { CoSignInvitation } from '../../../payload-types'
import { syncProposal } from '../syncProposal'

export const syncOnChange: CollectionAfterChangeHook<CoSignInvitation> = async ({ doc, req, previousDoc, operation }) => {
  if (operation === 'create' || previousDoc?.status !== doc.status) await syncProposal(req, idOf(doc.proposal)!)
  return doc
}
