import type { CollectionConfig } from 'payload'
import { ExtensionDecisions } from '../../../core/extensions'
import { ExtensionDecisionLabels } from '../../../core/labels'
import { nobody } from '../../access'
import { createExtensionRequest, decideExtensionRequests, decisionField, readExtensionRequests } from '../../access/extensionRequests'
import { stampedAt } from '../../fields/stampedAt'
import { prepareRequest, refuseBulk } from './hooks/prepareRequest'
import { recordDecision } from './hooks/recordDecision'

const never = () => false

/**
 * 延期申请: the lead section asks for a later reply deadline with a reason (申请延期, from the
 * proposal's page); a leader approves or refuses it from the workbench (待审批延期). An approval
 * becomes one of the proposal's extensions, public with its reason; the request itself stays
 * internal. Requests are never deleted, and a decided one never changes.
 */
export const ExtensionRequests: CollectionConfig = {
  slug: 'extension-requests',
  disableDuplicate: true,
  labels: { singular: { zh: '延期申请', en: 'Extension request' }, plural: { zh: '延期申请', en: 'Extension requests' } },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'newDeadline', 'decision', 'section', 'at'],
    group: { zh: '提案办理', en: 'Proposals' },
    description: { zh: '主办科室在提案页面点“申请延期”提出；街道领导在工作台“待审批延期”中批准或不批准。', en: 'Requested from the proposal; decided by a leader from the workbench.' },
  },
  defaultSort: '-at',
  access: { read: readExtensionRequests, create: createExtensionRequest, update: decideExtensionRequests, delete: nobody, readVersions: nobody },
  hooks: {
    beforeOperation: [refuseBulk],
    beforeChange: [prepareRequest],
    afterChange: [recordDecision],
  },
  fields: [
    // What the leader decides on, with 批准 / 不批准 (cms/components/ExtensionDecision.tsx).
    { name: 'decisionPanel', type: 'ui', label: { zh: '审批', en: 'Decision' }, admin: { components: { Field: '/cms/components/ExtensionDecision#ExtensionDecision' } } },
    { name: 'title', type: 'text', label: { zh: '申请', en: 'Request' }, admin: { hidden: true }, access: { create: never, update: never } },
    {
      // The record as stored (the list's columns and filters); on the page the panel above says it in words and Chinese dates.
      type: 'collapsible',
      label: { zh: '申请与审批记录', en: 'Record' },
      admin: { initCollapsed: true },
      fields: [
        { name: 'proposal', type: 'relationship', relationTo: 'proposals', required: true, index: true, label: { zh: '提案', en: 'Proposal' }, admin: { readOnly: true }, access: { update: never } },
        {
          type: 'row',
          fields: [
            {
              name: 'newDeadline',
              type: 'text',
              required: true,
              label: { zh: '申请延至', en: 'New deadline' },
              admin: { readOnly: true },
              access: { update: never },
            },
            { name: 'section', type: 'relationship', relationTo: 'sections', index: true, label: { zh: '申请科室', en: 'Section' }, admin: { readOnly: true }, access: { create: never, update: never } },
            { name: 'requestedBy', type: 'relationship', relationTo: 'users', label: { zh: '申请人', en: 'Requested by' }, admin: { readOnly: true }, access: { create: never, update: never } },
            stampedAt({ label: { zh: '申请时间', en: 'Requested at' } }),
          ],
        },
        { name: 'reason', type: 'textarea', required: true, maxLength: 2000, label: { zh: '延期理由', en: 'Reason' }, admin: { readOnly: true }, access: { update: never } },
        {
          type: 'row',
          fields: [
            {
              name: 'decision',
              type: 'select',
              required: true,
              index: true,
              defaultValue: 'pending',
              label: { zh: '审批结果', en: 'Decision' },
              options: ExtensionDecisions.map((d) => ({ value: d, label: ExtensionDecisionLabels[d] })),
              admin: { readOnly: true },
              access: { create: never, update: decisionField },
            },
            { name: 'decidedBy', type: 'relationship', relationTo: 'users', label: { zh: '审批人', en: 'Decided by' }, admin: { readOnly: true }, access: { create: never, update: never } },
            { name: 'decidedAt', type: 'date', label: { zh: '审批时间', en: 'Decided at' }, admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } }, access: { create: never, update: never } },
          ],
        },
        { name: 'decisionNote', type: 'textarea', maxLength: 2000, label: { zh: '审批意见（不批准须写明理由）', en: 'Note' }, admin: { readOnly: true }, access: { create: never, update: decisionField } },
      ],
    },
    {
      // The proposal's id while the request is pending, emptied on decision: the database keeps one pending request per proposal.
      name: 'openFor',
      type: 'text',
      unique: true,
      admin: { hidden: true },
      access: { read: never, create: never, update: never },
    },
  ],
}
