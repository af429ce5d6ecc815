// Spreadsheet rows: the 导出 Excel of the admin's proposal and reply lists, and the site's
// /data/proposals.xlsx. One pure function per kind of row, so the staff export and the open data
// say the same thing in the same words (the labels of core/labels.ts and core/lifecycle.ts) and
// compute each date and deadline with the rules of core/ (China-local dates, working days).
import { toLocalDate, type WorkingCalendar } from './calendar'
import { commitmentOutstanding, commitmentStateText, publicCommitmentRecords, type CommitmentRecord } from './commitments'
import type { PublicExport, PublicProposal, PublicSession } from './contract'
import { currentDeadline, deadlineState, isOverdue } from './deadlines'
import { DeadlineStageLabels, PartyLabels, RatingLabels, ReplyClassLabels, ScreeningLabels } from './labels'
import { isScreened, isScreenedOut, openCommitments, RoleLabels, StatusLabels } from './lifecycle'
import { answerRounds, firstReply, latestReply, standingEvaluation } from './proposalFacts'
import type { DeadlineSettings, ProposalFacts, ProposalStatus, ReplyClass } from './types'

/** text: as is; date: a China-local `YYYY-MM-DD` (a date cell in the file); number: a number. */
export type CellKind = 'text' | 'date' | 'number'
export type Cell = string | number | null

export interface Column<K extends string = string> {
  key: K
  /** zh-CN header. */
  header: string
  kind: CellKind
  /** Column width in characters. */
  width: number
}

const text = <K extends string>(key: K, header: string, width = 12): Column<K> => ({ key, header, kind: 'text', width })
const date = <K extends string>(key: K, header: string): Column<K> => ({ key, header, kind: 'date', width: 12 })
const stage = DeadlineStageLabels

/** The columns of a proposal list, in order; the site's proposals.xlsx adds `redacted` after the title. */
export const ProposalColumns = [
  text('number', '编号', 10),
  text('session', '届次', 14),
  text('title', '标题', 40),
  text('proposer', PartyLabels.proposer, 10),
  text('coSigners', PartyLabels.coSigner, 20),
  text('residentialArea', '居民区'),
  text('category', '类别', 10),
  text('status', '办理状态'),
  text('screening', '甄别结论', 10),
  text('leadSection', '主办科室'),
  text('coSections', '协办科室', 16),
  date('submittedAt', '提交日期'),
  date('screeningDue', `${stage.screening}期限`),
  date('screenedAt', `${stage.screening}日期`),
  date('instructionDue', `${stage.instruction}期限`),
  date('instructedAt', `${stage.instruction}日期`),
  date('replyDue', `${stage.reply}期限`),
  date('repliedAt', `${stage.reply}日期`),
  date('rehandlingDue', `${stage.rehandling}期限`),
  date('rehandledAt', `${stage.rehandling}答复日期`),
  text('currentStage', '当前环节', 10),
  date('currentDue', '当前期限'),
  text('workingDays', '剩余或逾期工作日', 16),
  text('replyClass', '答复类别', 20),
  text('evaluation', `${PartyLabels.proposer}评价`, 10),
  text('openCommitments', '待验证的承诺事项', 40),
  date('closedAt', '办结日期'),
] as const satisfies readonly Column[]

const redactedColumn = text('redacted', '公开时隐去了部分内容', 10)

/** The open data's columns (/data/proposals.xlsx): the same, with whether the public version left something out. */
export const PublicProposalColumns = [...ProposalColumns.slice(0, 3), redactedColumn, ...ProposalColumns.slice(3)] as const

export type ProposalColumnKey = (typeof ProposalColumns)[number]['key'] | 'redacted'
export type ProposalRow = Record<ProposalColumnKey, Cell>

