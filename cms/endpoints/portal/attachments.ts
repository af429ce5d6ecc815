// Attachments: photos or PDFs added to a draft (a few, each at most ATTACHMENT_MAX_BYTES), and
// removed from it. What a file may be is checked by the collection, for every upload path.
import { ATTACHMENT_MAX_BYTES } from '../../../core/portal'
import type { PortalAttachment } from '../../../core/portalApi'
import type { Attachment } from '../../payload-types'
import { portalEndpoint, refusal } from '../../portal/endpoint'
import { as, param, readProposal } from './shared'

/** An attachment as the portal lists it (its file is served by Payload, under the collection's access). */
export const attachmentOf = (a: Attachment): PortalAttachment => ({
  id: a.id,
  filename: a.filename ?? '',
  mimeType: a.mimeType ?? '',
  filesize: a.filesize ?? 0,
  url: a.url ?? '',
})

export const attachmentEndpoints = [
  portalEndpoint({ route: 'POST /proposals/:id/attachments' }, async ({ req, answer }) => {
    const doc = await readProposal(req, param(req))
    // Said before the body is read: a file far too large is not taken into memory first.
    const tooLarge = () => refusal(413, 'tooLarge', `文件太大：每个附件不超过 ${ATTACHMENT_MAX_BYTES / 1024 / 1024} MB`, { file: '文件太大' })
    const length = req.headers.get('content-length')
    if (length == null) throw refusal(411, 'lengthRequired', '上传失败：请用本站的上传按钮重新选择文件')
    if (Number(length) > ATTACHMENT_MAX_BYTES + 64 * 1024) throw tooLarge()
    let form: FormData
    try {
      form = await req.formData!()
    } catch {
      throw refusal(400, 'invalid', '请选择要上传的文件')
    }
    const file = form.get('file')
    if (!(file instanceof Blob) || file.size === 0) throw refusal(400, 'invalid', '请选择要上传的文件', { file: '请选择要上传的文件' })
    if (file.size > ATTACHMENT_MAX_BYTES) throw tooLarge()
    const data = Buffer.from(await file.arrayBuffer())
    // Type by content, name ending and markup are checked by the collection (cms/collections/Attachments/hooks/checkFile.ts), for every upload path.
    const mimetype = file.type || 'application/octet-stream'
    const name = (file as File).name?.replace(/[\\/]/g, '_').slice(-100) || 'attachment'
    const created = await req.payload.create({
      collection: 'attachments',
      data: { proposal: doc.id },
      file: { data, mimetype, name, size: data.length },
      depth: 0,
      ...as(req),
    })
    return answer({ attachment: attachmentOf(created) }, 201)
  }),

  portalEndpoint({ route: 'DELETE /attachments/:id' }, async ({ req, answer }) => {
    const removed = await req.payload.delete({ collection: 'attachments', where: { id: { equals: param(req) } }, ...as(req) })
    if (removed.docs.length === 0) throw refusal(404, 'notFound', '找不到该附件，或已不能删除')
    return answer({ deleted: true })
  }),
]
