// The portal's answers as the contract has them: what a page needs passes, and nothing private
// gets through by accident (every object is strict, so a field added by mistake fails the tests
// that check real answers: tests/e2e/portal.e2e.ts, cms/endpoints/portal/contract.test.ts).
import { describe, expect, it } from 'vitest'
import { ErrorAnswerSchema, MeAnswerSchema, PortalRoutes, ProposalDetailSchema, ProposalListAnswerSchema } from './portalApi'

const at = '2026-03-02T02:00:00.000Z'
const brief = { id: 7, number: '2026-007', title: '路灯不亮', status: 'replied', statusLabel: '已答复', nextStep: '已答复：请阅读答复并评价', role: 'proposer', currentDue: '2026-03-20', updatedAt: at }
const detail = {
  proposal: {
    ...brief,
    body: '梅园路 3 号路灯不亮。',
    category: 'urban',
    residentialArea: { id: 1, name: '梅园' },
    proposer: { id: 3, name: '张桂英' },
    coSigners: [{ id: 4, name: '刘德明' }],
    confidential: false,
    confidentialReason: null,
    publicVersion: null,
    screening: { decision: 'accepted', reason: '予以立案' },
    submittedAt: at,
  },
  instructions: [{ id: 1, text: '请城管分队办理。', at }],
  replies: [
    {
      id: 2,
      round: 1,
      class: 'B',
      text: '已修复。',
      publishedAt: at,
      section: { name: '城管分队' },
      commitments: [{ id: 'c1', text: '每月巡查', dueDate: '2026-06-30' }],
      corrects: null,
      correctionNote: null,
      evaluableUntil: '2026-03-16',
    },
  ],
  resolutionRound: 1,
  evaluations: [{ id: 5, reply: 2, representative: 3, rating: 'satisfied', comment: null, at }],
  attachments: [{ id: 6, filename: 'light.jpg', mimeType: 'image/jpeg', filesize: 2048, url: '/api/attachments/file/light.jpg' }],
  invitations: [{ id: 8, representative: { id: 4, name: '刘德明' }, status: 'accepted' }],
  resolutionAnswers: [{ id: 9, representative: 3, round: 1, answer: 'resolved' }],
}

describe('the portal API contract', () => {
  it('takes a proposal as the page reads it', () => {
    expect(ProposalDetailSchema.safeParse(detail).error).toBeUndefined()
    expect(ProposalListAnswerSchema.safeParse({ waiting: { toEvaluate: [], invitations: [] }, proposals: [brief] }).error).toBeUndefined()
  })

  it.each([
    ['a staff field on the proposal', { ...detail, proposal: { ...detail.proposal, internalNotes: '内部' } }],
    ["a co-signer's phone", { ...detail, proposal: { ...detail.proposal, coSigners: [{ id: 4, name: '刘德明', phone: '13900000000' }] } }],
    ['who signed the reply off', { ...detail, replies: [{ ...detail.replies[0], signedOffBy: 12 }] }],
    ['an unknown status', { ...detail, proposal: { ...detail.proposal, status: 'lost' } }],
  ])('refuses %s', (_what, body) => {
    expect(ProposalDetailSchema.safeParse(body).success).toBe(false)
  })

  it("gives the representative's own data only", () => {
    const me = { id: 3, name: '张桂英', username: 'rep-a', residentialArea: { id: 1, name: '梅园' }, kind: 'resident', mustChangePassword: false }
    expect(MeAnswerSchema.safeParse({ representative: me }).success).toBe(true)
    expect(MeAnswerSchema.safeParse({ representative: { ...me, idNumber: '110…' } }).success).toBe(false)
    expect(MeAnswerSchema.safeParse({ representative: { ...me, hash: 'x' } }).success).toBe(false)
  })

  it('words every refusal the same way', () => {
    expect(ErrorAnswerSchema.safeParse({ error: { code: 'invalid', message: '请填写标题', fields: { title: '请填写标题' } } }).success).toBe(true)
    expect(ErrorAnswerSchema.safeParse({ error: { code: 'server' } }).success).toBe(false)
  })

  it('names every route once, by method and path under /api/portal', () => {
    for (const route of Object.keys(PortalRoutes)) expect(route).toMatch(/^(GET|POST|PATCH|DELETE) \/[a-z-]+(\/(:id|[a-z-]+))*$/)
  })
})

describe('dates in the contract', () => {
  it('refuses a date that does not exist', async () => {
    const { LocalDate } = await import('./contract')
    expect(LocalDate.safeParse('2026-02-28').success).toBe(true)
    expect(LocalDate.safeParse('2026-02-30').success).toBe(false)
    expect(LocalDate.safeParse('2026-13-01').success).toBe(false)
    expect(LocalDate.safeParse('2026-2-3').success).toBe(false)
  })
})
