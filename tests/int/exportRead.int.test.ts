// The Excel export reads records in bulk as one person (cms/lib/export/readAs.ts): it must give
// them exactly what Payload's find gives them — the same rows, without the fields they may not
// read — and refuse the queries Payload refuses, whatever the page size.
import { createLocalReq, type Payload, type PayloadRequest } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listAs, readAs } from '../../cms/lib/export/readAs'
import { startPayload } from '../helpers/payload'
import { as, createWorld, type World } from '../fixtures/world'
import { createScenario, PrivateMarker, type Scenario } from '../fixtures/scenario'

let payload: Payload
let w: World
let scenario: Scenario
type Who = 'admin' | 'office' | 'leader' | 'sectionStaff'
const reqs = {} as Record<Who, PayloadRequest>

beforeAll(async () => {
  process.env.APP_NOW = '2026-03-02T02:00:00.000Z'
  payload = await startPayload()
  w = await createWorld(payload)
  scenario = await createScenario(payload, w)
  for (const who of ['admin', 'office', 'leader', 'sectionStaff'] as const) {
    const req = await createLocalReq({ user: as(w.staff[who], 'users') }, payload)
    // As in the export's endpoint: a request from outside, checked as REST requests are.
    req.payloadAPI = 'REST'
    reqs[who] = req
  }
}, 300_000)
afterAll(async () => {
  await payload?.destroy()
})

/** What Payload's find gives the same person for the same query (ids, in order, and the docs). */
const findAs = (who: Who, collection: 'proposals' | 'representatives', where = {}, select: Record<string, true> = {}) =>
  payload.find({ collection, where, select, sort: 'id', depth: 0, pagination: false, overrideAccess: false, user: reqs[who].user, req: reqs[who] } as never) as unknown as Promise<{ docs: Record<string, unknown>[] }>

describe('readAs', () => {
  it.each<Who>(['office', 'leader', 'sectionStaff'])('gives %s the rows Payload’s find gives them', async (who) => {
    const mine = await readAs(reqs[who], 'proposals', {}, { number: true })
    const theirs = await findAs(who, 'proposals')
    expect(mine.map((d) => d.id).sort()).toEqual(theirs.docs.map((d) => d.id).sort())
  })

  it('leaves out a field the person may not read, as Payload does: internal notes, a representative’s phone and ID number', async () => {
    const select = { title: true, internalNotes: true } as const
    const office = (await readAs(reqs.office, 'proposals', { id: { equals: scenario.inProgress } }, select))[0]
    const leader = (await readAs(reqs.leader, 'proposals', { id: { equals: scenario.inProgress } }, select))[0]
    expect(office.internalNotes).toBe(`${PrivateMarker}INTERNAL-NOTE-1`)
    expect(leader.title).toBe('梅园路菜场门口占道经营严重')
    expect('internalNotes' in leader).toBe(false)
    const payloads = (await findAs('leader', 'proposals', { id: { equals: scenario.inProgress } }, select)).docs[0]
    expect(['internalNotes' in payloads, payloads.title]).toEqual([false, leader.title])

    const people = { name: true, phone: true, idNumber: true, address: true } as const
    const asOffice = (await readAs(reqs.office, 'representatives', { id: { equals: w.reps.A.id } }, people))[0]
    const asLeader = (await readAs(reqs.leader, 'representatives', { id: { equals: w.reps.A.id } }, people))[0]
    expect(asOffice).toMatchObject({ name: '张桂英', phone: 'PRIVATE-PHONE-rep-a', idNumber: 'PRIVATE-ID-rep-a' })
    expect(asLeader.name).toBe('张桂英')
    for (const field of ['phone', 'idNumber', 'address']) expect(field in asLeader, field).toBe(false)
  })
})

describe('listAs', () => {
  const all = async (pages: AsyncIterable<Record<string, unknown>[]>) => {
    const sizes: number[] = []
    const docs: Record<string, unknown>[] = []
    for await (const page of pages) {
      sizes.push(page.length)
      docs.push(...page)
    }
    return { sizes, docs }
  }

  it('pages through the whole list in the list’s order, and counts what the REST list counts', async () => {
    // The admin reads the representative's draft too (the office does not: below).
    const { totalDocs, pages } = await listAs(reqs.admin, 'proposals', {}, ['-number'], { number: true }, 2)
    const { sizes, docs } = await all(pages)
    expect(totalDocs).toBe(4)
    expect(sizes).toEqual([2, 2])
    const numbers = docs.map((d) => d.number ?? null)
    // The draft has no number yet: it sorts last descending on SQLite and first on PostgreSQL, as the REST list would.
    const rest = (await payload.find({ collection: 'proposals', sort: ['-number', 'id'], depth: 0, limit: 10, overrideAccess: false, user: reqs.admin.user })).docs.map((d) => d.number ?? null)
    expect(numbers).toEqual(rest)
  })

  it('never lists a representative’s unsubmitted draft to the office', async () => {
    const { totalDocs, pages } = await listAs(reqs.office, 'proposals', {}, ['-number'], { number: true })
    expect(totalDocs).toBe(3)
    expect((await all(pages)).docs.every((d) => d.number != null)).toBe(true)
  })

  it('gives a section only its own rows', async () => {
    const { totalDocs, pages } = await listAs(reqs.sectionStaff, 'proposals', {}, [], { number: true })
    expect(totalDocs).toBe(1)
    expect((await all(pages)).docs.map((d) => d.id)).toEqual([scenario.inProgress])
  })

  it.each([
    ['a field the leader may not read', { internalNotes: { like: 'PRIVATE' } }, []],
    ['a field that does not exist', { nosuchfield: { equals: 1 } }, []],
    ['a sort on a field the leader may not read', {}, ['internalNotes']],
  ])('refuses %s, as Payload’s find does (status 400)', async (_name, where, sort) => {
    await expect(listAs(reqs.leader, 'proposals', where, sort, { number: true })).rejects.toMatchObject({ status: 400 })
  })
})
