// The representatives' portal: what its requests may carry (zod schemas, with zh-CN messages
// for people), the password rule, and how long a sign-in lasts. The CMS endpoints validate
// every body with these; the portal's forms show the same messages.
import { z } from 'zod'
import zhCNLocale from 'zod/v4/locales/zh-CN.js'
import { CategoryOptions } from './categories'
import { DissatisfiedReasonRequired, lacksReason } from './lifecycle'
import { Ratings, type ProposalStatus } from './types'

/** Sign-in lasts while used: it ends after this long without a request… */
export const SESSION_IDLE_MS = 2 * 60 * 60 * 1000
/** …and in any case this long after signing in. */
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000
/** The portal's session cookie. */
export const SESSION_COOKIE = 'portal_session'

/** Sign-in attempts: per account and per address, within a window (then 429 with Retry-After). */
export const SIGN_IN_LIMITS = { perAccount: 5, perAddress: 20, windowMs: 15 * 60 * 1000 }

/** Attachments: a few files, pdf, jpg or png, each at most this size. */
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024
export const ATTACHMENT_MAX_COUNT = 5
export const AttachmentTypes = ['application/pdf', 'image/jpeg', 'image/png'] as const

/** Invitations to co-sign, per proposal. */
export const MAX_CO_SIGNERS = 10

/**
 * Text as people type it, cleaned the same way everywhere (the CMS's every text field, the
 * portal's forms): \r\n and lone \r become \n; control characters other than \n and \t
 * (C0 and DEL) are dropped — they show as nothing, and one of them makes XML (the Atom feed) ill-formed.
 */
export function cleanText(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
}