/** What one proposal row is made of: the names as they are to be shown, and the facts the rules read. */
export interface ProposalRowSource {
  number: string | null
  session: string
  /** The original title for staff; the public version in the open data. */
  title: string
  /** Open data only: the public version left something out. */
  redacted?: boolean
  proposer: string
  coSigners: readonly string[]
  residentialArea: string
  /** The category's label. */
  category: string
  leadSection: string | null
  coSections: readonly string[]
  closedAt: string | null
  facts: ProposalFacts
  /** The deadlines of the proposal's session. */
  deadlines: DeadlineSettings
}

export interface RowContext {
  calendar: WorkingCalendar
  /** ISO timestamp standing for "now" (the export's time; the open data's generatedAt). */
  now: string
}

const localDate = (iso: string | null | undefined): string | null => (iso ? toLocalDate(iso) : null)
const joined = (names: readonly string[]): string | null => (names.length ? names.join('、') : null)
/** Commitments one a line, each with its due date. */
const commitmentLines = (list: readonly { text: string; dueDate: string }[]): string | null =>
  list.map((c) => `${c.text}（完成时限 ${c.dueDate}）`).join('\n') || null

/** "剩 5 个工作日" or "逾期 3 个工作日": how `due` (a China-local date) stands at `now`, in working days. */
export function workingDaysText(due: string, now: string, cal: WorkingCalendar): string {
  const { state, workingDaysLeft } = deadlineState(due, now, cal)
  return isOverdue(state) ? `逾期 ${-workingDaysLeft} 个工作日` : `剩 ${workingDaysLeft} 个工作日`
}

/** The first instruction given (批示), by time. */
const firstInstructionAt = (p: ProposalFacts): string | null =>
  p.instructions.filter((i) => i.text.trim()).reduce<string | null>((first, i) => (first == null || Date.parse(i.at) < Date.parse(first) ? i.at : first), null)

/**
 * The 答复 stage: for an accepted item, the first answer round (deadline in force at the answer,
 * else now; its first published reply); for a screened-out one, the office's written explanation
 * to the proposer (due `explanationWorkingDays` after screening).
 */
function replyStage(p: ProposalFacts, s: DeadlineSettings, cal: WorkingCalendar): { due: string | null; done: string | null } {
  if (isScreenedOut(p.status)) {
    const due = p.screening.at ? cal.addWorkingDays(toLocalDate(p.screening.at), s.explanationWorkingDays) : null
    return { due, done: localDate(firstReply(p.replies)?.publishedAt) }
  }
  const first = answerRounds(p)[0]
  return { due: first?.due ?? null, done: localDate(first?.answeredAt) }
}

/** One proposal as a row of cells, keyed by column. Pure: everything it reads is in its arguments. */
export function proposalRow(s: ProposalRowSource, { calendar: cal, now }: RowContext): ProposalRow {
  const p = s.facts
  const d = s.deadlines
  const screened = isScreened(p.status) && p.screening.at ? toLocalDate(p.screening.at) : null
  const reply = replyStage(p, d, cal)
  const rehandling = answerRounds(p).filter((r) => r.round > 1).at(-1)
  const current = currentDeadline(p, cal, d)
  const evaluation = standingEvaluation(p.evaluations, p.proposer)
  const replyClass = latestReply(p.replies)?.class
  return {
    number: s.number,
    session: s.session,
    title: s.title,
    redacted: s.redacted == null ? null : s.redacted ? '是' : '否',
    proposer: s.proposer,
    coSigners: joined(s.coSigners),
    residentialArea: s.residentialArea || null,
    category: s.category || null,
    status: StatusLabels[p.status],
    screening: screened && p.screening.decision ? ScreeningLabels[p.screening.decision] : null,
    leadSection: s.leadSection,
    coSections: joined(s.coSections),
    submittedAt: localDate(p.submittedAt),
    screeningDue: p.submittedAt ? cal.addWorkingDays(toLocalDate(p.submittedAt), d.screeningWorkingDays) : null,
    screenedAt: screened,
    instructionDue: screened ? cal.addWorkingDays(screened, d.instructionWorkingDays) : null,
    instructedAt: localDate(firstInstructionAt(p)),
    replyDue: reply.due,
    repliedAt: reply.done,
    rehandlingDue: rehandling?.due ?? null,
    rehandledAt: localDate(rehandling?.answeredAt),
    currentStage: current ? stage[current.stage] : null,
    currentDue: current?.due ?? null,
    workingDays: current ? workingDaysText(current.due, now, cal) : null,
    replyClass: replyClass ? ReplyClassLabels[replyClass] : null,
    evaluation: evaluation ? RatingLabels[evaluation.rating] : null,
    openCommitments: commitmentLines(openCommitments(p)),
    closedAt: localDate(s.closedAt),
  }
}

