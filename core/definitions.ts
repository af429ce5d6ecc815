// The published definition of every figure, in the words the public reads: /about/ and the open
// data's README print these, and core/stats.ts computes exactly this (docs/figures.md explains why
// each is defined so). An auditor recomputing the figures from proposals.json needs nothing else.
import { DUE_SOON_WORKING_DAYS, LONG_OVERDUE_WORKING_DAYS } from './deadlines'
import { PartyLabels } from './labels'
import { SAMPLE_MIN } from './stats'
import type { DeadlineSettings } from './types'

export interface Definition {
  /** The figure's or term's name as the site shows it. */
  term: string
  text: string
}

const P = PartyLabels

/** Terms every figure relies on: time, working days, rounding. */
export const groundDefinitions = (): Definition[] => [
  { term: '哪一天', text: '所有日期按北京时间（UTC+8）计：一个时间点属于它在北京时间的那一天。“现在”指数据生成时间（proposals.json 的 generatedAt）。' },
  { term: '工作日', text: '周一至周五，去掉法定节假日（calendar.holidays），加上调休上班日（calendar.makeUpWorkdays）。“某日起 N 个工作日”指从次日起数到第 N 个工作日。两日之间的工作日数，不含起始日、含结束日。' },
  { term: '按月计的期限', text: '从起算日加若干个月（下月没有同一日的，取该月最后一天）；期限最后一天是节假日或周末的，顺延到其后第一个工作日。' },
  { term: '逾期', text: `期限当天结束仍未完成即为逾期；逾期超过 ${LONG_OVERDUE_WORKING_DAYS} 个工作日为严重逾期；距期限 ${DUE_SOON_WORKING_DAYS} 个工作日以内为即将到期。` },
  { term: '百分比', text: '保留一位小数，四舍五入（恰好一半时进位）。每个百分比旁边写明 n（计入的件数或轮数）；n 少于 ' + SAMPLE_MIN + ' 时只写“样本不足”，不给百分比。' },
  { term: '中位数', text: '把数值从小到大排列，取正中间的一个；个数为偶数时，取中间两个的平均数。' },
]

