import { Forbidden } from 'payload'
import type { CollectionAfterChangeHook, CollectionBeforeChangeHook, CollectionConfig, Endpoint, Field, FieldAccess } from 'payload'
import { canManageRepresentatives, canReadPrivate, isStaff } from '../../core/permissions'
import { sameId } from '../../core/lifecycle'
import { passwordProblem } from '../../core/portal'
import type { Actor } from '../../core/types'
import { representativeManagers } from '../access'
import { actorOfReq } from '../access/actor'
import { refuse } from '../lib/refuse'
import { endAllSessions, portalSessionStrategy } from '../portal/sessions'

/**
 * Set by the portal's sign-in on the login it asks Payload for. Any other login of a representative
 * (Payload's GraphQL `loginRepresentative`, for one) is refused: it would skip the portal's
 * throttling, first-password rule and sessions.
 */
export const PORTAL_SIGN_IN = 'portalSignIn'

/** Set on the request by the portal's password change once the current password has been checked. */
export const CURRENT_PASSWORD_CONFIRMED = 'currentPasswordConfirmed'

/** The representative whose own record this is. */
const isSelf = (a: Actor, id: unknown): boolean => a.role === 'representative' && sameId(a.id, id)

/** Their own personal data: the office, the admin, and the representative. */
const privateOrSelf: FieldAccess = ({ req, doc, id }) => {
  const a = actorOfReq(req)
  return canReadPrivate(a) || isSelf(a, doc?.id ?? id)
}
/** Account details (login name, email, state, when it last changed): staff and the representative themself. */
const staffOrSelf = (a: Actor, id: unknown): boolean => isStaff(a) || isSelf(a, id)
const staffOrSelfField: FieldAccess = ({ req, doc, id }) => staffOrSelf(actorOfReq(req), doc?.id ?? id)
const managersOnly: FieldAccess = ({ req }) => canManageRepresentatives(actorOfReq(req))

/**
 * A new password: set by the representative themself (it must meet the rule, and the
 * first-sign-in demand is then met), or by the office as a reset (which demands a new one at
 * the next sign-in). Either way, and when the account is disabled, every portal sign-in ends.
 */
const passwordChange: CollectionBeforeChangeHook = ({ data, req, operation, originalDoc }) => {
  if (operation !== 'update') return data
  const a = actorOfReq(req)
  if (typeof data.password === 'string' && data.password) {
    if (a.role === 'representative') {
      const problem = passwordProblem(data.password, originalDoc?.username)
      if (problem) refuse(problem, 'password')
      data.mustChangePassword = false
    } else data.mustChangePassword = true
    req.context.endPortalSessions = true
  }
  if (data.active === false && originalDoc?.active !== false) req.context.endPortalSessions = true
  return data
}
const endSessions: CollectionAfterChangeHook = async ({ doc, req, operation }) => {
  if (operation === 'update' && req.context.endPortalSessions) {
    delete req.context.endPortalSessions
    await endAllSessions(req.payload, doc.id, req)
  }
  return doc
}

/** Representatives sign in through the portal only (its throttling, sessions and Origin check), never Payload's REST login. */
const portalOnly = (path: string): Endpoint => ({
  path,
  method: 'post',
  handler: () => Response.json({ errors: [{ message: '居民代表请在门户网站（/portal/）登录' }] }, { status: 404 }),
})

