import type { CollectionConfig } from 'payload'
import { RatingLabels } from '../../../core/labels'
import { sameId } from '../../../core/lifecycle'
import { canEvaluate } from '../../../core/permissions'
import { Ratings } from '../../../core/types'
import { appendOnly, relatedReadable } from '../../access'
import { idOf } from '../../access/actor'
import { createOnProposal } from '../../access/proposalRule'
import { stampAt, stampedAt } from '../../fields/stampedAt'
import { checkEvaluation } from './hooks/checkEvaluation'
import { moveProposal } from './hooks/moveProposal'

/** 代表评价: each proposer's verdict on a published reply, once per reply; the office may record a paper one. */
export const Evaluations: CollectionConfig = {
  slug: 'evaluations',
  // Duplicating would copy screening, authorship and the proposal link past the create rules.
  disableDuplicate: true,
  labels: { singular: { zh: '代表评价', en: 'Evaluation' }, plural: { zh: '代表评价', en: 'Evaluations' } },
  // Titled by when it was given (a radio's title would show its stored value); searched by its comment.
  admin: { useAsTitle: 'at', listSearchableFields: ['comment'], defaultColumns: ['proposal', 'representative', 'rating', 'at'], group: { zh: '提案办理', en: 'Proposals' } },
  access: appendOnly({
    read: relatedReadable(),
    create: createOnProposal((a, p, data) => {
      const reply = p.replies.find((r) => sameId(r.id, idOf(data.reply)))
      return !!reply && canEvaluate(a, p, reply)
    }),
  }),
  hooks: {
    beforeChange: [stampAt, checkEvaluation],
    afterChange: [moveProposal],
  },
  fields: [
    { name: 'proposal', type: 'relationship', relationTo: 'proposals', required: true, index: true, label: { zh: '提案', en: 'Proposal' } },
    { name: 'reply', type: 'relationship', relationTo: 'replies', required: true, label: { zh: '评价的答复', en: 'Reply' } },
    { name: 'representative', type: 'relationship', relationTo: 'representatives', label: { zh: '评价代表', en: 'Representative' } },
    {
      name: 'rating',
      type: 'radio',
      required: true,
      label: { zh: '评价', en: 'Rating' },
      options: Ratings.map((r) => ({ value: r, label: RatingLabels[r] })),
    },
    { name: 'comment', type: 'textarea', maxLength: 2000, label: { zh: '意见（不满意时必填）', en: 'Comment (required if dissatisfied)' } },
    { name: 'recordedBy', type: 'relationship', relationTo: 'users', label: { zh: '代为录入', en: 'Recorded by' }, admin: { readOnly: true } },
    stampedAt({ label: { zh: '评价时间', en: 'Evaluated at' } }),
  ],
}
