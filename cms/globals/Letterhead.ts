import type { Field, GlobalBeforeValidateHook, GlobalConfig } from 'payload'
import { abbreviationProblem, DefaultOfficeAbbreviation } from '../../core/documents'
import { canEditDocumentSettings } from '../../core/permissions'
import { staffOnly } from '../access'
import { actorOfReq } from '../access/actor'
import { cleanFields } from '../lib/cleanText'

const optionalAbbreviation = (v: unknown) => (v == null || v === '' ? true : (abbreviationProblem(v) ?? true))

const fields: Field[] = [
  {
    name: 'organization',
    type: 'text',
    required: true,
    maxLength: 40,
    label: { zh: '单位名称（函头）', en: 'Organization' },
    admin: { description: { zh: '印在答复函和意见征询表的函头，例如：梅园街道办事处', en: 'Printed at the top of letters' } },
  },
  {
    type: 'row',
    fields: [
      {
        name: 'officeUnit',
        type: 'text',
        maxLength: 40,
        label: { zh: '代表工作室名称', en: 'Office unit' },
        admin: { description: { zh: '代表工作室自己答复（不予立案、分流等说明）时的落款，例如：代表工作室', en: 'Signs the office’s own replies' } },
      },
      {
        name: 'officeAbbreviation',
        type: 'text',
        maxLength: 8,
        label: { zh: '代表工作室文号简称', en: 'Office abbreviation' },
        admin: { description: { zh: `例如「代表」，文号形如〔年份〕代表答字第×××号；不填则为「${DefaultOfficeAbbreviation}」`, en: 'In the office’s reply numbers' } },
        validate: optionalAbbreviation,
      },
    ],
  },
  {
    type: 'row',
    fields: [
      { name: 'officeContactName', type: 'text', maxLength: 20, label: { zh: '代表工作室联系人', en: 'Office contact' } },
      { name: 'officeContactPhone', type: 'text', maxLength: 30, label: { zh: '代表工作室联系电话', en: 'Office phone' } },
    ],
  },
]

const cleanData: GlobalBeforeValidateHook = ({ data }) => {
  cleanFields(fields, data as Record<string, unknown>)
  return data
}

/**
 * 公文设置: what the printed letters say about who sends them. Sections keep their own 文号简称,
 * contact person and phone (cms/collections/Sections.ts). Staff read it (the print pages do);
 * the office and the admin change it. Not part of the public export.
 */
export const Letterhead: GlobalConfig = {
  slug: 'letterhead',
  label: { zh: '公文设置', en: 'Letterhead' },
  admin: { group: { zh: '基础数据', en: 'Reference data' } },
  // Edit locks are for collections' documents here (cms/access/locks.ts refuses locks on globals).
  lockDocuments: false,
  access: {
    read: staffOnly,
    update: ({ req }) => canEditDocumentSettings(actorOfReq(req)),
    readVersions: () => false,
  },
  hooks: { beforeValidate: [cleanData] },
  fields,
}
