// "+" beside a relationship field (making the related record in a drawer, right there) only where
// a new record is a choice the field accepts and is made whole in a drawer: the admin's reference
// data (a section for a new account, a residential area for a new representative). Elsewhere the
// field chooses among records that must already exist and qualify — a published reply to evaluate
// or correct, the proposal a record belongs to, the section a proposal goes to — and a record made
// in a drawer could never be chosen; a representative's account is made in 居民代表, with its first
// password and sign-in rule. Where "+" is kept, Payload shows it only to whoever may create in the
// related collection (each collection's create access, from core).
import type { CollectionConfig, Field } from 'payload'

/** `collection.field` (the field's path, groups and arrays included) where "+" is offered. */
export const InlineCreate = new Set(['users.section', 'representatives.residentialArea'])

function withoutPlus(fields: Field[], slug: string, prefix: string): Field[] {
  return fields.map((field): Field => {
    const path = 'name' in field && field.name ? `${prefix}${field.name}` : prefix.replace(/\.$/, '')
    if (field.type === 'relationship' || field.type === 'upload') {
      if (field.admin?.allowCreate !== undefined) return field
      return { ...field, admin: { ...field.admin, allowCreate: InlineCreate.has(`${slug}.${path}`) } } as Field
    }
    if (field.type === 'tabs') return { ...field, tabs: field.tabs.map((t) => ({ ...t, fields: withoutPlus(t.fields, slug, 'name' in t && t.name ? `${prefix}${t.name}.` : prefix) })) }
    if ('fields' in field && Array.isArray(field.fields)) {
      const inner = 'name' in field && field.name ? `${prefix}${field.name}.` : prefix
      return { ...field, fields: withoutPlus(field.fields, slug, inner) } as Field
    }
    return field
  })
}

/** The collection with "+" beside its relationship fields only where InlineCreate names them. */
export function withInlineCreateWhereValid(collection: CollectionConfig): CollectionConfig {
  return { ...collection, fields: withoutPlus(collection.fields, collection.slug, '') }
}
