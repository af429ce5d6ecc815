// The admin's 忘记密码 page. Without e-mail or SMS (SMTP_URL, SMS_URL) there is nothing to send a
// reset link by, so instead of Payload's form (which would report "e-mail sent") it says who resets
// passwords; with them, a form for the address (cms/lib/staffAuth.ts sends the link).
import Link from 'next/link'
import type { AdminViewServerProps } from 'payload'
import { FORGOT_PASSWORD_MESSAGE } from '../lib/staffAuth'
import { channelConfig } from '../notices/channels'
import { ForgotPasswordForm } from './ForgotPasswordForm'

const ENGLISH = 'E-mail and SMS are not set up here, so a forgotten password cannot be reset by a link: staff ask the system administrator, representatives ask the representatives’ office.'

export function ForgotPasswordView({ initPageResult }: AdminViewServerProps) {
  const { i18n, payload } = initPageResult.req
  const channels = channelConfig()
  return (
    <div className="forgot-password__form" style={{ display: 'flex', flexDirection: 'column', gap: 'var(--base)' }}>
      <h1>{i18n.t('authentication:forgotPassword')}</h1>
      {channels.email || channels.sms ? <ForgotPasswordForm /> : <p role="status">{i18n.language === 'en' ? ENGLISH : FORGOT_PASSWORD_MESSAGE}</p>}
      <Link href={`${payload.config.routes.admin}${payload.config.admin.routes.login}`}>{i18n.t('authentication:backToLogin')}</Link>
    </div>
  )
}
