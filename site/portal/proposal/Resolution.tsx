// 问题是否已解决？: the proposer's or a co-signer's own answer for the current round, which the
// office sees when it verifies. Kept in this tab until it has been sent.
import type { FormEvent } from 'react'
import { isIn, RepliedStatuses } from '../../../core/lifecycle'
import { ResolutionAnswers, ResolutionLabels } from '../../../core/portal'
import type { Id, ProposalDetail } from '../../../core/portalApi'
import { api } from '../api'
import { Button, Field, useKept } from '../ui'
import { useAction, type Act } from '../useAction'

export default function Resolution({ doc, me, canAct, onDone, onError }: { doc: ProposalDetail; me: Id; canAct: boolean } & Act) {
  const keep = `${me}:resolution:${doc.proposal.id}:${doc.resolutionRound}`
  const [answer, setAnswer, forgetAnswer] = useKept(`${keep}:answer`, '')
  const [comment, setComment, forgetComment] = useKept(`${keep}:comment`, '')
  const { busy, run, refuse } = useAction({ onDone, onError })
  if (!canAct || !isIn(RepliedStatuses, doc.proposal.status)) return null
  const mine = doc.resolutionAnswers.find((a) => a.representative === me && a.round === doc.resolutionRound)
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    if (!answer) return refuse({ code: 'invalid', message: '请选择已解决、部分解决或未解决' })
    await run(() => api(`/portal/proposals/${doc.proposal.id}/resolution`, { method: 'POST', body: { answer, comment } }), {
      done: () => {
        forgetAnswer()
        forgetComment()
        return '已告知代表工作室，谢谢您。'
      },
    })
  }
  return (
    <section aria-labelledby="resolved">
      <h2 id="resolved">问题是否已解决？</h2>
      {mine ? (
        <p>
          您的反馈：<strong>{ResolutionLabels[mine.answer]}</strong>
        </p>
      ) : (
        <form onSubmit={submit} className="portal-form" noValidate>
          <fieldset>
            <legend>请告诉代表工作室实际情况（回访验证时参考）</legend>
            {ResolutionAnswers.map((a) => (
              <label key={a} className="choice">
                <input type="radio" name="resolution" value={a} checked={answer === a} onChange={() => setAnswer(a)} /> {ResolutionLabels[a]}
              </label>
            ))}
          </fieldset>
          <Field id="resolution-comment" label="说明（可不填）">
            {(p) => <textarea {...p} rows={3} value={comment} maxLength={2000} onChange={(e) => setComment(e.target.value)} />}
          </Field>
          <Button busy={busy} type="submit">
            提交
          </Button>
        </form>
      )}
    </section>
  )
}
