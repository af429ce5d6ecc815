// /data/proposals.xlsx: the public proposals of an export, one row each (by number), with the rows
// of the staff's 导出 Excel (core/spreadsheet.ts) made from the public record only. The site
// builds it from the export it was built from (site/data/openData.ts); the benchmark times it.
import { WorkingCalendar } from '../../../core/calendar'
import type { PublicExport } from '../../../core/contract'
import { proposalRow, PublicProposalColumns, publicRowSource } from '../../../core/spreadsheet'
import { xlsxBuffer } from './xlsx'

export function publicProposalsXlsx(exp: Pick<PublicExport, 'proposals' | 'sessions' | 'calendar' | 'generatedAt'>): Promise<Buffer> {
  const calendar = new WorkingCalendar(exp.calendar)
  const sessions = new Map(exp.sessions.map((s) => [s.slug, s]))
  const rows = [...exp.proposals]
    .sort((a, b) => a.number.localeCompare(b.number))
    .map((p) => {
      const session = sessions.get(p.session)
      if (!session) throw new Error(`提案 ${p.number} 所属届次 ${p.session} 不在公开数据中`)
      return proposalRow(publicRowSource(p, session), { calendar, now: exp.generatedAt })
    })
  return xlsxBuffer('公开提案', PublicProposalColumns, rows)
}
