// The portal's proposal endpoints (/api/portal/*): a representative's own proposals, drafting
// and submitting (idempotent by a client key), co-signing invitations, attachments, evaluations
// and the "问题是否已解决？" answer. Each acts through the Local API as the representative
// (`user`, `overrideAccess: false`): Payload's access rules and the collections' hooks decide.
import { ValidationError, type PayloadRequest, type Where } from 'payload'
import { answerRound, StatusLabels } from '../../core/lifecycle'
import {
  ATTACHMENT_MAX_BYTES,
  DraftSchema,
  EvaluationSchema,
  InvitationAnswerSchema,
  InviteSchema,
  NewProposalSchema,
  NextStep,
  ResolutionSchema,
} from '../../core/portal'
import { isEvaluableStatus } from '../../core/permissions'
import type { ProposalStatus } from '../../core/types'
import { idOf } from '../access/actor'
import { toLocalDate } from '../../core/calendar'
import { getCalendar, lastEvaluationDay } from '../lib/calendar'
import { nowISO } from '../lib/clock'
import type { Proposal } from '../payload-types'
import { answer, portalEndpoint, refusal, type PortalContext } from '../portal/endpoint'

type Id = string | number
const as = (req: PayloadRequest) => ({ user: req.user, overrideAccess: false as const })
const param = (req: PayloadRequest, name = 'id'): string => {
  const v = req.routeParams?.[name]
  if (typeof v !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(v)) throw refusal(404, 'notFound', '找不到该记录')
  return v
}

const own = (rep: Id): Where => ({ or: [{ proposer: { equals: rep } }, { coSigners: { in: [rep] } }] })

/** One proposal as the representative may see it, or a 404 (someone else's, or none). */
async function readProposal(req: PayloadRequest, id: Id, depth = 0): Promise<Proposal> {
  const doc = await req.payload.findByID({ collection: 'proposals', id, depth, joins: false, ...as(req), disableErrors: true })
  if (!doc) throw refusal(404, 'notFound', '找不到该提案，或您无权查看')
  return doc
}

const isEvaluable = (p: Proposal | undefined): boolean => !!p && isEvaluableStatus(p.status as ProposalStatus)

/** A person (or a residential area) as the portal shows them: by name. */
const named = (v: unknown): { id: Id; name: string } =>
  v && typeof v === 'object' ? { id: (v as { id: Id }).id, name: (v as { name?: string }).name ?? '' } : { id: v as Id, name: '' }

const brief = (p: Proposal, rep: Id) => ({
  id: p.id,
  number: p.number ?? null,
  title: p.title,
  status: p.status,
  statusLabel: StatusLabels[p.status as ProposalStatus],
  nextStep: NextStep[p.status as ProposalStatus],
  role: idOf(p.proposer) === rep || String(idOf(p.proposer)) === String(rep) ? ('proposer' as const) : ('coSigner' as const),
  currentDue: p.currentDue ?? null,
  updatedAt: p.updatedAt,
})

async function listRelated<C extends 'instructions' | 'replies' | 'evaluations' | 'attachments' | 'co-sign-invitations' | 'resolution-answers'>(
  req: PayloadRequest,
  collection: C,
  where: Where,
  depth = 0,
) {
  return (await req.payload.find({ collection, where, depth, pagination: false, sort: 'createdAt', ...as(req) })).docs
}

/**
 * Creates the proposal of a form once: the same client key again is the same proposal. A copy
 * of the request (a double tap, a retry) returns it as it is; new text under the same key (the
 * form was saved, then edited and sent again) replaces the text while it is still a draft and is
 * refused once it has been submitted, so what is frozen is always what the proposer last sent.
 */
async function createOnce({ req, body, representative }: PortalContext<ReturnType<typeof NewProposalSchema.parse>>): Promise<{ doc: Proposal; created: boolean }> {
  const clientKey = `${representative.id}:${body.clientKey}`
  const content = { title: body.title, body: body.body, category: body.category as Proposal['category'], residentialArea: body.residentialArea as number }
  // The key is bookkeeping, not content: looked up by the system, then read as the representative.
  const earlier = async () => {
    const found = await req.payload.find({ collection: 'proposals', where: { clientKey: { equals: clientKey } }, depth: 0, limit: 1, overrideAccess: true, select: {} })
    return found.docs[0] ? readProposal(req, found.docs[0].id) : null
  }
  const sameAs = async (doc: Proposal): Promise<{ doc: Proposal; created: boolean }> => {
    const unchanged = (Object.keys(content) as (keyof typeof content)[]).every((k) => String(idOf(doc[k] as never)) === String(content[k]))
    if (unchanged) return { doc, created: false }
    const frozen = (d: Proposal) => refusal(409, 'frozen', `这件提案已经提交${d.number ? `（编号 ${d.number}）` : ''}，内容不能再修改`)
    if (doc.status !== 'draft') throw frozen(doc)
    const updated = await req.payload.update({ collection: 'proposals', id: doc.id, data: content, depth: 0, ...as(req) })
    // Submitted in the meantime (another copy of the form): the rules kept the text; say so.
    if (updated.title !== content.title || updated.body !== content.body) throw frozen(updated)
    return { doc: updated, created: false }
  }
  const first = await earlier()
  if (first) return sameAs(first)
  try {
    const doc = await req.payload.create({ collection: 'proposals', data: { ...content, clientKey } as Proposal, depth: 0, ...as(req) })
    return { doc, created: true }
  } catch (e) {
    // Two copies of one submission raced: the database's unique key let one through.
    if (e instanceof ValidationError && e.data?.errors?.some((f) => f.path === 'clientKey')) {
      const winner = await earlier()
      if (winner) return sameAs(winner)
    }
    throw e
  }
}

