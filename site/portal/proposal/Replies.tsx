// 答复: the published replies, oldest first (a correction says which one it corrects), each with
// the representative's evaluation, or the form to evaluate it while they still may.
import { isEvaluableStatus } from '../../../core/permissions'
import type { Id, ProposalDetail } from '../../../core/portalApi'
import { formatDay, formatTime, localToday } from '../api'
import type { Act } from '../useAction'
import Evaluate, { RatingText } from './Evaluate'

export default function Replies({ doc, me, canAct, onDone, onError }: { doc: ProposalDetail; me: Id; canAct: boolean } & Act) {
  const published = doc.replies
  if (published.length === 0) return null
  const evaluable = isEvaluableStatus(doc.proposal.status)
  const today = localToday()
  const ordinal = (id: Id) => published.findIndex((r) => r.id === id) + 1
  return (
    <section aria-labelledby="replies" id="evaluate">
      <h2 id="replies">答复</h2>
      {published.map((r) => {
        const mine = doc.evaluations.find((e) => e.reply === r.id && e.representative === me)
        return (
          <div key={r.id} className={r.corrects != null ? 'record correction' : 'record'}>
            <p className="muted">
              {r.section?.name ?? '代表工作室'} · 第 {r.round} 轮 · {r.class} 类 · {formatTime(r.publishedAt)}
            </p>
            {r.corrects != null && (
              <p>
                <strong>更正</strong>：更正上面第 {ordinal(r.corrects)} 条答复{r.correctionNote ? `（${r.correctionNote}）` : ''}
              </p>
            )}
            <div className="text">{r.text}</div>
            {r.commitments && r.commitments.length > 0 && (
              <ul>
                {r.commitments.map((c) => (
                  <li key={c.id}>
                    承诺：{c.text}（{formatDay(c.dueDate)} 前）
                  </li>
                ))}
              </ul>
            )}
            {mine ? (
              <p>
                您的评价：<strong>{RatingText[mine.rating]}</strong>
                {mine.comment ? `，${mine.comment}` : ''}
              </p>
            ) : canAct && evaluable && r.evaluableUntil >= today ? (
              <Evaluate proposal={doc.proposal.id} reply={r.id} until={r.evaluableUntil} keep={`${me}:evaluate:${r.id}`} onDone={onDone} onError={onError} />
            ) : canAct && evaluable ? (
              <p className="muted">评价期限（{formatDay(r.evaluableUntil)}）已过；如有意见，请联系代表工作室。</p>
            ) : null}
          </div>
        )
      })}
    </section>
  )
}
