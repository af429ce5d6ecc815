// One wrapper for every /api/portal/* endpoint: the Origin check on state-changing requests,
// the session, the body validated by its route's schema, the answer typed by its route's shape
// (both from the table in core/portalApi.ts), and Payload's errors turned into the portal's
// structured zh-CN answer. A handler acts as the representative: `req.user` is set, and
// everything it does goes through the Local API with `overrideAccess: false`.
import { APIError, ValidationError, type Endpoint, type PayloadRequest } from 'payload'
import { checkInput, type PortalError } from '../../core/portal'
import { PortalRoutes, type ErrorAnswer, type PortalAnswer, type PortalBody, type PortalRoute } from '../../core/portalApi'
import type { Representative } from '../payload-types'
import { fromOwnOrigin } from './origin'
import { currentSession, type PortalSession } from './sessions'

export class PortalRefusal extends Error {
  constructor(
    readonly status: number,
    readonly error: PortalError,
    readonly headers: Record<string, string> = {},
  ) {
    super(error.message)
  }
}

export const refusal = (status: number, code: string, message: string, fields?: Record<string, string>, headers?: Record<string, string>) =>
  new PortalRefusal(status, { code, message, ...(fields ? { fields } : {}) }, headers)

declare const answers: unique symbol
/** A response with route R's answer (core/portalApi.ts): only the context's `answer` makes one. */
export type Answer<R extends PortalRoute> = Response & { readonly [answers]: R }

const respond = (body: PortalAnswer<PortalRoute> | ErrorAnswer, status: number, headers: Record<string, string>) =>
  Response.json(body, { status, headers: { 'Cache-Control': 'no-store', ...headers } })

const failure = (status: number, error: PortalError, headers: Record<string, string> = {}) => respond({ error }, status, headers)

/** Answers route R, in the shape its contract gives (the compiler checks the body against it). */
export type Answerer<R extends PortalRoute> = (body: PortalAnswer<R>, status?: number, headers?: Record<string, string>) => Answer<R>

const answerer =
  <R extends PortalRoute>(): Answerer<R> =>
  (body, status = 200, headers = {}) =>
    respond(body, status, headers) as Answer<R>

export interface PortalContext<R extends PortalRoute> {
  req: PayloadRequest
  body: PortalBody<R>
  session: PortalSession
  representative: Representative
  answer: Answerer<R>
}

interface Options<R extends PortalRoute> {
  /** Method and path under /api/portal, as the table in core/portalApi.ts names it. */
  route: R
  /** Who may call it: a signed-in representative (default), or anyone (sign-in). */
  auth?: 'representative' | 'none'
  /** Allowed before the first-sign-in password change (the change itself, sign-out, me). */
  beforePasswordChange?: boolean
}

/** A signed-in representative's endpoint. */
export function portalEndpoint<R extends PortalRoute>(options: Options<R> & { auth?: 'representative' }, handler: (ctx: PortalContext<R>) => Promise<Answer<R>>): Endpoint
/** An endpoint for anyone (there is no session yet). */
export function portalEndpoint<R extends PortalRoute>(
  options: Options<R> & { auth: 'none' },
  handler: (ctx: Pick<PortalContext<R>, 'req' | 'body' | 'answer'>) => Promise<Answer<R>>,
): Endpoint
export function portalEndpoint(options: Options<PortalRoute>, handler: (ctx: never) => Promise<Response>): Endpoint {
  const [method, path] = options.route.split(' ')
  const contract = PortalRoutes[options.route]
  const schema = 'body' in contract ? contract.body : undefined
  const answer = answerer()
  return {
    path: `/portal${path}`,
    method: method.toLowerCase() as Endpoint['method'],
    handler: async (req) => {
      try {
        if (method !== 'GET') {
          if (!fromOwnOrigin(req))
            throw refusal(403, 'origin', '请求来源不符：请从本站的代表门户页面操作')
        }
        let body: unknown
        if (schema) {
          let raw: unknown
          try {
            raw = await req.json?.()
          } catch {
            throw refusal(400, 'invalid', '提交的内容不是有效的 JSON')
          }
          const checked = checkInput(schema, raw ?? {})
          if (!checked.ok) throw new PortalRefusal(400, checked.error)
          body = checked.data
        }
        if (options.auth === 'none') return await (handler as (c: unknown) => Promise<Response>)({ req, body, answer })
        // Payload's auth strategy (portalSessionStrategy) has looked the session up already.
        const session = 'portalSession' in req.context ? (req.context.portalSession as PortalSession | null) : await currentSession(req)
        if (!session) throw refusal(401, 'unauthenticated', '请先登录（登录已过期或已退出）')
        if (session.representative.mustChangePassword && !options.beforePasswordChange)
          throw refusal(403, 'mustChangePassword', '首次登录请先修改密码')
        req.user = { ...session.representative, collection: 'representatives' } as PayloadRequest['user']
        return await (handler as (c: unknown) => Promise<Response>)({ req, body, session, representative: session.representative, answer })
      } catch (e) {
        if (e instanceof PortalRefusal) return failure(e.status, e.error, e.headers)
        if (e instanceof ValidationError) {
          const fields = Object.fromEntries((e.data?.errors ?? []).map((f) => [f.path, f.message]))
          return failure(400, { code: 'invalid', message: e.data?.errors?.[0]?.message ?? e.message, fields })
        }
        if (e instanceof APIError && e.status < 500) {
          const code = e.status === 403 ? 'forbidden' : e.status === 404 ? 'notFound' : 'refused'
          const message = e.status === 403 ? '没有权限进行此操作' : e.status === 404 ? '找不到该记录' : e.message
          const data = e.data as { errors?: { path?: string; message: string }[] } | undefined
          const fields = data?.errors?.length ? Object.fromEntries(data.errors.map((f) => [f.path ?? '_', f.message])) : undefined
          return failure(e.status, { code, message, ...(fields ? { fields } : {}) })
        }
        req.payload.logger.error({ err: e, path }, 'portal endpoint failed')
        return failure(500, { code: 'server', message: '服务器出错，请稍后再试；您填写的内容没有丢失' })
      }
    },
  }
}
