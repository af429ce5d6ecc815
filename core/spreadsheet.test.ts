import { describe, expect, it } from 'vitest'
import { facts, reply } from '../tests/fixtures/facts'
import { DefaultCalendarData, WorkingCalendar } from './calendar'
import type { PublicProposal } from './contract'
import {
  CommitmentColumns,
  commitmentRow,
  ProposalColumns,
  publicCommitmentRows,
  PublicProposalColumns,
  proposalRow,
  publicRowSource,
  ReplyColumns,
  replyRow,
  workingDaysText,
  type CommitmentRowSource,
  type ProposalRow,
  type ProposalRowSource,
  type ReplyRowSource,
} from './spreadsheet'
import { DefaultDeadlineSettings, type ProposalFacts } from './types'

const calendar = new WorkingCalendar(DefaultCalendarData)

// 2026 dates, written in UTC late in the evening so a UTC date would be the day before China's.
const Submitted = '2026-09-29T17:00:00Z' // China 2026-09-30 (Wed), before 国庆 (10-01…10-07, 10-10 a make-up workday)
const Screened = '2026-10-11T16:30:00Z' // China 2026-10-12 (Mon)
const Instructed = '2026-10-14T16:00:00Z' // China 2026-10-15
const Published = '2026-11-12T17:00:00Z' // China 2026-11-13

const source = (p: Partial<ProposalFacts>, over: Partial<ProposalRowSource> = {}): ProposalRowSource => ({
  number: '2026-007',
  session: '2026年度',
  title: '松风小区5号楼屋顶漏水',
  proposer: '张桂英',
  coSigners: ['刘德明', '赵秀兰'],
  residentialArea: '松风居民区',
  category: '房屋管理',
  leadSection: '房管办',
  coSections: ['城管分队'],
  closedAt: null,
  deadlines: DefaultDeadlineSettings,
  facts: facts({ proposer: 'rep-1', coSigners: ['rep-2', 'rep-3'], ...p }),
  ...over,
})

const instructed: Partial<ProposalFacts> = {
  status: 'inProgress',
  submittedAt: Submitted,
  screening: { decision: 'accepted', reason: '属房管职责', at: Screened },
  instructions: [{ leader: 'u-leader', text: '请房管办组织维修。', at: Instructed }],
  assignment: { leadSection: 'fangguan', coSections: ['chengguan'], assignedAt: Instructed, deadline: '2026-11-16', extensions: [] },
}

const answered: Partial<ProposalFacts> = {
  ...instructed,
  status: 'evaluated',
  replies: [reply({ id: 'r1', class: 'B', publishedAt: Published, commitments: [{ id: 'c1', text: '年底前更换屋面防水层', dueDate: '2026-12-31' }, { id: 'c2', text: '清理天沟', dueDate: '2026-11-30' }] })],
  evaluations: [{ reply: 'r1', representative: 'rep-1', rating: 'basicallySatisfied', at: '2026-11-16T02:00:00Z' }],
  followUps: [{ kind: 'verification', at: '2026-11-30T02:00:00Z', commitmentId: 'c2', verified: true }],
}

const rehandled: Partial<ProposalFacts> = {
  ...answered,
  status: 'replied',
  replies: [
    reply({ id: 'r1', class: 'C', publishedAt: Published }),
    reply({ id: 'r2', round: 2, class: 'A', publishedAt: '2026-12-09T16:10:00Z' }),
  ],
  evaluations: [
    { reply: 'r1', representative: 'rep-1', rating: 'dissatisfied', comment: '没有解决', at: '2026-11-16T02:00:00Z' },
    { reply: 'r1', representative: 'rep-2', rating: 'satisfied', at: '2026-11-17T02:00:00Z' },
  ],
  rehandlings: [{ round: 1, startedAt: '2026-11-16T02:00:00Z', deadline: '2026-12-16' }],
  followUps: [],
}

type Case = [string, Partial<ProposalFacts>, string, Partial<ProposalRow>]

