import { describe, expect, it } from 'vitest'
import { clientAddress, FailureThrottle } from './throttle'

const limits = { perAccount: 5, perAddress: 20, windowMs: 15 * 60 * 1000 }
const at = (start = 0) => {
  let now = start
  return { clock: () => now, pass: (ms: number) => (now += ms) }
}

describe('the sign-in throttle', () => {
  it.each([
    ['address', 20, (t: FailureThrottle) => t.failAt('a1'), (t: FailureThrottle) => t.addressWait('a1')],
    ['account', 5, (t: FailureThrottle) => t.failFor('zhangsan'), (t: FailureThrottle) => t.accountWait('zhangsan')],
  ] as const)('per %s: free below the limit, waiting at it, free again when the window ends', (_, limit, fail, wait) => {
    const time = at()
    const t = new FailureThrottle(limits, time.clock)
    for (let i = 0; i < limit - 1; i++) fail(t)
    expect(wait(t)).toBe(0)
    fail(t)
    expect(wait(t)).toBe(900)
    time.pass(600_000)
    expect(wait(t)).toBe(300)
    time.pass(300_000)
    expect(wait(t)).toBe(0)
  })

  it('a success clears its account and takes back its own count at the address, not the others’', () => {
    const t = new FailureThrottle(limits, at().clock)
    for (let i = 0; i < 20; i++) t.failAt('a1')
    for (let i = 0; i < 5; i++) t.failFor('lisi')
    expect([t.addressWait('a1') > 0, t.accountWait('lisi') > 0]).toEqual([true, true])
    t.succeed('lisi', 'a1')
    expect([t.addressWait('a1'), t.accountWait('lisi')]).toEqual([0, 0])
    t.failAt('a1')
    expect(t.addressWait('a1')).toBeGreaterThan(0)
  })

  it('addresses and accounts are counted apart', () => {
    const t = new FailureThrottle(limits, at().clock)
    for (let i = 0; i < 20; i++) t.failAt('a1')
    expect([t.addressWait('a1') > 0, t.addressWait('a2'), t.accountWait('a1')]).toEqual([true, 0, 0])
  })
})

describe('the client address', () => {
  it.each([
    [{}, 'unknown'],
    [{ 'x-forwarded-for': '10.0.0.1' }, '10.0.0.1'],
    [{ 'x-forwarded-for': '1.2.3.4, 10.0.0.1' }, '10.0.0.1'],
  ])('%j → %s', (headers, address) => {
    expect(clientAddress(new Headers(headers as Record<string, string>))).toBe(address)
  })
})
