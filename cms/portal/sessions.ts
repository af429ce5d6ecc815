// Representatives' portal sessions, with Lucia (3.2.2) over the `portal-sessions` collection.
// A token is 200 random bits (Lucia's session id); the database holds only its SHA-256, so the
// adapter hashes every id it is given. A session ends after SESSION_IDLE_MS without use (Lucia
// slides the expiry while it is used) and SESSION_ABSOLUTE_MS after sign-in whatever happens;
// a disabled account's sessions end at their next use, and the Representatives collection
// ends them all at once when the office disables the account or a password changes.
import { sha256 } from '@oslojs/crypto/sha2'
import { encodeHexLowerCase } from '@oslojs/encoding'
import { Cookie, Lucia, TimeSpan, type Adapter, type DatabaseSession, type DatabaseUser } from 'lucia'
import type { AuthStrategy, Payload, PayloadRequest } from 'payload'
import { parseCookies } from 'payload/shared'
import { SESSION_ABSOLUTE_MS, SESSION_COOKIE, SESSION_IDLE_MS } from '../../core/portal'
import { secureCookies } from '../lib/env'
import { changesState, fromOwnOrigin } from './origin'
import type { Representative } from '../payload-types'

type Id = string | number
interface SessionAttributes {
  absoluteExpiresAt: Date
  device: string
}

declare module 'lucia' {
  interface Register {
    Lucia: Lucia<SessionAttributes, { doc: Representative }>
    UserId: Id
    DatabaseSessionAttributes: SessionAttributes
    DatabaseUserAttributes: { doc: Representative }
  }
}

export const hashToken = (token: string): string => encodeHexLowerCase(sha256(new TextEncoder().encode(token)))

const system = { overrideAccess: true, depth: 0 } as const

/** Lucia's storage: every id it passes is a raw token, stored and looked up by its hash. */
function payloadAdapter(payload: Payload): Adapter {
  const byToken = (token: string) => ({ tokenHash: { equals: hashToken(token) } })
  return {
    async getSessionAndUser(token): Promise<[DatabaseSession | null, DatabaseUser | null]> {
      const found = await payload.find({ collection: 'portal-sessions', where: byToken(token), limit: 1, pagination: false, ...system })
      const s = found.docs[0]
      if (!s) return [null, null]
      const session: DatabaseSession = {
        id: token,
        userId: typeof s.representative === 'object' ? s.representative.id : s.representative,
        expiresAt: new Date(s.expiresAt),
        attributes: { absoluteExpiresAt: new Date(s.absoluteExpiresAt), device: s.device ?? '' },
      }
      const doc = await payload.findByID({ collection: 'representatives', id: session.userId, disableErrors: true, ...system })
      // A deleted or disabled account has no user: Lucia then deletes the session.
      if (!doc || doc.active === false) return [session, null]
      return [session, { id: doc.id, attributes: { doc } }]
    },
    async getUserSessions(userId) {
      const found = await payload.find({ collection: 'portal-sessions', where: { representative: { equals: userId } }, pagination: false, ...system })
      return found.docs.map((s) => ({
        id: String(s.id),
        userId,
        expiresAt: new Date(s.expiresAt),
        attributes: { absoluteExpiresAt: new Date(s.absoluteExpiresAt), device: s.device ?? '' },
      }))
    },
    async setSession(s) {
      await payload.create({
        collection: 'portal-sessions',
        data: {
          tokenHash: hashToken(s.id),
          representative: s.userId as number,
          expiresAt: s.expiresAt.toISOString(),
          absoluteExpiresAt: s.attributes.absoluteExpiresAt.toISOString(),
          lastSeenAt: new Date().toISOString(),
          device: s.attributes.device.slice(0, 120),
        },
        ...system,
      })
    },
    async updateSessionExpiration(token, expiresAt) {
      await payload.update({
        collection: 'portal-sessions',
        where: byToken(token),
        data: { expiresAt: expiresAt.toISOString(), lastSeenAt: new Date().toISOString() },
        ...system,
      })
    },
    async deleteSession(token) {
      await payload.delete({ collection: 'portal-sessions', where: byToken(token), ...system })
    },
    async deleteUserSessions(userId) {
      await payload.delete({ collection: 'portal-sessions', where: { representative: { equals: userId } }, ...system })
    },
    async deleteExpiredSessions() {
      const now = new Date().toISOString()
      await payload.delete({
        collection: 'portal-sessions',
        where: { or: [{ expiresAt: { less_than: now } }, { absoluteExpiresAt: { less_than: now } }] },
        ...system,
      })
    },
  }
}

