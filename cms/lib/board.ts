// The 督办 board's data (cms/components/SupervisionBoard.tsx): every open item, grouped by who owes
// it (a section, or the office, a leader, the proposer) and its stage, counted in the database.
// Open items are the stored `duties` rows owed today (core/duties.ts, kept by cms/lib/derived.ts)
// and the overdue commitments of published replies (core/sweep.ts commitmentObligations). Rows are
// listed in the board's order (core/supervision.ts: 严重逾期 first, 重点督办 first, earliest
// deadline first), asked of the database tier by tier, a page at a time: nothing loads every
// document. Access applies: the person reads only what they may (office and leaders read every
// proposal past its draft).
import type { Payload, TypedUser, Where } from 'payload'
import { toLocalDate, type WorkingCalendar } from '../../core/calendar'
import { deadlineStateRange } from '../../core/deadlines'
import { DutyActions, type DutyAction } from '../../core/duties'
import { SupervisedStatuses } from '../../core/lifecycle'
import { commitmentObligations } from '../../core/sweep'
import { BoardTiers, boardOrder, partyOfCommitment, PartyRoleLabels, PartyRoles, type BoardStage, type BoardTier, type Party } from '../../core/supervision'
import { idOf } from '../access/actor'
import type { Proposal } from '../payload-types'
import { nowISO } from './clock'
import { replyFromDoc } from './facts'
import { owedOnDay, QueuesOf } from './queues'
import { keyItemOf } from './supervision'

type Id = string | number

/** What the board says of a proposal. */
export type BoardProposal = Pick<Proposal, 'id' | 'number' | 'title' | 'status'> & { keyItem: boolean }

/** One row: an item owed (a duty, or an overdue commitment), by whom, by when. */
export interface BoardRow {
  key: string
  stage: BoardStage
  party: Party
  due: string | null
  proposal: BoardProposal
  /** The commitment's words (承诺事项), for an overdue commitment. */
  commitment?: string
}

/** The stages a party can owe, in the lifecycle's order (the workbench's queues, cms/lib/queues.ts), then overdue commitments. */
export function stagesOf(party: Party): BoardStage[] {
  if (party.kind === 'section') return [...[...new Set([...QueuesOf.sectionStaff, ...QueuesOf.sectionHead])].sort(byLifecycle), 'commitment']
  return party.role === 'office' ? [...QueuesOf.office, 'commitment'] : [...QueuesOf[party.role]]
}
const byLifecycle = (a: DutyAction, b: DutyAction) => DutyActions.indexOf(a) - DutyActions.indexOf(b)

export const isBoardStage = (v: unknown): v is BoardStage => v === 'commitment' || (typeof v === 'string' && (DutyActions as readonly string[]).includes(v))

export const sameParty = (a: Party, b: Party): boolean =>
  a.kind === 'section' ? b.kind === 'section' && String(a.section) === String(b.section) : b.kind === 'role' && a.role === b.role

/** The duties owed today (their `from`/`until`), of a party, as a query over `duties`. */
function partyWhere(party: Party | null, today: string): Where {
  const and: Where[] = owedOnDay(today)
  if (party?.kind === 'section') and.push({ section: { equals: party.section } })
  else if (party) and.push({ role: { equals: party.role } }, { section: { exists: false } })
  return { and }
}

/**
 * A tier of the board's order as a query over `duties` (core/supervision.ts BoardTiers); null when
 * it can hold nothing (a key tier when no item is key). Key items are named by their proposals'
 * ids (a leader marks a handful): a condition on the related proposal's field would make the
 * database join the proposals once per condition.
 */
function tierWhere(t: BoardTier, day: BoardDay): Where | null {
  if (t.key && day.keyItems.length === 0) return null
  const and: Where[] = t.key ? [{ proposal: { in: day.keyItems } }] : day.keyItems.length ? [{ proposal: { not_in: day.keyItems } }] : []
  if (!t.dated) and.push({ due: { exists: false } })
  else and.push(t.veryOverdue ? { due: { less_than: day.veryOverdueBefore } } : { due: { greater_than_equal: day.veryOverdueBefore } })
  return { and }
}

