// One cap on how many records a REST request may list: one anonymous request asking for every
// record (limit=100000, limit=0, pagination=false, a join's limit) could hold the server for seconds.
import type { CollectionBeforeOperationHook, Payload, PayloadRequest } from 'payload'
import { refuse } from './refuse'

/** At most this many records per REST list (the public export's paging keeps its own 500). */
export const MAX_LIST_LIMIT = 100

export const LIST_LIMIT_MESSAGE = `每次最多返回 ${MAX_LIST_LIMIT} 条记录（limit 须为 1 到 ${MAX_LIST_LIMIT} 之间的整数，不能为 0，也不能关闭分页）`

/** A `limit` as Payload reads it (a number or a numeric string; Payload's parser may have converted it already). */
const withinCap = (value: unknown, cap = MAX_LIST_LIMIT): boolean => {
  if (typeof value !== 'number' && typeof value !== 'string') return false
  const n = typeof value === 'string' && value.trim() === '' ? NaN : Number(value)
  return Number.isInteger(n) && n >= 1 && n <= cap
}

/**
 * A lookup of named records (`where[id][in]=1,2,3` and nothing else in `where`) returns at most as
 * many as it names: the admin's list cells look up their related records so, 250 at a time
 * (Payload's RelationshipProvider), and may ask for that many.
 */
export const MAX_LOOKUP_IDS = 250
function namedIds(query: Record<string, unknown>): number | null {
  const where = query.where as Record<string, unknown> | undefined
  if (!where || typeof where !== 'object' || Object.keys(where).length !== 1) return null
  const id = where.id as Record<string, unknown> | undefined
  if (!id || typeof id !== 'object' || Object.keys(id).length !== 1 || !('in' in id)) return null
  const ids = Array.isArray(id.in) ? id.in : typeof id.in === 'string' ? id.in.split(',') : null
  return ids && ids.length <= MAX_LOOKUP_IDS ? ids.length : null
}

/**
 * What is wrong with a request's paging, or null: `limit` (0 means "all" to Payload), `pagination=false`
 * (also "all"), and the `limit` of each join (`joins[field][limit]`).
 */
export function listLimitProblem(query: Record<string, unknown> | undefined): string | null {
  if (!query) return null
  const cap = namedIds(query) != null ? MAX_LOOKUP_IDS : MAX_LIST_LIMIT
  if ('limit' in query && !withinCap(query.limit, cap)) return LIST_LIMIT_MESSAGE
  if ('pagination' in query && String(query.pagination) !== 'true') return LIST_LIMIT_MESSAGE
  const joins = query.joins
  if (joins !== undefined && joins !== null) {
    if (typeof joins !== 'object') return LIST_LIMIT_MESSAGE
    for (const join of Object.values(joins as Record<string, unknown>)) {
      if (join === false || join === 'false') continue
      if (join && typeof join === 'object' && 'limit' in join && !withinCap((join as { limit: unknown }).limit)) return LIST_LIMIT_MESSAGE
    }
  }
  return null
}

/**
 * Checks the HTTP request's own query (req.query), not the operation's arguments: the server's own
 * Local API calls inside a request (populating relationships, hooks, the portal's and the public
 * export's endpoints) list with pagination off and must not be refused. Only requests to a
 * collection's REST endpoints are checked; the API's own root endpoints (/api/public/*, /api/portal/*)
 * keep their own rules.
 */
const capListSize: CollectionBeforeOperationHook = ({ args, req }) => {
  const r = req as PayloadRequest
  if (r.payloadAPI === 'REST' && r.routeParams?.collection) {
    const problem = listLimitProblem(r.query as Record<string, unknown>)
    if (problem) refuse(problem)
  }
  return args
}

/** Adds the cap to every collection, Payload's own (preferences, locks, jobs, migrations) included. */
export function capListSizes(payload: Payload): void {
  for (const { config } of Object.values(payload.collections)) {
    config.hooks.beforeOperation = [capListSize, ...(config.hooks.beforeOperation ?? [])]
  }
}
