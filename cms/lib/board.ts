// The 督办 board's data (cms/components/SupervisionBoard.tsx): every open item, grouped by who owes
// it (a section, or the office, a leader, the proposer) and its stage, counted in the database.
// Open items are the stored `duties` rows owed today (core/duties.ts, kept by cms/lib/derived.ts)
// and the overdue commitments the 承诺台账 keeps (cms/lib/commitmentLedger.ts, as the sweep reads them). Rows are
// listed in the board's order (core/supervision.ts: 严重逾期 first, 重点督办 first, earliest
// deadline first), asked of the database tier by tier, a page at a time: nothing loads every
// document. Access applies: the person reads only what they may (office and leaders read every
// proposal past its draft).
import type { Payload, TypedUser, Where } from 'payload'
import { toLocalDate, type WorkingCalendar } from '../../core/calendar'
import { deadlineStateRange } from '../../core/deadlines'
import { DutyActions, type DutyAction } from '../../core/duties'
import { SupervisedStatuses } from '../../core/lifecycle'
import { commitmentOverdue } from '../../core/commitments'
import { parseNoticeKey, SweepStages, type SweepStage } from '../../core/sweep'
import { BoardTiers, boardOrderKey, compareBoardKeys, partyOfCommitment, partyOfDuty, tierOf, PartyRoleLabels, PartyRoles, type BoardStage, type BoardTier, type Party } from '../../core/supervision'
import { idOf } from '../access/actor'
import type { Proposal } from '../payload-types'
import type { Role } from '../../core/types'
import { proposalReadScope } from '../../core/permissions'
import { actorOf } from '../access/actor'
import { nowISO } from './clock'
import { owedOnDay, QueuesOf } from './queues'
import { keyItemOf } from './supervision'
import { groupByProposal } from './groupByProposal'
import { LedgerObligationColumns, ledgerObligationsOf, type StoredLedgerRow } from './commitmentLedger'

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
  /** The commitment's words (承诺事项), for an overdue commitment, and for a 待验证 (owed per commitment). */
  commitment?: string
  /** The commitment a 待验证 is owed for (its id: the duty's subject). */
  subject?: string
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

/**
 * Whether the board's queries may leave access unasked: when the person reads every proposal past
 * its draft (core proposalReadScope: the office, leaders, the admin), and only those owe anything
 * (a draft has no duty and no reply), the rows are the same with or without it. Asked, access
 * joins the proposals into each of the board's hundred-odd counts (20–60 ms each at 10k proposals).
 */
const readsAllOpen = (r: Reader): boolean => proposalReadScope(actorOf(r.user)).some((c) => c.kind === 'all' || c.kind === 'nonDraft')
const asReader = (r: Reader) => (readsAllOpen(r) ? { overrideAccess: true as const } : { overrideAccess: false as const, user: r.user })

/** The board's day: today, the bound of 严重逾期, and the open proposals marked 重点督办 (read once). */
export async function boardDay(r: Reader, calendar: WorkingCalendar, now = nowISO()): Promise<BoardDay> {
  const today = toLocalDate(now)
  const key = await r.payload.find({
    collection: 'proposals',
    where: { and: [{ keyItem: { equals: true } }, { status: { in: [...SupervisedStatuses] } }] },
    select: {},
    depth: 0,
    joins: false,
    pagination: false,
    ...asReader(r),
  })
  return { today, now, calendar, veryOverdueBefore: deadlineStateRange('longOverdue', today, calendar).before!, keyItems: key.docs.map((d) => d.id) }
}

const countDuties = async (r: Reader, where: Where) => (await r.payload.count({ collection: 'duties', where, ...asReader(r) })).totalDocs

/** A duty row as the board reads it. */
type DutyDoc = { id: Id; action: DutyAction; role: Role; section?: unknown; due?: string | null; proposal: unknown; subject?: string | null }
const DutySelect = { action: true, role: true, section: true, due: true, proposal: true, subject: true } as const

const partyOfDutyDoc = (d: DutyDoc): Party | null => partyOfDuty({ role: d.role, section: idOf(d.section) })

