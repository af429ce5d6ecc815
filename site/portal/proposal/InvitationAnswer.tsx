// An invitation to co-sign this proposal, waiting on the representative who is reading it.
import type { Id } from '../../../core/portalApi'
import { api } from '../api'
import { Button } from '../ui'
import { useAction, type Act } from '../useAction'

export default function InvitationAnswer({ id, proposer, onDone, onError }: { id: Id; proposer: string } & Act) {
  const { busy, run } = useAction({ onDone, onError })
  const answer = (accept: boolean) =>
    run(() => api(`/portal/invitations/${id}`, { method: 'POST', body: { accept } }), {
      done: accept ? '已同意附议，您已成为本提案的附议代表。' : '已谢绝附议邀请。',
    })
  return (
    <div className="card attention">
      <p>
        <strong>{proposer}</strong>代表邀请您附议本提案。
      </p>
      <p className="actions">
        <Button busy={busy} onClick={() => answer(true)}>
          同意附议
        </Button>
        <Button kind="plain" busy={busy} onClick={() => answer(false)}>
          谢绝
        </Button>
      </p>
    </div>
  )
}
