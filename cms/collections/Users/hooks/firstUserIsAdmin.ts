// The first account of an empty installation (/admin/create-first-user) is its admin.
import type { CollectionBeforeChangeHook } from 'payload'
import type { User } from '../../../payload-types'

export const firstUserIsAdmin: CollectionBeforeChangeHook<User> = async ({ data, operation, req }) => {
  if (operation === 'create' && (await req.payload.count({ collection: 'users', overrideAccess: true, req })).totalDocs === 0) data.role = 'admin'
  return data
}
