// Co-signing: the proposer invites other representatives to a draft (and may withdraw an
// invitation not yet answered); the invited accept or decline. Whom one may invite is listed too.
import { portalEndpoint, refusal } from '../../portal/endpoint'
import { as, param, readProposal } from './shared'

export const invitationEndpoints = [
  portalEndpoint({ route: 'POST /proposals/:id/invitations' }, async ({ req, body, answer }) => {
    const doc = await readProposal(req, param(req))
    const results = []
    for (const representative of body.representatives) {
      const invitation = await req.payload.create({ collection: 'co-sign-invitations', data: { proposal: doc.id, representative: representative as number, status: 'invited' }, depth: 0, ...as(req) })
      results.push(invitation)
    }
    return answer({ invitations: results }, 201)
  }),

  portalEndpoint({ route: 'POST /invitations/:id' }, async ({ req, body, answer }) => {
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

  portalEndpoint({ route: 'DELETE /invitations/:id' }, async ({ req, answer }) => {
    const removed = await req.payload.delete({ collection: 'co-sign-invitations', where: { id: { equals: param(req) } }, ...as(req) })
    if (removed.docs.length === 0) throw refusal(404, 'notFound', '找不到该邀请，或已不能撤回')
    return answer({ withdrawn: true })
  }),

  // Whom one may invite: every other enabled account, by name and residential area only. Those two
  // are public (the site lists each representative's proposals under them); whether an account is
  // enabled is not a representative's to read, so the system looks it up and gives out nothing else.
  portalEndpoint({ route: 'GET /representatives' }, async ({ req, representative, answer }) => {
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
