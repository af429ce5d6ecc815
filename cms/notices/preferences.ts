// 通知方式: each person's choice of channels besides 站内 (e-mail, SMS) and their quiet hours
// (免打扰时段, China time), on staff accounts and on representatives. Staff set their own on their
// account page (or the admin does); a representative's are set by the office (the portal has no
// settings page), and the representative reads them. core/notices.ts says what they mean.
import type { Field, FieldAccess } from 'payload'
import { timeOfDayRefusal } from '../../core/notices'

const time = (name: 'quietFrom' | 'quietTo', label: { zh: string; en: string }): Field => ({
  name,
  type: 'text',
  label,
  admin: { placeholder: name === 'quietFrom' ? '22:00' : '07:30', width: '50%' },
  validate: (v: unknown) => timeOfDayRefusal(v) ?? true,
})

/** The 通知方式 group: e-mail and SMS chosen by default as given, quiet hours empty (none). */
export function notifyField(defaults: { byEmail: boolean; bySms: boolean }, access?: { read?: FieldAccess; update?: FieldAccess }): Field {
  return {
    name: 'notify',
    type: 'group',
    label: { zh: '通知方式', en: 'Notifications' },
    admin: {
      description: '站内消息总会显示在工作台或代表门户的“消息”中；另可选择邮件、短信（须填写电子邮箱或手机号）。免打扰时段内的邮件和短信在时段结束后发出。',
    },
    ...(access ? { access } : {}),
    fields: [
      {
        type: 'row',
        fields: [
          { name: 'byEmail', type: 'checkbox', defaultValue: defaults.byEmail, label: { zh: '邮件通知', en: 'By e-mail' } },
          { name: 'bySms', type: 'checkbox', defaultValue: defaults.bySms, label: { zh: '短信通知', en: 'By SMS' } },
        ],
      },
      { type: 'row', fields: [time('quietFrom', { zh: '免打扰开始（时:分）', en: 'Quiet from' }), time('quietTo', { zh: '免打扰结束（时:分）', en: 'Quiet until' })] },
    ],
  }
}
