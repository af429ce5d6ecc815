// 忘记密码 in the portal: a representative asks with their login (name or phone) and gets a link to
// set a new password — by e-mail when the server sends e-mail (SMTP_URL) and the account has an
// address, else by SMS when it sends SMS (SMS_URL) and there is a phone — valid one hour. The
// answer is the same whatever the login (no account is revealed). The new password follows the
// portal's rule and ends every sign-in of the account, like a change; the office can still reset a
// password by hand. Without e-mail or SMS the answer says to ask the office. The link sent and the
// password set with it go into the audit log (makeResetLink in cms/lib/staffAuth.ts; the hook in
// cms/collections/Representatives/hooks/passwordChange.ts).
import { passwordProblem } from '../../../core/portal'
import { PORTAL_SIGN_IN } from '../../collections/Representatives/hooks/onlyThroughPortal'
import { PORTAL_PASSWORD_RESET } from '../../collections/Representatives/hooks/passwordChange'
import { serverURL } from '../../lib/env'
import { channelConfig, emailSender, smsSender } from '../../notices/channels'
import { portalEndpoint, refusal } from '../../portal/endpoint'
import { accountFor } from './auth'
import { makeResetLink, resetRequestWait, RESET_VALID_MS } from '../../lib/staffAuth'
import type { Representative } from '../../payload-types'
import { tooManyMessage } from '../../lib/signIn'

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
    const byEmail = (rep: Representative) => channels.email && !!rep.email?.trim()
    if (account)
      void makeResetLink(req, { collection: 'representatives', id: account.id }, {
        read: async () => {
          const rep = await req.payload.findByID({ collection: 'representatives', id: account.id, depth: 0, overrideAccess: true, showHiddenFields: true, disableErrors: true })
          return rep && rep.active !== false && (byEmail(rep) || (channels.sms && rep.phone?.trim())) ? rep : null
        },
        token: async (local, rep) =>
          String(
            await req.payload.forgotPassword({
              collection: 'representatives',
              data: { username: rep.username } as unknown as { email: string },
              disableEmail: true,
              expiration: RESET_VALID_MS,
              context: { [PORTAL_SIGN_IN]: true },
              req: local,
            }),
          ),
        audit: (rep) => ({ kind: 'resetLinkSent', summary: `应“忘记密码”的请求，向居民代表 ${rep.name}（${rep.username}）的${byEmail(rep) ? '电子邮箱' : '手机'}发出重设密码链接`, subjectRepresentative: rep.id }),
        send: (rep, token) => {
          const link = `${serverURL}/portal/reset/?token=${token}`
          return byEmail(rep)
            ? emailSender(req.payload)({ to: rep.email!.trim(), subject: '重设代表门户密码', text: `${rep.name}，您好：请打开以下链接设置新密码（1 小时内有效）：${link}  如非本人操作，请忽略。` })
            : smsSender(req.payload)({ to: rep.phone!.trim(), subject: '重设密码', text: `您正在重设代表门户密码，请打开链接设置新密码（1 小时内有效）：${link}` })
        },
      })
    return answer({ message: SENT })
  }),

  portalEndpoint({ route: 'POST /reset-password', auth: 'none' }, async ({ req, body, answer }) => {
    const found = await req.payload.find({
      collection: 'representatives',
      // Payload stamps the link's hour by the real clock (not the injected one): read it so.
      where: { and: [{ resetPasswordToken: { equals: body.token } }, { resetPasswordExpiration: { greater_than: new Date().toISOString() } }] },
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
