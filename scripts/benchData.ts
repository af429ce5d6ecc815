// The benchmarks' data: a fresh database with the demo data (seeded through the real lifecycle),
// grown to any number of proposals by copying the demo's records at the adapter level.
// Used by `npm run bench` (scripts/bench.ts), `npm run bench:xlsx` (scripts/bench-xlsx.ts),
// `npm run bench:workbench` (scripts/bench-workbench.ts), `npm run bench:board` (scripts/bench-board.ts)
// and `npm run bench:sweep` (scripts/bench-sweep.ts).
import { randomBytes } from 'node:crypto'
import type { CollectionSlug, Payload } from 'payload'

type Log = (message: string) => void

/** A fresh database with the demo data (seeded through the real lifecycle). */
export async function demoDatabase(log: Log, now?: Date): Promise<Payload> {
  log('载入演示数据（约 1 分钟）…')
  const { startPayload } = await import('../tests/helpers/payload')
  const payload = await startPayload()
  const { seedDemo } = await import('../cms/seed/demo')
  await seedDemo(payload, now ? { now } : {})
  return payload
}

/** Array rows carry their own ids; a copy needs new ones. */
function withoutIds(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutIds)
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value)) out[k] = k === 'id' ? randomBytes(12).toString('hex') : withoutIds(v)
    return out
  }
  return value
}

/** Numbers of the copies, per year, over all calls (numbers are unique). */
const seq = new Map<string, number>()

/** Which proposals to copy: only those matching `template`. */
export interface GrowOptions {
  template?: (proposal: Record<string, unknown>) => boolean
  /** Count only the proposals matching `template` towards n (default: every submitted one). */
  countTemplatesOnly?: boolean
}

/**
 * Grows the database to n submitted proposals by copying the demo's rows at the adapter level
 * (proposal, instructions, replies, evaluations, co-opinions, follow-ups, events, and the duties
 * cms/lib/derived.ts stored for it: the adapter runs no hooks, so a copy owes what its original owes).
 */
export async function growDatabase(payload: Payload, n: number, log: Log, opts: GrowOptions = {}): Promise<void> {
  const find = async (collection: CollectionSlug) =>
    (await payload.find({ collection, pagination: false, depth: 0, overrideAccess: true, showHiddenFields: true })).docs.map((d): Record<string, unknown> => ({ ...d }))
  const templates = (await find('proposals')).filter((p) => p.status !== 'draft' && (opts.template?.(p) ?? true))
  // …and what waits on whom (the workbench's, the 督办台's and the sweep's rows: derived, copied as they are).
  const related: CollectionSlug[] = ['instructions', 'replies', 'evaluations', 'co-opinions', 'follow-ups', 'proposal-events', 'duties']
  const byProposal = new Map<string, { collection: CollectionSlug; doc: Record<string, unknown> }[]>()
  for (const collection of related) {
    for (const doc of await find(collection)) {
      const k = String(doc.proposal)
      if (!byProposal.has(k)) byProposal.set(k, [])
      byProposal.get(k)!.push({ collection, doc })
    }
  }
  let count = opts.countTemplatesOnly ? templates.length : (await payload.count({ collection: 'proposals', where: { status: { not_equals: 'draft' } }, overrideAccess: true })).totalDocs
  for (let i = 0; count < n; i++, count++) {
    const t = templates[i % templates.length]
    const year = String(t.number).slice(0, 4)
    const k = (seq.get(year) ?? 1000) + 1
    seq.set(year, k)
    const { id, createdAt: _c, updatedAt: _u, ...data } = t
    const number = `${year}-${k}`
    // The sort key of 当前期限 is left out of every read (cms/lib/derived.ts): the copy's is its deadline's.
    const copy = await payload.db.create({ collection: 'proposals', data: { ...(withoutIds(data) as object), number, clientKey: null, undated: !data.currentDue } })
    // The copy's commitments get ids of their own: its verifications and 待验证 duties name them.
    const commitmentIds = new Map<string, string>()
    for (const r of byProposal.get(String(id)) ?? []) {
      const { id: _id, createdAt: _rc, updatedAt: _ru, ...rest } = r.doc
      const fresh = withoutIds(rest) as Record<string, unknown>
      // A signed-off reply's 文号 is unique: the copy's names the copy's proposal besides.
      if (r.collection === 'replies') {
        if (rest.docNumber) fresh.docNumber = `${String(rest.docNumber)}（${number}）`
        const was = (rest.commitments ?? []) as { id: string }[]
        ;((fresh.commitments ?? []) as { id: string }[]).forEach((c, i) => commitmentIds.set(String(was[i]!.id), c.id))
      }
      if (r.collection === 'follow-ups' && rest.commitmentId) fresh.commitmentId = commitmentIds.get(String(rest.commitmentId)) ?? rest.commitmentId
      if (r.collection === 'duties' && rest.action === 'verify' && rest.subject) fresh.subject = commitmentIds.get(String(rest.subject)) ?? rest.subject
      await payload.db.create({ collection: r.collection, data: { ...fresh, proposal: copy.id } })
    }
    if (count % 1000 === 0) log(`  数据库已有 ${count} 件公开提案…`)
  }
  // The 承诺台账 is derived (cms/lib/commitmentLedger.ts) and the adapter runs no hooks: rebuilt for the copies.
  const { createLocalReq } = await import('payload')
  const { refreshAllCommitments } = await import('../cms/lib/commitmentLedger')
  const req = await createLocalReq({}, payload)
  const added = await refreshAllCommitments(req, (done, total) => {
    if (done % 2000 === 0 || done === total) log(`  承诺台账：${done}/${total} 件提案…`)
  })
  log(`  承诺台账已重建（${added} 件提案的承诺事项写入）`)
}
