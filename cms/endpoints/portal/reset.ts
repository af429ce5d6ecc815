// 忘记密码 in the portal: a representative asks with their login (name or phone) and gets a link to
// set a new password — by e-mail when the server sends e-mail (SMTP_URL) and the account has an
// address, else by SMS when it sends SMS (SMS_URL) and there is a phone — valid one hour. The
// answer is the same whatever the login (no account is revealed). The new password follows the
// portal's rule and ends every sign-in of the account, like a change; the office can still reset a
// password by hand. Without e-mail or SMS the answer says to ask the office.
import { passwordProblem } from '../../../core/portal'
import { PORTAL_SIGN_IN } from '../../collections/Representatives/hooks/onlyThroughPortal'
import { PORTAL_PASSWORD_RESET } from '../../collections/Representatives/hooks/passwordChange'
import { nowISO } from '../../lib/clock'
import { serverURL } from '../../lib/env'
import { channelConfig, emailSender, smsSender } from '../../notices/channels'
import { portalEndpoint, refusal } from '../../portal/endpoint'
import { accountFor } from './auth'
import { resetRequestWait, sendInBackground } from '../../lib/staffAuth'
import { tooManyMessage } from '../../lib/signIn'

/** A link is valid this long. */
const VALID_MS = 60 * 60_000
/** One link per account per 5 minutes: a stranger cannot flood someone's phone. */
const INTERVAL_MS = 5 * 60_000

const SENT = '如果该账号存在并登记了电子邮箱或手机号，重设密码的链接已发送（1 小时内有效）。没有收到请联系代表工作室。'
const NO_CHANNEL = '本系统未配置邮件或短信，不能自助找回密码：请联系代表工作室重置密码。'
const BAD_LINK = '重设密码的链接无效或已过期，请重新申请'

export const resetEndpoints = [
  portalEndpoint({ route: 'POST /forgot-password', auth: 'none' }, async ({ req, body, answer }) => {
    const channels = channelConfig()
    if (!channels.email && !channels.sms) throw refusal(503, 'noChannel', NO_CHANNEL)
    const wait = resetRequestWait(req)
    if (wait > 0) throw refusal(429, 'tooMany', tooManyMessage(wait, '代表工作室'), undefined, { 'Retry-After': String(wait) })
    const account = await accountFor(req.payload, body.login)
    const rep = account ? await req.payload.findByID({ collection: 'representatives', id: account.id, depth: 0, overrideAccess: true, showHiddenFields: true }) : null
    const now = Date.parse(nowISO())
    const recent = rep?.resetPasswordExpiration && Date.parse(rep.resetPasswordExpiration) - VALID_MS > now - INTERVAL_MS
    const byEmail = channels.email && !!rep?.email?.trim()
    const bySms = channels.sms && !!rep?.phone?.trim()
    if (rep && rep.active !== false && !recent && (byEmail || bySms)) {
      const token = await req.payload.forgotPassword({ collection: 'representatives', data: { username: rep.username } as unknown as { email: string }, disableEmail: true, expiration: VALID_MS, context: { [PORTAL_SIGN_IN]: true } })
      const link = `${serverURL}/portal/reset/?token=${token}`
      const text = `${rep.name}，您好：请打开以下链接设置新密码（1 小时内有效）：${link}  如非本人操作，请忽略。`
      sendInBackground(req, () =>
        byEmail
          ? emailSender(req.payload)({ to: rep.email!.trim(), subject: '重设代表门户密码', text })
          : smsSender(req.payload)({ to: rep.phone!.trim(), subject: '重设密码', text: `您正在重设代表门户密码，请打开链接设置新密码（1 小时内有效）：${link}` }),
      )
    }
    return answer({ message: SENT })
  }),

  portalEndpoint({ route: 'POST /reset-password', auth: 'none' }, async ({ req, body, answer }) => {
    const found = await req.payload.find({
      collection: 'representatives',
      where: { and: [{ resetPasswordToken: { equals: body.token } }, { resetPasswordExpiration: { greater_than: nowISO() } }] },
      depth: 0,
      limit: 1,
      overrideAccess: true,
      showHiddenFields: true,
    })
    const rep = found.docs[0]
    if (!rep || rep.active === false) throw refusal(400, 'badLink', BAD_LINK, { token: BAD_LINK })
    const problem = passwordProblem(body.newPassword, rep.username)
    if (problem) throw refusal(400, 'invalid', problem, { newPassword: problem })
    await req.payload.update({
      collection: 'representatives',
      id: rep.id,
      data: { password: body.newPassword, resetPasswordToken: null, resetPasswordExpiration: null, loginAttempts: 0, lockUntil: null },
      overrideAccess: true,
      context: { [PORTAL_PASSWORD_RESET]: true },
    })
    return answer({ reset: true })
  }),
]
