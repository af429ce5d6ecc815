// Failed sign-ins counted per address and per account name in a fixed window; past the limit
// the portal answers 429 with Retry-After. A real account is locked by Payload's own lockout
// (maxLoginAttempts on the collection, in the database, which the office can lift at once);
// the count per account name answers an unknown account exactly the same way. Counters live
// in this process: with several servers each keeps its own, while Payload's lockout is shared.
import { SIGN_IN_LIMITS } from '../../core/portal'

interface Window {
  failures: number
  resetAt: number
}

export class FailureThrottle {
  private readonly windows = new Map<string, Window>()
  constructor(
    private readonly limits = SIGN_IN_LIMITS,
    private readonly clock: () => number = Date.now,
  ) {}

  private current(key: string): Window | undefined {
    const w = this.windows.get(key)
    if (w && w.resetAt <= this.clock()) {
      this.windows.delete(key)
      return undefined
    }
    return w
  }

  private wait(key: string, limit: number): number {
    const w = this.current(key)
    return w && w.failures >= limit ? Math.ceil((w.resetAt - this.clock()) / 1000) : 0
  }

  /** Seconds before this address may try again; 0 when it may now. */
  addressWait(address: string): number {
    return this.wait(`i:${address}`, this.limits.perAddress)
  }

  /** Seconds before this account name may be tried again; 0 when it may now. */
  accountWait(account: string): number {
    return this.wait(`a:${account}`, this.limits.perAccount)
  }

  private count(key: string): void {
    const w = this.current(key) ?? { failures: 0, resetAt: this.clock() + this.limits.windowMs }
    w.failures++
    this.windows.set(key, w)
    if (this.windows.size > 50_000) this.sweep()
  }

  /** One failed (or not yet succeeded) attempt from this address. */
  failAt(address: string): void {
    this.count(`i:${address}`)
  }

  /** One failed (or not yet succeeded) attempt at this account name. */
  failFor(account: string): void {
    this.count(`a:${account}`)
  }

  /** A successful sign-in clears the account's count and takes back its own count at the address. */
  succeed(account: string, address: string): void {
    this.windows.delete(`a:${account}`)
    const w = this.current(`i:${address}`)
    if (w && w.failures > 0) w.failures--
  }

  private sweep(): void {
    const now = this.clock()
    for (const [k, w] of this.windows) if (w.resetAt <= now) this.windows.delete(k)
  }
}

/**
 * The client's address: the last X-Forwarded-For entry. scripts/serve.mjs drops the forwarded
 * headers a client sends unless it is a trusted proxy (TRUSTED_PROXIES), so this entry is either
 * what that proxy saw or, from Next.js, the connection's own address.
 */
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get('x-forwarded-for')
  return forwarded?.split(',').at(-1)?.trim() || 'unknown'
}
