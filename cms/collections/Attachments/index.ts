// 附件: a few files (pdf, jpg, png) a representative adds to their draft — a photo of the broken
// lift, a letter. Private: staff within their scope and the proposal's own representatives read
// them (Payload checks read access on the file URL too); they never reach the public site.
import path from 'node:path'
import type { CollectionConfig } from 'payload'
import { canEditProposalContent } from '../../../core/permissions'
import { AttachmentTypes } from '../../../core/portal'
import { relatedReadable } from '../../access'
import { createOnProposal, onRecordsProposal } from '../../access/proposalRule'
import { checkFile } from './hooks/checkFile'
import { limitAndStampUploader } from './hooks/limitAndStampUploader'

/** Where uploaded files are kept (outside anything served statically). */
export const uploadDir = (): string => path.resolve(process.env.UPLOAD_DIR || 'data/uploads')

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
    beforeChange: [limitAndStampUploader],
  },
  fields: [
    { name: 'proposal', type: 'relationship', relationTo: 'proposals', required: true, index: true, label: { zh: '提案', en: 'Proposal' }, access: { update: () => false } },
    { name: 'uploadedBy', type: 'relationship', relationTo: 'representatives', label: { zh: '上传代表', en: 'Uploaded by' }, admin: { readOnly: true }, access: { create: () => false, update: () => false } },
  ],
}