/** The board's day, its calendar, and the bound of 严重逾期 on it. */
export interface BoardDay {
  today: string
  now: string
  calendar: WorkingCalendar
  /** Deadlines before this day are 严重逾期 today (core/deadlines.ts deadlineStateRange). */
  veryOverdueBefore: string
  /** The open proposals marked 重点督办 (ids). */
  keyItems: Id[]
}

type Reader = { payload: Payload; user: TypedUser }

/** The board's day: today, the bound of 严重逾期, and the open proposals marked 重点督办 (read once). */
export async function boardDay(r: Reader, calendar: WorkingCalendar, now = nowISO()): Promise<BoardDay> {
  const today = toLocalDate(now)
  const key = await r.payload.find({
    collection: 'proposals',
    where: { and: [{ keyItem: { equals: true } }, { status: { in: [...SupervisedStatuses] } }] },
    select: {},
    depth: 0,
    pagination: false,
    overrideAccess: false,
    user: r.user,
  })
  return { today, now, calendar, veryOverdueBefore: deadlineStateRange('longOverdue', today, calendar).before!, keyItems: key.docs.map((d) => d.id) }
}

const countDuties = async ({ payload, user }: Reader, where: Where) => (await payload.count({ collection: 'duties', where, overrideAccess: false, user })).totalDocs

/** Counts of a party's items: all owed today, past their deadline, 严重逾期, and 重点督办. */
export interface PartyCounts {
  total: number
  overdue: number
  veryOverdue: number
  key: number
}

export async function partyCounts(r: Reader, party: Party, day: BoardDay): Promise<PartyCounts> {
  const of = partyWhere(party, day.today)
  const [total, overdue, veryOverdue, key] = await Promise.all([
    countDuties(r, of),
    countDuties(r, { and: [of, { due: { less_than: day.today } }] }),
    countDuties(r, { and: [of, { due: { less_than: day.veryOverdueBefore } }] }),
    day.keyItems.length ? countDuties(r, { and: [of, { proposal: { in: day.keyItems } }] }) : 0,
  ])
  return { total, overdue, veryOverdue, key }
}

/** How many items of a stage a party owes today, and how many of them are overdue (duties; commitments are all overdue). */
export async function groupCount(r: Reader, party: Party, stage: DutyAction, day: BoardDay): Promise<{ total: number; overdue: number }> {
  const of = { and: [partyWhere(party, day.today), { action: { equals: stage } }] }
  const [total, overdue] = await Promise.all([countDuties(r, of), countDuties(r, { and: [of, { due: { less_than: day.today } }] })])
  return { total, overdue }
}

const rowOfDuty = (d: { id: Id; action: DutyAction; role: string; section?: unknown; due?: string | null; proposal: unknown }, party: Party): BoardRow | null => {
  const p = d.proposal as (Proposal & { keyItem?: boolean | null }) | null
  if (!p || typeof p !== 'object') return null
  return { key: `duty-${d.id}`, stage: d.action, party, due: d.due ?? null, proposal: { id: p.id, number: p.number, title: p.title, status: p.status, keyItem: keyItemOf(p) } }
}

const findTier = async (r: Reader, where: Where, limit: number, page: number) =>
  r.payload.find({
    collection: 'duties',
    where,
    sort: ['due', 'id'],
    limit,
    page,
    depth: 1,
    overrideAccess: false,
    user: r.user,
    populate: { proposals: { number: true, title: true, status: true, keyItem: true } },
  })

/**
 * A window of a party's items of a stage (duties), in the board's order, tier by tier. The first
 * rows (offset 0) are read tier after tier until the window is full; a later window counts each
 * tier and reads only the database pages that hold it (one or two per tier it spans). Tiers a
 * party has nothing in (`known`: its counts of 重点督办 and 严重逾期) are not asked.
 */
