import type { CollectionConfig } from 'payload'
import { RoleLabels } from '../../../core/lifecycle'
import { StaffRoles } from '../../../core/types'
import { canAdminister, isStaff } from '../../../core/permissions'
import { adminOnly, adminOnlyField, staffOnly } from '../../access'
import { actorOfReq } from '../../access/actor'
import { secureCookies } from '../../lib/env'
import { passwordField, passwordOnlyThroughEndpoint, passwordPanel, setPasswordEndpoint } from '../../lib/passwordChange'
import { staffAuthEndpoints, staffPasswordChange } from '../../lib/staffAuth'
import { firstUserIsAdmin } from './hooks/firstUserIsAdmin'
import { notifyField } from '../../notices/preferences'
import { canReadPrivate } from '../../../core/permissions'

/** Staff accounts: office, leaders, section staff and heads, admins. */
export const Users: CollectionConfig = {
  slug: 'users',
  labels: { singular: { zh: '工作人员', en: 'Staff user' }, plural: { zh: '工作人员', en: 'Staff users' } },
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'email', 'role', 'section'], group: { zh: '系统', en: 'System' } },
  auth: {
    maxLoginAttempts: 5,
    lockTime: 15 * 60 * 1000,
    tokenExpiration: 8 * 60 * 60,
    cookies: { secure: secureCookies, sameSite: 'Lax' },
  },
  access: {
    admin: ({ req }) => isStaff(actorOfReq(req)),
    read: staffOnly,
    create: adminOnly,
    // Staff may change their own name, password and 通知方式; everything else (their e-mail and phone too) is the admin's.
    update: ({ req, id }) => canAdminister(actorOfReq(req)) || (isStaff(actorOfReq(req)) && String(req.user?.id) === String(id)),
    delete: adminOnly,
    unlock: adminOnly,
    readVersions: adminOnly,
  },
  // Sign-in throttled like the portal's; forgot-password sends a link by e-mail or SMS, or says who resets passwords when neither is set up;
  // a new password only through /:id/password (cms/lib/passwordChange.ts).
  endpoints: [...staffAuthEndpoints, setPasswordEndpoint('users')],
  hooks: {
    beforeOperation: [passwordOnlyThroughEndpoint],
    beforeChange: [firstUserIsAdmin, staffPasswordChange],
  },
  fields: [
    passwordField,
    passwordPanel,
    // Payload's own e-mail field (the sign-in name), and below the phone: where a reset link goes, so
    // only the admin changes them (a stolen session must not redirect a password-reset link).
    { name: 'email', type: 'email', label: { zh: '电子邮箱', en: 'Email' }, access: { update: adminOnlyField } },
    { name: 'name', type: 'text', required: true, label: { zh: '姓名', en: 'Name' } },
    {
      name: 'role',
      type: 'select',
      required: true,
      defaultValue: 'office',
      label: { zh: '角色', en: 'Role' },
      options: StaffRoles.map((r) => ({ value: r, label: RoleLabels[r] })),
      access: { create: adminOnlyField, update: adminOnlyField },
      saveToJWT: true,
    },
    {
      name: 'section',
      type: 'relationship',
      relationTo: 'sections',
      label: { zh: '所属科室', en: 'Section' },
      admin: { condition: (data) => data?.role === 'sectionStaff' || data?.role === 'sectionHead' },
      access: { create: adminOnlyField, update: adminOnlyField },
      validate: (value: unknown, { siblingData }: { siblingData: Record<string, unknown> }) =>
        (siblingData?.role === 'sectionStaff' || siblingData?.role === 'sectionHead') && !value
          ? '科室人员必须指定所属科室'
          : true,
      saveToJWT: true,
    },
    // For SMS notices (and a password reset by SMS): the person themself, the office and the admin read it.
    {
      name: 'phone',
      type: 'text',
      label: { zh: '手机号', en: 'Phone' },
      admin: { description: { zh: '用于短信通知和短信找回密码', en: 'For SMS notices and password reset' } },
      access: { read: ({ req, doc, id }) => canReadPrivate(actorOfReq(req)) || String(req.user?.id) === String(doc?.id ?? id), update: adminOnlyField },
    },
    // 通知方式: e-mail by default; each person sets their own (cms/notices/preferences.ts).
    notifyField({ byEmail: true, bySms: false }),
  ],
}
