import type { CollectionConfig } from 'payload'
import { toLocalDate } from '../../core/calendar'
import { DissatisfiedReasonRequired, isProposerOrCoSigner, lacksReason, sameId, StatusLabels, statusAfterEvaluation } from '../../core/lifecycle'
import { canEvaluate, isEvaluableStatus } from '../../core/permissions'
import { Ratings, type Actor } from '../../core/types'
import { appendOnly, relatedReadable } from '../access'
import { actorOfReq, idOf } from '../access/actor'
import { createOnProposal, proposalFacts } from '../access/proposalRule'
import { getCalendar, lastEvaluationDay } from '../lib/calendar'
import { nowISO } from '../lib/clock'
import { stampAt, stampedAt } from '../fields/stampedAt'
import { refuse as refuseWith } from '../lib/refuse'
import { RatingLabels } from '../../core/labels'


const refuse = (message: string, path = 'rating'): never => refuseWith(message, path)

/** 代表评价: each proposer's verdict on a published reply, once per reply; the office may record a paper one. */
export const Evaluations: CollectionConfig = {
  slug: 'evaluations',
  // Duplicating would copy screening, authorship and the proposal link past the create rules.
  disableDuplicate: true,
  labels: { singular: { zh: '代表评价', en: 'Evaluation' }, plural: { zh: '代表评价', en: 'Evaluations' } },
  admin: { useAsTitle: 'rating', defaultColumns: ['proposal', 'representative', 'rating', 'at'], group: { zh: '提案办理', en: 'Proposals' } },
  access: appendOnly({
    read: relatedReadable(),
    create: createOnProposal((a, p, data) => {
      const reply = p.replies.find((r) => sameId(r.id, idOf(data.reply)))
      return !!reply && canEvaluate(a, p, reply)
    }),
  }),
  hooks: {
    beforeChange: [
      stampAt,
      async ({ data, req, operation }) => {
        if (operation !== 'create') return data
        const actor = actorOfReq(req)
        if (actor.role === 'representative') {
          data.representative = actor.id
          delete data.recordedBy
        } else data.recordedBy = actor.id
        if (data.representative == null) refuse('请选择评价的代表', 'representative')
        const facts = await proposalFacts(req, data.proposal)
        if (!facts) return refuse('找不到对应的提案', 'proposal')
        // Whoever records it (the representative, or the office from paper), the evaluation must be one
        // the representative may give (core's canEvaluate); the checks after a refusal only choose the words.
        const representative: Actor = { role: 'representative', id: idOf(data.representative)! }
        const reply = facts!.replies.find((r) => sameId(r.id, idOf(data.reply)))
        if (!reply || !canEvaluate(representative, facts!, reply)) {
          if (!isProposerOrCoSigner(representative, facts!)) refuse('只有提案人和附议代表可以评价', 'representative')
          if (!reply?.publishedAt) refuse('只能评价已公开的答复', 'reply')
          if (!isEvaluableStatus(facts!.status)) refuse(`提案${StatusLabels[facts!.status]}，现在不能评价`, 'reply')
          refuse('每条答复只能评价一次')
        }
        if (lacksReason(data.rating, data.comment)) refuse(DissatisfiedReasonRequired, 'comment')
        const proposal = await req.payload.findByID({ collection: 'proposals', id: idOf(data.proposal)!, depth: 1, joins: false, overrideAccess: true, req })
        const last = lastEvaluationDay(await getCalendar(req.payload, req), proposal.session, reply!.publishedAt!)
        if (toLocalDate(nowISO()) > last) refuse(`评价期限已过（${last}），请联系代表工作室`)
        return data
      },
    ],
    afterChange: [
      // The proposer's verdict on the latest reply moves the proposal: 不满意 → rehandling (while rounds remain), else evaluated.
      async ({ doc, req, operation }) => {
        if (operation !== 'create') return doc
        const facts = await proposalFacts(req, doc.proposal)
        const to = facts && statusAfterEvaluation(facts, { reply: idOf(doc.reply)!, representative: idOf(doc.representative)!, rating: doc.rating })
        if (!to) return doc
        await req.payload.update({
          collection: 'proposals',
          id: idOf(doc.proposal)!,
          data: { status: to },
          user: req.user,
          overrideAccess: false,
          req,
        })
        return doc
      },
    ],
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