async function submit(req: PayloadRequest, doc: Proposal): Promise<Proposal> {
  if (doc.status !== 'draft') return doc // already submitted: a retry changes nothing
  return req.payload.update({ collection: 'proposals', id: doc.id, data: { status: 'submitted' }, depth: 0, ...as(req) })
}

export const portalProposalEndpoints = [
  portalEndpoint({ path: '/proposals', method: 'get' }, async ({ req, representative }) => {
    const rep = representative.id
    const mine = await req.payload.find({ collection: 'proposals', where: own(rep), sort: '-updatedAt', depth: 0, joins: false, pagination: false, ...as(req) })
    const ids = mine.docs.map((p) => p.id)
    const [replies, evaluations, invitations] = await Promise.all([
      ids.length ? listRelated(req, 'replies', { proposal: { in: ids } }) : [],
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
      .filter((r) => r.publishedAt && !evaluated.has(String(r.id)) && isEvaluable(byId.get(String(idOf(r.proposal)))))
      .map((r) => {
        const p = byId.get(String(idOf(r.proposal)))!
        const until = lastEvaluationDay(calendar, sessions.get(String(idOf(p.session))), r.publishedAt!)
        return { proposal: { id: p.id, number: p.number, title: p.title }, reply: { id: r.id, publishedAt: r.publishedAt, evaluableUntil: until } }
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

  portalEndpoint({ path: '/proposals', method: 'post', schema: NewProposalSchema }, async (ctx) => {
    const { doc, created } = await createOnce(ctx)
    const result = ctx.body.submit ? await submit(ctx.req, doc) : doc
    return answer({ proposal: brief(result, ctx.representative.id), created }, created ? 201 : 200)
  }),

  // One proposal in full for its proposer or a co-signer, in a shape made for the portal's page:
  // people by name only (never anyone's account or personal data), each reply with how long it may
  // be evaluated and whether it corrects an earlier one.
  portalEndpoint({ path: '/proposals/:id', method: 'get' }, async ({ req, representative }) => {
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
    return answer({
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
      instructions: instructions.map((i) => ({ id: i.id, text: i.text, at: i.at })),
      replies: replies
        .filter((r) => r.publishedAt)
        .map((r) => ({
          id: r.id,
          round: r.round ?? 1,
          class: r.class,
          text: r.text,
          section: r.section && typeof r.section === 'object' ? { name: r.section.name } : null,
          commitments: (r.commitments ?? []).map((c) => ({ id: c.id, text: c.text, dueDate: c.dueDate })),
          publishedAt: r.publishedAt,
          corrects: r.corrects == null ? null : idOf(r.corrects),
          correctionNote: r.correctionNote ?? null,
          evaluableUntil: lastEvaluationDay(calendar, p.session, r.publishedAt!),
        })),
      resolutionRound: answerRound(replies),
      evaluations: evaluations.map((e) => ({ id: e.id, reply: idOf(e.reply), representative: idOf(e.representative), rating: e.rating, comment: e.comment ?? null, at: e.at })),
      attachments: attachments.map((a) => ({ id: a.id, filename: a.filename, mimeType: a.mimeType, filesize: a.filesize, url: a.url })),
      invitations: invitations.map((i) => ({ id: i.id, representative: named(i.representative), status: i.status })),
      resolutionAnswers: resolutionAnswers.map((a) => ({ id: a.id, representative: idOf(a.representative), round: a.round, answer: a.answer })),
    })
  }),

  portalEndpoint({ path: '/proposals/:id', method: 'patch', schema: DraftSchema.partial() }, async ({ req, body, representative }) => {
    const doc = await readProposal(req, param(req))
    if (doc.status !== 'draft') throw refusal(409, 'frozen', '提案已提交，内容不能再修改')
    const updated = await req.payload.update({ collection: 'proposals', id: doc.id, data: body as Partial<Proposal>, depth: 0, ...as(req) })
    return answer({ proposal: brief(updated, representative.id) })
  }),

  portalEndpoint({ path: '/proposals/:id/submit', method: 'post' }, async ({ req, representative }) => {
    const doc = await submit(req, await readProposal(req, param(req)))
    return answer({ proposal: brief(doc, representative.id) })
  }),

  portalEndpoint({ path: '/proposals/:id', method: 'delete' }, async ({ req }) => {
    const doc = await readProposal(req, param(req))
    if (doc.status !== 'draft') throw refusal(409, 'frozen', '只有草稿可以删除')
    await req.payload.delete({ collection: 'proposals', id: doc.id, ...as(req) })
    return answer({ deleted: true })
  }),

  portalEndpoint({ path: '/proposals/:id/invitations', method: 'post', schema: InviteSchema }, async ({ req, body }) => {
    const doc = await readProposal(req, param(req))
    const results = []
    for (const representative of body.representatives) {
      const invitation = await req.payload.create({ collection: 'co-sign-invitations', data: { proposal: doc.id, representative: representative as number, status: 'invited' }, depth: 0, ...as(req) })
      results.push(invitation)
    }
    return answer({ invitations: results }, 201)
  }),

  portalEndpoint({ path: '/invitations/:id', method: 'post', schema: InvitationAnswerSchema }, async ({ req, body }) => {
    const updated = await req.payload.update({
      collection: 'co-sign-invitations',
      where: { id: { equals: param(req) } },
      data: { status: body.accept ? 'accepted' : 'declined' },
      depth: 0,
      ...as(req),
    })
    if (updated.errors.length) throw refusal(400, 'refused', updated.errors[0].message)
    if (updated.docs.length === 0) throw refusal(404, 'notFound', '找不到该邀请，或已答复')
    return answer({ invitation: updated.docs[0] })
  }),

  portalEndpoint({ path: '/invitations/:id', method: 'delete' }, async ({ req }) => {
    const removed = await req.payload.delete({ collection: 'co-sign-invitations', where: { id: { equals: param(req) } }, ...as(req) })
    if (removed.docs.length === 0) throw refusal(404, 'notFound', '找不到该邀请，或已不能撤回')
    return answer({ withdrawn: true })
  }),

  portalEndpoint({ path: '/proposals/:id/evaluations', method: 'post', schema: EvaluationSchema }, async ({ req, body }) => {
    const doc = await readProposal(req, param(req))
    const evaluation = await req.payload.create({
      collection: 'evaluations',
      data: { proposal: doc.id, reply: body.reply as number, rating: body.rating, comment: body.comment },
      depth: 0,
      ...as(req),
    })
    const after = await readProposal(req, doc.id)
    return answer({ evaluation, proposal: { status: after.status, statusLabel: StatusLabels[after.status as ProposalStatus] } }, 201)
  }),

  portalEndpoint({ path: '/proposals/:id/resolution', method: 'post', schema: ResolutionSchema }, async ({ req, body }) => {
    const doc = await readProposal(req, param(req))
    const created = await req.payload.create({ collection: 'resolution-answers', data: { proposal: doc.id, answer: body.answer, comment: body.comment }, depth: 0, ...as(req) })
    return answer({ resolution: created }, 201)
  }),

  portalEndpoint({ path: '/proposals/:id/attachments', method: 'post' }, async ({ req }) => {
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
    // Type by content, name ending and markup are checked by the collection (cms/collections/Attachments.ts), for every upload path.
    const mimetype = file.type || 'application/octet-stream'
    const name = (file as File).name?.replace(/[\\/]/g, '_').slice(-100) || 'attachment'
    const created = await req.payload.create({
      collection: 'attachments',
      data: { proposal: doc.id },
      file: { data, mimetype, name, size: data.length },
      depth: 0,
      ...as(req),
    })
    return answer({ attachment: { id: created.id, filename: created.filename, mimeType: created.mimeType, filesize: created.filesize, url: created.url } }, 201)
  }),

  portalEndpoint({ path: '/attachments/:id', method: 'delete' }, async ({ req }) => {
    const removed = await req.payload.delete({ collection: 'attachments', where: { id: { equals: param(req) } }, ...as(req) })
    if (removed.docs.length === 0) throw refusal(404, 'notFound', '找不到该附件，或已不能删除')
    return answer({ deleted: true })
  }),

  // Whom one may invite: every other enabled account, by name and residential area only. Those two
  // are public (the site lists each representative's proposals under them); whether an account is
  // enabled is not a representative's to read, so the system looks it up and gives out nothing else.
  portalEndpoint({ path: '/representatives', method: 'get' }, async ({ req, representative }) => {
    const found = await req.payload.find({
      collection: 'representatives',
      where: { and: [{ active: { not_equals: false } }, { id: { not_equals: representative.id } }] },
      select: { name: true, residentialArea: true },
      depth: 1,
      sort: 'name',
      pagination: false,
      overrideAccess: true,
    })
    return answer({
      representatives: found.docs.map((r) => ({
        id: r.id,
        name: r.name,
        residentialArea: typeof r.residentialArea === 'object' && r.residentialArea ? r.residentialArea.name : '',
      })),
    })
  }),
]
