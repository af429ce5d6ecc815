// A new attachment: at most ATTACHMENT_MAX_COUNT per proposal; the representative who uploads
// it is recorded (staff uploads record nobody).
import type { CollectionBeforeChangeHook } from 'payload'
import { ATTACHMENT_MAX_COUNT } from '../../../../core/portal'
import { actorOfReq, docId, idOf } from '../../../access/actor'
import { refuse } from '../../../lib/refuse'
import type { Attachment } from '../../../payload-types'

export const limitAndStampUploader: CollectionBeforeChangeHook<Attachment> = async ({ data, req, operation }) => {
  if (operation !== 'create') return data
  const proposal = idOf(data.proposal)
  const count = await req.payload.count({ collection: 'attachments', where: { proposal: { equals: proposal } }, overrideAccess: true, req })
  if (count.totalDocs >= ATTACHMENT_MAX_COUNT) refuse(`每件提案最多 ${ATTACHMENT_MAX_COUNT} 个附件`, 'file')
  return { ...data, uploadedBy: actorOfReq(req).role === 'representative' ? docId(actorOfReq(req).id) : null }
}
