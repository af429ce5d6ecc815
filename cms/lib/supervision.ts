// 督办 in the CMS: a proposal's 重点督办 mark (read in one place) and a session's 督办 settings
// (the `supervision` group of Sessions, read and checked by core/notices.ts and core/sweep.ts).
import type { Field } from 'payload'
import { supervisionFieldRefusal, supervisionSettingsFrom, type StoredSupervision } from '../../core/notices'
import { DefaultSupervisionSettings, type SupervisionSettings } from '../../core/sweep'

/** 重点督办: the proposal's `keyItem` mark (the 督办 board's field). The sweep reads it only here. */
export const keyItemOf = (p: unknown): boolean => Boolean((p as { keyItem?: unknown } | null)?.keyItem)

/** A session's 督办 settings as stored; the defaults for what is missing. */
export const supervisionSettingsOf = (session: unknown): SupervisionSettings =>
  supervisionSettingsFrom((session as { supervision?: StoredSupervision } | null)?.supervision)

/** Each setting on its own (no rule joins two of them): the others taken as their defaults, so only the one typed wrong is named. */
const check = (name: keyof StoredSupervision) => (value: unknown) => supervisionFieldRefusal(name, value, null) ?? true

const list = (name: 'reminderWorkingDays' | 'keyReminderWorkingDays', label: { zh: string; en: string }, description: string): Field => ({
  name,
  type: 'text',
  defaultValue: DefaultSupervisionSettings[name].join(','),
  label,
  admin: { description },
  validate: check(name),
})

const days = (name: 'escalationWorkingDays' | 'keyEscalationWorkingDays', label: { zh: string; en: string }): Field => ({
  name,
  type: 'number',
  defaultValue: DefaultSupervisionSettings[name],
  label,
  validate: check(name),
})

/** The `supervision` group of a session: its 督办 settings (core/sweep.ts SupervisionSettings). */
export const supervisionField: Field = {
  name: 'supervision',
  type: 'group',
  label: { zh: '督办设置', en: 'Supervision' },
  admin: { description: '每个工作日 8:30 的督办提醒：到期前提醒承办人，逾期次日通知其负责人，逾期若干工作日后上报街道领导和代表工作室。' },
  fields: [
    list('reminderWorkingDays', { zh: '到期提醒（到期前的工作日数）', en: 'Reminders (working days before)' }, '多个用逗号分隔，如 3,1；留空则不提醒'),
    days('escalationWorkingDays', { zh: '逾期上报（逾期的工作日数）', en: 'Escalation (working days overdue)' }),
    list('keyReminderWorkingDays', { zh: '重点督办事项的到期提醒（到期前的工作日数）', en: 'Key items: reminders' }, '如 5,3,2,1'),
    days('keyEscalationWorkingDays', { zh: '重点督办事项的逾期上报（逾期的工作日数）', en: 'Key items: escalation' }),
  ],
}
