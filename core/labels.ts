// zh-CN names of the glossary's values, shared by the CMS admin, the public site and the portal.
import type { FollowUpKind, Rating, ReplyClass, ScreeningDecision } from './types'
import type { DeadlineStage, DeadlineState } from './deadlines'
import type { DutyAction } from './duties'
import type { ExtensionDecision } from './extensions'

export const ReplyClassLabels: Record<ReplyClass, string> = {
  A: 'A 已解决或采纳',
  B: 'B 正在解决或列入计划',
  C: 'C 因条件限制留作参考',
}

/** The people of a proposal, one word each everywhere (site, portal, admin, open data). */
export const PartyLabels = { proposer: '提案人', coSigner: '附议代表', coSigned: '附议' } as const

export const RatingLabels: Record<Rating, string> = { satisfied: '满意', basicallySatisfied: '基本满意', dissatisfied: '不满意' }

export const ScreeningLabels: Record<ScreeningDecision, string> = {
  accepted: '立案',
  merged: '并案',
  redirected: '依法分流',
  notAccepted: '不予立案',
}

export const FollowUpKindLabels: Record<FollowUpKind, string> = { visit: '上门回访', call: '电话回访', verification: '现场验证' }

export const DeadlineStageLabels: Record<DeadlineStage, string> = {
  screening: '甄别',
  instruction: '批示',
  reply: '答复',
  rehandling: '重新办理',
  explanation: '向代表说明',
}

export const DeadlineStateLabels: Record<DeadlineState, string> = {
  onTrack: '期限内',
  dueSoon: '即将到期',
  overdue: '已逾期',
  longOverdue: '严重逾期',
}

/** The queues of what waits on whom (core/duties.ts), as the workbench and the lists name them. */
export const DutyLabels: Record<DutyAction, string> = {
  screen: '待甄别',
  nameLead: '待交办',
  instruct: '待批示',
  takeOn: '待办理',
  coOpinion: '协办待提意见',
  draftReply: '待起草答复',
  revise: '退回修改',
  signOff: '待签发',
  publish: '待公开',
  explain: '待向代表说明',
  evaluate: '待评价',
  followUp: '待回访',
  verify: '待验证',
  close: '待办结',
  decideExtension: '待审批延期',
}

/** A request for a later reply deadline (申请延期), as the admin names its state. */
export const ExtensionDecisionLabels: Record<ExtensionDecision, string> = { pending: '待审批', approved: '已批准', refused: '不批准' }
