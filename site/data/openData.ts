// The open-data files, made from the same validated export the pages are built from.
import { z } from 'zod'
import { PublicExportSchema, type PublicExport } from '../../core/contract'
import { StatusLabels } from '../../core/lifecycle'
import { PartyLabels, RatingLabels, ScreeningLabels } from '../../core/labels'
import { firstReply, latestReply, replyDeadlineInForce, standingEvaluation } from '../../core/proposalFacts'
import { CommitmentRecordStateLabels, publicCommitmentRecords, type CommitmentRecord } from '../../core/commitments'
import { WorkingCalendar } from '../../core/calendar'
import { CommitmentColumns, publicCommitmentRows } from '../../core/spreadsheet'
import { xlsxBuffer } from '../../cms/lib/export/xlsx'
import type { ProposalStatus } from '../../core/types'
import { publicProposalsXlsx } from '../../cms/lib/export/publicXlsx'
import { deadlineValues } from './facets'
import { siteData, type ProposalView } from './model'

/** The export exactly as the site was built from it (proposals by number, as the CMS sends them). */
export async function exportDocument(): Promise<PublicExport> {
  const d = await siteData()
  const proposals = d.proposals.map((v) => v.p).sort((a, b) => a.number.localeCompare(b.number))
  const { generatedAt, calendar, sessions, sections, residentialAreas, confidential, unscreened } = d.meta
  return { generatedAt, calendar, sessions, sections, residentialAreas, proposals, confidential, unscreened }
}

export const exportJSONSchema = () => ({
  $id: '/data/schema.json',
  title: '代表提案公开数据（proposals.json）',
  ...z.toJSONSchema(PublicExportSchema),
})

/** One CSV row per proposal: [column, description, value]. */
export const CsvColumns: [string, string, (v: ProposalView) => string | number | null][] = [
  ['number', '编号', (v) => v.p.number],
  ['session', '届次', (v) => v.p.session],
  ['status', '状态代码', (v) => v.p.status],
  ['status_label', '状态', (v) => StatusLabels[v.p.status as ProposalStatus]],
  ['title', '标题', (v) => v.p.title],
  ['redacted', '公开时隐去了部分内容（1 是，0 否）', (v) => (v.p.redacted ? 1 : 0)],
  ['category', '类别', (v) => v.p.category],
  ['residential_area', '居民区', (v) => v.p.residentialArea],
  ['proposer', PartyLabels.proposer, (v) => v.p.proposer.name],
  ['co_signers', PartyLabels.coSigner, (v) => v.p.coSigners.map((c) => c.name).join('、')],
  ['submitted_at', '提交时间', (v) => v.p.submittedAt],
  ['screening', '甄别结果', (v) => (v.p.screening ? ScreeningLabels[v.p.screening.decision] : null)],
  ['screened_at', '甄别时间', (v) => v.p.screening?.at ?? null],
  ['first_instruction_at', '首次批示时间', (v) => v.p.instructions[0]?.at ?? null],
  ['lead_section', '主办科室', (v) => v.p.assignment?.leadSection.name ?? null],
  ['co_sections', '协办科室', (v) => v.p.assignment?.coSections.map((s) => s.name).join('、') ?? null],
  ['assigned_at', '交办时间', (v) => v.p.assignment?.assignedAt ?? null],
  ['reply_deadline', '答复期限（含延期）', (v) => (v.p.assignment ? replyDeadlineInForce(v.p.assignment) : null)],
  ['first_reply_at', '首次答复公开时间', (v) => firstReply(v.p.replies)?.publishedAt ?? null],
  ['latest_reply_class', '最新答复类别', (v) => latestReply(v.p.replies)?.class ?? null],
  ['proposer_rating', `${PartyLabels.proposer}最近一次评价`, (v) => {
    const e = standingEvaluation(v.p.evaluations, v.p.proposer.id)
    return e ? RatingLabels[e.rating] : null
  }],
  ['closed_at', '办结时间', (v) => v.p.closedAt],
  ['current_deadline', '当前环节期限', (v) => v.deadline?.due ?? null],
  ['overdue_working_days', '当前逾期工作日', (v) => v.overdueDays],
]

