import type { CollectionConfig } from 'payload'
import { isValidLocalDate } from '../../core/calendar'
import { adminOnly, anyone } from '../access'
import { invalidateCalendar } from '../lib/calendar'

/** The working-day calendar: statutory holidays and make-up workdays (调休), one row a day. */
export const Holidays: CollectionConfig = {
  slug: 'holidays',
  labels: { singular: { zh: '节假日', en: 'Calendar day' }, plural: { zh: '节假日与调休', en: 'Holidays & make-up days' } },
  admin: {
    useAsTitle: 'date',
    defaultColumns: ['date', 'kind', 'name'],
    group: { zh: '基础数据', en: 'Reference data' },
    description: {
      zh: '国务院办公厅每年公布次年放假安排后，在此录入放假日期和调休上班日期。期限计算按此日历。',
      en: 'Enter each year’s State Council holiday notice here; deadlines are computed on this calendar.',
    },
  },
  defaultSort: 'date',
  hooks: { afterChange: [() => invalidateCalendar()], afterDelete: [() => invalidateCalendar()] },
  access: { read: anyone, create: adminOnly, update: adminOnly, delete: adminOnly, readVersions: adminOnly },
  fields: [
    {
      name: 'date',
      type: 'text',
      required: true,
      unique: true,
      index: true,
      label: { zh: '日期（如 2026-10-01）', en: 'Date (YYYY-MM-DD)' },
      validate: (v: unknown) => (typeof v === 'string' && isValidLocalDate(v) ? true : '请按 2026-10-01 的格式填写有效日期'),
    },
    {
      name: 'kind',
      type: 'select',
      required: true,
      label: { zh: '类型', en: 'Kind' },
      options: [
        { value: 'holiday', label: { zh: '放假', en: 'Holiday' } },
        { value: 'makeUpWorkday', label: { zh: '调休上班', en: 'Make-up workday' } },
      ],
    },
    { name: 'name', type: 'text', required: true, label: { zh: '名称', en: 'Name' } },
  ],
}
