// "问题是否已解决？" — a proposer's or co-signer's own answer once a reply is out. The office
// sees it beside its follow-ups when it verifies; the public does not (it is not in the export).
import type { CollectionConfig } from 'payload'
import { answerRound } from '../../core/lifecycle'
import { canAnswerResolution } from '../../core/permissions'
import { ResolutionAnswers, ResolutionLabels } from '../../core/portal'
import { appendOnly, relatedReadable } from '../access'
import { actorOfReq, idOf } from '../access/actor'
import { createOnProposal, proposalFacts } from '../access/proposalRule'
import { stampAt, stampedAt } from '../fields/stampedAt'
import { refuse } from '../lib/refuse'

export const ResolutionAnswersCollection: CollectionConfig = {
  slug: 'resolution-answers',
  disableDuplicate: true,
  labels: { singular: { zh: '代表的解决情况反馈', en: 'Resolution answer' }, plural: { zh: '代表的解决情况反馈', en: 'Resolution answers' } },
  admin: { defaultColumns: ['proposal', 'representative', 'answer', 'at'], group: { zh: '提案办理', en: 'Proposals' } },
  access: appendOnly({ read: relatedReadable(), create: createOnProposal((a, p) => canAnswerResolution(a, p)) }),
  hooks: {
    beforeChange: [
      stampAt,
      async ({ data, req, operation }) => {
        if (operation !== 'create') return data
        const actor = actorOfReq(req)
        data.representative = actor.id
        const facts = await proposalFacts(req, data.proposal)
        if (!facts || !canAnswerResolution(actor, facts)) refuse('该提案现在不能反馈解决情况', 'answer')
        // One answer per reply round: a new one after rehandling is welcome, a second for the same round is not.
        // Counted in the database for exactly this proposal, representative and round (not the latest answer of some order).
        const round = answerRound(facts!.replies)
        const earlier = await req.payload.count({
          collection: 'resolution-answers',
          where: { and: [{ proposal: { equals: idOf(data.proposal) } }, { representative: { equals: actor.id } }, { round: { equals: round } }] },
          overrideAccess: true,
          req,
        })
        if (earlier.totalDocs > 0) refuse('本轮答复的解决情况已反馈过', 'answer')
        return { ...data, round }
      },
    ],
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
