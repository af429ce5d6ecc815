import type { CollectionConfig } from 'payload'
import { nobody } from '../access'

/** Counters behind proposal numbers; written only by one atomic statement (cms/lib/sequence.ts). */
export const Sequences: CollectionConfig = {
  slug: 'sequences',
  labels: { singular: { zh: '编号计数器', en: 'Sequence' }, plural: { zh: '编号计数器', en: 'Sequences' } },
  admin: { hidden: true },
  timestamps: false,
  access: { read: nobody, create: nobody, update: nobody, delete: nobody, readVersions: nobody },
  fields: [
    { name: 'key', type: 'text', required: true, unique: true },
    { name: 'value', type: 'number', required: true, defaultValue: 0 },
  ],
}