describe('proposalRow', () => {
  it.each<Case>([
    [
      'a draft: nothing but what was written',
      { status: 'draft' },
      '2026-11-20T02:00:00Z',
      { status: '草稿', submittedAt: null, screeningDue: null, screening: null, currentStage: null, currentDue: null, workingDays: null, replyClass: null, evaluation: null, openCommitments: null },
    ],
    [
      'submitted: the screening deadline counts 3 working days over 国庆 to the make-up Saturday',
      { status: 'submitted', submittedAt: Submitted },
      '2026-10-09T02:00:00Z',
      { status: '已提交待甄别', submittedAt: '2026-09-30', screeningDue: '2026-10-10', screenedAt: null, instructionDue: null, currentStage: '甄别', currentDue: '2026-10-10', workingDays: '剩 1 个工作日' },
    ],
    [
      'accepted: instruction due 5 working days after the China-local screening date',
      { status: 'accepted', submittedAt: Submitted, screening: { decision: 'accepted', reason: '立案', at: Screened } },
      '2026-10-21T02:00:00Z',
      { status: '已立案待批示', screening: '立案', screenedAt: '2026-10-12', instructionDue: '2026-10-19', instructedAt: null, replyDue: null, currentStage: '批示', currentDue: '2026-10-19', workingDays: '逾期 2 个工作日' },
    ],
    [
      'in progress, 3 working days left (now 16:30 UTC is already the next day in China)',
      instructed,
      '2026-11-10T16:30:00Z',
      { status: '办理中', instructedAt: '2026-10-15', replyDue: '2026-11-16', repliedAt: null, currentStage: '答复', currentDue: '2026-11-16', workingDays: '剩 3 个工作日' },
    ],
    [
      'in progress, overdue by 4 working days',
      instructed,
      '2026-11-20T02:00:00Z',
      { currentStage: '答复', workingDays: '逾期 4 个工作日', rehandlingDue: null, rehandledAt: null },
    ],
    [
      'answered: the reply class, the proposer’s evaluation, the commitment not yet verified',
      answered,
      '2026-12-01T02:00:00Z',
      { status: '已评价', replyDue: '2026-11-16', repliedAt: '2026-11-13', currentStage: null, workingDays: null, replyClass: 'B 正在解决或列入计划', evaluation: '基本满意', openCommitments: '年底前更换屋面防水层（完成时限 2026-12-31）' },
    ],
    [
      'rehandled: the second round’s deadline and answer; the proposer’s 不满意 stands (a co-signer’s rating never counts)',
      rehandled,
      '2026-12-11T02:00:00Z',
      { repliedAt: '2026-11-13', rehandlingDue: '2026-12-16', rehandledAt: '2026-12-10', replyClass: 'A 已解决或采纳', evaluation: '不满意', openCommitments: null },
    ],
    [
      'not accepted, no instruction yet: the instruction is due (件件有批示)',
      { status: 'notAccepted', submittedAt: Submitted, screening: { decision: 'notAccepted', reason: '不属街道职责', at: Screened }, assignment: { leadSection: null, coSections: [], extensions: [] } },
      '2026-10-13T02:00:00Z',
      { status: '不予立案', screening: '不予立案', instructionDue: '2026-10-19', replyDue: '2026-10-26', repliedAt: null, currentStage: '批示', workingDays: '剩 4 个工作日' },
    ],
    [
      'not accepted and instructed: the written explanation to the proposer is the 答复 stage',
      {
        status: 'notAccepted',
        submittedAt: Submitted,
        screening: { decision: 'notAccepted', reason: '不属街道职责', at: Screened },
        instructions: [{ leader: 'u-leader', text: '同意，请向代表说明。', at: Instructed }],
        assignment: { leadSection: null, coSections: [], extensions: [] },
      },
      '2026-10-27T02:00:00Z',
      { instructedAt: '2026-10-15', replyDue: '2026-10-26', currentStage: '向代表说明', currentDue: '2026-10-26', workingDays: '逾期 1 个工作日' },
    ],
  ])('%s', (_name, p, now, expected) => {
    const row = proposalRow(source(p), { calendar, now })
    expect(row).toMatchObject(expected)
    // Every column has a cell, and nothing else.
    expect(Object.keys(row).sort()).toEqual(PublicProposalColumns.map((c) => c.key).sort())
  })

  it('names people, places and sections as given, joined with 、; empty lists and names are empty cells', () => {
    const row = proposalRow(source(instructed), { calendar, now: '2026-11-20T02:00:00Z' })
    expect(row).toMatchObject({ number: '2026-007', proposer: '张桂英', coSigners: '刘德明、赵秀兰', leadSection: '房管办', coSections: '城管分队', residentialArea: '松风居民区', category: '房屋管理', redacted: null })
    const bare = proposalRow(source({ status: 'submitted', submittedAt: Submitted }, { coSigners: [], coSections: [], leadSection: null, residentialArea: '', category: '' }), { calendar, now: '2026-10-09T02:00:00Z' })
    expect(bare).toMatchObject({ coSigners: null, coSections: null, leadSection: null, residentialArea: null, category: null })
  })

  it('dates the closing China-local', () => {
    expect(proposalRow(source({ ...answered, status: 'closed' }, { closedAt: '2026-12-31T16:05:00Z' }), { calendar, now: '2027-01-05T02:00:00Z' }).closedAt).toBe('2027-01-01')
  })
})

