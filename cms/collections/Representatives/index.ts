import type { CollectionConfig, Endpoint, Field, FieldAccess } from 'payload'
import { canManageRepresentatives, canReadPrivate, isStaff } from '../../../core/permissions'
import { sameId } from '../../../core/lifecycle'
import type { Actor } from '../../../core/types'
import { representativeManagers } from '../../access'
import { actorOfReq } from '../../access/actor'
import { passwordField, passwordOnlyThroughEndpoint, passwordPanel, setPasswordEndpoint } from '../../lib/passwordChange'
import { portalSessionStrategy } from '../../portal/sessions'
import { endSessions } from './hooks/endSessions'
import { normalizePhone } from './hooks/normalizePhone'
import { onlyThroughPortal, PORTAL_ONLY_MESSAGE } from './hooks/onlyThroughPortal'
import { passwordChange } from './hooks/passwordChange'
import { notifyField } from '../../notices/preferences'

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

const portalOnlyAnswer = () => Response.json({ errors: [{ message: PORTAL_ONLY_MESSAGE }] }, { status: 404 })

/**
 * Representatives sign in, out and change passwords through the portal only (/api/portal/*: its
 * throttling, first-password rule, sessions and Origin check). Payload's own auth endpoints of this
 * collection all give this one answer, whatever the body, before any password work: no oracle, no
 * lockout by strangers. `/logout` too: it would not end a portal session (the portal's /sign-out does).
 * Two stay Payload's, as neither takes a password: `/me` (GET, only reads the session: with a portal
 * session it is how a REST client learns who it is, without one it is `{ user: null }` for all), and
 * `/unlock` (the office's button in the admin; it checks access first, 403 to anyone else whatever the name).
 */
const portalOnly = (method: 'get' | 'post', path: string): Endpoint => ({ path, method, handler: portalOnlyAnswer })
const portalOnlyEndpoints = [
  ...['/login', '/logout', '/refresh-token', '/forgot-password', '/reset-password', '/first-register', '/verify/:token'].map((p) => portalOnly('post', p)),
  portalOnly('get', '/init'),
]

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
  // The office's reset in the admin: /:id/password (cms/lib/passwordChange.ts).
  endpoints: [...portalOnlyEndpoints, setPasswordEndpoint('representatives')],
  hooks: {
    beforeChange: [passwordChange],
    afterChange: [endSessions],
    beforeOperation: [onlyThroughPortal, passwordOnlyThroughEndpoint],
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
    // Payload's own email field as it makes it here (optional, not unique): a contact, private like the phone.
    {
      name: 'email',
      type: 'email',
      required: false,
      unique: false,
      label: { zh: '电子邮箱', en: 'Email' },
      admin: { description: { zh: '用于邮件通知和找回密码（可不填）', en: 'For e-mail notices and password reset (optional)' } },
      access: { read: privateOrSelf, update: managersOnly },
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
    passwordField,
    passwordPanel,
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
          hooks: { beforeValidate: [normalizePhone] },
        },
        { name: 'idNumber', type: 'text', label: { zh: '身份证号', en: 'ID number' }, access: { read: privateOrSelf, update: managersOnly } },
        { name: 'address', type: 'text', label: { zh: '住址', en: 'Address' }, access: { read: privateOrSelf, update: managersOnly } },
      ],
    },
    // 通知方式: SMS by default; set by the office, read by the representative (cms/notices/preferences.ts).
    notifyField({ byEmail: false, bySms: true }, { read: privateOrSelf, update: managersOnly }),
    // Payload's own timestamps, redeclared with read access: when an account record last changed
    // tells of others' sign-in failures and password changes (staff and the representative
    // themself only). Field access, not an afterRead hook, so nobody else can filter or sort on them either.
    ...(['updatedAt', 'createdAt'] as const).map(
      (name): Field => ({ name, type: 'date', index: true, admin: { hidden: true, disableBulkEdit: true }, access: { read: staffOrSelfField } }),
    ),
  ],
}