/**
 * The duties owed today on the open proposals marked 重点督办 (read once: a leader marks a
 * handful). The board counts and places key items from these, so no query asks for them by group.
 */
export async function keyItemDuties(r: Reader, day: BoardDay): Promise<DutyDoc[]> {
  if (day.keyItems.length === 0) return []
  const { docs } = await r.payload.find({ collection: 'duties', where: { and: [partyWhere(null, day.today), { proposal: { in: day.keyItems } }] }, select: DutySelect, depth: 0, pagination: false, ...asReader(r) })
  return docs as DutyDoc[]
}

/** Counts of a party's items: all owed today, past their deadline, 严重逾期, and 重点督办. */
export interface PartyCounts {
  total: number
  overdue: number
  veryOverdue: number
  key: number
}

/** How many items of a stage a party owes today (duties). */
export const groupCount = (r: Reader, party: Party, stage: DutyAction, day: BoardDay): Promise<number> => countDuties(r, { and: [partyWhere(party, day.today), { action: { equals: stage } }] })

/** How many of a party's items are past their deadline today, and how many of those 严重逾期. */
export async function overdueCounts(r: Reader, party: Party, day: BoardDay): Promise<{ overdue: number; veryOverdue: number }> {
  const of = partyWhere(party, day.today)
  const [overdue, veryOverdue] = await Promise.all([countDuties(r, { and: [of, { due: { less_than: day.today } }] }), countDuties(r, { and: [of, { due: { less_than: day.veryOverdueBefore } }] })])
  return { overdue, veryOverdue }
}

const findDuties = async (r: Reader, where: Where, limit: number, page: number): Promise<DutyDoc[]> =>
  (await r.payload.find({ collection: 'duties', where, sort: ['due', 'id'], limit, page, depth: 0, select: DutySelect, ...asReader(r) })).docs as DutyDoc[]

/** A duty's place in the board's order: its tier (core/supervision.ts), then the earliest deadline, then the row's id (as the database sorts). */
function placeOf(d: DutyDoc, day: BoardDay) {
  const keyItem = day.keyItems.some((k) => String(k) === String(idOf(d.proposal)))
  return { tier: tierOf({ due: d.due ?? null, keyItem, number: null }, day.today, day.calendar), due: d.due ?? '', id: Number(d.id) }
}
const byPlace = (day: BoardDay) => (a: DutyDoc, b: DutyDoc) => {
  const x = placeOf(a, day)
  const y = placeOf(b, day)
  return x.tier - y.tier || x.due.localeCompare(y.due) || x.id - y.id
}

/**
 * A window of a party's items of a stage (duty rows), in the board's order. The first rows
 * (offset 0): the group's key items (from `keyDuties`), then the rest by deadline (those with one,
 * then those without) — one or two queries, however many items. A later window: each tier
 * (core BoardTiers) counted, and only the database pages that hold the window read (one or two per
 * tier it spans).
 */
export async function dutyWindow(r: Reader, party: Party, stage: DutyAction, day: BoardDay, window: { offset: number; limit: number }, keyDuties?: DutyDoc[]): Promise<DutyDoc[]> {
  const of: Where = { and: [partyWhere(party, day.today), { action: { equals: stage } }] }
  if (window.offset === 0) {
    const key = (keyDuties ?? (await keyItemDuties(r, day))).filter((d) => {
      const owner = partyOfDutyDoc(d)
      return d.action === stage && owner != null && sameParty(owner, party)
    })
    const notKey: Where[] = day.keyItems.length ? [{ proposal: { not_in: day.keyItems } }] : []
    const dated = await findDuties(r, { and: [of, ...notKey, { due: { exists: true } }] }, window.limit, 1)
    const undated = dated.length < window.limit ? await findDuties(r, { and: [of, ...notKey, { due: { exists: false } }] }, window.limit - dated.length, 1) : []
    return [...key, ...dated, ...undated].sort(byPlace(day)).slice(0, window.limit)
  }
  const tiers = BoardTiers.map((t) => tierWhere(t, day))
    .filter((w): w is Where => w != null)
    .map((w) => ({ and: [of, w] }) as Where)
  const counts = await Promise.all(tiers.map((w) => countDuties(r, w)))
  const L = window.limit
  const end = window.offset + L
  const docs: DutyDoc[] = []
  let start = 0
  for (const [i, where] of tiers.entries()) {
    const count = counts[i]!
    const from = Math.max(window.offset, start) - start
    const to = Math.min(end, start + count) - start
    start += count
    if (to <= from) continue
    const first = Math.floor(from / L)
    const last = Math.floor((to - 1) / L)
    const got: DutyDoc[] = []
    for (let page = first; page <= last; page++) got.push(...(await findDuties(r, where, L, page + 1)))
    docs.push(...got.slice(from - first * L, to - first * L))
  }
  return docs
}