const text = (label: string, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .overwrite(cleanText)
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}不能超过 ${max} 个字`)

/** An object that refuses fields it does not know (status, number, section…), saying which. */
const strict = <T extends z.core.$ZodLooseShape>(shape: T) =>
  z.strictObject(shape, {
    error: (iss) => (iss.code === 'unrecognized_keys' ? `不能提交这些字段：${iss.keys.join('、')}` : undefined),
  })

const id = z.union([z.string().min(1).max(64), z.number().int().positive()], { error: '编号无效' })

export const SignInSchema = strict({
  /** The username, or the phone number the office recorded. */
  login: text('登录名或手机号', 64),
  password: z.string({ error: '请填写密码' }).min(1, '请填写密码').max(256, '密码过长'),
})
export type SignIn = z.infer<typeof SignInSchema>

/** A login that is a phone number, as its digits (spaces and dashes dropped); null for a login name. */
export function phoneDigits(login: string): string | null {
  const digits = login.replace(/[\s-]/g, '')
  return /^\+?\d{7,15}$/.test(digits) ? digits : null
}

/** What makes a new password acceptable; the message says what to change. null when fine. */
export function passwordProblem(password: string, username?: string): string | null {
  if (password.length < 8) return '新密码至少 8 位'
  if (password.length > 128) return '新密码不能超过 128 位'
  if (!/[0-9]/.test(password) || !/[^0-9]/.test(password)) return '新密码须同时包含数字和字母（或其他符号）'
  if (/^(.)\1*$/.test(password)) return '新密码不能全是同一个字符'
  if (username && password.toLowerCase().includes(username.toLowerCase())) return '新密码不能包含登录名'
  return null
}

export const ChangePasswordSchema = strict({
  currentPassword: z.string({ error: '请填写当前密码' }).min(1, '请填写当前密码').max(256, '密码过长'),
  newPassword: z.string({ error: '请填写新密码' }).max(256, '密码过长'),
}).superRefine((v, ctx) => {
  const problem = passwordProblem(v.newPassword)
  if (problem) ctx.addIssue({ code: 'custom', path: ['newPassword'], message: problem })
  if (v.newPassword === v.currentPassword) ctx.addIssue({ code: 'custom', path: ['newPassword'], message: '新密码不能与当前密码相同' })
})
export type ChangePassword = z.infer<typeof ChangePasswordSchema>

/** 忘记密码: the login (name or phone); a link to set a new password goes to the account's e-mail or phone. */
export const ForgotPasswordSchema = strict({ login: text('登录名或手机号', 64) })
export type ForgotPassword = z.infer<typeof ForgotPasswordSchema>

/** 重设密码: the link's token and the new password (the same rule as a change). */
export const ResetPasswordSchema = strict({
  token: z.string({ error: '重设密码的链接不完整，请重新申请' }).regex(/^[0-9a-f]{40}$/, '重设密码的链接不完整，请重新申请'),
  newPassword: z.string({ error: '请填写新密码' }).max(256, '密码过长'),
}).superRefine((v, ctx) => {
  const problem = passwordProblem(v.newPassword)
  if (problem) ctx.addIssue({ code: 'custom', path: ['newPassword'], message: problem })
})
export type ResetPassword = z.infer<typeof ResetPasswordSchema>

const Category = z.enum(CategoryOptions.map((c) => c.value) as [string, ...string[]], { error: '请选择类别' })

/** The content of a proposal while it is the proposer's draft. */
export const DraftSchema = strict({
  title: text('标题', 100),
  body: text('提案内容', 5000),
  category: Category,
  residentialArea: id,
})
export type Draft = z.infer<typeof DraftSchema>

/**
 * A new proposal. `clientKey` is made once per form by the portal: sending the same key again
 * (a double tap, a retry on a bad connection) returns the proposal made the first time.
 */
export const NewProposalSchema = DraftSchema.extend({
  clientKey: z.string({ error: '缺少提交标识' }).regex(/^[A-Za-z0-9_-]{16,64}$/, '提交标识无效'),
  /** Submit at once rather than keep it as a draft. */
  submit: z.boolean().default(false),
})
export type NewProposal = z.infer<typeof NewProposalSchema>

export const InviteSchema = strict({
  representatives: z.array(id).min(1, '请选择要邀请的代表').max(MAX_CO_SIGNERS, `附议代表最多 ${MAX_CO_SIGNERS} 位`),
})

export const InvitationAnswerSchema = strict({
  accept: z.boolean({ error: '请选择同意或不同意附议' }),
})

export const EvaluationSchema = strict({
  reply: id,
  rating: z.enum(Ratings, { error: '请选择满意、基本满意或不满意' }),
  comment: z.string().overwrite(cleanText).trim().max(2000, '意见不能超过 2000 个字').default(''),
}).superRefine((v, ctx) => {
  if (lacksReason(v.rating, v.comment)) ctx.addIssue({ code: 'custom', path: ['comment'], message: DissatisfiedReasonRequired })
})
export type EvaluationInput = z.infer<typeof EvaluationSchema>

/** "问题是否已解决？" — the representative's own answer, which the office sees when it verifies. */
export const ResolutionAnswers = ['resolved', 'partly', 'unresolved'] as const
export type ResolutionAnswer = (typeof ResolutionAnswers)[number]
export const ResolutionLabels: Record<ResolutionAnswer, string> = { resolved: '已解决', partly: '部分解决', unresolved: '未解决' }

export const ResolutionSchema = strict({
  answer: z.enum(ResolutionAnswers, { error: '请选择已解决、部分解决或未解决' }),
  comment: z.string().overwrite(cleanText).trim().max(2000, '说明不能超过 2000 个字').default(''),
})

/** A structured refusal: one zh-CN message for people, and per-field messages for the form. */
export interface PortalError {
  code: string
  message: string
  fields?: Record<string, string>
}

/** zod's own messages in Chinese, for whatever a schema does not word itself (a list of the wrong kind…). */
const zhCN = zhCNLocale().localeError

/** Turns a zod failure into the portal's error: the first message, and one per field. */
function invalidInput(error: z.ZodError): PortalError {
  const fields: Record<string, string> = {}
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_'
    fields[key] ??= issue.path.length === 0 && issue.code === 'invalid_type' ? '提交的内容格式不对，请刷新页面后重试' : issue.message
  }
  return { code: 'invalid', message: Object.values(fields)[0] ?? '提交的内容无效', fields }
}

/** Checks a request's body (or a form's values) against a portal schema, in zh-CN either way. */
export function checkInput<S extends z.ZodType>(schema: S, raw: unknown): { ok: true; data: z.infer<S> } | { ok: false; error: PortalError } {
  const parsed = schema.safeParse(raw, { error: zhCN })
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, error: invalidInput(parsed.error) }
}

/** What a file's first bytes say it is, among the attachment types; null for anything else (whatever its name claims). */
export function sniffAttachmentType(bytes: Uint8Array): (typeof AttachmentTypes)[number] | null {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b)
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'application/pdf' // %PDF-
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png'
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg'
  return null
}

/** The file name endings each attachment type may have. */
const AttachmentExtensions: Record<(typeof AttachmentTypes)[number], string[]> = {
  'application/pdf': ['pdf'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/png': ['png'],
}

/**
 * Markup a browser would run if it ever took the file for a page. A file whose first bytes are an
 * image or PDF signature but which carries HTML/SVG/script in its first KB is a polyglot, not a photo
 * or a letter: refused. (Deeper decoding is not needed: files are served with nosniff and a sandbox CSP.)
 */
const Markup = /<(?:html|script|svg|body|iframe|object|embed|!doctype)/i

/** One check for every upload path (REST, Local API, the portal): the type by content, the name's ending by that type, no markup. */
export function checkAttachment(
  bytes: Uint8Array,
  name: string,
): { ok: true; type: (typeof AttachmentTypes)[number] } | { ok: false; problem: 'type' | 'extension' | 'markup'; message: string } {
  const type = sniffAttachmentType(bytes)
  if (!type) return { ok: false, problem: 'type', message: '只能上传 PDF、JPG 或 PNG 文件' }
  const ending = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase()
  if (!ending || !AttachmentExtensions[type].includes(ending))
    return { ok: false, problem: 'extension', message: `文件名的扩展名与内容不符：这是 ${AttachmentExtensions[type][0].toUpperCase()} 文件，文件名应以 .${AttachmentExtensions[type][0]} 结尾` }
  const head = String.fromCharCode(...bytes.subarray(0, 1024))
  if (Markup.test(head)) return { ok: false, problem: 'markup', message: '文件内容不是有效的 PDF、JPG 或 PNG（含有网页代码），不能上传' }
  return { ok: true, type }
}

/** What happens next, in words for the representative, by status. */
export const NextStep: Record<ProposalStatus, string> = {
  draft: '草稿：可继续修改，邀请附议代表，确认后提交',
  submitted: '已提交，等待代表工作室甄别立案',
  accepted: '已立案，等待街道领导批示',
  merged: '已并入其他提案一并办理，见代表工作室的说明',
  redirected: '已转交其他渠道办理，见代表工作室的说明',
  notAccepted: '未予立案，见代表工作室的说明',
  instructed: '领导已批示，等待承办科室接办',
  inProgress: '承办科室办理中，将在答复期限内答复',
  replied: '已答复：请阅读答复并评价',
  evaluated: '已评价，等待代表工作室回访验证后办结',
  rehandling: '您对答复不满意，正在重新办理',
  closed: '已办结',
}

/**
 * A new password set in the admin (POST /api/users/:id/password, /api/representatives/:id/password):
 * one's own with the current one, someone else's with a reason (the server decides which applies).
 */
export const SetPasswordSchema = strict({
  password: z.string({ error: '请填写新密码' }).max(256, '密码过长'),
  currentPassword: z.string().max(256, '密码过长').optional(),
  reason: z.string().max(500, '原因不能超过 500 字').optional(),
}).superRefine((v, ctx) => {
  const problem = passwordProblem(v.password)
  if (problem) ctx.addIssue({ code: 'custom', path: ['password'], message: problem })
})
export type SetPassword = z.infer<typeof SetPasswordSchema>

/** The body rules above, for the staff's action endpoints (core/actions.ts): cleaned required text, an object refusing unknown fields. */
export { strict as strictBody, text as requiredText }
