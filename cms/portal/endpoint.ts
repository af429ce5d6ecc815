// One wrapper for every /api/portal/* endpoint: the Origin check on state-changing requests,
// the session, the body validated by a `core` schema, and Payload's errors turned into the
// portal's structured zh-CN answer. A handler acts as the representative: `req.user` is set,
// and everything it does goes through the Local API with `overrideAccess: false`.
import { APIError, ValidationError, type Endpoint, type PayloadRequest } from 'payload'
import type { z } from 'zod'
import { checkInput, type PortalError } from '../../core/portal'
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

export const answer = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  Response.json(body, { status, headers: { 'Cache-Control': 'no-store', ...headers } })

const failure = (status: number, error: PortalError, headers: Record<string, string> = {}) => answer({ error }, status, headers)

export interface PortalContext<B> {
  req: PayloadRequest
  body: B
  session: PortalSession
  representative: Representative
}

type Method = 'get' | 'post' | 'patch' | 'delete'

interface Options<S extends z.ZodType | undefined> {
  path: string
  method: Method
  /** The body's schema (JSON); none for GET and DELETE. */
  schema?: S
  /** Who may call it: a signed-in representative (default), or anyone (sign-in). */
  auth?: 'representative' | 'none'
  /** Allowed before the first-sign-in password change (the change itself, sign-out, me). */
  beforePasswordChange?: boolean
}

type Body<S> = S extends z.ZodType ? z.infer<S> : undefined

/** A signed-in representative's endpoint. */
export function portalEndpoint<S extends z.ZodType | undefined = undefined>(
  options: Options<S> & { auth?: 'representative' },
  handler: (ctx: PortalContext<Body<S>>) => Promise<Response>,
): Endpoint
/** An endpoint for anyone (there is no session yet). */
export function portalEndpoint<S extends z.ZodType | undefined = undefined>(
  options: Options<S> & { auth: 'none' },
  handler: (ctx: { req: PayloadRequest; body: Body<S> }) => Promise<Response>,
): Endpoint
export function portalEndpoint(options: Options<z.ZodType | undefined>, handler: (ctx: never) => Promise<Response>): Endpoint {
  return {
    path: `/portal${options.path}`,
    method: options.method,
    handler: async (req) => {
      try {
        if (options.method !== 'get') {
          if (!fromOwnOrigin(req))
            throw refusal(403, 'origin', '请求来源不符：请从本站的代表门户页面操作')
        }
        let body: unknown
        if (options.schema) {
          let raw: unknown
          try {
            raw = await req.json?.()
          } catch {
            throw refusal(400, 'invalid', '提交的内容不是有效的 JSON')
          }
          const checked = checkInput(options.schema, raw ?? {})
          if (!checked.ok) throw new PortalRefusal(400, checked.error)
          body = checked.data
        }
        if (options.auth === 'none') return await (handler as (c: unknown) => Promise<Response>)({ req, body })
        // Payload's auth strategy (portalSessionStrategy) has looked the session up already.
        const session = 'portalSession' in req.context ? (req.context.portalSession as PortalSession | null) : await currentSession(req)
        if (!session) throw refusal(401, 'unauthenticated', '请先登录（登录已过期或已退出）')
        if (session.representative.mustChangePassword && !options.beforePasswordChange)
          throw refusal(403, 'mustChangePassword', '首次登录请先修改密码')
        req.user = { ...session.representative, collection: 'representatives' } as PayloadRequest['user']
        return await (handler as (c: unknown) => Promise<Response>)({ req, body, session, representative: session.representative })
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
        req.payload.logger.error({ err: e, path: options.path }, 'portal endpoint failed')
        return failure(500, { code: 'server', message: '服务器出错，请稍后再试；您填写的内容没有丢失' })
      }
    },
  }
}
