// Reading: a representative's own proposals (and what waits on them), and one proposal in full.
import { toLocalDate } from '../../../core/calendar'
import { answerRound, StatusLabels } from '../../../core/lifecycle'
import type { Id, PortalReply, ProposalDetail } from '../../../core/portalApi'
import type { ProposalStatus } from '../../../core/types'
import { idOf } from '../../access/actor'
import { getCalendar, lastEvaluationDay } from '../../lib/calendar'
import { nowISO } from '../../lib/clock'
import type { Proposal, Reply } from '../../payload-types'
import { portalEndpoint } from '../../portal/endpoint'
import { attachmentOf } from './attachments'
import { as, brief, isEvaluable, listRelated, own, param, readProposal } from './shared'

/** A person (or a residential area) as the portal shows them: by name. */
const named = (v: unknown): { id: Id; name: string } =>
  v && typeof v === 'object' ? { id: (v as { id: Id }).id, name: (v as { name?: string }).name ?? '' } : { id: v as Id, name: '' }

const isPublished = (r: Reply): r is Reply & { publishedAt: string } => !!r.publishedAt

export const proposalEndpoints = [
  portalEndpoint({ route: 'GET /proposals' }, async ({ req, representative, answer }) => {
    const rep = representative.id
    const mine = await req.payload.find({ collection: 'proposals', where: own(rep), sort: '-updatedAt', depth: 0, joins: false, pagination: false, ...as(req) })
    const ids = mine.docs.map((p) => p.id)
    const [replies, evaluations, invitations] = await Promise.all([
      ids.length ? listRelated(req, 'replies', { proposal: { in: ids } }) : ([] as Reply[]),
      ids.length ? listRelated(req, 'evaluations', { and: [{ proposal: { in: ids } }, { representative: { equals: rep } }] }) : [],
      listRelated(req, 'co-sign-invitations', { and: [{ representative: { equals: rep } }, { status: { equals: 'invited' } }] }, 1),
    ])
    const evaluated = new Set(evaluations.map((e) => String(idOf(e.reply))))
    const byId = new Map(mine.docs.map((p) => [String(p.id), p]))
    const calendar = await getCalendar(req.payload)
    const sessionIds = [...new Set(mine.docs.map((p) => idOf(p.session)).filter((v) => v != null))]
    const sessions = sessionIds.length
      ? new Map((await req.payload.find({ collection: 'sessions', where: { id: { in: sessionIds } }, depth: 0, pagination: false, overrideAccess: true })).docs.map((d) => [String(d.id), d]))
      : new Map()
    const today = toLocalDate(nowISO())
    const toEvaluate = replies
      .filter(isPublished)
      .filter((r) => !evaluated.has(String(r.id)) && isEvaluable(byId.get(String(idOf(r.proposal)))))
      .map((r) => {
        const p = byId.get(String(idOf(r.proposal)))!
        const until = lastEvaluationDay(calendar, sessions.get(String(idOf(p.session))), r.publishedAt)
        return { proposal: { id: p.id, number: p.number ?? null, title: p.title }, reply: { id: r.id, publishedAt: r.publishedAt, evaluableUntil: until } }
      })
      // Past its window a reply can no longer be evaluated here (the office can still record one).
      .filter((w) => w.reply.evaluableUntil >= today)
    return answer({
      waiting: {
        toEvaluate,
        invitations: invitations.map((i) => {
          const p = i.proposal as Proposal
          return { id: i.id, proposal: { id: p.id, title: p.title, status: p.status, statusLabel: StatusLabels[p.status as ProposalStatus] }, invitedAt: i.createdAt }
        }),
      },
      proposals: mine.docs.map((p) => brief(p, rep)),
    })
  }),

  // One proposal in full for its proposer or a co-signer, in a shape made for the portal's page:
  // people by name only (never anyone's account or personal data), each reply with how long it may
  // be evaluated and whether it corrects an earlier one.
  portalEndpoint({ route: 'GET /proposals/:id' }, async ({ req, representative, answer }) => {
    const p = await readProposal(req, param(req), 1)
    const of = { proposal: { equals: p.id } }
    const [instructions, replies, evaluations, attachments, invitations, resolutionAnswers, calendar] = await Promise.all([
      listRelated(req, 'instructions', of),
      listRelated(req, 'replies', of, 1),
      listRelated(req, 'evaluations', of),
      listRelated(req, 'attachments', of),
      listRelated(req, 'co-sign-invitations', of, 1),
      listRelated(req, 'resolution-answers', of),
      getCalendar(req.payload),
    ])
    const replyOf = (r: Reply & { publishedAt: string }): PortalReply => ({
      id: r.id,
      round: r.round ?? 1,
      class: r.class,
      text: r.text,
      section: r.section && typeof r.section === 'object' ? { name: r.section.name } : null,
      commitments: (r.commitments ?? []).map((c) => ({ id: c.id ?? '', text: c.text, dueDate: c.dueDate })),
      publishedAt: r.publishedAt,
      corrects: r.corrects == null ? null : idOf(r.corrects),
      correctionNote: r.correctionNote ?? null,
      evaluableUntil: lastEvaluationDay(calendar, p.session, r.publishedAt),
    })
    const detail: ProposalDetail = {
      proposal: {
        ...brief(p, representative.id),
        body: p.body,
        category: p.category,
        residentialArea: named(p.residentialArea),
        proposer: named(p.proposer),
        coSigners: (p.coSigners ?? []).map(named),
        confidential: !!p.confidential,
        confidentialReason: p.confidentialReason ?? null,
        // What the public reads, when the office redacted it at screening (null when it is the text as written).
        publicVersion: p.publicTitle && (p.publicTitle !== p.title || p.publicBody !== p.body) ? { title: p.publicTitle, body: p.publicBody ?? '' } : null,
        screening: { decision: p.screening?.decision ?? null, reason: p.screening?.reason ?? null },
        submittedAt: p.submittedAt ?? null,
      },
      instructions: instructions.map((i) => ({ id: i.id, text: i.text, at: i.at ?? null })),
      replies: replies.filter(isPublished).map(replyOf),
      resolutionRound: answerRound(replies),
      evaluations: evaluations.map((e) => ({ id: e.id, reply: idOf(e.reply)!, representative: idOf(e.representative), rating: e.rating, comment: e.comment ?? null, at: e.at ?? null })),
      attachments: attachments.map(attachmentOf),
      invitations: invitations.map((i) => ({ id: i.id, representative: named(i.representative), status: i.status })),
      resolutionAnswers: resolutionAnswers.map((a) => ({ id: a.id, representative: idOf(a.representative), round: a.round ?? null, answer: a.answer })),
    }
    return answer(detail)
  }),
]
