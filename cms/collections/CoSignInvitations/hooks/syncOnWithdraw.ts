// An invitation withdrawn (deleted) by the proposer: the proposal's invitees follow.
import type { CollectionAfterDeleteHook } from 'payload'
import { idOf } from '../../../access/actor'
import type { CoSignInvitation } from '../../../payload-types'
import { syncProposal } from '../syncProposal'

export const syncOnWithdraw: CollectionAfterDeleteHook<CoSignInvitation> = async ({ doc, req }) => {
  await syncProposal(req, idOf(doc.proposal)!)
  return doc
}
