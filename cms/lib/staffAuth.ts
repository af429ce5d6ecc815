// Staff accounts' sign-in and password rules: Payload's login behind the same throttle and the same
// equal work for unknown accounts as the portal's (cms/lib/signIn.ts); forgot-password sends a
// one-hour link by e-mail or SMS (the link sent and the password set with it recorded in the audit
// log), or, with neither set up, says at once who resets passwords; a password change needs the
// current password (one's own) or a reason (someone else's, recorded in the audit log).
import {
  addDataAndFileToRequest,
  AuthenticationError,
  createLocalReq,
  headersWithCors,
  loginOperation,
  resetPasswordOperation,
  type CollectionBeforeChangeHook,
  type Endpoint,
  type PayloadRequest,
} from 'payload'
import { generatePayloadCookie } from 'payload/shared'
import { sameId } from '../../core/lifecycle'
import { passwordProblem, SIGN_IN_LIMITS } from '../../core/portal'
import { clientAddress, FailureThrottle } from '../portal/throttle'
import { recordAudit, type AuditEntry } from './audit'
import { inTransaction } from './inTransaction'
import { passwordChangeOf } from './passwordChange'
import { refuse } from './refuse'
import { confirmCurrentPassword, SignInRefused, throttledSignIn, tooManyMessage } from './signIn'
import type { User } from '../payload-types'
import { channelConfig, emailSender, smsSender } from '../notices/channels'
import { serverURL } from './env'

/** What the forgot-password page and endpoint say when neither e-mail nor SMS is set up: people reset passwords. */
export const FORGOT_PASSWORD_MESSAGE = '本系统未开通邮件和短信，不能自助找回密码：工作人员请联系系统管理员重置密码，居民代表请联系代表工作室。'

const throttle = new FailureThrottle()
/** Requests for a reset link, counted per address (each one, whatever the account): at most 10 in the sign-in window. */
export const resetRequests = new FailureThrottle({ ...SIGN_IN_LIMITS, perAddress: 10 })

/** Counts a reset-link request from this request's address; the seconds it must wait (past the limit), or 0. */
export function resetRequestWait(req: PayloadRequest): number {
  const address = clientAddress(req.headers)
  const wait = resetRequests.addressWait(address)
  resetRequests.failAt(address)
  return wait
}

/** A link is valid this long; one per account per 5 minutes (a stranger cannot flood someone's inbox or phone). */
export const RESET_VALID_MS = 60 * 60_000
const RESET_INTERVAL_MS = 5 * 60_000

/**
 * Whether the account was sent a link within the last 5 minutes. Payload stamps a link's hour by
 * the real clock (not the injected one, cms/lib/clock.ts): read it so.
 */
const linkRecent = (expiration: string | null | undefined): boolean => !!expiration && Date.parse(expiration) - RESET_VALID_MS > Date.now() - RESET_INTERVAL_MS

/** The accounts whose link is being made now, in this process. */
const linksInMaking = new Set<string>()

/** What `makeResetLink`'s caller reads of the account, afresh. */
export interface ResetLinkAccount {
  resetPasswordExpiration?: string | null
}

/**
 * Makes a reset link for one account and sends it, after the answer has gone (the answer must not
 * take longer when the account exists: the time of the work would tell which logins and phones are
 * real). `read` reads the account afresh (null: no link for it); unless it was sent one within the
 * last 5 minutes, Payload's forgotPassword makes the token and the audit log records the link sent
 * (`audit`), in one transaction, and then `send` sends it. Requests for one account are taken one
 * at a time in this process: two at the same instant send one link. A failure is logged. The
 * promise (never rejected) is for tests; the endpoints do not wait for it.
 */
export function makeResetLink<A extends ResetLinkAccount>(
  req: PayloadRequest,
  key: { collection: 'users' | 'representatives'; id: number },
  steps: {
    read: () => Promise<A | null>
    token: (req: PayloadRequest, account: A) => Promise<string>
    audit: (account: A) => AuditEntry
    send: (account: A, token: string) => Promise<unknown>
  },
): Promise<void> {
  const name = `${key.collection}:${key.id}`
  if (linksInMaking.has(name)) return Promise.resolve()
  linksInMaking.add(name)
  const work = async () => {
    const account = await steps.read()
    if (!account || linkRecent(account.resetPasswordExpiration)) return
    const local = await createLocalReq({}, req.payload)
    const token = await inTransaction(local, async () => {
      const made = await steps.token(local, account)
      await recordAudit(local, steps.audit(account))
      return made
    })
    await steps.send(account, token)
  }
  return work()
    .catch((e) => req.payload.logger.error({ err: e }, '重设密码的链接未能发出'))
    .finally(() => linksInMaking.delete(name))
}

