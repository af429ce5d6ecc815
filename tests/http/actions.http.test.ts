// The action bar's endpoints over HTTP against the production server: every step's endpoint
// (POST /api/proposals/:id/actions/:action, POST /api/replies/:id/actions/:action) refuses nobody
// signed in (401), a representative signed in to the portal (403) and staff whose step it is not
// (403), each with a structured zh-CN error, and the proposal is as it was; the person whose step
// it is gets through, and a rule's refusal is a structured 400.
import { beforeAll, describe, expect, inject, it } from 'vitest'
import { ProposalActions, ReplyActions } from '../../core/actions'
import { DemoPassword } from '../../cms/seed/reference'
import { apiAs, must, signInWorld, writesAs, type ApiResponse, type Credential, type WorldPerson } from '../helpers/http'

const base = inject('baseURL')
const world = inject('world')
const scenario = inject('scenario')

const tokens = {} as Record<WorldPerson, Credential | null>
const api = apiAs<WorldPerson>(base, tokens)
const { post } = writesAs(api)

/** The scenario's proposal in progress at 城管分队 (co-section 绿化办): A's, co-signed by B. */
const P = () => scenario.inProgress
let reply: number | string

/** A body each step would accept, so a refusal is about who asks, not what they send. */
const Bodies: Record<string, unknown> = {
  accept: { reason: '予以立案', leadSection: world.ref.sections.chengguan },
  merge: { reason: '同类提案', mergedInto: scenario.atFangguan },
  redirect: { reason: '属其他部门职责' },
  notAccept: { reason: '不属于本街道职权' },
  assign: { leadSection: world.ref.sections.chengguan },
  instruct: { text: '请抓紧办理。' },
  takeOn: {},
  coOpinion: { text: '同意。' },
  followUp: { kind: 'visit', notes: '上门回访。' },
  verify: { commitmentId: 'x', verified: true, notes: '现场查看。' },
  close: { noEvaluationReason: '未评价' },
  signOff: {},
  returnForRevision: { reason: '请修改。' },
  publish: {},
}

/** Staff who may read the record but whose step it is not, now. */
const WrongStaff: Record<string, WorldPerson> = {
  accept: 'leader',
  merge: 'leader',
  redirect: 'sectionHead',
  notAccept: 'sectionStaff',
  assign: 'leader',
  instruct: 'office',
  takeOn: 'leader',
  coOpinion: 'sectionStaff',
  followUp: 'leader',
  verify: 'sectionHead',
  close: 'leader',
  signOff: 'office',
  returnForRevision: 'sectionStaff',
  publish: 'sectionHead',
}

const EndpointSteps = [...ProposalActions.filter((a) => a !== 'requestExtension' && a !== 'decideExtension' && a !== 'draftReply'), ...ReplyActions]
const pathOf = (action: string) => ((ReplyActions as readonly string[]).includes(action) ? `/replies/${reply}/actions/${action}` : `/proposals/${P()}/actions/${action}`)

/** A structured refusal: the status, an `errors` list whose first has a code and a zh-CN message, and no document. */
function expectRefusal(r: ApiResponse, status: number, label: string) {
  expect(r.status, `${label}: ${r.text.slice(0, 300)}`).toBe(status)
  const e = r.json?.errors?.[0]
  expect(typeof e?.code, label).toBe('string')
  expect(e.message, label).toMatch(/[\u4e00-\u9fff]/)
  expect(e.message, label).not.toMatch(/[A-Za-z]{3,}/)
  expect(r.json.proposal, label).toBeUndefined()
}

/** What a refused step must leave as it was (read by the office). */
async function state() {
  const p = await must(api('office', `/proposals/${P()}?depth=0`), 'proposal')
  const events = await must(api('office', `/proposal-events?where[proposal][equals]=${P()}&limit=1&depth=0`), 'events')
  const r = await must(api('office', `/replies/${reply}?depth=0`), 'reply')
  return { status: p.status, updatedAt: p.updatedAt, events: events.totalDocs, reply: [r.signedOffAt ?? null, r.returnedAt ?? null, r.publishedAt ?? null, r.updatedAt] }
}

beforeAll(async () => {
  Object.assign(tokens, await signInWorld(base, world, DemoPassword))
  const created = await must(post('sectionStaff', '/replies?depth=0', { proposal: P(), class: 'A', text: '已组织城管队员整治占道经营，设置隔离护栏。' }), 'draft a reply')
  reply = created.doc.id
})

describe('every action endpoint refuses who may not take the step, structured, changing nothing', () => {
  it.each(EndpointSteps)('%s: nobody signed in → 401', async (action) => {
    const before = await state()
    expectRefusal(await post('public', pathOf(action), Bodies[action]), 401, action)
    expect(await state()).toEqual(before)
  })

  it.each(EndpointSteps)('%s: the proposer in the portal → 403', async (action) => {
    const before = await state()
    expectRefusal(await post('A', pathOf(action), Bodies[action]), 403, action)
    expect(await state()).toEqual(before)
  })

  it.each(EndpointSteps)('%s: staff whose step it is not → 403', async (action) => {
    const before = await state()
    expectRefusal(await post(WrongStaff[action]!, pathOf(action), Bodies[action]), 403, action)
    expect(await state()).toEqual(before)
  })

  it('another section’s head does not even find the proposal (404)', async () => {
    const before = await state()
    expectRefusal(await post('otherHead', `/proposals/${P()}/actions/coOpinion`, { text: '同意。' }), 404, 'otherHead')
    expect(await state()).toEqual(before)
  })

  it('an unknown step, or a record that does not exist → 404', async () => {
    expectRefusal(await post('office', `/proposals/${P()}/actions/delete`, {}), 404, 'unknown')
    expectRefusal(await post('office', `/proposals/999999/actions/close`, {}), 404, 'missing')
    expectRefusal(await post('office', `/replies/${reply}/actions/accept`, {}), 404, 'a proposal step on a reply')
  })
})

describe('the person whose step it is gets through; a rule refuses in words', () => {
  it('the head’s 签发 while 绿化办’s opinion is awaited: a structured 400, nothing signed', async () => {
    const before = await state()
    const r = await post('sectionHead', pathOf('signOff'), {})
    expectRefusal(r, 400, 'signOff')
    expect(r.json.errors[0].message).toMatch(/协办科室“绿化办”的意见尚未提交/)
    expect(await state()).toEqual(before)
  })

  it('the co-section’s 提出协办意见 with a body it does not take: 400 naming the key; then as it should be: 200', async () => {
    const odd = await post('coStaff', pathOf('coOpinion'), { text: '同意。', section: world.ref.sections.chengguan })
    expect(odd.status).toBe(400)
    expect(odd.json.errors[0].message).toContain('section')
    const r = await post('coStaff', pathOf('coOpinion'), { text: '绿化办同意配合设置隔离绿化带。' })
    expect(r.status, r.text.slice(0, 300)).toBe(200)
    expect(r.json).toEqual({ message: '协办意见已提交', proposal: { id: P(), status: 'inProgress' } })
  })

  it('then the head signs off over HTTP', async () => {
    const r = await post('sectionHead', pathOf('signOff'), {})
    expect(r.status, r.text.slice(0, 300)).toBe(200)
    expect((await must(api('office', `/replies/${reply}?depth=0`), 'reply')).signedOffAt).toBeTruthy()
  })
})