describe('workingDaysText', () => {
  it.each([
    ['2026-10-10', '2026-09-30T02:00:00Z', '剩 3 个工作日'], // over 国庆, the make-up Saturday counts
    ['2026-10-10', '2026-10-10T02:00:00Z', '剩 0 个工作日'], // due today
    ['2026-10-10', '2026-10-12T02:00:00Z', '逾期 1 个工作日'],
    ['2026-11-16', '2026-12-15T02:00:00Z', '逾期 21 个工作日'],
  ])('due %s at %s: %s', (due, now, expected) => {
    expect(workingDaysText(due, now, calendar)).toBe(expected)
  })
})

describe('publicRowSource', () => {
  const section = (slug: string, name: string) => ({ slug, name })
  const published: PublicProposal = {
    number: '2026-007',
    session: '2026',
    status: 'evaluated',
    title: '松风小区屋顶漏水（公开版本）',
    body: '……',
    redacted: true,
    keyItem: false,
    category: '房屋管理',
    residentialArea: '松风居民区',
    proposer: { id: 'rep-1', name: '张桂英' },
    coSigners: [{ id: 'rep-2', name: '刘德明' }, { id: 'rep-3', name: '赵秀兰' }],
    submittedAt: Submitted,
    screening: { decision: 'accepted', reason: '属房管职责', mergedInto: null, at: Screened },
    instructions: [{ leader: '王主任', text: '请房管办组织维修。', at: Instructed }],
    assignment: { leadSection: section('fangguan', '房管办'), coSections: [section('chengguan', '城管分队')], assignedAt: Instructed, deadline: '2026-11-16', extensions: [] },
    coOpinions: [],
    replies: [
      {
        id: 'r1',
        round: 1,
        section: section('fangguan', '房管办'),
        class: 'B',
        text: '经现场踏勘，已安排维修。',
        commitments: [
          { id: 'c1', text: '年底前更换屋面防水层', dueDate: '2026-12-31', verifiedAt: null, state: 'open', checkedAt: null },
          { id: 'c2', text: '清理天沟', dueDate: '2026-11-30', verifiedAt: '2026-11-30T02:00:00Z', state: 'kept', checkedAt: '2026-11-30T02:00:00Z' },
        ],
        signedOffAt: '2026-11-12T02:00:00Z',
        publishedAt: Published,
        corrects: null,
        silentCoSections: [],
      },
    ],
    evaluations: [{ reply: 'r1', representative: 'rep-1', rating: 'basicallySatisfied', comment: null, at: '2026-11-16T02:00:00Z' }],
    rehandlings: [],
    followUps: [{ id: 'f1', kind: 'verification', at: '2026-11-30T02:00:00Z', commitment: 'c2', verified: true, corrects: null }],
    noEvaluationReason: null,
    closedAt: null,
    timeline: [],
  }

  it('gives the open data the same row as the staff’s record of the same proposal, with the public title and the redaction mark', () => {
    const ctx = { calendar, now: '2026-12-01T02:00:00Z' }
    const fromPublic = proposalRow(publicRowSource(published, { name: '2026年度', deadlines: DefaultDeadlineSettings }), ctx)
    const fromStaff = proposalRow(source(answered), ctx)
    expect(fromPublic).toEqual({ ...fromStaff, title: '松风小区屋顶漏水（公开版本）', redacted: '是' })
    expect(fromPublic.openCommitments).toBe('年底前更换屋面防水层（完成时限 2026-12-31）')
  })

  it('gives the commitments ledger’s rows (commitments.xlsx): one per commitment, its state, how its date stands', () => {
    const exp = { proposals: [published], sessions: [{ slug: '2026', name: '2026年度', year: 2026, current: true, deadlines: DefaultDeadlineSettings }], calendar: DefaultCalendarData, generatedAt: '2026-12-01T02:00:00Z' }
    expect(publicCommitmentRows(exp, calendar)).toEqual([
      { number: '2026-007', title: '松风小区屋顶漏水（公开版本）', session: '2026年度', section: '房管办', round: 1, replyClass: 'B 正在解决或列入计划', publishedAt: '2026-11-13', text: '年底前更换屋面防水层', dueDate: '2026-12-31', state: '待兑现', checkedAt: null, due: '剩 22 个工作日' },
      { number: '2026-007', title: '松风小区屋顶漏水（公开版本）', session: '2026年度', section: '房管办', round: 1, replyClass: 'B 正在解决或列入计划', publishedAt: '2026-11-13', text: '清理天沟', dueDate: '2026-11-30', state: '已兑现', checkedAt: '2026-11-30', due: null },
    ])
  })
})

