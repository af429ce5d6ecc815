// 附件: the draft's photos and files, to add and remove while it is a draft; listed afterwards.
import type { FormEvent } from 'react'
import { ATTACHMENT_MAX_BYTES } from '../../../core/portal'
import type { Id, ProposalDetail } from '../../../core/portalApi'
import { api } from '../api'
import { Button, Field } from '../ui'
import { useAction, type Act } from '../useAction'

export default function Attachments({ doc, editable, onDone, onError }: { doc: ProposalDetail; editable: boolean } & Act) {
  const upload = useAction({ onDone, onError })
  const removal = useAction({ onDone, onError })
  if (!editable && doc.attachments.length === 0) return null
  const send = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    const input = e.currentTarget.elements.namedItem('file') as HTMLInputElement
    const file = input.files?.[0]
    if (!file) return upload.refuse({ code: 'invalid', message: '请选择要上传的文件' })
    if (file.size > ATTACHMENT_MAX_BYTES) return upload.refuse({ code: 'tooLarge', message: `文件太大：每个附件不超过 ${ATTACHMENT_MAX_BYTES / 1024 / 1024} MB` })
    const form = new FormData()
    form.append('file', file)
    await upload.run(() => api(`/portal/proposals/${doc.proposal.id}/attachments`, { method: 'POST', form }), {
      settled: () => {
        input.value = ''
      },
      done: `已上传 ${file.name}`,
    })
  }
  const remove = (id: Id) => removal.run(() => api(`/portal/attachments/${id}`, { method: 'DELETE' }), { done: '附件已删除' })
  return (
    <section aria-labelledby="att">
      <h2 id="att">附件</h2>
      {doc.attachments.length > 0 ? (
        <ul>
          {doc.attachments.map((a) => (
            <li key={a.id}>
              <a href={a.url}>{a.filename}</a> <span className="muted">（{Math.ceil(a.filesize / 1024)} KB）</span>
              {editable && (
                <button type="button" className="btn plain small" onClick={() => remove(a.id)} aria-label={`删除附件 ${a.filename}`}>
                  删除
                </button>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">还没有附件。</p>
      )}
      {editable && (
        <form onSubmit={send} className="portal-form">
          <Field id="file" label="上传照片或文件" hint="PDF、JPG 或 PNG，每个不超过 10 MB，最多 5 个">
            {(p) => <input {...p} type="file" name="file" accept="application/pdf,image/jpeg,image/png" />}
          </Field>
          <Button busy={upload.busy} type="submit">
            上传
          </Button>
        </form>
      )}
    </section>
  )
}
