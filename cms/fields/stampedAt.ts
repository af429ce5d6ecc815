// When a record happened, stamped by the server's clock on creation: never set by a client,
// never changed. (Payload's own createdAt can be supplied by a client, so it isn't used.)
import type { CollectionBeforeChangeHook, DateField } from 'payload'
import { nowISO } from '../lib/clock'

export const stampedAt = (overrides: Partial<DateField> = {}): DateField => ({
  name: 'at',
  type: 'date',
  index: true,
  label: { zh: '时间', en: 'When' },
  admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } },
  access: { create: () => false, update: () => false },
  ...overrides,
})

/** Sets `at` on create; the field's access keeps clients from supplying it. */
export const stampAt: CollectionBeforeChangeHook = ({ data, operation }) => {
  if (operation === 'create') {
    data.at = nowISO()
    delete data.createdAt
    delete data.updatedAt
  }
  return data
}
