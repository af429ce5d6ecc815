// Malformed requests answer 400 before any query runs (a bad id, date, number or list value, an
// unknown sort field, a negative page), for every collection: without this the database driver
// throws on them and the API answers 500.
import type { CollectionBeforeOperationHook, CollectionConfig, CollectionSlug, FlattenedField, Payload, PayloadRequest, Where } from 'payload'
import { refuse } from './refuse'

const Operators = new Set(['equals', 'not_equals', 'in', 'not_in', 'all', 'exists', 'greater_than', 'greater_than_equal', 'less_than', 'less_than_equal', 'like', 'not_like', 'contains', 'near', 'within', 'intersects'])
const ListOperators = new Set(['in', 'not_in', 'all'])
const GeoOperators = new Set(['near', 'within', 'intersects'])
/** Operators whose value is compared as the field's own type (like/contains match text). */
const TypedOperators = new Set(['equals', 'not_equals', 'in', 'not_in', 'all', 'greater_than', 'greater_than_equal', 'less_than', 'less_than_equal'])

/** The largest id either database can hold in its id column (PostgreSQL's serial is 32-bit). */
const MAX_ID = 2_147_483_647

/** Whether `v` can be a document id for this database (serial integers on SQLite/PostgreSQL; text ids on MongoDB). */
export function isValidId(payload: Pick<Payload, 'db'>, v: unknown): boolean {
  if (payload.db.defaultIDType !== 'number') return (typeof v === 'string' && v.length > 0 && v.length <= 100) || typeof v === 'number'
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d{1,10}$/.test(v) ? Number(v) : NaN
  return Number.isInteger(n) && n >= 1 && n <= MAX_ID
}

const isDate = (v: unknown) => (typeof v === 'string' || typeof v === 'number') && v !== '' && !Number.isNaN(new Date(v).getTime())
const isNumber = (v: unknown) => (typeof v === 'number' && Number.isFinite(v)) || (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)))
const isScalar = (v: unknown) => v === null || ['string', 'number', 'boolean'].includes(typeof v)

const bad = (path: string, message: string): never => refuse(`查询条件无效：${path} ${message}`, path)

/** The field a dotted path names, following groups, arrays, tabs and relationships into related collections. */
function resolve(payload: Payload, fields: FlattenedField[], path: string): { field?: FlattenedField; id?: boolean; hidden?: boolean } | null {
  const [head, ...rest] = path.split('.')
  if (head === 'id' && rest.length === 0) return { id: true }
  const field = fields.find((f) => f.name === head)
  if (!field) return null
  // A field hidden from the API (password hash and salt, login attempts, lock time…), here or behind a relationship.
  if ('hidden' in field && field.hidden) return { field, hidden: true }
  if (rest.length === 0) return { field }
  if ('flattenedFields' in field && Array.isArray(field.flattenedFields)) return resolve(payload, field.flattenedFields, rest.join('.'))
  if ((field.type === 'relationship' || field.type === 'upload') && typeof field.relationTo === 'string') {
    const related = payload.collections[field.relationTo as CollectionSlug]?.config
    if (!related) return null
    return resolve(payload, related.flattenedFields, rest.join('.'))
  }
  if (field.type === 'join') {
    const related = payload.collections[field.collection as CollectionSlug]?.config
    return related ? resolve(payload, related.flattenedFields, rest.join('.')) : null
  }
  return null
}

function checkValue(payload: Payload, path: string, target: { field?: FlattenedField; id?: boolean }, operator: string, value: unknown) {
  if (operator === 'exists') {
    if (!['true', 'false', true, false].includes(value as string)) bad(path, '的 exists 只能是 true 或 false')
    return
  }
  const field = target.field
  if (GeoOperators.has(operator)) {
    if (field?.type !== 'point') bad(path, `不是坐标字段，不能用 ${operator}`)
    return
  }
  if (!TypedOperators.has(operator)) {
    if (!isScalar(value)) bad(path, '的值格式不对')
    return
  }
  const values = ListOperators.has(operator) ? (Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [value]) : [value]
  for (const v of values) {
    if (!isScalar(v)) bad(path, '的值格式不对')
    if (v === null || v === 'null') continue
    if (target.id || ((field?.type === 'relationship' || field?.type === 'upload') && typeof field.relationTo === 'string')) {
      if (!isValidId(payload, v)) bad(path, `的值“${String(v).slice(0, 40)}”不是有效的编号`)
    } else if (field?.type === 'number') {
      if (!isNumber(v)) bad(path, `的值“${String(v).slice(0, 40)}”不是数字`)
    } else if (field?.type === 'date') {
      if (!isDate(v)) bad(path, `的值“${String(v).slice(0, 40)}”不是有效的日期`)
    } else if (field?.type === 'select' || field?.type === 'radio') {
      const options = field.options.map((o) => (typeof o === 'string' ? o : o.value))
      if (!options.includes(String(v))) bad(path, `没有“${String(v).slice(0, 40)}”这一项`)
    }
  }
}

