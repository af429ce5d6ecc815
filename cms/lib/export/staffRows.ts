// The rows of the staff's Excel export: every record of a list as the signed-in person reads it
// over REST — the same `where` and `sort`, their access to records and to fields — read in bulk
// (cms/lib/export/readAs.ts) and turned into rows by core/spreadsheet.ts. A field they may not
// read is not there; its cell is empty.
import type { PayloadRequest } from 'payload'
import { toLocalDate } from '../../../core/calendar'
import { categoryLabel } from '../../../core/categories'
import { proposalRow, replyRow, type ProposalRow, type ReplyRow } from '../../../core/spreadsheet'
import { idOf } from '../../access/actor'
import type { Proposal, Reply } from '../../payload-types'
import { deadlineSettingsOf, getCalendar } from '../calendar'
import { nowISO } from '../clock'
import { factsFromDoc, replyFromDoc } from '../facts'
import { readAs, type Doc } from './readAs'
import { groupByProposal } from '../groupByProposal'

type Named = 'representatives' | 'sections' | 'residential-areas' | 'users'

/** Names by id, as this person may read them (a record they may not read has no name here). */
async function namesOf(req: PayloadRequest, collection: Named): Promise<Map<string, string>> {
  const docs = await readAs(req, collection, {}, { name: true })
  return new Map(docs.map((d) => [String(d.id), String(d.name ?? '')]))
}

const nameIn = (names: Map<string, string>, id: unknown): string | null => (id == null ? null : (names.get(String(idOf(id))) ?? null))
const namesIn = (names: Map<string, string>, ids: unknown): string[] =>
  (Array.isArray(ids) ? ids : []).map((id) => nameIn(names, id)).filter((n): n is string => !!n)


export const ProposalSelect = {
  number: true,
  session: true,
  title: true,
  status: true,
  category: true,
  residentialArea: true,
  proposer: true,
  coSigners: true,
  submittedAt: true,
  screening: true,
  assignment: true,
  extensions: true,
  rehandlings: true,
  closedAt: true,
} as const satisfies Partial<Record<keyof Proposal, true>>

/** Proposal rows for pages of proposals: their instructions, replies, evaluations and follow-ups read alongside, as the same person. */
export async function* proposalRows(req: PayloadRequest, pages: AsyncIterable<Doc[]>): AsyncGenerator<ProposalRow> {
  const [calendar, representatives, sections, areas, sessions] = await Promise.all([
    getCalendar(req.payload),
    namesOf(req, 'representatives'),
    namesOf(req, 'sections'),
    namesOf(req, 'residential-areas'),
    readAs(req, 'sessions', {}, { name: true, deadlines: true }),
  ])
  const sessionOf = new Map(sessions.map((s) => [String(s.id), { name: String(s.name ?? ''), deadlines: deadlineSettingsOf(s) }]))
  const now = nowISO()
  for await (const docs of pages) {
    if (docs.length === 0) continue
    const ofPage = { proposal: { in: docs.map((d) => d.id) } }
    const [instructions, replies, evaluations, followUps] = (
      await Promise.all([
        readAs(req, 'instructions', ofPage, { proposal: true, leader: true, text: true, at: true, createdAt: true }),
        readAs(req, 'replies', ofPage, { proposal: true, round: true, section: true, class: true, commitments: true, signedOffAt: true, publishedAt: true, corrects: true }),
        readAs(req, 'evaluations', ofPage, { proposal: true, reply: true, representative: true, rating: true, at: true, createdAt: true }),
        readAs(req, 'follow-ups', ofPage, { proposal: true, kind: true, at: true, commitmentId: true, verified: true, createdAt: true }),
      ])
    ).map((docs) => groupByProposal(docs))
    for (const d of docs as (Doc & Partial<Proposal>)[]) {
      const k = String(d.id)
      const facts = factsFromDoc(d, {
        instructions: (instructions.get(k) ?? []).map((i) => ({ leader: idOf(i.leader) as string | number, text: String(i.text ?? ''), at: String(i.at ?? i.createdAt) })),
        replies: (replies.get(k) ?? []).map((r) => replyFromDoc(r as unknown as Reply)),
        evaluations: (evaluations.get(k) ?? []).map((e) => ({
          reply: idOf(e.reply) as string | number,
          representative: idOf(e.representative) as string | number,
          rating: e.rating as 'satisfied' | 'basicallySatisfied' | 'dissatisfied',
          at: String(e.at ?? e.createdAt),
        })),
        followUps: (followUps.get(k) ?? []).map((f) => ({
          kind: f.kind as 'visit' | 'call' | 'verification',
          at: String(f.at ?? f.createdAt),
          commitmentId: (f.commitmentId as string | null) ?? null,
          verified: (f.verified as boolean | null) ?? null,
        })),
      })
      const session = sessionOf.get(String(idOf(d.session)))
      yield proposalRow(
        {
          number: d.number ?? null,
          session: session?.name ?? '',
          title: d.title ?? '',
          proposer: nameIn(representatives, d.proposer) ?? '',
          coSigners: namesIn(representatives, d.coSigners),
          residentialArea: nameIn(areas, d.residentialArea) ?? '',
          category: d.category ? categoryLabel(d.category) : '',
          leadSection: nameIn(sections, d.assignment?.leadSection),
          coSections: namesIn(sections, d.assignment?.coSections),
          closedAt: d.closedAt ?? null,
          facts,
          deadlines: session?.deadlines ?? deadlineSettingsOf(null),
        },
        { calendar, now },
      )
    }
  }
}

export const ReplySelect = {
  proposal: true,
  round: true,
  class: true,
  section: true,
  text: true,
  commitments: true,
  draftedBy: true,
  signedOffBy: true,
  signedOffAt: true,
  publishedAt: true,
  correctionNote: true,
} as const satisfies Partial<Record<keyof Reply, true>>

/** Reply rows for pages of replies, each with its proposal's number and title as this person reads them. */
export async function* replyRows(req: PayloadRequest, pages: AsyncIterable<Doc[]>): AsyncGenerator<ReplyRow> {
  const [sections, users] = await Promise.all([namesOf(req, 'sections'), namesOf(req, 'users')])
  for await (const docs of pages) {
    if (docs.length === 0) continue
    const ids = [...new Set(docs.map((d) => idOf(d.proposal)).filter((id) => id != null))]
    const proposals = await readAs(req, 'proposals', { id: { in: ids } }, { number: true, title: true })
    const proposalOf = new Map(proposals.map((p) => [String(p.id), p as Doc & Partial<Proposal>]))
    for (const r of docs as (Doc & Partial<Reply>)[]) {
      const p = proposalOf.get(String(idOf(r.proposal)))
      yield replyRow({
        proposalNumber: p?.number ?? null,
        proposalTitle: p?.title ?? null,
        round: r.round ?? null,
        replyClass: r.class ?? null,
        // No section: the office's own explanation (a deleted section keeps an empty name, not the office's).
        section: r.section == null ? null : (nameIn(sections, r.section) ?? ''),
        text: r.text ?? null,
        commitments: (r.commitments ?? []).map((c) => ({ text: c.text, dueDate: c.dueDate })),
        draftedBy: nameIn(users, r.draftedBy),
        signedOffBy: nameIn(users, r.signedOffBy),
        signedOffAt: r.signedOffAt ?? null,
        publishedAt: r.publishedAt ?? null,
        correctionNote: r.correctionNote ?? null,
      })
    }
  }
}

/** Today in China, for the file's name. */
export const exportDate = (): string => toLocalDate(nowISO())
