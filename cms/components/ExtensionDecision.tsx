// At the top of a 延期申请's page: what the leader decides on — the proposal, the deadline in force
// with the working days left, the date asked for, the cap, the reason — and, to a leader while the
// request is pending, 批准 / 不批准 (cms/components/ExtensionDialogs.tsx). Once decided, the decision.
import Link from 'next/link'
import type { UIFieldServerProps } from 'payload'
import { chineseDate } from '../../core/calendar'
import { dueText } from '../../core/deadlines'
import { extensionRefusal } from '../../core/extensions'
import { ExtensionDecisionLabels } from '../../core/labels'
import { canDecideExtension } from '../../core/permissions'
import { actorOf, idOf } from '../access/actor'
import { nowISO } from '../lib/clock'
import { extensionContext } from '../lib/extensions'
import { DecisionButtons } from './ExtensionDialogs'

export async function ExtensionDecision({ id, req, user }: UIFieldServerProps) {
  if (id == null || !req) return null
  const { payload } = req
  const request = await payload.findByID({ collection: 'extension-requests', id, depth: 0, overrideAccess: false, user: req.user, disableErrors: true, req })
  if (!request) return null
  const ctx = await extensionContext(req, request.proposal)
  if (!ctx) return null
  const { proposal, calendar, settings, inForce, cap } = ctx
  // Staff names and section names (staff read them anyway); the system's own read.
  const name = async (collection: 'users' | 'sections', v: unknown) => {
    const key = idOf(v)
    if (key == null) return ''
    const doc = await payload.findByID({ collection, id: key, depth: 0, overrideAccess: true, disableErrors: true, req, select: { name: true } })
    return (doc as { name?: string } | null)?.name ?? ''
  }
  const [section, requester, decider] = await Promise.all([name('sections', request.section), name('users', request.requestedBy), name('users', request.decidedBy)])
  const now = nowISO()
  const actor = actorOf(user ?? req.user)
  const decidable = canDecideExtension(actor, request)
  return (
    <section className="extension-decision" aria-labelledby="extension-decision-title">
      <h2 id="extension-decision-title">{request.decision === 'pending' ? '待审批的延期申请' : `延期申请（${ExtensionDecisionLabels[request.decision]}）`}</h2>
      <dl className="extension-decision__facts">
        <dt>提案</dt>
        <dd>
          <Link href={`/admin/collections/proposals/${proposal.id}`}>
            {proposal.number} {proposal.title}
          </Link>
        </dd>
        <dt>申请科室</dt>
        <dd>
          {[section, requester, request.at ? chineseDate(request.at) : ''].filter(Boolean).join(' · ')}
        </dd>
        <dt>当前答复期限</dt>
        <dd>{inForce ? `${chineseDate(inForce)}（${dueText(inForce, now, calendar)}）` : '—'}</dd>
        <dt>申请延至</dt>
        <dd>
          <strong>{chineseDate(request.newDeadline)}</strong>
        </dd>
        {cap && (
          <>
            <dt>最迟可延至</dt>
            <dd>
              {chineseDate(cap)}（自交办起最多 {settings.extensionMaxMonths} 个月）
            </dd>
          </>
        )}
        <dt>延期理由</dt>
        <dd className="extension-decision__text">{request.reason}</dd>
        {request.decision !== 'pending' && (
          <>
            <dt>审批结果</dt>
            <dd>
              {[ExtensionDecisionLabels[request.decision], decider, request.decidedAt ? chineseDate(request.decidedAt) : ''].filter(Boolean).join(' · ')}
              {request.decisionNote ? `：${request.decisionNote}` : ''}
            </dd>
          </>
        )}
      </dl>
      {decidable && (
        <DecisionButtons request={request.id} newDeadlineText={chineseDate(request.newDeadline)} approvalRefusal={extensionRefusal(ctx.facts, request.newDeadline, calendar, settings)} />
      )}
      {request.decision === 'pending' && !decidable && <p className="field-description">等待街道领导审批。</p>}
    </section>
  )
}