const json = (req: PayloadRequest, body: unknown, status: number, headers: Record<string, string> = {}) =>
  Response.json(body, { status, headers: headersWithCors({ headers: new Headers({ 'Cache-Control': 'no-store', ...headers }), req }) })

/**
 * POST /api/users/login: Payload's own login (its lockout, sessions and cookie), refused per address
 * past the limit (429 + Retry-After), and for an unknown e-mail after the same password work and with
 * the same answer as a wrong password.
 */
const login: Endpoint = {
  path: '/login',
  method: 'post',
  handler: async (req) => {
    await addDataAndFileToRequest(req)
    const collection = req.payload.collections.users
    const email = typeof req.data?.email === 'string' ? req.data.email.toLowerCase().trim() : ''
    const password = typeof req.data?.password === 'string' ? req.data.password : ''
    const depth = Number(req.searchParams.get('depth'))
    const attempt = () => loginOperation({ collection, data: { email, password }, depth: Number.isInteger(depth) && req.searchParams.has('depth') ? depth : undefined, req })
    // A missing e-mail or password: Payload's own answer (which field is required), no password work.
    if (!email || !password.trim()) await attempt()
    try {
      const result = await throttledSignIn({
        payload: req.payload,
        collection: 'users',
        throttle,
        address: clientAddress(req.headers),
        account: email,
        password,
        find: async () => (await req.payload.find({ collection: 'users', where: { email: { equals: email } }, select: {}, limit: 1, depth: 0, overrideAccess: true })).docs[0] ?? null,
        login: attempt,
      })
      const cookie = generatePayloadCookie({ collectionAuthConfig: collection.config.auth, cookiePrefix: req.payload.config.cookiePrefix, token: result.token! })
      return json(req, { message: req.t('authentication:passed'), ...result }, 200, { 'Set-Cookie': cookie })
    } catch (e) {
      if (!(e instanceof SignInRefused)) throw e
      // Payload's answer to a wrong password, for an unknown account too.
      if (!e.retryAfter) throw new AuthenticationError(req.t)
      return json(req, { errors: [{ message: tooManyMessage(e.retryAfter, '系统管理员') }] }, 429, { 'Retry-After': String(e.retryAfter) })
    }
  },
}

/** What the forgot-password endpoint answers when it can send a link: the same for every address. */
export const RESET_LINK_SENT = '如果该邮箱属于本系统的工作人员账号，重设密码的链接已发送到其电子邮箱（或登记的手机）：1 小时内有效。没有收到请联系系统管理员。'

/** A reset link used, expired or never made (in words; Payload's own says it in English). */
const BAD_RESET_LINK = '重设密码的链接无效或已过期，请重新申请'

/** The subject of the reset e-mail. */
export const STAFF_RESET_SUBJECT = '重设密码 · 代表提案追踪平台'

/** Where a staff member sets a new password: Payload's own reset page of the admin. */
export const staffResetLink = (token: string): string => `${serverURL}/admin/reset/${token}`

/**
 * POST /api/users/forgot-password. Without e-mail or SMS (SMTP_URL, SMS_URL) it says who resets
 * passwords, at once, to everyone. With them: Payload's forgotPassword makes a one-hour token and
 * the link goes by e-mail (Payload sends it, cms/collections/Users: zh-CN), or by SMS to the phone
 * on the account when only SMS is set up; the answer is the same whatever the address.
 */
const forgotPassword: Endpoint = {
  path: '/forgot-password',
  method: 'post',
  handler: async (req) => {
    const channels = channelConfig()
    if (!channels.email && !channels.sms) return json(req, { errors: [{ message: FORGOT_PASSWORD_MESSAGE }] }, 400)
    const wait = resetRequestWait(req)
    if (wait > 0) return json(req, { errors: [{ message: tooManyMessage(wait, '系统管理员') }] }, 429, { 'Retry-After': String(wait) })
    await addDataAndFileToRequest(req)
    const email = typeof req.data?.email === 'string' ? req.data.email.toLowerCase().trim() : ''
    const found = email ? (await req.payload.find({ collection: 'users', where: { email: { equals: email } }, select: {}, limit: 1, depth: 0, overrideAccess: true })).docs[0] : undefined
    // The token by Payload's forgotPassword; the message sent here (Payload's own sending first writes a
    // request time outside the operation's transaction, which SQLite refuses while that transaction writes).
    if (found)
      void makeResetLink(req, { collection: 'users', id: found.id }, {
        read: async () => {
          const user = await req.payload.findByID({ collection: 'users', id: found.id, depth: 0, overrideAccess: true, showHiddenFields: true, disableErrors: true })
          return user && (channels.email || (channels.sms && user.phone?.trim())) ? user : null
        },
        token: async (local, user) => String(await req.payload.forgotPassword({ collection: 'users', data: { email: user.email }, disableEmail: true, expiration: RESET_VALID_MS, req: local })),
        audit: (user) => ({ kind: 'resetLinkSent', summary: `应“忘记密码”的请求，向工作人员 ${user.name}（${user.email}）的${channels.email ? '电子邮箱' : '手机'}发出重设密码链接`, subjectUser: user.id }),
        send: (user, token) => {
          const link = staffResetLink(token)
          return channels.email
            ? emailSender(req.payload)({ to: user.email, subject: STAFF_RESET_SUBJECT, text: `${user.name}，您好：\n\n请打开以下链接设置新密码（1 小时内有效）：\n${link}\n\n如非本人操作，请忽略本邮件，密码不会改变。` })
            : smsSender(req.payload)({ to: user.phone!.trim(), subject: '重设密码', text: `您正在重设代表提案追踪平台的密码，请打开链接设置新密码（1 小时内有效）：${link}` })
        },
      })
    return json(req, { message: RESET_LINK_SENT }, 200)
  },
}

