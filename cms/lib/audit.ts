// Writes one audit-log record in the caller's transaction (so a refused change records nothing).
import type { PayloadRequest } from 'payload'
import { actorOfReq } from '../access/actor'
import type { AuditKind } from '../collections/AuditLog'

export interface AuditEntry {
  kind: AuditKind
  summary: string
  reason?: string
  subjectUser?: string | number
  subjectRepresentative?: string | number
}

export async function recordAudit(req: PayloadRequest, entry: AuditEntry): Promise<void> {
  const a = actorOfReq(req)
  await req.payload.create({
    collection: 'audit-log',
    data: {
      ...entry,
      actorUser: a.role !== 'representative' && a.role !== 'public' ? a.id : undefined,
      actorRepresentative: a.role === 'representative' ? a.id : undefined,
    } as never,
    overrideAccess: true,
    req,
    context: { disableSiteRebuild: true },
  })
}