const instances = new WeakMap<Payload, Lucia>()
function luciaFor(payload: Payload): Lucia {
  let lucia = instances.get(payload)
  if (!lucia) {
    lucia = new Lucia(payloadAdapter(payload), {
      sessionExpiresIn: new TimeSpan(SESSION_IDLE_MS / 1000, 's'),
      // The server decides when a session ends (idle and absolute); the cookie itself lasts no longer than the absolute limit (startSession).
      sessionCookie: { name: SESSION_COOKIE, expires: false, attributes: { secure: secureCookies, sameSite: 'lax', path: '/' } },
      getSessionAttributes: (a) => a,
      getUserAttributes: (a) => a,
    })
    instances.set(payload, lucia)
  }
  return lucia
}

/** "Android · 微信"-style: enough for a person to recognise their own phone in a list. */
export function describeDevice(userAgent: string | null): string {
  const ua = userAgent ?? ''
  const system = /iPhone|iPad/.test(ua) ? 'iPhone/iPad' : /Android/.test(ua) ? 'Android' : /Windows/.test(ua) ? 'Windows' : /Mac OS X/.test(ua) ? 'Mac' : /Linux/.test(ua) ? 'Linux' : '未知设备'
  const browser = /MicroMessenger/.test(ua) ? '微信' : /Edg\//.test(ua) ? 'Edge' : /Firefox\//.test(ua) ? 'Firefox' : /Chrom(e|ium)\//.test(ua) ? 'Chrome' : /Safari\//.test(ua) ? 'Safari' : '浏览器'
  return `${system} · ${browser}`
}

export interface PortalSession {
  token: string
  representative: Representative
}

/** Signs a representative in on a new token (never an old one) and returns its cookie. */
export async function startSession(payload: Payload, representativeId: Id, userAgent: string | null): Promise<{ token: string; cookie: string }> {
  const lucia = luciaFor(payload)
  const session = await lucia.createSession(representativeId, {
    absoluteExpiresAt: new Date(Date.now() + SESSION_ABSOLUTE_MS),
    device: describeDevice(userAgent),
  })
  // Lucia gives a cookie without an expiry of its own 400 days; this one goes when the session must.
  const c = lucia.createSessionCookie(session.id)
  return { token: session.id, cookie: new Cookie(c.name, c.value, { ...c.attributes, maxAge: Math.floor(SESSION_ABSOLUTE_MS / 1000) }).serialize() }
}

/** The token of the request's session cookie, if it carries one. */
export const tokenOf = (req: Pick<PayloadRequest, 'headers'>): string | null => parseCookies(req.headers).get(SESSION_COOKIE) || null

/** The signed-in representative of a request, or null (no cookie, unknown, expired, ended, disabled). */
export async function currentSession(req: Pick<PayloadRequest, 'headers' | 'payload'>): Promise<PortalSession | null> {
  const token = tokenOf(req)
  if (!token) return null
  const lucia = luciaFor(req.payload)
  const { session, user } = await lucia.validateSession(token)
  if (!session || !user) return null
  if (session.absoluteExpiresAt.getTime() <= Date.now()) {
    await lucia.invalidateSession(token)
    return null
  }
  return { token, representative: user.doc }
}

/** Ends one session (sign-out). */
export async function endSession(payload: Payload, token: string): Promise<void> {
  await luciaFor(payload).invalidateSession(token)
}

/** Ends every session of a representative (password changed, account disabled). */
export async function endAllSessions(payload: Payload, representativeId: Id, req?: PayloadRequest): Promise<void> {
  await payload.delete({ collection: 'portal-sessions', where: { representative: { equals: representativeId } }, ...system, req })
}

/** The cookie that removes the session cookie from the browser. */
export const blankCookie = (payload: Payload): string => luciaFor(payload).createBlankSessionCookie().serialize()

/** Removes sessions past their expiry (the daily job). */
export const deleteExpiredSessions = (payload: Payload): Promise<void> => luciaFor(payload).deleteExpiredSessions()

/**
 * Payload's auth strategy for the portal's cookie: with it, a representative's session is a
 * Payload user on every route (the portal's endpoints, and the REST API under the same access
 * rules as everyone), never before the first-sign-in password change, and for a request that
 * changes something only when it comes from the site's own pages (Origin), as the portal's
 * endpoints demand. The session it found is kept on the request for the portal's endpoints.
 */
export const portalSessionStrategy: AuthStrategy = {
  name: 'portal-session',
  authenticate: async ({ payload, headers, req }) => {
    const session = await currentSession({ payload, headers })
    if (req) req.context.portalSession = session
    if (!session || session.representative.mustChangePassword) return { user: null }
    if (req && changesState(req.method) && !fromOwnOrigin(req)) return { user: null }
    return { user: { ...session.representative, collection: 'representatives', _strategy: 'portal-session' } }
  },
}
