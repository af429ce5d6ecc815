// Records of many proposals, grouped by the proposal each belongs to (its id as a string), in the
// order given: the board, the Excel export and the 督办台's 系统提醒 read related records in bulk.
import { idOf } from '../access/actor'

export function groupByProposal<D>(docs: readonly D[], proposalOf: (d: D) => unknown = (d) => (d as { proposal?: unknown }).proposal): Map<string, D[]> {
  const m = new Map<string, D[]>()
  for (const d of docs) {
    const k = String(idOf(proposalOf(d)))
    const list = m.get(k)
    if (list) list.push(d)
    else m.set(k, [d])
  }
  return m
}
