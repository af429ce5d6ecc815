// 忘记密码's links (makeResetLink, cms/lib/staffAuth.ts) on a real database: requests for one account
// at the same instant make and send one link, recorded once in the audit log; a request within the
// next 5 minutes sends none; another account is not held up. (Over HTTP, with the real SMS gateway
// stand-in: tests/http/notices.http.test.ts.)
import { createLocalReq, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeResetLink, RESET_VALID_MS } from '../../cms/lib/staffAuth'
import { PORTAL_SIGN_IN } from '../../cms/collections/Representatives/hooks/onlyThroughPortal'
import type { Representative } from '../../cms/payload-types'
import { databaseLabel, startPayload } from '../helpers/payload'
import { createWorld, type World } from '../fixtures/world'

let payload: Payload
let w: World

beforeAll(async () => {
  payload = await startPayload()
  w = await createWorld(payload)
})

afterAll(async () => {
  await payload?.destroy()
})

describe(`reset links on ${databaseLabel()}`, () => {
  /** One request for `rep`'s link, made as the portal makes it; the tokens sent go to `sent`. */
  const request = async (rep: { id: number }, sent: string[]) =>
    makeResetLink<Representative>(await createLocalReq({}, payload), { collection: 'representatives', id: rep.id }, {
      read: () => payload.findByID({ collection: 'representatives', id: rep.id, depth: 0, overrideAccess: true, showHiddenFields: true }),
      token: async (local, r) =>
        String(await payload.forgotPassword({ collection: 'representatives', data: { username: r.username } as unknown as { email: string }, disableEmail: true, expiration: RESET_VALID_MS, context: { [PORTAL_SIGN_IN]: true }, req: local })),
      audit: (r) => ({ kind: 'resetLinkSent', summary: `向居民代表 ${r.name} 发出重设密码链接`, subjectRepresentative: r.id }),
      send: async (_, token) => {
        sent.push(token)
      },
    })
  const recorded = async (rep: { id: number }) =>
    (await payload.find({ collection: 'audit-log', where: { and: [{ kind: { equals: 'resetLinkSent' } }, { subjectRepresentative: { equals: rep.id } }] }, depth: 0, overrideAccess: true })).totalDocs

  it('three requests for one account at the same instant send one link, recorded once; the link is the one stored', async () => {
    const sent: string[] = []
    await Promise.all([request(w.reps.A, sent), request(w.reps.A, sent), request(w.reps.A, sent)])
    expect(sent).toHaveLength(1)
    expect(await recorded(w.reps.A)).toBe(1)
    const stored = await payload.findByID({ collection: 'representatives', id: w.reps.A.id, depth: 0, overrideAccess: true, showHiddenFields: true })
    expect(stored.resetPasswordToken).toBe(sent[0])
  })

  it('asked again within 5 minutes: nothing more; another account is not held up', async () => {
    const sent: string[] = []
    await Promise.all([request(w.reps.A, sent), request(w.reps.B, sent)])
    expect(sent).toHaveLength(1)
    expect([await recorded(w.reps.A), await recorded(w.reps.B)]).toEqual([1, 1])
  })
})
