import type { CollectionConfig } from 'payload'
import { abbreviationProblem } from '../../core/documents'
import { adminOnly, anyone, staffOnlyField } from '../access'

/** Departments that answer proposals (职能科室/承办单位). */
export const Sections: CollectionConfig = {
  slug: 'sections',
  labels: { singular: { zh: '科室', en: 'Section' }, plural: { zh: '职能科室', en: 'Sections' } },
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'description'], group: { zh: '基础数据', en: 'Reference data' } },
  access: { read: anyone, create: adminOnly, update: adminOnly, delete: adminOnly, readVersions: adminOnly },
  fields: [
    { name: 'name', type: 'text', required: true, unique: true, label: { zh: '名称', en: 'Name' } },
    {
      name: 'slug',
      type: 'text',
      required: true,
      unique: true,
      label: { zh: '网址标识', en: 'Slug' },
      admin: { description: { zh: '公开网站上的地址，小写字母、数字和连字符', en: 'lowercase letters, digits, hyphens' } },
      validate: (v: unknown) => (typeof v === 'string' && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(v) ? true : '只能用小写字母、数字和连字符'),
    },
    { name: 'description', type: 'textarea', label: { zh: '职责', en: 'Remit' } },
    {
      type: 'row',
      fields: [
        {
          // 〔2026〕城管答字第017号: one series per abbreviation per year (core/documents.ts). Unique, so
          // two sections never share a series; changing it starts a new series for later replies.
          name: 'abbreviation',
          type: 'text',
          unique: true,
          maxLength: 8,
          label: { zh: '文号简称', en: 'Abbreviation' },
          admin: { description: { zh: '答复函文号中的简称，例如「城管」，文号形如〔年份〕城管答字第×××号；不填则用科室名称', en: 'In reply numbers' } },
          // Cleared is none (null), never '' (which the unique index would allow only once).
          hooks: { beforeValidate: [({ value }) => (typeof value === 'string' ? value.trim() || null : value)] },
          validate: (v: unknown) => (v == null ? true : (abbreviationProblem(v) ?? true)),
        },
        // The section's contact for the letters it sends: staff read them (the print pages); not in the public export.
        { name: 'contactName', type: 'text', maxLength: 20, label: { zh: '联系人', en: 'Contact' }, access: { read: staffOnlyField } },
        { name: 'contactPhone', type: 'text', maxLength: 30, label: { zh: '联系电话', en: 'Phone' }, access: { read: staffOnlyField } },
      ],
    },
  ],
}
