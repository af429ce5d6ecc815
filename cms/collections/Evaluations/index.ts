import type { CollectionConfig, Where } from 'payload'
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
  // 代为录入 is a column: the list shows which evaluations the office entered from a paper form.
  admin: { useAsTitle: 'at', listSearchableFields: ['comment'], defaultColumns: ['proposal', 'representative', 'rating', 'recordedBy', 'at'], group: { zh: '提案办理', en: 'Proposals' } },
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
    {
      name: 'reply',
      type: 'relationship',
      relationTo: 'replies',
      required: true,
      label: { zh: '评价的答复', en: 'Reply' },
      // The office entering a paper form picks among the chosen proposal's published replies (none before a proposal is chosen).
      filterOptions: ({ data }): Where | false => {
        const proposal = idOf(data?.proposal)
        return proposal == null ? false : { and: [{ proposal: { equals: proposal } }, { publishedAt: { exists: true } }] }
      },
    },
    {
      name: 'representative',
      type: 'relationship',
      relationTo: 'representatives',
      label: { zh: '评价代表', en: 'Representative' },
      // …and among its proposer and co-signers.
      filterOptions: async ({ data, req }): Promise<Where | false> => {
        const proposal = idOf(data?.proposal)
        const doc = proposal == null ? null : await req.payload.findByID({ collection: 'proposals', id: proposal, depth: 0, select: { proposer: true, coSigners: true }, user: req.user, overrideAccess: false, disableErrors: true, req })
        const people = doc ? [doc.proposer, ...(doc.coSigners ?? [])].map(idOf).filter((x) => x != null) : []
        return people.length ? { id: { in: people } } : false
      },
    },
    {
      name: 'rating',
      type: 'radio',
      required: true,
      label: { zh: '评价', en: 'Rating' },
      options: Ratings.map((r) => ({ value: r, label: RatingLabels[r] })),
    },
    { name: 'comment', type: 'textarea', maxLength: 2000, label: { zh: '意见（不满意时必填）', en: 'Comment (required if dissatisfied)' } },
    {
      // Set by checkEvaluation when staff enter the evaluation (from a paper 代表意见征询表); empty when the representative gave it in the portal.
      name: 'recordedBy',
      type: 'relationship',
      relationTo: 'users',
      label: { zh: '代为录入', en: 'Recorded by' },
      admin: {
        readOnly: true,
        condition: (data) => data?.recordedBy != null,
        description: { zh: '代表在纸质意见征询表上作出的评价，由此工作人员代为录入', en: 'Entered from a paper form on the representative’s behalf' },
      },
      access: { create: () => false, update: () => false },
    },
    stampedAt({ label: { zh: '评价时间', en: 'Evaluated at' } }),
  ],
}
