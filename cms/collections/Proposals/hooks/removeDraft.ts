// A draft that its proposer (or the office, for a paper proposal it entered) deletes was never
// submitted: what hangs on it — its own "created" events, open invitations, attachments — goes
// with it, and the audit log keeps a line saying it existed. Access allows deleting drafts only,
// one at a time, so nothing of a submitted proposal's record is ever removed here.
import type { CollectionBeforeDeleteHook, CollectionBeforeOperationHook } from 'payload'
import { idOf } from '../../../access/actor'
import { recordAudit } from '../../../lib/audit'
import { refuse } from '../../../lib/refuse'

export const removeDraft: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const doc = await req.payload.findByID({ collection: 'proposals', id, depth: 0, joins: false, overrideAccess: true, disableErrors: true, req })
  for (const collection of ['proposal-events', 'co-sign-invitations', 'attachments'] as const) {
    await req.payload.delete({ collection, where: { proposal: { equals: id } }, overrideAccess: true, req, context: { disableSiteRebuild: true } })
  }
  if (doc) {
    const proposer = idOf(doc.proposer)
    await recordAudit(req, { kind: 'draftDeleted', summary: `删除草稿《${doc.title}》（编号 ${doc.id}）`, ...(proposer != null ? { subjectRepresentative: proposer } : {}) })
  }
}

/** Deleting by a query (`DELETE /api/proposals?where=…`) is refused: drafts are deleted one by one. */
export const refuseBulkDelete: CollectionBeforeOperationHook<'proposals'> = ({ args, operation, req }) => {
  if (operation === 'delete' && (args as { id?: unknown }).id == null && req.payloadAPI !== 'local') refuse('提案只能逐件删除（一次删除一件草稿）', 'id')
  return args
}
