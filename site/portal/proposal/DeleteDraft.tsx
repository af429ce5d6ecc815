// 删除草稿: asked once more before the draft is gone; then back to the list.
import { useState } from 'react'
import type { Id } from '../../../core/portalApi'
import { api } from '../api'
import { Button } from '../ui'
import { useAction, type Act } from '../useAction'

export default function DeleteDraft({ id, onError }: { id: Id } & Pick<Act, 'onError'>) {
  const [sure, setSure] = useState(false)
  const { run } = useAction({ onError })
  const remove = () => run(() => api(`/portal/proposals/${id}`, { method: 'DELETE' }), { done: () => location.assign('/portal/') })
  return (
    <section aria-labelledby="del">
      <h2 id="del">删除草稿</h2>
      {sure ? (
        <p className="actions">
          <Button kind="danger" onClick={remove}>
            确认删除这份草稿
          </Button>
          <Button kind="plain" onClick={() => setSure(false)}>
            不删除
          </Button>
        </p>
      ) : (
        <Button kind="plain" onClick={() => setSure(true)}>
          删除草稿…
        </Button>
      )}
    </section>
  )
}