/** Each figure of the site, with the deadlines of the session it describes. */
export const figureDefinitions = (s: DeadlineSettings): Definition[] => [
  { term: '收到提案', text: '届次内公开的提案件数。提案经代表工作室甄别后才公开；尚未甄别的提案和依法不公开的提案只公布件数（见下），不计入任何数字。' },
  { term: '立案', text: '甄别结论为“立案”的提案数。并案、依法分流、不予立案的提案同样有领导批示，并由代表工作室书面说明理由。' },
  { term: '已批示', text: '至少有一条领导批示的提案数（含未立案的提案）。' },
  {
    term: '交办',
    text: `领导批示时把提案交给主办科室，即为交办；代表工作室可以事先拟定主办科室，但答复期限从批示交办之日起算：交办后 ${s.replyMonths} 个月（按月计的期限）。交办数即有主办科室、已批示交办的提案数。`,
  },
  { term: '已答复', text: '至少有一份已公开答复的提案数（未立案提案的书面说明也是答复）。' },
  { term: '办复率', text: '已答复的提案数 ÷ 收到提案数。' },
  {
    term: '按期答复率',
    text: `按“应答复的轮次”计：每件交办的提案有第 1 轮（交办后的答复），每次重新办理再加一轮。一轮已经答复，或者它的期限已过，就计入 n；其中在期限内答复的（首份答复公开之日不晚于当时有效的期限）计为按期。期限已过而仍未答复的，计入 n，算作未按期。第 1 轮当时有效的期限是答复公开前已批准的最后一次延期后的期限，没有延期的就是交办时的期限；延期累计不超过交办后 ${s.extensionMaxMonths} 个月。重新办理的一轮，期限是决定重新办理之日起 ${s.rehandlingMonths} 个月。`,
  },
  { term: '答复用时中位数', text: '已交办且已答复的提案，从交办之日到第 1 轮首份答复公开之日的工作日数的中位数。' },
  {
    term: '当前逾期',
    text: `当前环节的期限已过而尚未完成的提案数。各环节的期限：甄别，提交后 ${s.screeningWorkingDays} 个工作日；批示，甄别后 ${s.instructionWorkingDays} 个工作日（立案与未立案的提案相同）；答复与重新办理，见“按期答复率”；未立案提案的书面说明，甄别后 ${s.explanationWorkingDays} 个工作日。“其中严重逾期”是逾期超过 ${LONG_OVERDUE_WORKING_DAYS} 个工作日的件数。`,
  },
  {
    term: '满意率',
    text: `${P.proposer}评价过的提案，每件只计一次，以${P.proposer}最近一次的评价为准（新的答复公开后，原来的“不满意”一直有效，直到${P.proposer}重新评价）；评价为“满意”或“基本满意”的件数 ÷ 这些提案的件数。旁边写明其中“不满意”的件数。${P.coSigner}的评价公开，但不计入。`,
  },
  {
    term: '承诺事项的状态',
    text: '已公开答复中的每一项承诺事项（proposals.json 中答复的 commitments）都有完成时限（dueDate）。代表工作室到现场验证时，每条验证记录（followUps 中 kind 为 verification 的记录）写明验证的是哪一项承诺（commitment）和是否兑现（verified）。验证记录录错了不删除，由一条新记录更正（新记录的 corrects 写明被更正的记录）：被更正的记录不再有效。一项承诺“有效的验证”是针对它、且没有被更正的验证记录中时间（at）最晚的一条。状态：答复被另一份已公开的更正答复更正（该答复的 id 出现在另一份答复的 corrects 中）的，为“已更正”，其承诺不再有效，不计入任何数字；否则，没有有效的验证为“待兑现”，有效的验证为已兑现（verified 为 true）的为“已兑现”，否则为“未兑现”。每项承诺的 state 字段即按此算出，可以逐项核对。',
  },
  {
    term: '承诺兑现率',
    text: '“到期的承诺”：状态不是“已更正”、且完成时限不晚于今天（数据生成时间所在的北京时间日期）的承诺事项；其中状态为“已兑现”的项数 ÷ 到期的承诺项数。完成时限未到的承诺不计入（即使已提前兑现，也从完成时限那天起才计入）。n 是到期的承诺项数；没有到期的承诺时不给比率，写“无到期承诺”。届次的承诺兑现率计入该届提案的承诺，科室的承诺兑现率计入它主办的提案的承诺（与其他科室数字相同）。',
  },
  { term: '科室数字', text: '每件提案只计入它的主办科室，不计入协办科室。科室的“当前逾期”是它主办的提案中，当前环节（答复或重新办理）已逾期的件数。' },
  {
    term: '协办未按期提出意见',
    text: `交办时列为协办科室的提案中，协办科室应在交办后 ${s.coOpinionWorkingDays} 个工作日内向主办科室提出协办意见；主办科室负责人在此之前不能签发答复（意见全部提交的除外）。答复签发时仍未提出意见的协办科室，在答复中注明（proposals.json 中答复的 silentCoSections）。科室的“协办提案”是把它列为协办科室的提案件数，“其中未按期提出意见”是这些提案中有答复注明它未提出意见的件数。`,
  },
  {
    term: '催办',
    text: '代表工作室或街道领导催促办理，记入提案的办理过程：proposals.json 中 timeline 里 action 为“催办”的条目，role 是催办人的角色（office 代表工作室，leader 街道领导），at 是催办时间；催办人勾选公开的说明在 note 中，未公开的说明为 null。科室的“催办”是它主办的提案在交办之后被催办的次数（条目的 at 不早于 assignment.assignedAt）；交办之前的催办（催促甄别、批示）不计入任何科室。',
  },
  { term: '重点督办', text: '街道领导标为重点督办的提案（proposals.json 的 keyItem 为 true）：在督办台上排在前面，到期提醒更早、更密。标记和取消都记入办理过程。' },
  {
    term: '不公开与未甄别的提案',
    text: '涉及个人隐私或依法不公开的提案，只按届次和状态公布件数（proposals.json 的 confidential），不计入任何数字。已提交、尚未甄别的提案只公布件数及其中超过甄别期限的件数（unscreened），甄别后公开并计入。',
  },
]