/**
 * A proposal of the open data as a row source: its public names, and its facts as the public
 * record has them (a commitment's verification is public as its date, so it stands as the
 * verification that closed it).
 */
export function publicRowSource(p: PublicProposal, session: Pick<PublicSession, 'name' | 'deadlines'>): ProposalRowSource {
  const a = p.assignment
  return {
    number: p.number,
    session: session.name,
    title: p.title,
    redacted: p.redacted,
    proposer: p.proposer.name,
    coSigners: p.coSigners.map((c) => c.name),
    residentialArea: p.residentialArea,
    category: p.category,
    leadSection: a?.leadSection.name ?? null,
    coSections: a?.coSections.map((c) => c.name) ?? [],
    closedAt: p.closedAt,
    deadlines: session.deadlines,
    facts: {
      status: p.status as ProposalStatus,
      proposer: p.proposer.id,
      coSigners: p.coSigners.map((c) => c.id),
      confidential: false,
      submittedAt: p.submittedAt,
      screening: { decision: p.screening?.decision ?? null, reason: p.screening?.reason ?? null, at: p.screening?.at ?? null },
      assignment: {
        leadSection: a?.leadSection.slug ?? null,
        coSections: a?.coSections.map((c) => c.slug) ?? [],
        assignedAt: a?.assignedAt ?? null,
        deadline: a?.deadline ?? null,
        extensions: a?.extensions.map((x) => ({ ...x })) ?? [],
      },
      instructions: p.instructions.map((i) => ({ ...i })),
      replies: p.replies.map((r) => ({
        id: r.id,
        round: r.round,
        section: r.section?.slug ?? null,
        text: r.text,
        class: r.class,
        commitments: r.commitments.map(({ id, text, dueDate }) => ({ id, text, dueDate })),
        publishedAt: r.publishedAt,
        corrects: r.corrects,
      })),
      evaluations: p.evaluations.map((e) => ({ ...e })),
      rehandlings: p.rehandlings.map((r) => ({ ...r })),
      followUps: p.followUps.map((f) => ({ id: f.id, kind: f.kind, at: f.at, commitmentId: f.commitment, verified: f.verified, corrects: f.corrects })),
    },
  }
}

// ── Replies ──────────────────────────────────────────────────────────────────────────────────

export const ReplyColumns = [
  text('number', '提案编号', 10),
  text('title', '提案标题', 40),
  { key: 'round', header: '轮次', kind: 'number', width: 6 },
  text('replyClass', '答复类别', 20),
  text('section', '答复科室'),
  text('text', '答复正文', 60),
  text('commitments', '承诺事项', 40),
  text('draftedBy', '拟稿人', 10),
  text('signedOffBy', '签发人', 10),
  date('signedOffAt', '签发日期'),
  date('publishedAt', '公开日期'),
  text('correctionNote', '更正说明', 30),
] as const satisfies readonly Column[]

export type ReplyColumnKey = (typeof ReplyColumns)[number]['key']
export type ReplyRow = Record<ReplyColumnKey, Cell>

export interface ReplyRowSource {
  proposalNumber: string | null
  proposalTitle: string | null
  round: number | null
  replyClass: ReplyClass | null
  /** The answering section's name; null: the office's own explanation of a screened-out item. */
  section: string | null
  text: string | null
  commitments: readonly { text: string; dueDate: string }[]
  draftedBy: string | null
  signedOffBy: string | null
  signedOffAt: string | null
  publishedAt: string | null
  correctionNote: string | null
}

