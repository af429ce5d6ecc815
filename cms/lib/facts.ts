// Reads one proposal and its records into the `core` ProposalFacts shape, so hooks and
// endpoints ask `core` the same question the tests ask. This is the system reading its own
// records to apply a rule, not a person reading them: it bypasses access on purpose.
import type { PayloadRequest } from 'payload'
import type { TransitionContext } from '../../core/lifecycle'
import type { Actor, ProposalFacts, Reply, Role } from '../../core/types'
import { idOf } from '../access/actor'
import type { Proposal, Reply as ReplyDoc } from '../payload-types'

/** A proposal's record as a hook or endpoint has it: the stored document, possibly merged with the data being saved. */
export type ProposalRecord = Partial<Proposal>

const ids = (v: unknown): (string | number)[] =>
  Array.isArray(v) ? (v.map(idOf).filter((x) => x != null) as (string | number)[]) : []

export function factsFromDoc(doc: ProposalRecord, related: Partial<Related> = {}): ProposalFacts {
  return {
    status: doc.status ?? 'draft',
    proposer: idOf(doc.proposer) as string | number,
    coSigners: ids(doc.coSigners),
    invitees: ids(doc.invitees),
    enteredBy: doc.enteredBy ?? null,
    confidential: !!doc.confidential,
    submittedAt: doc.submittedAt ?? null,
    screening: {
      decision: doc.screening?.decision ?? null,
      reason: doc.screening?.reason ?? null,
      mergedInto: idOf(doc.screening?.mergedInto),
      at: doc.screening?.at ?? null,
    },
    assignment: {
      leadSection: idOf(doc.assignment?.leadSection),
      coSections: ids(doc.assignment?.coSections),
      assignedAt: doc.assignment?.assignedAt ?? null,
      deadline: doc.assignment?.deadline ?? null,
      extensions: (doc.extensions ?? []).map((e) => ({
        newDeadline: e.newDeadline,
        reason: e.reason,
        approvedBy: idOf(e.approvedBy),
        approvedAt: e.approvedAt ?? null,
      })),
    },
    rehandlings: (doc.rehandlings ?? []).map((r) => ({ round: r.round, startedAt: r.startedAt, deadline: r.deadline })),
    noEvaluationReason: doc.noEvaluationReason ?? null,
    instructions: related.instructions ?? [],
    replies: related.replies ?? [],
    evaluations: related.evaluations ?? [],
    followUps: related.followUps ?? [],
  }
}

interface Related {
  instructions: ProposalFacts['instructions']
  replies: Reply[]
  evaluations: ProposalFacts['evaluations']
  followUps: ProposalFacts['followUps']
}

export const replyFromDoc = (r: ReplyDoc): Reply => ({
  id: r.id,
  round: r.round ?? 1,
  section: idOf(r.section),
  text: r.text ?? '',
  class: r.class,
  commitments: (r.commitments ?? []).map((c) => ({ id: String(c.id), text: c.text, dueDate: c.dueDate })),
  draftedBy: idOf(r.draftedBy),
  signedOffBy: idOf(r.signedOffBy),
  signedOffAt: r.signedOffAt ?? null,
  signedOffAs: r.signedOffRole ? { role: r.signedOffRole as Role, section: idOf(r.signedOffSection) } : null,
  publishedAt: r.publishedAt ?? null,
  corrects: idOf(r.corrects),
  returnedAt: r.returnedAt ?? null,
  revisedAt: r.revisedAt ?? null,
})

/** Every record of one kind about a proposal (the system reading its own records: no access check). */
export const findAll = async <C extends 'instructions' | 'replies' | 'evaluations' | 'follow-ups' | 'co-opinions' | 'extension-requests' | 'duties'>(req: PayloadRequest, collection: C, proposal: string | number) =>
  (await req.payload.find({ collection, where: { proposal: { equals: proposal } }, depth: 0, pagination: false, overrideAccess: true, req })).docs

export async function loadRelated(req: PayloadRequest, proposal: string | number): Promise<Related> {
  const [instructions, replies, evaluations, followUps] = await Promise.all([
    findAll(req, 'instructions', proposal),
    findAll(req, 'replies', proposal),
    findAll(req, 'evaluations', proposal),
    findAll(req, 'follow-ups', proposal),
  ])
  // `at` is stamped by the server on every record (cms/fields/stampedAt.ts); createdAt is the same instant should it be missing.
  return {
    instructions: instructions.map((i) => ({ leader: idOf(i.leader) as string | number, text: i.text, at: i.at ?? i.createdAt })),
    replies: replies.map(replyFromDoc),
    evaluations: evaluations.map((e) => ({
      reply: idOf(e.reply) as string | number,
      representative: idOf(e.representative) as string | number,
      rating: e.rating,
      comment: e.comment ?? null,
      at: e.at ?? e.createdAt,
    })),
    followUps: followUps.map((f) => ({
      id: f.id,
      kind: f.kind,
      at: f.at ?? f.createdAt,
      commitmentId: f.commitmentId ?? null,
      verified: f.verified ?? null,
      corrects: idOf(f.corrects),
    })),
  }
}

export async function loadFacts(req: PayloadRequest, doc: ProposalRecord): Promise<ProposalFacts> {
  if (doc.id == null) return factsFromDoc(doc)
  return factsFromDoc(doc, await loadRelated(req, doc.id))
}

/**
 * Who signed off each reply, as the rules need it: their role and section when they signed
 * (stored on the reply). Only a sign-off stored without them (none since the fields exist; the
 * migration filled in the older ones) falls back to the signer's account as it is now.
 */
export async function loadSigners(req: PayloadRequest, replies: Reply[]): Promise<TransitionContext> {
  const signers: Record<string, Actor> = {}
  for (const r of replies) if (r.signedOffBy != null && r.signedOffAs) signers[String(r.id)] = { id: r.signedOffBy, role: r.signedOffAs.role, section: r.signedOffAs.section ?? undefined } as Actor
  const unknown = replies.filter((r) => r.signedOffBy != null && !r.signedOffAs)
  const signerIds = [...new Set(unknown.map((r) => r.signedOffBy))]
  if (signerIds.length === 0) return { signers }
  const users = await req.payload.find({
    collection: 'users',
    where: { id: { in: signerIds } },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  const byId = new Map(users.docs.map((u) => [String(u.id), { role: u.role, id: u.id, section: idOf(u.section) } as Actor]))
  for (const r of unknown) signers[String(r.id)] = byId.get(String(r.signedOffBy))!
  return { signers }
}
