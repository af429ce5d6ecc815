// What the printed documents say, read as the signed-in person reads over REST (Local API with
// overrideAccess: false and their user): whoever may not read the reply or the proposal gets
// `notFound`, never a part of it. The pages (cms/components/print/) only lay these out.
//   答复函 (reply letter): only a signed-off reply prints; a draft is refused (it has no 文号, no 签发人).
//   代表意见征询表 (evaluation form): the proposal and its latest published reply, one form for each
//   of its representatives who has not evaluated that reply yet.
import type { Payload, TypedUser } from 'payload'
import { formatChineseDate } from '../../core/documents'
import { RatingLabels, ReplyClassLabels } from '../../core/labels'
import { sameId } from '../../core/lifecycle'
import { canUseAdmin } from '../../core/permissions'
import { Ratings, type ReplyClass } from '../../core/types'
import type { Letterhead, Proposal, Reply, Section } from '../payload-types'
import { actorOf, idOf } from '../access/actor'
import { getCalendar, lastEvaluationDay } from './calendar'
import { isValidId } from './inputCheck'

export type Printable<T> = { kind: 'ok'; doc: T } | { kind: 'notFound' } | { kind: 'refused'; message: string }

export interface Commitment {
  text: string
  due: string
}

export interface Sender {
  /** 单位名称 from 公文设置 (函头). */
  organization: string
  /** The section's name, or the office's own (代表工作室). */
  unit: string
  contactName: string
  contactPhone: string
}

export interface ReplyLetter extends Sender {
  docNumber: string
  signer: string
  /** 主送: the proposer, then the co-signers. */
  addressees: string[]
  proposalNumber: string
  proposalTitle: string
  round: number
  classLabel: string
  text: string
  commitments: Commitment[]
  /** 更正说明, when this reply corrects an earlier one. */
  correctionNote: string | null
  /** 成文日期: the day of the sign-off, e.g. 2026年3月5日. */
  date: string
}

export interface EvaluationForm {
  organization: string
  proposalNumber: string
  proposalTitle: string
  proposalBody: string
  proposer: string
  coSigners: string[]
  reply: { docNumber: string; unit: string; classLabel: string; text: string; commitments: Commitment[]; published: string }
  /** 请于……前交回: the last day of the evaluation period. */
  returnBy: string
  /** One form each. */
  representatives: string[]
  ratings: { value: string; label: string }[]
}

type User = TypedUser | null | undefined
type Reader = { payload: Payload; user: User }

const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : '')

/** One document as `user` may read it, or null (not there, or not theirs to read). */
async function readable<T>(r: Reader, collection: 'replies' | 'proposals' | 'users' | 'sections' | 'sessions', id: unknown): Promise<T | null> {
  const key = idOf(id)
  if (key == null || !isValidId(r.payload, key)) return null
  const doc = await r.payload.findByID({ collection, id: key, depth: 0, user: r.user, overrideAccess: false, disableErrors: true })
  return (doc as T | null) ?? null
}

async function names(r: Reader, ids: unknown[]): Promise<Map<string, string>> {
  const keys = ids.map(idOf).filter((x): x is string | number => x != null)
  if (keys.length === 0) return new Map()
  const { docs } = await r.payload.find({
    collection: 'representatives',
    where: { id: { in: keys } },
    depth: 0,
    limit: keys.length,
    pagination: false,
    select: { name: true },
    user: r.user,
    overrideAccess: false,
  })
  return new Map(docs.map((d) => [String(d.id), d.name]))
}

async function settings(r: Reader): Promise<Partial<Letterhead>> {
  return (await r.payload.findGlobal({ slug: 'letterhead', depth: 0, user: r.user, overrideAccess: false }).catch(() => null)) ?? {}
}

async function sender(r: Reader, sectionId: unknown, head: Partial<Letterhead>): Promise<Sender> {
  const section = sectionId == null ? null : await readable<Section>(r, 'sections', sectionId)
  if (section) return { organization: text(head.organization), unit: section.name, contactName: text(section.contactName), contactPhone: text(section.contactPhone) }
  return { organization: text(head.organization), unit: text(head.officeUnit) || '代表工作室', contactName: text(head.officeContactName), contactPhone: text(head.officeContactPhone) }
}

const commitmentsOf = (reply: Reply): Commitment[] =>
  (reply.commitments ?? []).map((c) => ({ text: c.text, due: /^\d{4}-\d{2}-\d{2}$/.test(c.dueDate) ? formatChineseDate(c.dueDate) : c.dueDate }))

