// "问题是否已解决？" — a proposer's or co-signer's own answer once a reply is out. The office
// sees it beside its follow-ups when it verifies; the public does not (it is not in the export).
import type { CollectionConfig } from 'payload'
import { canAnswerResolution } from '../../../core/permissions'
import { ResolutionAnswers, ResolutionLabels } from '../../../core/portal'
import { appendOnly, relatedReadable } from '../../access'
import { createOnProposal } from '../../access/proposalRule'
import { stampAt, stampedAt } from '../../fields/stampedAt'
import { oneAnswerPerRound } from './hooks/oneAnswerPerRound'

export const ResolutionAnswersCollection: CollectionConfig = {
  slug: 'resolution-answers',
  disableDuplicate: true,
  labels: { singular: { zh: '代表的解决情况反馈', en: 'Resolution answer' }, plural: { zh: '代表的解决情况反馈', en: 'Resolution answers' } },
  admin: { useAsTitle: 'at', listSearchableFields: ['comment'], defaultColumns: ['proposal', 'representative', 'answer', 'at'], group: { zh: '提案办理', en: 'Proposals' } },
  access: appendOnly({ read: relatedReadable(), create: createOnProposal((a, p) => canAnswerResolution(a, p)) }),
  hooks: {
    beforeChange: [stampAt, oneAnswerPerRound],
  },
  fields: [
    { name: 'proposal', type: 'relationship', relationTo: 'proposals', required: true, index: true, label: { zh: '提案', en: 'Proposal' } },
    { name: 'representative', type: 'relationship', relationTo: 'representatives', label: { zh: '代表', en: 'Representative' }, admin: { readOnly: true } },
    { name: 'round', type: 'number', label: { zh: '答复轮次', en: 'Round' }, admin: { readOnly: true } },
    { name: 'answer', type: 'radio', required: true, label: { zh: '问题是否已解决？', en: 'Is the problem solved?' }, options: ResolutionAnswers.map((a) => ({ value: a, label: ResolutionLabels[a] })) },
    { name: 'comment', type: 'textarea', maxLength: 2000, label: { zh: '说明', en: 'Comment' } },
    stampedAt({ label: { zh: '反馈时间', en: 'Answered at' } }),
  ],
}
