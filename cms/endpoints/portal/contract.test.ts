// The portal's endpoints against the contract (core/portalApi.ts): the registered endpoints are
// exactly the table's routes; what the shared projections make passes the strict schemas; and the
// compiler refuses an answer that is not the route's (the @ts-expect-error lines, checked by tsc).
import { describe, expect, it } from 'vitest'
import { StatusLabels } from '../../../core/lifecycle'
import { MeSchema, PortalAttachmentSchema, PortalRoutes, ProposalBriefSchema } from '../../../core/portalApi'
import type { Attachment, Proposal, Representative } from '../../payload-types'
import { portalEndpoint } from '../../portal/endpoint'
import { attachmentOf } from './attachments'
import { summary } from './auth'
import { portalEndpoints } from '.'
import { brief } from './shared'

const at = '2026-03-02T02:00:00.000Z'

describe('the portal endpoints keep to the contract', () => {
  it('registers exactly the routes of the table, under /api/portal', () => {
    const registered = portalEndpoints.map((e) => `${e.method.toUpperCase()} ${e.path.replace(/^\/portal/, '')}`)
    expect(registered.toSorted()).toEqual(Object.keys(PortalRoutes).toSorted())
  })

  it('makes briefs, summaries and attachments in the contract’s shape, whatever else the record holds', () => {
    const proposal = {
      id: 7,
      status: 'submitted',
      title: '路灯不亮',
      body: '梅园路 3 号路灯不亮。',
      category: 'urban',
      residentialArea: 1,
      proposer: 3,
      coSigners: [4],
      internalNotes: '内部意见',
      clientKey: '3:abcdefabcdefabcdef',
      number: '2026-007',
      currentDue: '2026-03-20',
      updatedAt: at,
      createdAt: at,
    } satisfies Proposal
    expect(ProposalBriefSchema.parse(brief(proposal, 3))).toMatchObject({ role: 'proposer', statusLabel: StatusLabels.submitted })
    expect(ProposalBriefSchema.parse(brief({ ...proposal, number: null, currentDue: undefined }, 4))).toMatchObject({ role: 'coSigner', number: null, currentDue: null })

    const rep = {
      id: 3,
      name: '张桂英',
      username: 'rep-a',
      residentialArea: { id: 1, name: '梅园', updatedAt: at, createdAt: at },
      kind: 'resident',
      phone: '13900000000',
      idNumber: 'PRIVATE',
      address: 'PRIVATE',
      hash: 'PRIVATE',
      updatedAt: at,
      createdAt: at,
      collection: 'representatives',
    } satisfies Representative
    expect(MeSchema.parse(summary(rep))).toEqual({ id: 3, name: '张桂英', username: 'rep-a', residentialArea: { id: 1, name: '梅园' }, kind: 'resident', mustChangePassword: false })

    const file = { id: 6, proposal: 7, uploadedBy: 3, filename: 'light.jpg', mimeType: 'image/jpeg', filesize: 2048, url: '/api/attachments/file/light.jpg', width: 1, height: 1, updatedAt: at, createdAt: at } satisfies Attachment
    expect(PortalAttachmentSchema.parse(attachmentOf(file))).toEqual({ id: 6, filename: 'light.jpg', mimeType: 'image/jpeg', filesize: 2048, url: '/api/attachments/file/light.jpg' })
  })
})

// Never called: these only have to compile, or fail to where marked.
export function answersAreChecked() {
  return [
    // @ts-expect-error a field the route's answer does not have
    portalEndpoint({ route: 'DELETE /attachments/:id' }, async ({ answer }) => answer({ deleted: true, extra: 1 })),
    // @ts-expect-error another route's answer
    portalEndpoint({ route: 'DELETE /attachments/:id' }, async ({ answer }) => answer({ withdrawn: true })),
    // @ts-expect-error a response made by hand, past the contract
    portalEndpoint({ route: 'DELETE /attachments/:id' }, async () => Response.json({ deleted: true })),
    // @ts-expect-error a route the table does not have
    portalEndpoint({ route: 'GET /everyone' }, async ({ answer }) => answer({})),
  ]
}
