// Appends to the proposal's event log after a transition. The log has no write access for
// anyone: only this system hook writes it, inside the same transaction as the change.
import type { CollectionAfterChangeHook, PayloadRequest } from 'payload'
import { StatusLabels } from '../../../../core/lifecycle'
import { actorOfReq, docId } from '../../../access/actor'
import { nowISO } from '../../../lib/clock'
import type { Proposal } from '../../../payload-types'

/** The event a redaction leaves (shown on the public timeline as is). */
export const RedactedAction = '公开版本已隐去部分内容（如个人信息）'

type Texts = { title?: string; body?: string; publicTitle?: string | null; publicBody?: string | null }
const redacted = (d: Texts): boolean => !!d.publicTitle && (d.publicTitle !== d.title || d.publicBody !== d.body)
/** The public version was set or changed, and now differs from the original. */
const isRedactionChange = (before: Texts | undefined, after: Texts): boolean =>
  redacted(after) && (before?.publicTitle !== after.publicTitle || before?.publicBody !== after.publicBody)

export async function appendEvent(
  req: PayloadRequest,
  proposal: string | number,
  /** `internal`: for staff only, left out of the public timeline (cms/lib/publicExport.ts). */
  /** `notePublic`: the note is shown on the public timeline (a 催办's 公开说明; core/supervision.ts publicNoteOf). */
  event: { from?: string | null; to?: string | null; action: string; note?: string | null; internal?: boolean; notePublic?: boolean },
): Promise<void> {
  const actor = actorOfReq(req)
  await req.payload.create({
    collection: 'proposal-events',
    data: {
      proposal: docId(proposal),
      at: nowISO(),
      actorRole: actor.role,
      actorUser: req.user?.collection === 'users' ? req.user.id : null,
      actorRepresentative: req.user?.collection === 'representatives' ? req.user.id : null,
      from: event.from ?? null,
      to: event.to ?? null,
      action: event.action,
      note: event.note ?? null,
      internal: event.internal ?? false,
      notePublic: event.notePublic ?? false,
    },
    overrideAccess: true,
    req,
  })
}

export const recordEvent: CollectionAfterChangeHook<Proposal> = async ({ doc, previousDoc, req, operation }) => {
  const label = (s: string) => StatusLabels[s as keyof typeof StatusLabels] ?? s
  if (operation === 'create') {
    await appendEvent(req, doc.id, { to: doc.status, action: doc.status === 'draft' ? '创建草稿' : label(doc.status) })
  } else if (previousDoc?.status !== doc.status) {
    await appendEvent(req, doc.id, { from: previousDoc?.status, to: doc.status, action: `${label(previousDoc?.status)} → ${label(doc.status)}` })
  }
  // The public version differs from what was written: the public timeline says so, never what was removed.
  if (operation === 'update' && isRedactionChange(previousDoc, doc)) await appendEvent(req, doc.id, { action: RedactedAction })

  return doc
}