/** The proposals of these duty rows, read in one query (those the person may not read are left out). */
async function proposalsOf(r: Reader, docs: DutyDoc[]): Promise<Map<string, BoardProposal>> {
  const ids = [...new Set(docs.map((d) => idOf(d.proposal)).filter((x): x is Id => x != null))]
  if (ids.length === 0) return new Map()
  const { docs: found } = await r.payload.find({ collection: 'proposals', where: { id: { in: ids } }, select: { number: true, title: true, status: true, keyItem: true }, depth: 0, joins: false, pagination: false, ...asReader(r) })
  return new Map(found.map((p) => [String(p.id), { id: p.id, number: p.number, title: p.title, status: p.status, keyItem: keyItemOf(p) }]))
}

const rowsOf = (docs: DutyDoc[], party: Party, proposals: Map<string, BoardProposal>): BoardRow[] =>
  docs.flatMap((d) => {
    const proposal = proposals.get(String(idOf(d.proposal)))
    return proposal ? [{ key: `duty-${d.id}`, stage: d.action, party, due: d.due ?? null, proposal, ...(d.action === 'verify' && d.subject ? { subject: String(d.subject) } : {}) }] : []
  })

/**
 * Every record of `where`, as the person reads them: from the database adapter when access may go
 * unasked (through Payload's per-document read work, the overdue commitments took 40 s at 10k
 * proposals; the public export reads from the adapter for the same reason), else through Payload's find.
 */
const readRows = async <D>(r: Reader, collection: 'commitments' | 'proposals', where: Where, select: Record<string, true>): Promise<D[]> =>
  (readsAllOpen(r)
    ? (await r.payload.db.find({ collection, where, select, joins: false as never, pagination: false, limit: 0 })).docs
    : (await r.payload.find({ collection, where, select, depth: 0, joins: false as never, pagination: false, overrideAccess: false, user: r.user })).docs) as D[]

/** Each 待验证 row with its commitment's words, from the 承诺台账 (one query): one proposal owes one per commitment. */
async function withCommitmentWords(r: Reader, rows: BoardRow[]): Promise<BoardRow[]> {
  const subjects = [...new Set(rows.flatMap((row) => (row.subject ? [row.subject] : [])))]
  if (subjects.length === 0) return rows
  const docs = await readRows<{ commitmentId: string; text: string }>(r, 'commitments', { commitmentId: { in: subjects } }, { commitmentId: true, text: true })
  const words = new Map(docs.map((d) => [d.commitmentId, d.text]))
  return rows.map((row) => (row.subject && words.has(row.subject) ? { ...row, commitment: words.get(row.subject) } : row))
}

/** A window of a party's items of a stage, as the board's rows (dutyWindow, with their proposals). */
export async function groupRows(r: Reader, party: Party, stage: DutyAction, day: BoardDay, window: { offset: number; limit: number }): Promise<BoardRow[]> {
  const docs = await dutyWindow(r, party, stage, day, window)
  return withCommitmentWords(r, rowsOf(docs, party, await proposalsOf(r, docs)))
}

/**
 * The overdue commitments on open proposals: the 承诺台账's commitments still owed (待兑现 or 未兑现)
 * past their 完成时限 (core commitmentOverdue), each as the sweep sees it (cms/lib/commitmentLedger.ts
 * ledgerObligationsOf) — so the board, the sweep's 逾期 notices and the ledger's list agree. Two
 * queries (readRows).
 */
