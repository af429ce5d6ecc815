// The rows of the commitments ledger's 导出 Excel (承诺台账): every record of the list as the
// signed-in person reads it over REST (cms/lib/export/readAs.ts), with its proposal's number and
// title, its session's and section's names as they read them, turned into rows by
// core/spreadsheet.ts commitmentRow (the open data's commitments.xlsx has the same columns).
import type { PayloadRequest } from 'payload'
import { commitmentRow, type CommitmentRow } from '../../../core/spreadsheet'
import { idOf } from '../../access/actor'
import type { Commitment, Proposal } from '../../payload-types'
import { getCalendar } from '../calendar'
import { nowISO } from '../clock'
import { readAs, type Doc } from './readAs'

export const CommitmentSelect = {
  proposal: true,
  session: true,
  section: true,
  round: true,
  replyClass: true,
  publishedAt: true,
  text: true,
  dueDate: true,
  state: true,
  checkedAt: true,
  corrected: true,
} as const satisfies Partial<Record<keyof Commitment, true>>

/** Names by id, as this person may read them. */
const namesOf = async (req: PayloadRequest, collection: 'sections' | 'sessions'): Promise<Map<string, string>> =>
  new Map((await readAs(req, collection, {}, { name: true })).map((d) => [String(d.id), String(d.name ?? '')]))

export async function* commitmentRows(req: PayloadRequest, pages: AsyncIterable<Doc[]>): AsyncGenerator<CommitmentRow> {
  const [calendar, sections, sessions] = await Promise.all([getCalendar(req.payload), namesOf(req, 'sections'), namesOf(req, 'sessions')])
  const now = nowISO()
  for await (const docs of pages) {
    if (docs.length === 0) continue
    const ids = [...new Set(docs.map((d) => idOf(d.proposal)).filter((id) => id != null))]
    const proposals = new Map((await readAs(req, 'proposals', { id: { in: ids } }, { number: true, title: true })).map((p) => [String(p.id), p as Doc & Partial<Proposal>]))
    for (const c of docs as (Doc & Partial<Commitment>)[]) {
      const p = proposals.get(String(idOf(c.proposal)))
      yield commitmentRow(
        {
          number: p?.number ?? null,
          title: p?.title ?? null,
          session: c.session == null ? null : (sessions.get(String(idOf(c.session))) ?? null),
          // No section: the office's own reply (a section they may not read keeps an empty name, not the office's).
          section: c.section == null ? null : (sections.get(String(idOf(c.section))) ?? ''),
          record: {
            round: c.round ?? 1,
            replyClass: c.replyClass ?? 'A',
            publishedAt: c.publishedAt ?? '',
            text: c.text ?? '',
            dueDate: c.dueDate ?? '',
            state: c.state ?? 'open',
            checkedAt: c.checkedAt ?? null,
            corrected: !!c.corrected,
          },
        },
        { calendar, now },
      )
    }
  }
}
