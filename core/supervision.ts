// 督办 (issue 14 §2): the board's order, its groups' names, and how a 催办 and the 重点督办 mark
// read on the public timeline. Pure: the CMS (cms/lib/board.ts) asks its database in the order
// given here, and the site words the timeline with these functions.
//
// The rules, one line each (each has a test in core/supervision.test.ts):
// - The board lists 严重逾期 first (core/deadlines deadlineState's longOverdue), then the rest;
//   within each, 重点督办 items first, then the earliest deadline, those without one last, then by 编号.
// - An item belongs to whoever owes it: a section (its staff or head), else the office, a leader or
//   the proposer; an overdue commitment (承诺事项) to the section that promised it (the office for its own reply).
// - A 催办 is public as “代表工作室催办（2026年12月3日）” (街道领导 for a leader); its note only when marked public.
import { chineseDate, type WorkingCalendar } from './calendar'
import { deadlineState } from './deadlines'
import type { DutyAction } from './duties'
import { DutyLabels } from './labels'
import { RoleLabels } from './lifecycle'
import type { Role } from './types'

type Id = string | number

/** The event a 催办 leaves on the proposal's timeline (cms/collections/ProposalEvents.ts `action`). */
export const UrgeAction = '催办'
/** The events a leader's 重点督办 mark leaves on the timeline (public, as the mark is). */
export const KeyMarkedAction = '列为重点督办'
export const KeyClearedAction = '取消重点督办'
/** The mark's name wherever it is shown (the board, the admin, the public site). */
export const KeyItemLabel = '重点督办'

/** Who urges, in words: 代表工作室, 街道领导. */
export const urgerName = (role: string): string => RoleLabels[role as Role] ?? '工作人员'

/** A 催办 on the public timeline: 代表工作室催办（2026年12月3日）. `at` an ISO timestamp or a China-local date. */
export const urgeLine = (role: string, at: string): string => `${urgerName(role)}${UrgeAction}（${chineseDate(at)}）`

/** The note of an event as the public may read it: a 催办's note only when its author marked it public; no other note. */
export const publicNoteOf = (e: { action: string; note?: string | null; notePublic?: boolean | null }): string | null =>
  e.action === UrgeAction && e.notePublic && e.note?.trim() ? e.note.trim() : null

// ── Parties and stages ───────────────────────────────────────────────────────────────────────

/** Who owes an item on the board: a section, or the office, a leader, the proposer. */
export type Party = { kind: 'section'; section: Id } | { kind: 'role'; role: PartyRole }
export const PartyRoles = ['office', 'leader', 'representative'] as const
export type PartyRole = (typeof PartyRoles)[number]

/** The board's name of a party that is not a section. */
export const PartyRoleLabels: Record<PartyRole, string> = { office: RoleLabels.office, leader: RoleLabels.leader, representative: '提案人' }

/** The party of a duty row: its section when it names one (section staff and heads), else its role. */
export function partyOfDuty(d: { role: Role; section?: Id | null }): Party | null {
  if (d.section != null) return { kind: 'section', section: d.section }
  return (PartyRoles as readonly string[]).includes(d.role) ? { kind: 'role', role: d.role as PartyRole } : null
}

/** The party of a commitment: the section whose reply promised it, else the office (its own reply). */
export const partyOfCommitment = (c: { section: Id | null }): Party => (c.section != null ? { kind: 'section', section: c.section } : { kind: 'role', role: 'office' })

/** A stage of the board: a duty (core/duties.ts) or an overdue commitment. */
export type BoardStage = DutyAction | 'commitment'
export const BoardStageLabels: Record<BoardStage, string> = { ...DutyLabels, commitment: '承诺逾期未兑现' }

// ── Order ────────────────────────────────────────────────────────────────────────────────────

/** What the board's order reads of an item. */
export interface BoardOrderItem {
  due: string | null
  keyItem: boolean
  number: string | null
}

/**
 * The board's tiers, in order: 严重逾期 (key items first), then key items (dated, then undated),
 * then the rest (dated, then undated). Within a tier, the earliest deadline first. The CMS asks
 * its database tier by tier (each a query), so paging never loads the whole list.
 */
export const BoardTiers = [
  { veryOverdue: true, key: true, dated: true },
  { veryOverdue: true, key: false, dated: true },
  { veryOverdue: false, key: true, dated: true },
  { veryOverdue: false, key: true, dated: false },
  { veryOverdue: false, key: false, dated: true },
  { veryOverdue: false, key: false, dated: false },
] as const
export type BoardTier = (typeof BoardTiers)[number]

/** The tier of an item on `today` (an ISO timestamp or a China-local date). */
export function tierOf(i: BoardOrderItem, today: string, cal: WorkingCalendar): number {
  const very = i.due != null && deadlineState(i.due, today, cal).state === 'longOverdue'
  return BoardTiers.findIndex((t) => t.veryOverdue === very && t.key === i.keyItem && t.dated === (i.due != null))
}

/** An item's place in the board's order on `today`, worked out once: its tier, then its deadline and number. */
export interface BoardOrderKey {
  tier: number
  due: string
  number: string
}
export const boardOrderKey = (i: BoardOrderItem, today: string, cal: WorkingCalendar): BoardOrderKey => ({ tier: tierOf(i, today, cal), due: i.due ?? '', number: i.number ?? '' })
export const compareBoardKeys = (a: BoardOrderKey, b: BoardOrderKey): number => a.tier - b.tier || a.due.localeCompare(b.due) || a.number.localeCompare(b.number)

/** The board's order (see the rules at the top of this file). */
export const boardOrder =
  (today: string, cal: WorkingCalendar) =>
  (a: BoardOrderItem, b: BoardOrderItem): number =>
    compareBoardKeys(boardOrderKey(a, today, cal), boardOrderKey(b, today, cal))