export async function overdueCommitments(r: Reader, day: BoardDay): Promise<BoardRow[]> {
  const ledger = await readRows<StoredLedgerRow>(
    r,
    'commitments',
    { and: [{ outstanding: { equals: true } }, { dueDate: { less_than: day.today } }, { 'proposal.status': { in: [...SupervisedStatuses] } }] },
    Object.fromEntries(LedgerObligationColumns.map((c) => [c, true])),
  )
  const ids = [...new Set(ledger.map((d) => idOf(d.proposal)).filter((x): x is Id => x != null))]
  if (ids.length === 0) return []
  const proposals = await readRows<Proposal>(r, 'proposals', { id: { in: ids } }, { number: true, title: true, status: true, keyItem: true })
  const shown = new Map(proposals.map((p): [string, BoardProposal] => [String(p.id), { id: p.id, number: p.number, title: p.title, status: p.status, keyItem: keyItemOf(p) }]))
  const rows: BoardRow[] = []
  for (const c of ledgerObligationsOf(ledger, (p) => {
    const b = shown.get(p)
    return b && { proposal: b.id, number: b.number ?? null, title: b.title, keyItem: b.keyItem }
  }))
    if (commitmentOverdue({ state: c.state, dueDate: c.due }, day.today))
      rows.push({ key: `commitment-${c.commitment}`, stage: 'commitment', party: partyOfCommitment(c), due: c.due, proposal: shown.get(String(c.proposal))!, commitment: c.text })
  // The board's order (core boardOrder), each row's place worked out once.
  const keyed = rows.map((row) => ({ row, key: boardOrderKey({ due: row.due, keyItem: row.proposal.keyItem, number: row.proposal.number ?? null }, day.today, day.calendar) }))
  return keyed.sort((a, b) => compareBoardKeys(a.key, b.key)).map((k) => k.row)
}


/** The latest 督办 notice of a row: its stage (到期提醒, 逾期提醒, 逾期督办) and the day of the sweep that sent it. */
export interface Reminded {
  stage: SweepStage
  date: string
}

/**
 * The latest notice the daily sweep recorded (cms/notices/sweep.ts, the 通知记录 ledger) for each
 * row shown, by the row's key: the notice's ledger key names the proposal, the step owed and by
 * whom, the deadline (core noticeKey), so a notice of an earlier deadline (before an extension) is
 * not this row's. Only the stage and the day are read (no recipient, no text): the board is the
 * office's and the leaders', who may see that an item was chased.
 */
export async function remindedOf(payload: Payload, rows: readonly BoardRow[]): Promise<Map<string, Reminded>> {
  const found = new Map<string, Reminded>()
  const ids = [...new Set(rows.map((r) => r.proposal.id))]
  if (ids.length === 0) return found
  const { docs } = await payload.find({
    collection: 'notices',
    where: { and: [{ proposal: { in: ids } }, { stage: { in: [...SweepStages] } }, { status: { not_equals: 'superseded' } }] },
    select: { key: true, date: true, stage: true },
    sort: '-date',
    depth: 0,
    pagination: false,
    overrideAccess: true,
  })
  const parsed = docs.flatMap((d) => {
    const parts = parseNoticeKey(d.key)
    return parts ? [{ parts, date: d.date }] : []
  })
  const byProposal = groupByProposal(parsed, (n) => n.parts.proposal)
  for (const row of rows) {
    const latest = (byProposal.get(String(row.proposal.id)) ?? []).find(({ parts }) => {
      if (parts.due !== row.due) return false
      if (row.stage === 'commitment') return parts.kind === 'commitment' && `commitment-${parts.commitment}` === row.key
      if (parts.kind !== 'duty' || parts.action !== row.stage) return false
      const owner = partyOfDuty({ role: parts.role as Role, section: parts.section })
      return owner != null && sameParty(owner, row.party)
    })
    if (latest) found.set(row.key, { stage: latest.parts.stage, date: latest.date })
  }
  return found
}