/**
 * POST /api/users/reset-password (the admin's reset page posts here): the password rule every new
 * password follows (core passwordProblem) first, then Payload's own reset with the token (it checks
 * the token and its hour, clears it, and signs the person in).
 */
const resetPassword: Endpoint = {
  path: '/reset-password',
  method: 'post',
  handler: async (req) => {
    await addDataAndFileToRequest(req)
    const password = typeof req.data?.password === 'string' ? req.data.password : ''
    const token = typeof req.data?.token === 'string' ? req.data.token : ''
    if (!/^[0-9a-f]{40}$/.test(token)) refuse(BAD_RESET_LINK, 'token')
    const problem = passwordProblem(password)
    if (problem) refuse(problem, 'password')
    const collection = req.payload.collections.users
    const found = await req.payload.find({
      collection: 'users',
      // Payload stamps the token's hour by the real clock (not the injected one): read it so.
      where: { and: [{ resetPasswordToken: { equals: token } }, { resetPasswordExpiration: { greater_than: new Date().toISOString() } }] },
      select: {},
      limit: 1,
      depth: 0,
      overrideAccess: true,
    })
    if (found.docs.length === 0) refuse(BAD_RESET_LINK, 'token')
    // Payload's reset and its line in the audit log, in one transaction.
    const result = await inTransaction(req, async () => {
      const reset = await resetPasswordOperation({ collection, data: { password, token }, req })
      const user = reset.user as unknown as User
      await recordAudit(req, { kind: 'resetLinkUsed', summary: `工作人员 ${user.name ?? ''}（${user.email}）用“忘记密码”的链接设置了新密码`, subjectUser: user.id })
      return reset
    })
    const cookie = generatePayloadCookie({ collectionAuthConfig: collection.config.auth, cookiePrefix: req.payload.config.cookiePrefix, token: result.token! })
    return json(req, { message: req.t('authentication:passwordResetSuccessfully'), user: result.user }, 200, { 'Set-Cookie': cookie })
  },
}

export const staffAuthEndpoints: Endpoint[] = [login, forgotPassword, resetPassword]

/**
 * A new password for a staff account. One's own: only with the current one (a session alone is not
 * enough, or a stolen session becomes the account for good). Someone else's (the admin's reset):
 * only with a reason, which goes into the audit log. The server's own Local API (no user) is not asked.
 */
export const staffPasswordChange: CollectionBeforeChangeHook<User> = async ({ data, req, operation, originalDoc }) => {
  if (operation !== 'update' || typeof data.password !== 'string' || !data.password || !req.user || !originalDoc) return data
  // Any new password ends a reset link already sent (it would otherwise stay good for its hour).
  Object.assign(data, { resetPasswordToken: null, resetPasswordExpiration: null })
  const change = passwordChangeOf(req) ?? {}
  if (req.user.collection === 'users' && sameId(req.user.id, originalDoc.id)) {
    if (!change.currentPassword) refuse('修改自己的密码须填写当前密码', 'currentPassword')
    const confirmed = await confirmCurrentPassword({ payload: req.payload, collection: 'users', id: originalDoc.id, password: change.currentPassword!, req })
    if (!confirmed.ok)
      refuse(confirmed.retryAfter ? `当前密码错误次数过多，请 ${Math.ceil(confirmed.retryAfter / 60)} 分钟后再试` : '当前密码不正确', 'currentPassword')
    return data
  }
  const reason = change.reason
  if (!reason) refuse('重置他人密码须填写原因（将记入操作记录）', 'reason')
  await recordAudit(req, { kind: 'passwordReset', summary: `重置了工作人员 ${originalDoc.name ?? ''}（${originalDoc.email ?? originalDoc.id}）的密码`, reason, subjectUser: originalDoc.id })
  return data
}
