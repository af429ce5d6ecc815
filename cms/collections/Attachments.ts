// 附件: a few files (pdf, jpg, png) a representative adds to their draft — a photo of the broken
// lift, a letter. Private: staff within their scope and the proposal's own representatives read
// them (Payload checks read access on the file URL too); they never reach the public site.
import path from 'node:path'
import type { CollectionConfig } from 'payload'
import { canEditProposalContent } from '../../core/permissions'
import { ATTACHMENT_MAX_COUNT, AttachmentTypes } from '../../core/portal'
import { relatedReadable } from '../access'
import { actorOfReq, idOf } from '../access/actor'
import { createOnProposal, onRecordsProposal } from '../access/proposalRule'
import { refuse } from '../lib/refuse'

/** Where uploaded files are kept (outside anything served statically). */
export const uploadDir = (): string => path.resolve(process.env.UPLOAD_DIR || 'data/uploads')

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
