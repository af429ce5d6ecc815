// Evaluating one reply: 满意 / 基本满意 / 不满意 (a reason required for 不满意), checked, then
// confirmed, because an evaluation counts once and cannot be changed. What is chosen and written
// is kept in this tab until it has been sent.
import { useState, type FormEvent } from 'react'
import { checkInput, EvaluationSchema } from '../../../core/portal'
import type { Evaluated, Id } from '../../../core/portalApi'
import { api, formatDay } from '../api'
import { Button, Field, useKept } from '../ui'
import { useAction, type Act } from '../useAction'

export const RatingText: Record<string, string> = { satisfied: '满意', basicallySatisfied: '基本满意', dissatisfied: '不满意' }

export default function Evaluate({ proposal, reply, until, keep, onDone, onError }: { proposal: Id; reply: Id; until: string; keep: string } & Act) {
  const [rating, setRating, forgetRating] = useKept(`${keep}:rating`, '')
  const [comment, setComment, forgetComment] = useKept(`${keep}:comment`, '')
  const { busy, run, refuse } = useAction({ onDone, onError })
  const [confirming, setConfirming] = useState(false)
  const [fieldError, setFieldError] = useState<Record<string, string>>({})
  const check = () => {
    const parsed = checkInput(EvaluationSchema, { reply, rating: rating || undefined, comment })
    if (!parsed.ok) {
      setFieldError(parsed.error.fields ?? {})
      refuse(parsed.error)
      return null
    }
    setFieldError({})
    return parsed.data
  }
  // First the check and a confirmation (an evaluation counts once and cannot be changed)…
  const review = (e: FormEvent) => {
    e.preventDefault()
    if (check()) setConfirming(true)
  }
  // …then the evaluation itself.
  const send = async () => {
    const data = check()
    if (!data) return setConfirming(false)
    await run(() => api<Evaluated>(`/portal/proposals/${proposal}/evaluations`, { method: 'POST', body: data }), {
      settled: () => setConfirming(false),
      failed: (error) => setFieldError(error.fields ?? {}),
      done: (evaluated) => {
        forgetRating()
        forgetComment()
        return evaluated.proposal.status === 'rehandling' ? '评价已提交。您不满意，提案将重新办理。' : `评价已提交，谢谢您。提案现在：${evaluated.proposal.statusLabel}。`
      },
    })
  }
  if (confirming)
    return (
      <div className="portal-form evaluate confirm" role="group" aria-labelledby={`confirm-${reply}`}>
        <p id={`confirm-${reply}`}>
          您的评价是<strong>“{RatingText[rating]}”</strong>
          {comment.trim() ? `，意见：${comment.trim()}` : ''}。评价提交后不能修改，确认提交吗？
        </p>
        <p className="actions">
          <Button busy={busy} onClick={send} autoFocus>
            确认提交评价
          </Button>
          <Button kind="plain" onClick={() => setConfirming(false)}>
            返回修改
          </Button>
        </p>
      </div>
    )
  return (
    <form onSubmit={review} className="portal-form evaluate" noValidate>
      <p className="muted">评价截至 {formatDay(until)}（含当天）；每条答复只能评价一次。</p>
      <fieldset aria-describedby={fieldError.rating ? 'rating-error' : undefined}>
        <legend>您对这条答复满意吗？</legend>
        {Object.entries(RatingText).map(([value, label]) => (
          <label key={value} className="choice">
            <input type="radio" name={`rating-${reply}`} value={value} checked={rating === value} onChange={() => setRating(value)} /> {label}
          </label>
        ))}
        {fieldError.rating && (
          <p id="rating-error" className="field-error">
            {fieldError.rating}
          </p>
        )}
      </fieldset>
      <Field id={`comment-${reply}`} label="意见" hint="选择“不满意”时必须写明理由" error={fieldError.comment}>
        {(p) => <textarea {...p} rows={4} value={comment} maxLength={2000} onChange={(e) => setComment(e.target.value)} />}
      </Field>
      <Button busy={busy} type="submit">
        提交评价
      </Button>
    </form>
  )
}
