// Reading many records as one person reads them over REST, fast enough for an export of every
// record of a list. Payload's find runs its per-field read machinery on every document, which at
// 10,000 proposals took longer than the whole export may (measured: 17.7 s for the proposals
// alone through payload.find, 2.8 s through the adapter; the public export made the same choice,
// cms/lib/publicExport.ts). So the records are read from the database adapter, but with Payload's
// own rules for this person, applied as Payload's find applies them:
// - the query itself goes through Payload's find first (as the person, overrideAccess: false, one
//   record): a `where` or `sort` the REST list refuses — a field they may not read, an unknown
//   field, a malformed value — is refused here with the same error, and its count is the REST list's;
// - the rows are those of the `where` combined with the collection's read access (combineQueries,
//   as in Payload's find);
// - of each record, a field whose read access refuses this person (or one hidden from the API) is
//   removed, as Payload's afterRead removes it.
import { combineQueries, executeAccess, type CollectionSlug, type FlattenedField, type PayloadRequest, type Where } from 'payload'

/** Records read per query. */
export const EXPORT_PAGE_SIZE = 500

export type Doc = Record<string, unknown> & { id: number | string }
export type Select = Record<string, true>

/**
 * Lets the server do other work (send what is written of the file, answer other requests): the
 * SQLite driver answers synchronously, so an export read with nothing but awaits would hold the
 * event loop, and the whole response, until its last record.
 */
const breathe = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

const configOf = (req: PayloadRequest, collection: CollectionSlug) => req.payload.collections[collection].config

/** The collection's read access for this person (a query, true, or false), as Payload's find asks it. */
const readAccess = (req: PayloadRequest, collection: CollectionSlug) => executeAccess({ req, disableErrors: true }, configOf(req, collection).access.read)

/** Removes, in place, what this person may not read of `value` (a document, a group, an array row). */
async function removeUnreadable(req: PayloadRequest, fields: FlattenedField[], value: Record<string, unknown>, doc: Doc): Promise<void> {
  for (const field of fields) {
    if (!(field.name in value)) continue
    const refused = ('hidden' in field && field.hidden) || (field.access?.read && !(await field.access.read({ req, id: doc.id, doc, data: doc, siblingData: value })))
    if (refused) {
      delete value[field.name]
      continue
    }
    const inner = value[field.name]
    if ((field.type === 'group' || field.type === 'array') && inner && typeof inner === 'object')
      for (const v of Array.isArray(inner) ? inner : [inner]) if (v && typeof v === 'object') await removeUnreadable(req, field.flattenedFields, v as Record<string, unknown>, doc)
  }
}

/** Every record of `collection` matching `where` that this person may read, with only the `select`ed fields they may read. */
export async function readAs(req: PayloadRequest, collection: CollectionSlug, where: Where, select: Select): Promise<Doc[]> {
  const access = await readAccess(req, collection)
  if (access === false) return []
  const found = await req.payload.db.find({ collection, where: combineQueries(where, access), select, pagination: false, limit: 0, req })
  await breathe()
  const docs = found.docs as Doc[]
  const fields = configOf(req, collection).flattenedFields
  for (const doc of docs) await removeUnreadable(req, fields, doc, doc)
  return docs
}

/**
 * A whole list as this person's REST list gives it: `where` and `sort` checked by Payload's find
 * (it throws what REST answers: 400 for a bad query, 403 without access) before anything else is
 * read; then the ids in the list's order (the sort, then id), and the records page by page.
 */
export async function listAs(req: PayloadRequest, collection: 'proposals' | 'replies' | 'commitments', where: Where, sort: string[], select: Select, pageSize = EXPORT_PAGE_SIZE) {
  const stableSort = sort.some((s) => s.replace(/^-/, '') === 'id') ? sort : [...sort, 'id']
  const probe = await req.payload.find({ collection, where, sort: stableSort, limit: 1, depth: 0, joins: false, select: { id: true }, overrideAccess: false, user: req.user, req } as unknown as Parameters<PayloadRequest['payload']['find']>[0])
  const access = await readAccess(req, collection)
  const ordered = access === false ? [] : (await req.payload.db.find({ collection, where: combineQueries(where, access), sort: stableSort, select: { id: true }, pagination: false, limit: 0, req })).docs
  const ids = ordered.map((d) => d.id)
  async function* pages(): AsyncGenerator<Doc[]> {
    for (let i = 0; i < ids.length; i += pageSize) {
      const chunk = ids.slice(i, i + pageSize)
      const byId = new Map((await readAs(req, collection, { id: { in: chunk } }, select)).map((d) => [String(d.id), d]))
      yield chunk.map((id) => byId.get(String(id))).filter((d): d is Doc => !!d)
    }
  }
  return { totalDocs: probe.totalDocs, pages: pages() }
}
