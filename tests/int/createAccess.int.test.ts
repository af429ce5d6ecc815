// 新建 and "+" in the admin only where the role may really create: Payload shows them by each
// collection's create access (asked without a document), which answers per role from core
// (cms/access, core/permissions mayEverCreate). The table below is the whole truth for every
// collection × staff role: a create access loosened (or a collection added without a row) fails it.
// Beside a relationship field, "+" appears only where cms/lib/inlineCreate.ts names the field.
import { createLocalReq, getAccessResults, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { InlineCreate } from '../../cms/lib/inlineCreate'
import { StaffRoles, type StaffRole } from '../../core/types'
import { databaseLabel, startPayload } from '../helpers/payload'
import { as, createWorld, type World } from '../fixtures/world'

let payload: Payload
let w: World

beforeAll(async () => {
  payload = await startPayload()
  w = await createWorld(payload)
}, 300_000)
afterAll(async () => {
  await payload?.destroy()
})

/** Who may create in each collection (Payload's own collections included). */
const Creators: Record<string, StaffRole[]> = {
  proposals: ['office'],
  instructions: ['leader'],
  replies: ['office', 'sectionStaff', 'sectionHead'],
  'co-opinions': ['sectionStaff', 'sectionHead'],
  // Asked for from the proposal (申请延期 on its page), never from the list.
  'extension-requests': [],
  evaluations: ['office'],
  'resolution-answers': [],
  'follow-ups': ['office'],
  attachments: ['office'],
  'proposal-events': [],
  representatives: ['office', 'admin'],
  'co-sign-invitations': ['office'],
  'portal-sessions': [],
  users: ['admin'],
  sections: ['admin'],
  'residential-areas': ['admin'],
  sessions: ['admin'],
  holidays: ['admin'],
  sequences: [],
  'site-builds': [],
  'audit-log': [],
  duties: [],
  // 承诺台账: kept by the system from the replies and verifications (cms/lib/commitmentLedger.ts).
  commitments: [],
  // 通知记录: written by the server alone (the sweep, the events).
  notices: [],
  // Payload's own: an edit lock is taken by opening a document (never from a list, which is hidden).
  'payload-locked-documents': ['admin', 'office', 'leader', 'sectionStaff', 'sectionHead'],
  'payload-preferences': ['admin', 'office', 'leader', 'sectionStaff', 'sectionHead'],
  'payload-migrations': [],
  'payload-jobs': [],
  'payload-kv': [],
}

describe(`create access per collection and role on ${databaseLabel()}`, () => {
  it('every collection has a row', () => {
    expect(Object.keys(Creators).sort()).toEqual(payload.config.collections.map((c) => c.slug).sort())
  })

  const rows = Object.entries(Creators).flatMap(([collection, who]) => StaffRoles.map((role) => [collection, role, who.includes(role)] as const))
  it.each(rows)('%s, %s → %s', async (collection, role, may) => {
    const req = await createLocalReq({ user: as(w.staff[role], 'users') }, payload)
    const permissions = await getAccessResults({ req })
    expect(!!permissions.collections?.[collection]?.create).toBe(may)
  })

  it('"+" beside a relationship field only where a record made there could be chosen', () => {
    const offered: string[] = []
    const walk = (slug: string, fields: readonly unknown[], prefix: string) => {
      for (const f of fields as { type: string; name?: string; fields?: unknown[]; tabs?: { name?: string; fields: unknown[] }[]; admin?: { allowCreate?: boolean } }[]) {
        const path = f.name ? `${prefix}${f.name}` : prefix.replace(/\.$/, '')
        if (f.type === 'relationship' || f.type === 'upload') {
          if (f.admin?.allowCreate !== false) offered.push(`${slug}.${path}`)
        } else if (f.type === 'tabs') for (const t of f.tabs ?? []) walk(slug, t.fields, t.name ? `${prefix}${t.name}.` : prefix)
        else if (f.fields) walk(slug, f.fields, f.name ? `${prefix}${f.name}.` : prefix)
      }
    }
    for (const c of payload.config.collections) if (!c.slug.startsWith('payload-')) walk(c.slug, c.fields, '')
    expect(offered.sort()).toEqual([...InlineCreate].sort())
  })
})
