// A number typed with spaces or dashes is stored as digits, so a sign-in by phone finds it.
import type { FieldHook } from 'payload'
import type { Representative } from '../../../payload-types'

export const normalizePhone: FieldHook<Representative, Representative['phone']> = ({ value }) =>
  typeof value === 'string' && /^[+\d\s-]+$/.test(value) ? value.replace(/[\s-]/g, '') : value
