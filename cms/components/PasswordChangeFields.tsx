'use client'
// While a password is being changed in the admin (after 修改密码): the current password for one's
// own account, a reason for someone else's (it goes into the audit log). Hidden otherwise.
import { PasswordField, TextareaField, useAuth, useDocumentInfo, useFormFields } from '@payloadcms/ui'
import type { TextareaFieldClientComponent, TextFieldClientComponent } from 'payload'

/** Whether a new password has been typed, and whether the account is the signed-in person's own. */
function usePasswordChange() {
  // The form holds an empty password until one is typed after 修改密码.
  const changing = useFormFields(([fields]) => typeof fields.password?.value === 'string' && fields.password.value !== '')
  const { id, collectionSlug } = useDocumentInfo()
  const { user } = useAuth()
  const own = collectionSlug === 'users' && user?.id != null && String(user.id) === String(id)
  return { changing, own }
}

// Checked in the browser too (the server checks again): a field that validates itself here is
// re-checked when it is typed again after the server refused it, so the form can be saved.
const filled = (message: string) => (value: unknown) => (typeof value === 'string' && value.trim() ? true : message)

export const CurrentPasswordField: TextFieldClientComponent = ({ field, path }) => {
  const { changing, own } = usePasswordChange()
  if (!changing || !own) return null
  return <PasswordField autoComplete="current-password" field={{ ...field, required: true }} path={path ?? field.name} validate={filled('修改自己的密码须填写当前密码')} />
}

export const ResetReasonField: TextareaFieldClientComponent = (props) => {
  const { changing, own } = usePasswordChange()
  if (!changing || own) return null
  return (
    <TextareaField
      {...props}
      field={{ ...props.field, required: true, admin: { ...props.field.admin, description: '将与您的姓名一起记入“账户与删除记录”' } }}
      validate={filled('重置他人密码须填写原因（将记入操作记录）')}
    />
  )
}
