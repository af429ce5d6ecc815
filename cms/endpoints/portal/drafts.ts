// Drafting: a new proposal (made once per form, by its client key), changing a draft, submitting
// it (the text is then frozen and the number given), and deleting a draft.
import { ValidationError, type PayloadRequest } from 'payload'
import type { Proposal } from '../../payload-types'
import { idOf } from '../../access/actor'
import { portalEndpoint, refusal, type PortalContext } from '../../portal/endpoint'
import { as, brief, param, readProposal } from './shared'

/**
 * Creates the proposal of a form once: the same client key again is the same proposal. A copy
 * of the request (a double tap, a retry) returns it as it is; new text under the same key (the
 * form was saved, then edited and sent again) replaces the text while it is still a draft and is
 * refused once it has been submitted, so what is frozen is always what the proposer last sent.
 */
async function createOnce({ req, body, representative }: Pick<PortalContext<'POST /proposals'>, 'req' | 'body' | 'representative'>): Promise<{ doc: Proposal; created: boolean }> {
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

export const draftEndpoints = [
  portalEndpoint({ route: 'POST /proposals' }, async (ctx) => {
    const { doc, created } = await createOnce(ctx)
    const result = ctx.body.submit ? await submit(ctx.req, doc) : doc
    return ctx.answer({ proposal: brief(result, ctx.representative.id), created }, created ? 201 : 200)
  }),

  portalEndpoint({ route: 'PATCH /proposals/:id' }, async ({ req, body, representative, answer }) => {
    const doc = await readProposal(req, param(req))
    if (doc.status !== 'draft') throw refusal(409, 'frozen', '提案已提交，内容不能再修改')
    const updated = await req.payload.update({ collection: 'proposals', id: doc.id, data: body as Partial<Proposal>, depth: 0, ...as(req) })
    return answer({ proposal: brief(updated, representative.id) })
  }),

  portalEndpoint({ route: 'POST /proposals/:id/submit' }, async ({ req, representative, answer }) => {
    const doc = await submit(req, await readProposal(req, param(req)))
    return answer({ proposal: brief(doc, representative.id) })
  }),

  portalEndpoint({ route: 'DELETE /proposals/:id' }, async ({ req, answer }) => {
    const doc = await readProposal(req, param(req))
    if (doc.status !== 'draft') throw refusal(409, 'frozen', '只有草稿可以删除')
    await req.payload.delete({ collection: 'proposals', id: doc.id, ...as(req) })
    return answer({ deleted: true })
  }),
]
