// Every join field's table shows what the document's last save changed (cms/components/FreshJoin.tsx).
import type { CollectionConfig, Field } from 'payload'

const FreshJoinComponent = '/cms/components/FreshJoin#FreshJoin'

function fresh(field: Field): Field {
  if (field.type === 'join' && !field.admin?.components?.Field) return { ...field, admin: { ...field.admin, components: { ...field.admin?.components, Field: FreshJoinComponent } } }
  if ('fields' in field && Array.isArray(field.fields)) return { ...field, fields: field.fields.map(fresh) } as Field
  if (field.type === 'tabs') return { ...field, tabs: field.tabs.map((t) => ({ ...t, fields: t.fields.map(fresh) })) }
  return field
}

export const withFreshJoins = (collection: CollectionConfig): CollectionConfig => ({ ...collection, fields: collection.fields.map(fresh) })
