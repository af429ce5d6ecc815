// Site-build helper: plant private marker strings in every private field of a seeded database.
import type { CollectionSlug, Payload } from 'payload'

export const Marker = 'PRIVATE-'

type Planted = { collection: string; field: string; value: string }

/**
 * Writes a unique marker into every private field of every record (phones, ID numbers,
 * addresses, internal notes, co-opinions, follow-up notes, unpublished replies, extension requests
 * not approved and internal timeline entries, 催办 notes not made public, and the whole
 * text of confidential proposals). Written at the adapter level so no lifecycle rule interferes.
 */
export async function plantPrivateMarkers(payload: Payload): Promise<Planted[]> {
  const planted: Planted[] = []
  const set = async (collection: CollectionSlug, id: string | number, data: Record<string, string>) => {
    await payload.db.updateOne({ collection, id, data })
    for (const [field, value] of Object.entries(data)) planted.push({ collection, field, value })
  }
  const all = async (collection: CollectionSlug) => (await payload.find({ collection, pagination: false, depth: 0, overrideAccess: true })).docs as any[]
  for (const r of await all('representatives')) {
    await set('representatives', r.id, { phone: `${Marker}PHONE-${r.id}`, idNumber: `${Marker}ID-${r.id}`, address: `${Marker}ADDRESS-${r.id}` })
  }
  for (const p of await all('proposals')) {
    await set('proposals', p.id, { internalNotes: `${Marker}NOTE-${p.id}` })
    if (p.confidential) {
      await set('proposals', p.id, { title: `${Marker}CONF-TITLE-${p.id}`, body: `${Marker}CONF-BODY-${p.id}`, confidentialReason: `${Marker}CONF-REASON-${p.id}` })
    } else if (p.status === 'submitted') {
      // Not screened yet: nothing of it is public.
      await set('proposals', p.id, { title: `${Marker}UNSCREENED-TITLE-${p.id}`, body: `${Marker}UNSCREENED-BODY-${p.id}` })
    } else if (Number(p.id) % 2 === 0) {
      // Redacted at screening: the public version stays, the original as written is private.
      await set('proposals', p.id, { title: `${Marker}ORIGINAL-TITLE-${p.id}`, body: `${Marker}ORIGINAL-BODY-${p.id}` })
    }
  }
  for (const c of await all('co-opinions')) await set('co-opinions', c.id, { text: `${Marker}CO-OPINION-${c.id}` })
  for (const f of await all('follow-ups')) await set('follow-ups', f.id, { notes: `${Marker}FOLLOW-UP-${f.id}` })
  // 延期申请 not approved (pending, refused) and the staff's internal timeline entries (requests, refusals): internal.
  for (const r of await all('extension-requests'))
    if (r.decision !== 'approved') await set('extension-requests', r.id, { reason: `${Marker}EXTENSION-REQUEST-${r.id}`, decisionNote: `${Marker}EXTENSION-NOTE-${r.id}` })
  for (const e of await all('proposal-events')) if (e.internal) await set('proposal-events', e.id, { action: `${Marker}INTERNAL-EVENT-${e.id}`, note: `${Marker}INTERNAL-NOTE-${e.id}` })
  // 催办 on every third assigned public proposal: the office's note internal (private), a leader's public; one before 交办 too.
  const assigned = (await all('proposals')).filter((p) => p.assignment?.assignedAt && !p.confidential)
  // …and the first of them marked 重点督办 by a leader (public).
  if (assigned[0]) await payload.db.updateOne({ collection: 'proposals', id: assigned[0].id, data: { keyItem: true } })
  for (const p of assigned.filter((_, i) => i % 3 === 0)) {
    const after = (hours: number) => new Date(Date.parse(p.assignment.assignedAt) + hours * 3_600_000).toISOString()
    const urge = (at: string, actorRole: string, note: string | null, notePublic: boolean) =>
      payload.db.create({ collection: 'proposal-events', data: { proposal: p.id, at, actorRole, action: '催办', note, notePublic, internal: false } })
    await urge(after(-1), 'office', null, false)
    const internal = await urge(after(26), 'office', `${Marker}URGE-NOTE-${p.id}`, false)
    planted.push({ collection: 'proposal-events', field: 'note', value: internal.note })
    await urge(after(50), 'leader', '请主办科室按期答复代表', true)
  }
  // A reply drafted but not yet signed off or published, on every proposal in progress.
  for (const p of (await all('proposals')).filter((x) => x.status === 'inProgress' && !x.confidential)) {
    const r = await payload.db.create({ collection: 'replies', data: { proposal: p.id, round: 1, section: p.assignment?.leadSection ?? null, class: 'A', text: `${Marker}DRAFT-REPLY-${p.id}` } })
    planted.push({ collection: 'replies', field: 'text', value: r.text })
  }
  for (const r of await all('replies')) if (!r.publishedAt && !String(r.text).startsWith(Marker)) await set('replies', r.id, { text: `${Marker}DRAFT-REPLY-${r.id}` })
  return planted
}
