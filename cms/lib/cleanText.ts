// Control characters never enter the database: every text and textarea field of every collection
// is cleaned by the one rule the portal's forms use too (core/portal.ts cleanText).
import type { CollectionBeforeValidateHook, CollectionConfig, Field } from 'payload'
import { cleanText } from '../../core/portal'

type Data = Record<string, unknown>

const clean = (v: unknown): unknown => (typeof v === 'string' ? cleanText(v) : Array.isArray(v) ? v.map((x) => (typeof x === 'string' ? cleanText(x) : x)) : v)

/** Cleans the text values of `data` in place, following groups, arrays, rows, collapsibles and tabs. */
export function cleanFields(fields: Field[], data: Data | undefined): void {
  if (!data || typeof data !== 'object') return
  for (const field of fields) {
    switch (field.type) {
      case 'text':
      case 'textarea':
        if (field.name in data) data[field.name] = clean(data[field.name])
        break
      case 'group':
        if ('name' in field && field.name) cleanFields(field.fields, data[field.name] as Data)
        else cleanFields(field.fields, data)
        break
      case 'array':
        if (Array.isArray(data[field.name])) for (const row of data[field.name] as Data[]) cleanFields(field.fields, row)
        break
      case 'row':
      case 'collapsible':
        cleanFields(field.fields, data)
        break
      case 'tabs':
        for (const tab of field.tabs) cleanFields(tab.fields, 'name' in tab && tab.name ? (data[tab.name] as Data) : data)
        break
    }
  }
}

const cleanData: CollectionBeforeValidateHook = ({ data, collection }) => {
  cleanFields(collection.fields, data as Data)
  return data
}

/** Adds the cleaning to a collection, before its own beforeValidate hooks. */
export const withCleanText = (c: CollectionConfig): CollectionConfig => ({
  ...c,
  hooks: { ...c.hooks, beforeValidate: [cleanData, ...(c.hooks?.beforeValidate ?? [])] },
})