describe('commitmentRow', () => {
  const record = { round: 2, replyClass: 'B', publishedAt: Published, text: '清理天沟', dueDate: '2026-11-30', state: 'open', checkedAt: null, corrected: false } as const
  const ctx = { calendar, now: '2026-12-03T02:00:00Z' }
  it.each<[string, Partial<CommitmentRowSource['record']>, string | null, Record<string, unknown>]>([
    ['open and overdue', {}, '房管办', { state: '待兑现', due: '逾期 3 个工作日', checkedAt: null, section: '房管办', round: 2 }],
    ['not kept at the check, by a correction', { state: 'unkept', checkedAt: '2026-11-30T17:00:00Z', corrected: true }, '房管办', { state: '未兑现（验证记录经更正）', due: '逾期 3 个工作日', checkedAt: '2026-12-01' }],
    ['kept: nothing more is due', { state: 'kept', checkedAt: '2026-11-29T02:00:00Z' }, '房管办', { state: '已兑现', due: null, checkedAt: '2026-11-29' }],
    ['its reply corrected', { state: 'superseded' }, '房管办', { state: '已更正', due: null }],
    ['the office’s own reply', {}, null, { section: '代表工作室' }],
  ])('%s', (_name, over, section, expected) => {
    const row = commitmentRow({ number: '2026-007', title: '松风小区5号楼屋顶漏水', session: '2026年度', section, record: { ...record, ...over } }, ctx)
    expect(row).toMatchObject(expected)
    expect(Object.keys(row).sort()).toEqual(CommitmentColumns.map((c) => c.key).sort())
  })
})

describe('replyRow', () => {
  const base: ReplyRowSource = {
    proposalNumber: '2026-007',
    proposalTitle: '松风小区5号楼屋顶漏水',
    round: 1,
    replyClass: 'B',
    section: '房管办',
    text: '经现场踏勘，已安排维修。',
    commitments: [{ text: '年底前更换屋面防水层', dueDate: '2026-12-31' }],
    draftedBy: '房管办经办人',
    signedOffBy: '房管办主任',
    signedOffAt: '2026-11-11T16:20:00Z',
    publishedAt: Published,
    correctionNote: null,
  }
  it.each<[string, Partial<ReplyRowSource>, Record<string, unknown>]>([
    ['published', {}, { number: '2026-007', round: 1, replyClass: 'B 正在解决或列入计划', section: '房管办', commitments: '年底前更换屋面防水层（完成时限 2026-12-31）', signedOffAt: '2026-11-12', publishedAt: '2026-11-13', correctionNote: null }],
    ['a draft: not signed off, not published, no commitments', { signedOffBy: null, signedOffAt: null, publishedAt: null, commitments: [] }, { signedOffBy: null, signedOffAt: null, publishedAt: null, commitments: null }],
    ['the office’s explanation of a screened-out item', { section: null, replyClass: 'C' }, { section: '代表工作室', replyClass: 'C 因条件限制留作参考' }],
  ])('%s', (_name, over, expected) => {
    const row = replyRow({ ...base, ...over })
    expect(row).toMatchObject(expected)
    expect(Object.keys(row).sort()).toEqual(ReplyColumns.map((c) => c.key).sort())
  })
})

describe('columns', () => {
  it('have zh-CN headers, each once, in the words of the labels', () => {
    for (const columns of [ProposalColumns, PublicProposalColumns, ReplyColumns, CommitmentColumns]) {
      const headers = columns.map((c) => c.header)
      expect(new Set(headers).size).toBe(headers.length)
      for (const h of headers) expect(h).toMatch(/^[\u4e00-\u9fff]/)
    }
    expect(ProposalColumns.map((c) => c.header)).toEqual(expect.arrayContaining(['编号', '提案人', '附议代表', '居民区', '主办科室', '协办科室', '答复类别', '甄别期限', '甄别日期', '重新办理期限']))
  })
})