export async function groupRows(r: Reader, party: Party, stage: DutyAction, day: BoardDay, window: { offset: number; limit: number }, known?: Pick<PartyCounts, 'key' | 'veryOverdue'>): Promise<BoardRow[]> {
  const of: Where = { and: [partyWhere(party, day.today), { action: { equals: stage } }] }
  const tiers = BoardTiers.filter((t) => !(known && ((t.key && known.key === 0) || (t.veryOverdue && known.veryOverdue === 0))))
    .map((t) => tierWhere(t, day))
    .filter((w): w is Where => w != null)
    .map((w) => ({ and: [of, w] }) as Where)
  const rowsOf = (docs: unknown[]) => docs.map((d) => rowOfDuty(d as Parameters<typeof rowOfDuty>[0], party)).filter((x): x is BoardRow => x != null)
  const rows: BoardRow[] = []
  if (window.offset === 0) {
    for (const where of tiers) {
      if (rows.length >= window.limit) break
      rows.push(...rowsOf((await findTier(r, where, window.limit - rows.length, 1)).docs))
    }
    return rows
  }
  const counts = await Promise.all(tiers.map((w) => countDuties(r, w)))
  const L = window.limit
  const end = window.offset + L
  let start = 0
  for (const [i, where] of tiers.entries()) {
    const count = counts[i]!
    const from = Math.max(window.offset, start) - start
    const to = Math.min(end, start + count) - start
    start += count
    if (to <= from) continue
    const first = Math.floor(from / L)
    const last = Math.floor((to - 1) / L)
    const got: BoardRow[] = []
    for (let page = first; page <= last; page++) got.push(...rowsOf((await findTier(r, where, L, page + 1)).docs))
    rows.push(...got.slice(from - first * L, to - first * L))
  }
  return rows
}

/**
 * The overdue commitments of published replies on open proposals (past their 完成时限, not
 * verified as kept), each as the sweep sees it (core commitmentObligations), found in the
 * database by the replies that have one due before today; read in bulk (four queries).
 */
export async function overdueCommitments(r: Reader, day: BoardDay): Promise<BoardRow[]> {
  const as = { overrideAccess: false as const, user: r.user, depth: 0, pagination: false as const }
  const candidates = await r.payload.find({
    collection: 'replies',
    where: { and: [{ publishedAt: { exists: true } }, { 'commitments.dueDate': { less_than: day.today } }] },
    select: { proposal: true },
    ...as,
  })
  const ids = [...new Set(candidates.docs.map((d) => idOf(d.proposal)).filter((x): x is Id => x != null))]
  if (ids.length === 0) return []
  // Of those, the open proposals (a closed one owes nothing).
  const proposals = await r.payload.find({ collection: 'proposals', where: { and: [{ id: { in: ids } }, { status: { in: [...SupervisedStatuses] } }] }, select: { number: true, title: true, status: true, keyItem: true }, ...as })
  const open = proposals.docs.map((p) => p.id)
  if (open.length === 0) return []
  const [replies, followUps] = await Promise.all([
    r.payload.find({ collection: 'replies', where: { and: [{ proposal: { in: open } }, { publishedAt: { exists: true } }] }, ...as }),
    r.payload.find({ collection: 'follow-ups', where: { and: [{ proposal: { in: open } }, { kind: { equals: 'verification' } }] }, ...as }),
  ])
  const rows: BoardRow[] = []
  for (const p of proposals.docs) {
    const facts = {
      replies: replies.docs.filter((x) => String(idOf(x.proposal)) === String(p.id)).map(replyFromDoc),
      followUps: followUps.docs
        .filter((x) => String(idOf(x.proposal)) === String(p.id))
        .map((f) => ({ id: f.id, kind: f.kind, at: f.at ?? f.createdAt, commitmentId: f.commitmentId ?? null, verified: f.verified ?? null, corrects: idOf(f.corrects) })),
    }
    const proposal: BoardProposal = { id: p.id, number: p.number, title: p.title, status: p.status, keyItem: keyItemOf(p) }
    for (const c of commitmentObligations({ proposal: p.id, number: p.number ?? null, title: p.title, keyItem: proposal.keyItem }, facts))
      if (c.state !== 'kept' && c.due < day.today) rows.push({ key: `commitment-${c.commitment}`, stage: 'commitment', party: partyOfCommitment(c), due: c.due, proposal, commitment: c.text })
  }
  return rows.sort((a, b) => boardOrder(day.today, day.calendar)({ ...a, keyItem: a.proposal.keyItem, number: a.proposal.number ?? null }, { ...b, keyItem: b.proposal.keyItem, number: b.proposal.number ?? null }))
}