/** 居民代表: proposers. Their own auth collection; they never use the admin UI, only the portal. */
export const Representatives: CollectionConfig = {
  slug: 'representatives',
  labels: { singular: { zh: '居民代表', en: 'Representative' }, plural: { zh: '居民代表', en: 'Representatives' } },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'username', 'residentialArea', 'kind', 'active'],
    group: { zh: '代表', en: 'Representatives' },
  },
  auth: {
    loginWithUsername: { allowEmailLogin: false, requireEmail: false, requireUsername: true },
    // The sixth wrong password locks the account for 15 minutes.
    maxLoginAttempts: 5,
    lockTime: 15 * 60 * 1000,
    // Portal sessions live in `portal-sessions` (cms/portal/sessions.ts); Payload's own are not used.
    useSessions: false,
    strategies: [portalSessionStrategy],
  },
  endpoints: ['/login', '/refresh-token', '/forgot-password', '/reset-password', '/first-register'].map(portalOnly),
  hooks: {
    beforeChange: [passwordChange],
    afterChange: [endSessions],
    beforeLogin: [
      ({ context, user }) => {
        if (context[PORTAL_SIGN_IN] !== true) throw new Forbidden()
        return user
      },
    ],
  },
  access: {
    admin: () => false,
    read: ({ req }) => {
      const a = actorOfReq(req)
      if (isStaff(a)) return true
      // A representative sees names and areas of all (to invite co-signers); private fields stay hidden.
      return a.role === 'representative'
    },
    create: representativeManagers,
    // A representative changes only their own password, and only through the portal's
    // /password endpoint, which confirms the current one first (never by REST with a session alone).
    update: ({ req, id }) => {
      const a = actorOfReq(req)
      return canManageRepresentatives(a) || (isSelf(a, id) && req.context[CURRENT_PASSWORD_CONFIRMED] === true)
    },
    delete: representativeManagers,
    unlock: representativeManagers,
    readVersions: representativeManagers,
  },
  fields: [
    // Override the auth username so only the office changes it (it is how the person signs in).
    {
      name: 'username',
      type: 'text',
      required: true,
      unique: true,
      index: true,
      label: { zh: '登录名', en: 'Username' },
      access: { read: staffOrSelfField, update: managersOnly },
    },
    // Payload's own email field as it makes it here (optional, not unique, not shown), with the same read rule.
    {
      name: 'email',
      type: 'email',
      required: false,
      unique: false,
      label: { zh: '电子邮箱', en: 'Email' },
      admin: { hidden: true },
      access: { read: staffOrSelfField, update: managersOnly },
    },
    { name: 'name', type: 'text', required: true, label: { zh: '姓名', en: 'Name' }, access: { update: managersOnly } },
    {
      name: 'residentialArea',
      type: 'relationship',
      relationTo: 'residential-areas',
      required: true,
      label: { zh: '居民区', en: 'Residential area' },
      access: { update: managersOnly },
    },
    {
      name: 'kind',
      type: 'select',
      required: true,
      defaultValue: 'resident',
      label: { zh: '代表类别', en: 'Kind' },
      options: [
        { value: 'resident', label: { zh: '居民代表', en: 'Residents’ representative' } },
        { value: 'deputy', label: { zh: '人大代表', en: 'People’s congress deputy' } },
      ],
      access: { update: managersOnly },
    },
    {
      name: 'active',
      type: 'checkbox',
      defaultValue: true,
      label: { zh: '账号启用', en: 'Account enabled' },
      access: { read: staffOrSelfField, update: managersOnly },
    },
    {
      name: 'mustChangePassword',
      type: 'checkbox',
      defaultValue: true,
      label: { zh: '首次登录须修改密码', en: 'Must change password at next sign-in' },
      access: { read: staffOrSelfField, update: managersOnly },
    },
    {
      type: 'collapsible',
      label: { zh: '个人信息（仅代表工作室可见）', en: 'Personal data (office only)' },
      fields: [
        {
          name: 'phone',
          type: 'text',
          label: { zh: '手机号', en: 'Phone' },
          admin: { description: { zh: '代表可用手机号登录门户；空格和短横线会自动去掉', en: 'Also a portal login; spaces and dashes are removed' } },
          access: { read: privateOrSelf, update: managersOnly },
          // A number typed with spaces or dashes is stored as digits, so a sign-in by phone finds it.
          hooks: { beforeValidate: [({ value }) => (typeof value === 'string' && /^[+\d\s-]+$/.test(value) ? value.replace(/[\s-]/g, '') : value)] },
        },
        { name: 'idNumber', type: 'text', label: { zh: '身份证号', en: 'ID number' }, access: { read: privateOrSelf, update: managersOnly } },
        { name: 'address', type: 'text', label: { zh: '住址', en: 'Address' }, access: { read: privateOrSelf, update: managersOnly } },
      ],
    },
    // Payload's own timestamps, redeclared with read access: when an account record last changed
    // tells of others' sign-in failures and password changes (staff and the representative
    // themself only). Field access, not an afterRead hook, so nobody else can filter or sort on them either.
    ...(['updatedAt', 'createdAt'] as const).map(
      (name): Field => ({ name, type: 'date', index: true, admin: { hidden: true, disableBulkEdit: true }, access: { read: staffOrSelfField } }),
    ),
  ],
}
