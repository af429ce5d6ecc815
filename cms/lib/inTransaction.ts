import { commitTransaction, initTransaction, killTransaction, type PayloadRequest } from 'payload'

/** Runs `work` in one transaction on `req`: committed when it succeeds, rolled back when anything in it throws (or joins the transaction `req` is already in). */
export async function inTransaction<T>(req: PayloadRequest, work: () => Promise<T>): Promise<T> {
  const started = await initTransaction(req)
  try {
    const out = await work()
    if (started) await commitTransaction(req)
    return out
  } catch (e) {
    if (started) await killTransaction(req)
    throw e
  }
}
