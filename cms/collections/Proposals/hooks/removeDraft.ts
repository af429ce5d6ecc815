// A draft that its proposer (or the office) deletes was never submitted: what hangs on it — its
// own "created" events, open invitations, attachments — goes with it. Access allows deleting
// drafts only, so nothing of a submitted proposal's record is ever removed here.
import type { CollectionBeforeDeleteHook } from 'payload'

export const removeDraft: CollectionBeforeDeleteHook = async ({ id, req }) => {
  for (const collection of ['proposal-events', 'co-sign-invitations', 'attachments'] as const) {
    await req.payload.delete({ collection, where: { proposal: { equals: id } }, overrideAccess: true, req, context: { disableSiteRebuild: true } })
  }
}
