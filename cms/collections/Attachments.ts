// 附件: a few files (pdf, jpg, png) a representative adds to their draft — a photo of the broken
// lift, a letter. Private: staff within their scope and the proposal's own representatives read
// them (Payload checks read access on the file URL too); they never reach the public site.
import { open } from 'node:fs/promises'
import path from 'node:path'
import { APIError, type CollectionBeforeOperationHook, type CollectionConfig } from 'payload'
import { canEditProposalContent } from '../../core/permissions'
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_MAX_COUNT, AttachmentTypes, checkAttachment } from '../../core/portal'
import { relatedReadable } from '../access'
import { actorOfReq, idOf } from '../access/actor'
import { createOnProposal, onRecordsProposal } from '../access/proposalRule'
import { refuse } from '../lib/refuse'

/** Where uploaded files are kept (outside anything served statically). */
export const uploadDir = (): string => path.resolve(process.env.UPLOAD_DIR || 'data/uploads')

/** The first KB of an uploaded file (kept in memory, or in a temporary file for large uploads). */
async function headOf(file: { data: Buffer; tempFilePath?: string }): Promise<Uint8Array> {
  if (file.data?.length || !file.tempFilePath) return file.data.subarray(0, 1024)
  const handle = await open(file.tempFilePath, 'r')
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(1024), 0, 1024, 0)
    return buffer.subarray(0, bytesRead)
  } finally {
    await handle.close()
  }
}

/**
 * Every upload — REST, the Local API, the portal — is checked here once, before Payload stores
 * it: size, type by content, a name ending that matches that type, no markup disguised as an
 * image. The stored type is the one the content shows, never the one the client declared.
 */
const checkFile: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation !== 'create' && operation !== 'update') return args
  const file = req.file
  if (!file) return args
  const failure = (status: number, message: string) => new APIError(message, status, { errors: [{ message, path: 'file' }] }, true)
  if (file.size > ATTACHMENT_MAX_BYTES) throw failure(413, `文件太大：每个附件不超过 ${ATTACHMENT_MAX_BYTES / 1024 / 1024} MB`)
  const checked = checkAttachment(await headOf(file), file.name ?? '')
  if (!checked.ok) throw failure(checked.problem === 'type' ? 415 : 400, checked.message)
  file.mimetype = checked.type
  return args
}

/** Files are served as downloads unless they are images, never sniffed, and never run as a page. */
const safeFileHeaders = ({ headers }: { headers: Headers }): Headers => {
  const type = headers.get('Content-Type') ?? ''
  headers.set('X-Content-Type-Options', 'nosniff')
  headers.set('Content-Security-Policy', "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'")
  // The stored name ends in the type's own extension (checked at upload); the URL carries it.
  headers.set('Content-Disposition', type === 'image/png' || type === 'image/jpeg' ? 'inline' : 'attachment')
  return headers
}

export const Attachments: CollectionConfig = {
  slug: 'attachments',
  disableDuplicate: true,
  labels: { singular: { zh: '附件', en: 'Attachment' }, plural: { zh: '附件', en: 'Attachments' } },
  admin: { defaultColumns: ['filename', 'proposal', 'filesize', 'createdAt'], group: { zh: '提案办理', en: 'Proposals' } },
  upload: {
    staticDir: uploadDir(),
    mimeTypes: [...AttachmentTypes],
    // No resized copies: the file is kept as it came.
    disableLocalStorage: false,
    modifyResponseHeaders: safeFileHeaders,
  },
  access: {
    read: relatedReadable(),
    create: createOnProposal((a, p) => canEditProposalContent(a, p)),
    update: () => false,
    // Removing one: whoever may still edit the proposal's content.
    delete: onRecordsProposal('attachments', canEditProposalContent),
    readVersions: () => false,
  },
  hooks: {
    beforeOperation: [checkFile],
    beforeChange: [
      async ({ data, req, operation }) => {
        if (operation !== 'create') return data
        const proposal = idOf(data.proposal)
        const count = await req.payload.count({ collection: 'attachments', where: { proposal: { equals: proposal } }, overrideAccess: true, req })
        if (count.totalDocs >= ATTACHMENT_MAX_COUNT) refuse(`每件提案最多 ${ATTACHMENT_MAX_COUNT} 个附件`, 'file')
        return { ...data, uploadedBy: actorOfReq(req).role === 'representative' ? actorOfReq(req).id : null }
      },
    ],
  },
  fields: [
    { name: 'proposal', type: 'relationship', relationTo: 'proposals', required: true, index: true, label: { zh: '提案', en: 'Proposal' }, access: { update: () => false } },
    { name: 'uploadedBy', type: 'relationship', relationTo: 'representatives', label: { zh: '上传代表', en: 'Uploaded by' }, admin: { readOnly: true }, access: { create: () => false, update: () => false } },
  ],
}
