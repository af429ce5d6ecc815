// 附议代表: on a draft, the proposer invites other representatives (and may withdraw an
// invitation not yet answered); afterwards, who was invited and how they answered.
import { useEffect, useState, type FormEvent } from 'react'
import type { Id, ProposalDetail, Representatives } from '../../../core/portalApi'
import { api } from '../api'
import { Button, Field } from '../ui'
import { useAction, type Act } from '../useAction'

const InvitationText: Record<string, string> = { invited: '待答复', accepted: '已同意附议', declined: '已谢绝' }

/** Who was invited, and how they answered (once the proposal is no longer a draft). */
export function InvitationList({ doc }: { doc: ProposalDetail }) {
  return (
    <ul>
      {doc.invitations.map((i) => (
        <li key={i.id}>
          {i.representative.name}：{InvitationText[i.status] ?? i.status}
        </li>
      ))}
    </ul>
  )
}

export default function Invitations({ doc, onDone, onError }: { doc: ProposalDetail } & Act) {
  const [people, setPeople] = useState<Representatives['representatives']>([])
  const [filter, setFilter] = useState('')
  const [chosen, setChosen] = useState<string>('')
  const invitation = useAction({ onDone, onError })
  const withdrawal = useAction({ onDone, onError })
  useEffect(() => {
    api<Representatives>('/portal/representatives').then((r) => r.data && setPeople(r.data.representatives))
  }, [])
  const taken = new Set(doc.invitations.map((i) => i.representative.id))
  const options = people.filter((r) => !taken.has(r.id) && (r.name.includes(filter) || r.residentialArea.includes(filter)))
  const invite = async (e: FormEvent) => {
    e.preventDefault()
    if (!chosen) return invitation.refuse({ code: 'invalid', message: '请选择要邀请的代表' })
    await invitation.run(() => api(`/portal/proposals/${doc.proposal.id}/invitations`, { method: 'POST', body: { representatives: [Number(chosen)] } }), {
      done: () => {
        setChosen('')
        return '已发出附议邀请，对方在门户网站中答复。'
      },
    })
  }
  const withdraw = (id: Id) => withdrawal.run(() => api(`/portal/invitations/${id}`, { method: 'DELETE' }), { done: '已撤回邀请' })
  return (
    <section aria-labelledby="inv">
      <h2 id="inv">附议代表</h2>
      {doc.invitations.length > 0 && (
        <ul>
          {doc.invitations.map((i) => (
            <li key={i.id}>
              {i.representative.name}：{InvitationText[i.status] ?? i.status}{' '}
              {i.status === 'invited' && (
                <button type="button" className="btn plain small" onClick={() => withdraw(i.id)}>
                  撤回
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={invite} className="portal-form">
        <Field id="who-filter" label="查找代表（姓名或居民区）">
          {(p) => <input {...p} value={filter} onChange={(e) => setFilter(e.target.value)} />}
        </Field>
        <Field id="who" label="邀请附议的代表">
          {(p) => (
            <select {...p} value={chosen} onChange={(e) => setChosen(e.target.value)}>
              <option value="">请选择</option>
              {options.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}（{r.residentialArea}）
                </option>
              ))}
            </select>
          )}
        </Field>
        <Button busy={invitation.busy} type="submit">
          发出邀请
        </Button>
      </form>
    </section>
  )
}
