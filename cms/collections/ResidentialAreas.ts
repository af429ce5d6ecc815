import type { CollectionConfig } from 'payload'
import { adminOnly, anyone } from '../access'

/** 居民区: the network unit a representative belongs to. */
export const ResidentialAreas: CollectionConfig = {
  slug: 'residential-areas',
  labels: { singular: { zh: '居民区', en: 'Residential area' }, plural: { zh: '居民区', en: 'Residential areas' } },
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'updatedAt'], group: { zh: '基础数据', en: 'Reference data' } },
  access: { read: anyone, create: adminOnly, update: adminOnly, delete: adminOnly, readVersions: adminOnly },
  fields: [{ name: 'name', type: 'text', required: true, unique: true, label: { zh: '名称', en: 'Name' } }],
}
