// One way to set a password in the admin, for staff and for representatives' accounts:
// POST /api/<users|representatives>/:id/password with the new password and, for one's own, the
// current one, or, for someone else's, a reason. The admin's 修改密码 panel
// (cms/components/PasswordPanel.tsx) uses it; a PATCH carrying a password is refused, so the
// collections' hooks (cms/lib/staffAuth.ts, Representatives) see every change with what it needs.
import { addDataAndFileToRequest, APIError, Forbidden, NotFound, type CollectionBeforeOperationHook, type Endpoint, type Field, type PayloadRequest } from 'payload'
import { SetPasswordSchema } from '../../core/portal'

/** Set on the request by the endpoint (and the portal's own /password): what came with the new password. */
export const PASSWORD_CHANGE = 'passwordChange'
export type PasswordChangeContext = { currentPassword?: string; reason?: string }

export const passwordChangeOf = (req: PayloadRequest): PasswordChangeContext | undefined =>
  req.context[PASSWORD_CHANGE] as PasswordChangeContext | undefined

export const markPasswordChange = (req: PayloadRequest, change: PasswordChangeContext = {}) => {
  req.context[PASSWORD_CHANGE] = change
}

/**
 * Payload's own password field, declared so that its access says who may set it where: on a new
 * account, as before; on an existing one only through the endpoint. Payload's edit view reads this
 * access and so offers no 修改密码 block of its own (the panel takes its place). Never stored as a
 * column (Payload keeps a hash and a salt), never shown.
 */
export const passwordField: Field = {
  name: 'password',
  type: 'text',
  virtual: true,
  admin: { disabled: true },
  access: {
    read: () => false,
    create: () => true,
    update: ({ req }) => passwordChangeOf(req) !== undefined,
  },
}

/** A structured 400 naming each field that is wrong (the panel shows each message under its field). */
const refuseFields = (errors: { message: string; path: string }[]): never => {
  throw new APIError(errors[0]!.message, 400, { errors }, true)
}

/** A PATCH (one document or many) carrying a password: refused, naming the one way to set it. */
export const passwordOnlyThroughEndpoint: CollectionBeforeOperationHook = ({ args, operation, req, collection }) => {
  if (operation !== 'update' || !req.user || passwordChangeOf(req) !== undefined) return args
  const data = (args as { data?: Record<string, unknown> }).data
  if (data && 'password' in data && data.password !== undefined && data.password !== '')
    refuseFields([{ message: `密码请在“修改密码”中修改（POST /api/${collection.slug}/<id>/password）`, path: 'password' }])
  return args
}

/** POST /:id/password on an account collection: the new password with what the rules ask for. */
export const setPasswordEndpoint = (collection: 'users' | 'representatives'): Endpoint => ({
  path: '/:id/password',
  method: 'post',
  handler: async (req) => {
    if (!req.user) throw new Forbidden(req.t)
    const id = String(req.routeParams?.id ?? '')
    if (!/^[1-9]\d{0,15}$/.test(id)) throw new NotFound(req.t)
    await addDataAndFileToRequest(req)
    const parsed = SetPasswordSchema.safeParse(req.data ?? {})
    if (!parsed.success) refuseFields(parsed.error.issues.map((i) => ({ message: i.message, path: String(i.path[0] ?? '') })))
    const { password, currentPassword, reason } = parsed.data!
    markPasswordChange(req, { currentPassword, reason: reason?.trim() || undefined })
    await req.payload.update({ collection, id, data: { password }, req, user: req.user, overrideAccess: false })
    return Response.json({ message: '密码已修改' }, { headers: { 'Cache-Control': 'no-store' } })
  },
})

/** The admin's 修改密码 / 重置密码 panel on an account (it posts to the endpoint above). */
export const passwordPanel: Field = {
  name: 'passwordPanel',
  type: 'ui',
  label: { zh: '密码', en: 'Password' },
  admin: { components: { Field: '/cms/components/PasswordPanel#PasswordPanel' } },
}
