// One action on a portal page (answer an invitation, upload, invite, evaluate…): busy while it is
// sent, then the server's zh-CN refusal or what was done, said through the page's message box.
import { useState } from 'react'
import type { PortalError } from '../../core/portal'
import type { Result } from './api'

export interface Act {
  /** What was done, in words: the page says it and reloads. */
  onDone: (message: string) => void
  /** Why it was not done (refused, or not sent), in zh-CN: the page says it. */
  onError: (error: PortalError) => void
}

interface Then<T> {
  /** What was done, for the message box; or, from a function, nothing to say (e.g. the page is left). */
  done: string | ((data: T) => string | void)
  /** Right after the answer, whichever it is (e.g. empty the file input, close the confirmation). */
  settled?: () => void
  /** Before a refusal is said (e.g. mark the fields it names). */
  failed?: (error: PortalError) => void
}

export function useAction({ onDone, onError }: Pick<Act, 'onError'> & Partial<Pick<Act, 'onDone'>>) {
  const [busy, setBusy] = useState(false)
  /** Sends the request; busy meanwhile; then says why it was refused, or what was done. */
  async function run<T>(call: () => Promise<Result<T>>, then: Then<T>): Promise<void> {
    setBusy(true)
    const r = await call()
    setBusy(false)
    then.settled?.()
    if (r.error) {
      then.failed?.(r.error)
      return onError(r.error)
    }
    const message = typeof then.done === 'string' ? then.done : then.done(r.data as T)
    if (message) onDone?.(message)
  }
  /** A refusal before anything is sent (the form's own check), said the same way. */
  const refuse = (error: PortalError) => onError(error)
  return { busy, run, refuse }
}
