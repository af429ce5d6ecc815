import type { CollectionConfig, Field } from 'payload'
import { DefaultDeadlineSettings, type DeadlineSettings } from '../../core/types'
import { adminOnly, anyone } from '../access'
import { supervisionField } from '../lib/supervision'

const DeadlineLabels: Record<keyof DeadlineSettings, string> = {
  screeningWorkingDays: '甄别期限（工作日）',
  instructionWorkingDays: '批示期限（工作日）',
  replyMonths: '答复期限（月）',
  extensionMaxMonths: '延期后总期限上限（月）',
  coOpinionWorkingDays: '协办意见期限（工作日）',
  rehandlingMonths: '重新办理期限（月）',
  evaluationWorkingDays: '评价期限（工作日）',
  explanationWorkingDays: '未立案说明期限（工作日，自甄别起）',
}

const deadlineFields: Field[] = (Object.keys(DefaultDeadlineSettings) as (keyof DeadlineSettings)[]).map((name) => ({
  name,
  type: 'number',
  required: true,
  min: 0,
  max: 250,
  defaultValue: DefaultDeadlineSettings[name],
  label: DeadlineLabels[name],
}))

/** 届次/年度会议: the annual congress; proposals belong to one, and it sets their deadlines. */
export const Sessions: CollectionConfig = {
  slug: 'sessions',
  labels: { singular: { zh: '届次', en: 'Session' }, plural: { zh: '届次/年度会议', en: 'Sessions' } },
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'year', 'current'], group: { zh: '基础数据', en: 'Reference data' } },
  access: { read: anyone, create: adminOnly, update: adminOnly, delete: adminOnly, readVersions: adminOnly },
  fields: [
    { name: 'name', type: 'text', required: true, label: { zh: '名称', en: 'Name' } },
    {
      name: 'slug',
      type: 'text',
      required: true,
      unique: true,
      label: { zh: '网址标识', en: 'Slug' },
      validate: (v: unknown) => (typeof v === 'string' && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(v) ? true : '只能用小写字母、数字和连字符'),
    },
    {
      name: 'year',
      type: 'number',
      required: true,
      unique: true,
      min: 2000,
      max: 2100,
      label: { zh: '年度', en: 'Year' },
      admin: { description: { zh: '提案编号以年度开头，如 2026-017', en: 'Proposal numbers start with it, e.g. 2026-017' } },
    },
    { name: 'current', type: 'checkbox', defaultValue: false, label: { zh: '当前届次（新提案归入）', en: 'Current session' } },
    { name: 'deadlines', type: 'group', label: { zh: '办理期限', en: 'Deadlines' }, fields: deadlineFields },
    // 督办: reminders and escalation of the daily sweep (cms/lib/supervision.ts, core/sweep.ts).
    supervisionField,
  ],
}
