'use client'
// 打印答复函 on a reply, 打印意见征询表 on a proposal: a button (UI field in the sidebar) that opens
// the document as an A4 page in a new tab (cms/components/print/*View.tsx), where it is printed or
// saved as PDF. Shown only when there is something to print; otherwise it says when there will be.
import { Button, useConfig, useDocumentInfo, useFormFields } from '@payloadcms/ui'
import { isIn, EvaluableStatuses } from '../../../core/lifecycle'

function PrintLink({ href, label, note }: { href: string; label: string; note: string }) {
  return (
    <div className="field-type" style={{ marginBottom: '1.5rem' }}>
      <Button el="anchor" url={href} newTab buttonStyle="secondary" margin={false}>
        {label}
      </Button>
      <p style={{ color: 'var(--theme-elevation-500)', margin: '0.5rem 0 0' }}>{note}</p>
    </div>
  )
}

const Waiting = ({ children }: { children: string }) => <p style={{ color: 'var(--theme-elevation-500)', margin: '0 0 1.5rem' }}>{children}</p>

export function PrintReplyLetterButton() {
  const { id } = useDocumentInfo()
  const { config } = useConfig()
  const signedOffAt = useFormFields(([fields]) => fields.signedOffAt?.value)
  if (id == null) return null
  if (!signedOffAt) return <Waiting>签发后可在此打印答复函。</Waiting>
  return <PrintLink href={`${config.routes.admin}/print/reply/${id}`} label="打印答复函" note="在新标签页打开 A4 答复函，可打印或另存为 PDF。" />
}

export function PrintEvaluationFormButton() {
  const { id } = useDocumentInfo()
  const { config } = useConfig()
  const status = useFormFields(([fields]) => fields.savedStatus?.value ?? fields.status?.value)
  if (id == null || !isIn(EvaluableStatuses, status as string)) return null
  return (
    <PrintLink
      href={`${config.routes.admin}/print/evaluation/${id}`}
      label="打印意见征询表"
      note="给不使用网上门户的代表：连同提案和答复打印，代表填写后交回，再由代表工作室在「代表评价」中代为录入。"
    />
  )
}
