// The portal's sign-in, sign-out, password change and sign-in list (/api/portal/*).
// Credentials are checked by Payload's auth for the representatives collection, so its lockout
// applies; an unknown account and a wrong password get the same answer after the same work
// (cms/lib/signIn.ts, shared with the staff sign-in).
import type { Payload } from 'payload'
import { phoneDigits } from '../../../core/portal'
import type { Me, PortalSignIn } from '../../../core/portalApi'
import { idOf } from '../../access/actor'
import { CURRENT_PASSWORD_CONFIRMED } from '../../collections/Representatives'
import { PORTAL_SIGN_IN } from '../../collections/Representatives/hooks/onlyThroughPortal'
import { markPasswordChange } from '../../lib/passwordChange'
import type { PortalSession as SignInRecord, Representative } from '../../payload-types'
import { portalEndpoint, refusal } from '../../portal/endpoint'
import { blankCookie, endSession, hashToken, startSession } from '../../portal/sessions'
import { clientAddress, FailureThrottle } from '../../portal/throttle'
import { confirmCurrentPassword, SignInRefused, throttledSignIn, tooManyMessage } from '../../lib/signIn'

const throttle = new FailureThrottle()

const tooMany = (seconds: number) => refusal(429, 'tooManyAttempts', tooManyMessage(seconds, '代表工作室'), undefined, { 'Retry-After': String(seconds) })
const badCredentials = () => refusal(401, 'badCredentials', '登录名（或手机号）或密码不正确')

/**
 * The account to check: the login itself (Payload stores usernames in lower case, so ZhangSan
 * is zhangsan), or the one account whose phone it is.
 */
export async function accountFor(payload: Payload, login: string): Promise<{ id: number; username: string } | null> {
  const system = { overrideAccess: true, depth: 0, pagination: false, limit: 2 } as const
  const byName = await payload.find({ collection: 'representatives', where: { username: { equals: login.trim().toLowerCase() } }, select: { username: true }, ...system })
  if (byName.docs.length === 1) return byName.docs[0]
  const digits = phoneDigits(login)
  if (!digits) return null
  const byPhone = await payload.find({ collection: 'representatives', where: { phone: { equals: digits } }, select: { username: true }, ...system })
  return byPhone.docs.length === 1 ? byPhone.docs[0] : null
}

/** The throttle's key for a login: digits for a phone number, lower case for a name. */
const loginKey = (login: string): string => phoneDigits(login) ?? login.trim().toLowerCase()

/** What the portal shows of the signed-in representative (their own data). */
export const summary = (r: Representative): Me => ({
  id: r.id,
  name: r.name,
  username: r.username,
  residentialArea: typeof r.residentialArea === 'object' ? { id: r.residentialArea.id, name: r.residentialArea.name } : { id: r.residentialArea, name: '' },
  kind: r.kind,
  mustChangePassword: !!r.mustChangePassword,
})

/** A new session for the representative: what to answer, and the cookie that carries it. */
async function signedIn(payload: Payload, representative: Representative, userAgent: string | null): Promise<{ me: Me; cookie: string }> {
  const { cookie } = await startSession(payload, representative.id, userAgent)
  const full = await payload.findByID({ collection: 'representatives', id: representative.id, depth: 1, overrideAccess: true })
  return { me: summary(full), cookie }
}

export const portalAuthEndpoints = [
  portalEndpoint({ route: 'POST /sign-in', auth: 'none' }, async ({ req, body, answer }) => {
    let account: { id: number; username: string } | null = null
    let user: Representative
    try {
      const result = await throttledSignIn({
        payload: req.payload,
        collection: 'representatives',
        throttle,
        address: clientAddress(req.headers),
        // One key however the login is typed: a phone number with or without spaces, a name in any case.
        account: loginKey(body.login),
        password: body.password,
        find: async () => (account = await accountFor(req.payload, body.login)),
        login: () => req.payload.login({ collection: 'representatives', data: { username: account!.username, password: body.password }, context: { [PORTAL_SIGN_IN]: true } }),
      })
      user = result.user as Representative
    } catch (e) {
      if (e instanceof SignInRefused) throw e.retryAfter ? tooMany(e.retryAfter) : badCredentials()
      throw e
    }
    if (user.active === false) throw refusal(403, 'disabled', '该账号已停用，请联系代表工作室')
    const { me, cookie } = await signedIn(req.payload, user, req.headers.get('user-agent'))
    return answer({ representative: me }, 200, { 'Set-Cookie': cookie })
  }),

  portalEndpoint({ route: 'POST /sign-out', beforePasswordChange: true }, async ({ req, session, answer }) => {
    await endSession(req.payload, session.token)
    return answer({ signedOut: true }, 200, { 'Set-Cookie': blankCookie(req.payload) })
  }),

  portalEndpoint({ route: 'GET /me', beforePasswordChange: true }, async ({ req, representative, answer }) => {
    const me = await req.payload.findByID({ collection: 'representatives', id: representative.id, depth: 1, user: req.user, overrideAccess: false })
    return answer({ representative: summary(me) })
  }),

  portalEndpoint({ route: 'POST /password', beforePasswordChange: true }, async ({ req, body, representative, answer }) => {
    const confirmed = await confirmCurrentPassword({ payload: req.payload, collection: 'representatives', id: representative.id, password: body.currentPassword })
    if (!confirmed.ok) throw confirmed.retryAfter ? tooMany(confirmed.retryAfter) : refusal(400, 'invalid', '当前密码不正确', { currentPassword: '当前密码不正确' })
    // The collection lets a representative change their own record only with the current
    // password confirmed (this request); its hook checks the rule again, meets the
    // first-sign-in demand and ends every sign-in…
    req.context[CURRENT_PASSWORD_CONFIRMED] = true
    markPasswordChange(req)
    const updated = await req.payload.update({
      collection: 'representatives',
      id: representative.id,
      data: { password: body.newPassword },
      req,
      user: req.user,
      overrideAccess: false,
    })
    // …so this device gets a new one.
    const { me, cookie } = await signedIn(req.payload, updated as Representative, req.headers.get('user-agent'))
    return answer({ representative: me }, 200, { 'Set-Cookie': cookie })
  }),

  portalEndpoint({ route: 'GET /sessions' }, async ({ req, session, answer }) => {
    const mine = await req.payload.find({ collection: 'portal-sessions', sort: '-lastSeenAt', pagination: false, depth: 0, user: req.user, overrideAccess: false })
    const current = await req.payload.find({
      collection: 'portal-sessions',
      where: { tokenHash: { equals: hashToken(session.token) } },
      select: {},
      limit: 1,
      depth: 0,
      overrideAccess: true,
    })
    const currentId = current.docs[0]?.id
    return answer({
      sessions: mine.docs.map(
        (s: SignInRecord): PortalSignIn => ({
          id: s.id,
          device: s.device ?? '',
          createdAt: s.createdAt,
          lastSeenAt: s.lastSeenAt ?? s.createdAt,
          current: idOf(s.id) === currentId,
        }),
      ),
    })
  }),

  portalEndpoint({ route: 'DELETE /sessions/:id' }, async ({ req, answer }) => {
    const id = String(req.routeParams?.id ?? '')
    const result = await req.payload.delete({
      collection: 'portal-sessions',
      where: { id: { equals: id } },
      user: req.user,
      overrideAccess: false,
    })
    if (result.docs.length === 0) throw refusal(404, 'notFound', '找不到该登录记录')
    return answer({ ended: result.docs.length })
  }),
]
