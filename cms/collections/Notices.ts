import type { CollectionConfig } from 'payload'
import { NoticeChannelLabels, NoticeChannels, NoticeEventLabels, NoticeEvents, NoticeStatusLabels, NoticeStatuses } from '../../core/notices'
import { SweepStageLabels, SweepStages } from '../../core/sweep'
import { nobody } from '../access'
import { noticeDeliveryReadable, noticesReadable } from '../access/notices'

/** What a record is about: a step of the sweep (core/sweep.ts) or an event told to a representative (core/notices.ts). */
export const NoticeStages = [...SweepStages, ...NoticeEvents] as const
export type NoticeStage = (typeof NoticeStages)[number]
const StageLabels: Record<NoticeStage, string> = { ...SweepStageLabels, ...NoticeEventLabels }

/**
 * 通知记录 (the notices ledger): one record per notice per recipient per channel — a step of the
 * daily 督办 sweep (its key from core/sweep.ts planSweep) or a lifecycle event told to a
 * representative (core/notices.ts eventKey) — with its text, link, state, tries and last error.
 * The earlier steps a sweep passed over are recorded too (已合并, no recipient), so they are never
 * planned again. `uniqueKey` (key + recipient + channel) is unique in the database: the guard
 * against sending anything twice, whatever runs at the same moment. Written only by the server
 * (cms/notices/*); a person reads their own, the office and the admin all; nobody changes or deletes one.
 */
export const Notices: CollectionConfig = {
  slug: 'notices',
  disableDuplicate: true,
  labels: { singular: { zh: '通知记录', en: 'Notice' }, plural: { zh: '通知记录', en: 'Notices' } },
  admin: {
    useAsTitle: 'subject',
    defaultColumns: ['date', 'subject', 'user', 'representative', 'channel', 'status', 'attempts'],
    group: { zh: '督办', en: 'Supervision' },
    listSearchableFields: ['subject', 'text'],
  },
  defaultSort: '-createdAt',
  // Indexed only where it is looked up (recipient, state, next try, batch, day): the sweep may write tens of thousands at once.
  access: { read: noticesReadable, create: nobody, update: nobody, delete: nobody, readVersions: nobody, unlock: nobody },
  fields: [
    { name: 'uniqueKey', type: 'text', required: true, unique: true, label: { zh: '唯一键', en: 'Unique key' }, admin: { hidden: true } },
    { name: 'key', type: 'text', required: true, index: true, label: { zh: '台账键', en: 'Ledger key' }, admin: { hidden: true }, access: { read: noticeDeliveryReadable } },
    { name: 'date', type: 'text', required: true, index: true, label: { zh: '日期', en: 'Date' } },
    { name: 'stage', type: 'select', required: true, label: { zh: '类别', en: 'Stage' }, options: NoticeStages.map((s) => ({ value: s, label: StageLabels[s] })) },
    { name: 'proposal', type: 'relationship', relationTo: 'proposals', label: { zh: '提案', en: 'Proposal' } },
    { name: 'user', type: 'relationship', relationTo: 'users', index: true, label: { zh: '接收人（工作人员）', en: 'Recipient (staff)' } },
    { name: 'representative', type: 'relationship', relationTo: 'representatives', index: true, label: { zh: '接收人（代表）', en: 'Recipient (representative)' } },
    { name: 'channel', type: 'select', label: { zh: '渠道', en: 'Channel' }, options: NoticeChannels.map((c) => ({ value: c, label: NoticeChannelLabels[c] })) },
    { name: 'subject', type: 'text', label: { zh: '标题', en: 'Subject' } },
    { name: 'text', type: 'textarea', label: { zh: '内容', en: 'Text' } },
    { name: 'link', type: 'text', label: { zh: '链接', en: 'Link' } },
    { name: 'status', type: 'select', required: true, index: true, label: { zh: '状态', en: 'Status' }, options: NoticeStatuses.map((s) => ({ value: s, label: NoticeStatusLabels[s] })) },
    { name: 'attempts', type: 'number', defaultValue: 0, label: { zh: '发送次数', en: 'Attempts' } },
    { name: 'nextAttemptAt', type: 'date', index: true, label: { zh: '下次发送时间', en: 'Next attempt' }, admin: { date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'claimedAt', type: 'date', label: { zh: '开始发送时间', en: 'Claimed at' }, admin: { hidden: true } },
    { name: 'sentAt', type: 'date', label: { zh: '发送时间', en: 'Sent at' }, admin: { date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'outcome', type: 'text', label: { zh: '发送结果', en: 'Outcome' }, access: { read: noticeDeliveryReadable } },
    { name: 'lastError', type: 'textarea', label: { zh: '最近一次错误', en: 'Last error' }, access: { read: noticeDeliveryReadable } },
    // A staff member's digest of one day gathers their records of that day and channel into one message.
    { name: 'digest', type: 'text', index: true, label: { zh: '合并发送批次', en: 'Digest' }, admin: { hidden: true }, access: { read: noticeDeliveryReadable } },
    { name: 'position', type: 'number', label: { zh: '批次内顺序', en: 'Position' }, admin: { hidden: true } },
    // An earlier step passed over (已合并): the key of the notice that was sent instead.
    { name: 'supersededBy', type: 'text', label: { zh: '合并至', en: 'Superseded by' }, admin: { hidden: true } },
  ],
}