/** One reply as a row of cells, keyed by column. */
export function replyRow(r: ReplyRowSource): ReplyRow {
  return {
    number: r.proposalNumber,
    title: r.proposalTitle,
    round: r.round,
    replyClass: r.replyClass ? ReplyClassLabels[r.replyClass] : null,
    section: r.section ?? RoleLabels.office,
    text: r.text || null,
    commitments: commitmentLines(r.commitments),
    draftedBy: r.draftedBy,
    signedOffBy: r.signedOffBy,
    signedOffAt: localDate(r.signedOffAt),
    publishedAt: localDate(r.publishedAt),
    correctionNote: r.correctionNote || null,
  }
}

// ── Commitments (承诺台账) ─────────────────────────────────────────────────────────────────────

/** The columns of the commitments ledger: the staff's 导出 Excel of 承诺台账 and the open data's commitments.xlsx. */
export const CommitmentColumns = [
  text('number', '提案编号', 10),
  text('title', '提案标题', 40),
  text('session', '届次', 14),
  text('section', '承诺科室'),
  { key: 'round', header: '答复轮次', kind: 'number', width: 8 },
  text('replyClass', '答复类别', 20),
  date('publishedAt', '答复公开日期'),
  text('text', '承诺事项', 40),
  date('dueDate', '完成时限'),
  text('state', '状态', 16),
  date('checkedAt', '验证日期'),
  text('due', '到期情况', 16),
] as const satisfies readonly Column[]

export type CommitmentColumnKey = (typeof CommitmentColumns)[number]['key']
export type CommitmentRow = Record<CommitmentColumnKey, Cell>

/** What one commitment row is made of: the names as shown, and the record (core/commitments.ts commitmentRecords). */
export interface CommitmentRowSource {
  number: string | null
  title: string | null
  session: string | null
  /** The promising section's name; null: the office's own reply. */
  section: string | null
  record: Pick<CommitmentRecord, 'round' | 'replyClass' | 'publishedAt' | 'text' | 'dueDate' | 'state' | 'checkedAt' | 'corrected'>
}

/**
 * One commitment as a row of cells. 到期情况, for one not (yet) kept that stands: how its 完成时限
 * stands now ("剩 5 个工作日", "逾期 3 个工作日"); empty once kept or superseded.
 */
export function commitmentRow(s: CommitmentRowSource, { calendar: cal, now }: RowContext): CommitmentRow {
  const c = s.record
  const pending = commitmentOutstanding(c.state)
  return {
    number: s.number,
    title: s.title,
    session: s.session,
    section: s.section ?? RoleLabels.office,
    round: c.round,
    replyClass: ReplyClassLabels[c.replyClass],
    publishedAt: localDate(c.publishedAt),
    text: c.text,
    dueDate: c.dueDate,
    state: commitmentStateText(c.state, c.corrected),
    checkedAt: localDate(c.checkedAt),
    due: pending ? workingDaysText(c.dueDate, now, cal) : null,
  }
}

/** The commitments of the open data's proposals as rows, by proposal number, each proposal's oldest reply first. */
export function publicCommitmentRows(exp: Pick<PublicExport, 'proposals' | 'sessions' | 'calendar' | 'generatedAt'>, cal: WorkingCalendar): CommitmentRow[] {
  const sessions = new Map(exp.sessions.map((s) => [s.slug, s.name]))
  return [...exp.proposals]
    .sort((a, b) => a.number.localeCompare(b.number))
    .flatMap((p) => {
      const sections = new Map(p.replies.flatMap((r) => (r.section ? [[r.section.slug, r.section.name] as const] : [])))
      return publicCommitmentRecords(p).map((record) =>
        commitmentRow({ number: p.number, title: p.title, session: sessions.get(p.session) ?? p.session, section: record.section == null ? null : (sections.get(record.section) ?? ''), record }, { calendar: cal, now: exp.generatedAt }),
      )
    })
}