/** Checks every constraint of a `where` (through and/or) against the collection's fields; unknown paths are left to Payload, which refuses them. */
export function checkWhere(payload: Payload, collection: Pick<CollectionConfig, 'slug'> & { flattenedFields: FlattenedField[] }, where: unknown, depth = 0): void {
  if (where == null) return
  if (typeof where !== 'object' || Array.isArray(where) || depth > 20) bad('where', '格式不对')
  for (const [key, constraint] of Object.entries(where as Where)) {
    if (key.toLowerCase() === 'and' || key.toLowerCase() === 'or') {
      if (!Array.isArray(constraint) && (typeof constraint !== 'object' || constraint == null)) bad(key, '须是条件列表')
      for (const item of Object.values(constraint as object)) checkWhere(payload, collection, item, depth + 1)
      continue
    }
    if (constraint == null || typeof constraint !== 'object' || Array.isArray(constraint)) bad(key, '缺少比较方式（如 equals）')
    const target = resolve(payload, collection.flattenedFields, key.replace(/__/g, '.'))
    if (target?.hidden) bad(key, '不能用作查询条件')
    for (const [operator, value] of Object.entries(constraint as object)) {
      if (!Operators.has(operator)) bad(key, `不支持比较方式 ${operator}`)
      if (target) checkValue(payload, key, target, operator, value)
    }
  }
}

/** Each sort key must name a field of the collection (or id). */
export function checkSort(payload: Payload, collection: { flattenedFields: FlattenedField[] }, sort: unknown): void {
  if (sort == null || sort === '') return
  const keys = Array.isArray(sort) ? sort : typeof sort === 'string' ? sort.split(',') : null
  if (!keys) bad('sort', '格式不对')
  for (const raw of keys!) {
    if (typeof raw !== 'string') bad('sort', '格式不对')
    const key = raw.trim().replace(/^[-+]/, '').replace(/__/g, '.')
    if (!key) continue
    const target = resolve(payload, collection.flattenedFields, key)
    // Payload checks read access on sort paths, but not a hidden field reached through a relationship (`proposer.loginAttempts`).
    if (!target || target.hidden || (target.field && ['group', 'array', 'join', 'tabs'].includes(target.field.type))) bad('sort', `不能按“${key.slice(0, 40)}”排序`)
  }
}

const nonNegativeInt = (v: unknown) => v == null || (Number.isInteger(typeof v === 'string' ? Number(v) : v) && Number(v) >= 0 && String(v).trim() !== '')

/** What a request from outside (REST, GraphQL) may ask; the server's own Local API calls are trusted. */
export const checkRequestInput: CollectionBeforeOperationHook = ({ args, collection, req }) => {
  if ((req as PayloadRequest).payloadAPI === 'local') return args
  const payload = req.payload
  const a = args as Record<string, unknown>
  if (a.id != null && !isValidId(payload, a.id)) refuse(`编号“${String(a.id).slice(0, 40)}”无效`, 'id')
  if (a.where != null) checkWhere(payload, collection as never, a.where)
  if (a.sort != null) checkSort(payload, collection as never, a.sort)
  if (a.page != null && !(nonNegativeInt(a.page) && Number(a.page) >= 1)) refuse('页码须是正整数', 'page')
  // `limit` is checked (and capped) once, on the request itself, by cms/lib/listLimit.ts.
  if (!nonNegativeInt(a.depth)) refuse('depth 须是非负整数', 'depth')
  return args
}

/** Adds the check to a collection (first, before its own hooks). */
export const withInputCheck = (c: CollectionConfig): CollectionConfig => ({
  ...c,
  hooks: { ...c.hooks, beforeOperation: [checkRequestInput, ...(c.hooks?.beforeOperation ?? [])] },
})
