// A new password: set by the representative themself (it must meet the rule, and the
// first-sign-in demand is then met), or by the office as a reset (which demands a new one at
// the next sign-in, needs a reason and goes into the audit log). Either way, and when the account
// is disabled, every portal sign-in ends (endSessions, after the save). The server's own Local API
// (no user) gives no reason.
import type { CollectionBeforeChangeHook } from 'payload'
import { passwordProblem } from '../../../../core/portal'
import { actorOfReq } from '../../../access/actor'
import { recordAudit } from '../../../lib/audit'
import { passwordChangeOf } from '../../../lib/passwordChange'
import { refuse } from '../../../lib/refuse'
import type { Representative } from '../../../payload-types'

/** Set by the portal's 重设密码 (a link sent to the representative): the new password is theirs, as a change of their own. */
export const PORTAL_PASSWORD_RESET = 'portalPasswordReset'

export const passwordChange: CollectionBeforeChangeHook<Representative> = async ({ data, req, operation, originalDoc }) => {
  if (operation !== 'update') return data
  const a = actorOfReq(req)
  if (typeof data.password === 'string' && data.password) {
    const byLink = !req.user && req.context[PORTAL_PASSWORD_RESET] === true
    if (a.role === 'representative' || byLink) {
      const problem = passwordProblem(data.password, originalDoc?.username)
      if (problem) refuse(problem, 'password')
      data.mustChangePassword = false
      if (byLink) await recordAudit(req, { kind: 'resetLinkUsed', summary: `居民代表 ${originalDoc?.name ?? ''}（${originalDoc?.username ?? originalDoc?.id}）用“忘记密码”的链接设置了新密码`, subjectRepresentative: originalDoc?.id })
    } else {
      data.mustChangePassword = true
      if (req.user) {
        const reason = passwordChangeOf(req)?.reason
        if (!reason) refuse('重置代表的密码须填写原因（将记入操作记录）', 'reason')
        await recordAudit(req, { kind: 'passwordReset', summary: `重置了居民代表 ${originalDoc?.name ?? ''}（${originalDoc?.username ?? originalDoc?.id}）的密码`, reason, subjectRepresentative: originalDoc?.id })
      }
    }
    req.context.endPortalSessions = true
  }
  if (data.active === false && originalDoc?.active !== false) req.context.endPortalSessions = true
  return data
}
