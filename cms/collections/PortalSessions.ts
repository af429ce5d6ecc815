// Representatives' portal sign-ins (cms/portal/sessions.ts). A record holds only the SHA-256 of
// its token: someone who reads the database cannot sign in with what they find. A
// representative sees and ends their own sign-ins; the office and the admin see all of them.
import type { Access, CollectionConfig } from 'payload'
import { canManageRepresentatives } from '../../core/permissions'
import { nobody } from '../access'
import { actorOfReq } from '../access/actor'

const ownOrManagers: Access = ({ req }) => {
  const a = actorOfReq(req)
  if (canManageRepresentatives(a)) return true
  return a.role === 'representative' && a.id != null ? { representative: { equals: a.id } } : false
}

export const PortalSessions: CollectionConfig = {
  slug: 'portal-sessions',
  labels: { singular: { zh: '代表登录会话', en: 'Portal sign-in' }, plural: { zh: '代表登录会话', en: 'Portal sign-ins' } },
  admin: {
    group: { zh: '代表', en: 'Representatives' },
    useAsTitle: 'createdAt',
    defaultColumns: ['representative', 'createdAt', 'lastSeenAt', 'device'],
    description: {
      zh: '居民代表在门户网站上的登录。删除一条即让那台设备退出登录；停用账号或重置密码会结束该代表的全部登录。',
      en: 'Representatives’ portal sign-ins. Deleting one signs that device out; disabling an account or resetting its password ends all of them.',
    },
  },
  disableDuplicate: true,
  access: { read: ownOrManagers, delete: ownOrManagers, create: nobody, update: nobody, readVersions: nobody },
  fields: [
    {
      // SHA-256 of the token, hex. Never leaves the server.
      name: 'tokenHash',
      type: 'text',
      required: true,
      unique: true,
      index: true,
      admin: { hidden: true },
      access: { read: () => false },
    },
    { name: 'representative', type: 'relationship', relationTo: 'representatives', required: true, index: true, label: { zh: '代表', en: 'Representative' } },
    { name: 'expiresAt', type: 'date', required: true, index: true, label: { zh: '闲置到期', en: 'Idle expiry' }, admin: { date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'absoluteExpiresAt', type: 'date', required: true, label: { zh: '最迟到期', en: 'Absolute expiry' }, admin: { date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'lastSeenAt', type: 'date', label: { zh: '最近使用', en: 'Last used' }, admin: { date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'device', type: 'text', maxLength: 120, label: { zh: '设备', en: 'Device' } },
  ],
}