const classLabel = (c: unknown): string => ReplyClassLabels[c as ReplyClass] ?? ''

/** Staff only: representatives use the portal, the public nothing. */
const isStaffUser = (user: User): boolean => canUseAdmin(actorOf(user as Parameters<typeof actorOf>[0]))

export async function replyLetter(payload: Payload, user: User, id: unknown): Promise<Printable<ReplyLetter>> {
  const r: Reader = { payload, user }
  if (!isStaffUser(user)) return { kind: 'notFound' }
  const reply = await readable<Reply>(r, 'replies', id)
  if (!reply) return { kind: 'notFound' }
  const proposal = await readable<Proposal>(r, 'proposals', reply.proposal)
  if (!proposal) return { kind: 'notFound' }
  if (!reply.signedOffAt || !reply.docNumber) return { kind: 'refused', message: '这条答复尚未签发：答复函在科室负责人签发时编文号，签发后才能打印。' }
  const [head, signer, people] = await Promise.all([
    settings(r),
    readable<{ name?: string }>(r, 'users', reply.signedOffBy),
    names(r, [proposal.proposer, ...(proposal.coSigners ?? [])]),
  ])
  const from = await sender(r, idOf(reply.section), head)
  const addressees = [proposal.proposer, ...(proposal.coSigners ?? [])].map((p) => people.get(String(idOf(p)))).filter((n): n is string => !!n)
  return {
    kind: 'ok',
    doc: {
      ...from,
      docNumber: reply.docNumber,
      signer: text(signer?.name),
      addressees,
      proposalNumber: text(proposal.number),
      proposalTitle: proposal.title,
      round: reply.round ?? 1,
      classLabel: classLabel(reply.class),
      text: reply.text,
      commitments: commitmentsOf(reply),
      correctionNote: reply.corrects != null ? text(reply.correctionNote) || null : null,
      date: formatChineseDate(reply.signedOffAt),
    },
  }
}

export async function evaluationForm(payload: Payload, user: User, id: unknown): Promise<Printable<EvaluationForm>> {
  const r: Reader = { payload, user }
  if (!isStaffUser(user)) return { kind: 'notFound' }
  const proposal = await readable<Proposal>(r, 'proposals', id)
  if (!proposal) return { kind: 'notFound' }
  const { docs: replies } = await payload.find({
    collection: 'replies',
    where: { and: [{ proposal: { equals: proposal.id } }, { publishedAt: { exists: true } }] },
    sort: '-publishedAt',
    limit: 1,
    depth: 0,
    user,
    overrideAccess: false,
  })
  const reply = replies[0]
  if (!reply?.publishedAt) return { kind: 'refused', message: '这件提案还没有公开的答复：答复公开后才能请代表评价。' }
  const { docs: given } = await payload.find({
    collection: 'evaluations',
    where: { reply: { equals: reply.id } },
    depth: 0,
    pagination: false,
    select: { representative: true },
    user,
    overrideAccess: false,
  })
  const everyone = [proposal.proposer, ...(proposal.coSigners ?? [])]
  const pending = everyone.filter((p) => !given.some((e) => sameId(idOf(e.representative), idOf(p))))
  if (pending.length === 0) return { kind: 'refused', message: '这件提案的代表都已评价最新公开的答复，无需再打印意见征询表。' }
  const [head, people, session] = await Promise.all([settings(r), names(r, everyone), readable(r, 'sessions', proposal.session)])
  const from = await sender(r, idOf(reply.section), head)
  const name = (p: unknown) => people.get(String(idOf(p))) ?? ''
  return {
    kind: 'ok',
    doc: {
      organization: from.organization,
      proposalNumber: text(proposal.number),
      proposalTitle: proposal.title,
      proposalBody: proposal.body,
      proposer: name(proposal.proposer),
      coSigners: (proposal.coSigners ?? []).map(name).filter(Boolean),
      reply: {
        docNumber: text(reply.docNumber),
        unit: from.unit,
        classLabel: classLabel(reply.class),
        text: reply.text,
        commitments: commitmentsOf(reply),
        published: formatChineseDate(reply.publishedAt),
      },
      returnBy: formatChineseDate(lastEvaluationDay(await getCalendar(payload), session, reply.publishedAt)),
      representatives: pending.map(name).filter(Boolean),
      ratings: Ratings.map((value) => ({ value, label: RatingLabels[value] })),
    },
  }
}
