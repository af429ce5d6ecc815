import type { CollectionConfig } from 'payload'
import { adminOnly, anyone } from '../access'

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
  ],
}