/** The parties in the board's order: the sections by name, then the office, a leader, the proposer. */
export async function partiesOf(r: Reader): Promise<{ party: Party; name: string; slug: string }[]> {
  const sections = await r.payload.find({ collection: 'sections', pagination: false, depth: 0, sort: 'name', select: { name: true, slug: true }, overrideAccess: false, user: r.user })
  return [
    ...sections.docs.map((s) => ({ party: { kind: 'section', section: s.id } as Party, name: s.name, slug: s.slug })),
    ...PartyRoles.map((role) => ({ party: { kind: 'role', role } as Party, name: PartyRoleLabels[role], slug: role })),
  ]
}

/** Rows shown per group when the board shows many groups; a group of its own lists them all, this many a page. */
export const Shown = 5
export const PageSize = 50

export interface BoardFilter {
  /** A section's slug, or office / leader / representative. */
  who?: string
  stage?: string
  page?: number
}

/**
 * Everything the board shows for a filter: the parties and their counts, the overdue commitments,
 * and the groups (责任方 × 环节) with something in them, each with its first rows — or, for one
 * group alone (a party and a stage chosen), a page of all of them.
 */
export async function boardData(r: Reader, calendar: WorkingCalendar, f: BoardFilter) {
  const day = await boardDay(r, calendar)
  const [parties, commitments] = await Promise.all([partiesOf(r), overdueCommitments(r, day)])
  const chosen = f.who ? parties.find((p) => p.slug === f.who) : undefined
  const stage = isBoardStage(f.stage) ? f.stage : undefined
  const page = Math.max(1, Math.floor(Number(f.page) || 1))
  const unknown = (!!f.who && !chosen) || (!!f.stage && !stage)

  const shown = chosen ? [chosen] : parties
  const counts = new Map<string, PartyCounts>(await Promise.all(shown.map(async (p) => [p.slug, await partyCounts(r, p.party, day)] as const)))
  const commitmentsOf = (party: Party) => commitments.filter((c) => sameParty(c.party, party))
  const all = [...counts.values()].reduce((a, c) => ({ total: a.total + c.total, overdue: a.overdue + c.overdue, veryOverdue: a.veryOverdue + c.veryOverdue, key: a.key + c.key }), { total: 0, overdue: 0, veryOverdue: 0, key: 0 })
  const commitmentCount = shown.reduce((n, p) => n + commitmentsOf(p.party).length, 0)

  const single = !!chosen && !!stage
  const groups = (
    await Promise.all(
      shown.flatMap((p) =>
        stagesOf(p.party)
          .filter((s) => !stage || s === stage)
          .map(async (s) => {
            if (s === 'commitment') {
              const rows = commitmentsOf(p.party)
              return { p, stage: s as BoardStage, total: rows.length, overdue: rows.length, rows: single ? rows.slice((page - 1) * PageSize, page * PageSize) : rows.slice(0, Shown) }
            }
            const c = await groupCount(r, p.party, s, day)
            if (c.total === 0) return { p, stage: s as BoardStage, ...c, rows: [] as BoardRow[] }
            const window = single ? { offset: (page - 1) * PageSize, limit: PageSize } : { offset: 0, limit: Shown }
            return { p, stage: s as BoardStage, ...c, rows: await groupRows(r, p.party, s, day, window, counts.get(p.slug)) }
          }),
      ),
    )
  ).filter((g) => g.total > 0)

  const stageChoices: BoardStage[] = chosen ? stagesOf(chosen.party) : [...new Set(parties.flatMap((p) => stagesOf(p.party)))]
  return { day, parties, chosen, stage, page, unknown, counts, commitmentsOf, all, commitmentCount, single, groups, stageChoices }
}
