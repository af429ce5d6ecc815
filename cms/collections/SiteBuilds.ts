// The record of every public-site build: when, why, how long, and — for a failed one — why it
// failed. The office and the admin see it in the admin; only the rebuild job writes it.
import type { CollectionConfig } from 'payload'
import { nobody, siteManagers } from '../access'

export const SiteBuildStatuses = ['running', 'succeeded', 'failed'] as const

export const SiteBuilds: CollectionConfig = {
  slug: 'site-builds',
  labels: { singular: { zh: '网站发布记录', en: 'Site build' }, plural: { zh: '网站发布记录', en: 'Site builds' } },
  admin: {
    group: { zh: '系统', en: 'System' },
    useAsTitle: 'startedAt',
    defaultColumns: ['startedAt', 'status', 'trigger', 'durationSeconds', 'proposals', 'error'],
    description: {
      zh: '公开网站在每次公开内容变化后自动重新生成（约一分钟内）；每天零点后也会重新生成一次，以反映新的逾期。生成失败时，原网站保持不变，失败原因显示在这里。',
      en: 'The public site is rebuilt after every public change (within about a minute) and daily after midnight. A failed build leaves the previous site online; the reason shows here.',
    },
    components: { beforeList: ['/cms/components/RebuildSiteButton#RebuildSiteButton'] },
  },
  defaultSort: '-startedAt',
  disableDuplicate: true,
  access: { read: siteManagers, create: nobody, update: nobody, delete: nobody },
  fields: [
    { name: 'startedAt', type: 'date', required: true, label: { zh: '开始时间', en: 'Started' }, admin: { date: { pickerAppearance: 'dayAndTime' } } },
    {
      name: 'status',
      type: 'select',
      required: true,
      label: { zh: '结果', en: 'Status' },
      options: [
        { value: 'running', label: { zh: '生成中', en: 'Running' } },
        { value: 'succeeded', label: { zh: '已发布', en: 'Published' } },
        { value: 'failed', label: { zh: '失败（原网站未变）', en: 'Failed (previous site kept)' } },
      ],
    },
    { name: 'trigger', type: 'text', label: { zh: '原因', en: 'Trigger' } },
    { name: 'finishedAt', type: 'date', label: { zh: '完成时间', en: 'Finished' }, admin: { date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'durationSeconds', type: 'number', label: { zh: '用时（秒）', en: 'Seconds' } },
    { name: 'proposals', type: 'number', label: { zh: '公开提案数', en: 'Public proposals' } },
    { name: 'pages', type: 'number', label: { zh: '页面数', en: 'Pages' } },
    { name: 'buildId', type: 'text', label: { zh: '版本', en: 'Build' } },
    { name: 'error', type: 'textarea', label: { zh: '失败原因', en: 'Error' } },
  ],
}