function csvCell(value: string | number | null): string {
  if (value === null) return ''
  const s = String(value)
  // Quote everything that could break a row or start a spreadsheet formula.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

/** A CSV file: a header of column names, a row per item, with a BOM (spreadsheet programs otherwise read UTF-8 Chinese as mojibake). */
function csv<T>(columns: [string, string, (row: T) => string | number | null][], rows: T[]): string {
  const lines = [columns.map(([c]) => c).join(','), ...rows.map((r) => columns.map(([, , f]) => csvCell(f(r))).join(','))]
  return '\uFEFF' + lines.join('\r\n') + '\r\n'
}

export async function proposalsCsv(): Promise<string> {
  const d = await siteData()
  return csv(CsvColumns, [...d.proposals].sort((a, b) => a.p.number.localeCompare(b.p.number)))
}

/** One commitment of a published reply, with its proposal (commitments.csv). */
interface CommitmentLine {
  v: ProposalView
  c: CommitmentRecord & { section: string | null }
}

/**
 * One CSV row per commitment of a published reply (/data/commitments.csv): [column, description,
 * value]. Its state is the one `proposals.json` gives (recomputable from the proposal's followUps).
 */
export const CommitmentCsvColumns: [string, string, (l: CommitmentLine) => string | number | null][] = [
  ['number', '提案编号', (l) => l.v.p.number],
  ['session', '届次', (l) => l.v.p.session],
  ['lead_section', '提案主办科室的代码（proposals.json 的 sections[].slug；科室的承诺兑现率按它计）', (l) => l.v.p.assignment?.leadSection.slug ?? null],
  ['reply', '答复 id（proposals.json 中 replies[].id）', (l) => String(l.c.reply)],
  ['round', '答复轮次', (l) => l.c.round],
  ['reply_section', '承诺科室（作出答复的科室）的代码；空为代表工作室', (l) => l.c.section],
  ['reply_published_at', '答复公开时间', (l) => l.c.publishedAt],
  ['commitment', '承诺事项 id（followUps[].commitment 指向它）', (l) => l.c.id],
  ['text', '承诺事项', (l) => l.c.text],
  ['due_date', '完成时限（北京时间日期）', (l) => l.c.dueDate],
  ['state', '状态代码：open 待兑现，kept 已兑现，unkept 未兑现，superseded 已更正', (l) => l.c.state],
  ['state_label', '状态', (l) => CommitmentRecordStateLabels[l.c.state]],
  ['checked_at', '有效的现场验证的时间（空：尚未验证）', (l) => l.c.checkedAt],
  ['corrected', '有效的验证是对先前记录的更正（1 是，0 否）', (l) => (l.c.corrected ? 1 : 0)],
]

/** Every commitment of every public proposal, by proposal number, each proposal's oldest reply first. */
async function commitmentLines(): Promise<CommitmentLine[]> {
  const d = await siteData()
  return [...d.proposals].sort((a, b) => a.p.number.localeCompare(b.p.number)).flatMap((v) => publicCommitmentRecords(v.p).map((c) => ({ v, c })))
}

export async function commitmentsCsv(): Promise<string> {
  return csv(CommitmentCsvColumns, await commitmentLines())
}

/** /data/commitments.xlsx: the same commitments with zh-CN headers and China-local dates, the columns of the staff's 承诺台账 export. */
export async function commitmentsXlsx(): Promise<Buffer> {
  const exp = await exportDocument()
  return xlsxBuffer('承诺事项', CommitmentColumns, publicCommitmentRows(exp, new WorkingCalendar(exp.calendar)))
}

/** /data/proposals.xlsx: the same public proposals with zh-CN headers and China-local dates (cms/lib/export/publicXlsx.ts). */
export async function proposalsXlsx(): Promise<Buffer> {
  return publicProposalsXlsx(await exportDocument())
}

/** The compact list the filter script loads on first use: one array per proposal. */
export async function filterIndex() {
  const d = await siteData()
  return {
    fields: ['number', 'title', 'session', 'status', 'section', 'category', 'area', 'class', 'deadline', 'submittedAt', 'waitingDays', 'overdueDays', 'sectionName', 'statusLabel', 'keyItem'],
    rows: d.proposals.map((v) => [
      v.p.number,
      v.p.title,
      v.p.session,
      v.p.status,
      v.p.assignment?.leadSection.slug ?? '',
      v.p.category,
      v.p.residentialArea,
      v.replyClass ?? '',
      // Space-separated: a 严重逾期 item is also 已逾期.
      deadlineValues(v).join(' '),
      v.p.submittedAt,
      v.waitingDays,
      v.overdueDays,
      v.p.assignment?.leadSection.name ?? '',
      StatusLabels[v.p.status as ProposalStatus],
      // 重点督办 (1) or not (0).
      v.p.keyItem ? 1 : 0,
    ]),
  }
}