/** The parties in the board's order: the sections by name, then the office, a leader, the proposer. */
export async function partiesOf(r: Reader): Promise<{ party: Party; name: string; slug: string }[]> {
  const sections = await r.payload.find({ collection: 'sections', pagination: false, depth: 0, sort: 'name', select: { name: true, slug: true }, ...asReader(r) })
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
 * group alone (a party and a stage chosen), a page of all of them. Each group is counted in the
 * database; a party's total is its groups' sum, its 已逾期 and 严重逾期 two counts more, its
 * 重点督办 the key items' duties read once; the rows shown are read a few per group and their
 * proposals in one query.
 */
export async function boardData(r: Reader, calendar: WorkingCalendar, f: BoardFilter) {
  const day = await boardDay(r, calendar)
  const [parties, commitments, keyDuties] = await Promise.all([partiesOf(r), overdueCommitments(r, day), keyItemDuties(r, day)])
  const chosen = f.who ? parties.find((p) => p.slug === f.who) : undefined
  const stage = isBoardStage(f.stage) ? f.stage : undefined
  const page = Math.max(1, Math.floor(Number(f.page) || 1))
  const unknown = (!!f.who && !chosen) || (!!f.stage && !stage)
  const shown = chosen ? [chosen] : parties
  const commitmentsOf = (party: Party) => commitments.filter((c) => sameParty(c.party, party))

  // Every group of the shown parties, counted (a party's total is their sum).
  const counted = await Promise.all(
    shown.flatMap((p) => stagesOf(p.party).map(async (s) => ({ p, stage: s, total: s === 'commitment' ? commitmentsOf(p.party).length : await groupCount(r, p.party, s, day) }))),
  )
  const overdue = new Map(await Promise.all(shown.map(async (p) => [p.slug, await overdueCounts(r, p.party, day)] as const)))
  const counts = new Map<string, PartyCounts>(
    shown.map((p) => {
      const duties = counted.filter((g) => g.p === p && g.stage !== 'commitment')
      return [
        p.slug,
        {
          total: duties.reduce((n, g) => n + g.total, 0),
          ...overdue.get(p.slug)!,
          key: keyDuties.filter((d) => {
            const owner = partyOfDutyDoc(d)
            return owner != null && sameParty(owner, p.party)
          }).length,
        },
      ]
    }),
  )
  const all = [...counts.values()].reduce((a, c) => ({ total: a.total + c.total, overdue: a.overdue + c.overdue, veryOverdue: a.veryOverdue + c.veryOverdue, key: a.key + c.key }), { total: 0, overdue: 0, veryOverdue: 0, key: 0 })
  const commitmentCount = shown.reduce((n, p) => n + commitmentsOf(p.party).length, 0)

  // The rows of the groups listed: the first few of each, or one page of the one group chosen.
  const single = !!chosen && !!stage
  const listed = counted.filter((g) => g.total > 0 && (!stage || g.stage === stage))
  const window = single ? { offset: (page - 1) * PageSize, limit: PageSize } : { offset: 0, limit: Shown }
  const windows = await Promise.all(listed.map((g) => (g.stage === 'commitment' ? Promise.resolve([]) : dutyWindow(r, g.p.party, g.stage, day, window, keyDuties))))
  const proposals = await proposalsOf(r, windows.flat())
  const dutyRows = await withCommitmentWords(r, windows.flatMap((w, i) => rowsOf(w, listed[i]!.p.party, proposals)))
  const groups = listed.map((g) => ({
    ...g,
    rows: g.stage === 'commitment' ? commitmentsOf(g.p.party).slice(window.offset, window.offset + window.limit) : dutyRows.filter((row) => row.party === g.p.party && row.stage === g.stage),
  }))

  const stageChoices: BoardStage[] = chosen ? stagesOf(chosen.party) : [...new Set(parties.flatMap((p) => stagesOf(p.party)))]
  const reminded = await remindedOf(r.payload, groups.flatMap((g) => g.rows))
  return { day, parties, chosen, stage, page, unknown, counts, commitmentsOf, all, commitmentCount, single, groups, stageChoices, reminded }
}
