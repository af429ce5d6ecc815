// The shared sign-in does the same password work for an unknown account as for a real one.
import { pbkdf2Sync, randomBytes } from 'node:crypto'
import { describe, expect, it, vi } from 'vitest'
import { FailureThrottle } from '../portal/throttle'
import { checkNoAccount, passwordMatches, SignInRefused, throttledSignIn } from './signIn'

/** Every PBKDF2 run: its rounds, key length and digest. */
const runs = vi.hoisted(() => [] as [number, number, string][])
vi.mock('node:crypto', async (original) => {
  const real = await original<typeof import('node:crypto')>()
  return {
    ...real,
    pbkdf2: ((password, salt, iterations, keylen, digest, done) => {
      runs.push([iterations, keylen, digest])
      return real.pbkdf2(password, salt, iterations, keylen, digest, done)
    }) as typeof real.pbkdf2,
  }
})

/** A hash as Payload makes one (generatePasswordSaltHash: "pbkdf2-sha256-v1:", 600,000 rounds, 32 bytes). */
const payloadHash = (password: string) => {
  const salt = randomBytes(32).toString('hex')
  return { salt, hash: `pbkdf2-sha256-v1:${pbkdf2Sync(password, salt, 600_000, 32, 'sha256').toString('hex')}` }
}

const attempt = (find: () => Promise<{ id: number } | null>, throttle = new FailureThrottle(), login = vi.fn(async () => 'signed in')) => ({
  payload: {} as never,
  collection: 'users' as const,
  throttle,
  address: '192.0.2.1',
  account: 'someone@example.org',
  password: 'a-password',
  find,
  login,
})

describe('the password work', () => {
  it('checking a real password and checking for an unknown account run the same PBKDF2', async () => {
    const doc = payloadHash('right-one')
    runs.length = 0
    expect(await passwordMatches(doc, 'right-one')).toBe(true)
    expect(await passwordMatches(doc, 'wrong-one')).toBe(false)
    expect(await checkNoAccount('right-one')).toBe(false)
    expect(runs).toEqual([
      [600_000, 32, 'sha256'],
      [600_000, 32, 'sha256'],
      [600_000, 32, 'sha256'],
    ])
  })

  it('an unknown account: the same hash work, then the one "wrong login or password" answer, and no login', async () => {
    runs.length = 0
    const a = attempt(async () => null)
    const refused = await throttledSignIn(a).catch((e) => e)
    expect(refused).toBeInstanceOf(SignInRefused)
    expect(refused.retryAfter).toBe(0)
    expect(runs).toEqual([[600_000, 32, 'sha256']])
    expect(a.login).not.toHaveBeenCalled()
  })

  it('past the limit for an address: refused with a wait, before any lookup or hash', async () => {
    const throttle = new FailureThrottle({ perAccount: 5, perAddress: 2, windowMs: 60_000 })
    for (let i = 0; i < 2; i++) await throttledSignIn(attempt(async () => null, throttle)).catch(() => undefined)
    runs.length = 0
    const find = vi.fn(async () => null)
    const refused = await throttledSignIn(attempt(find, throttle)).catch((e) => e)
    expect(refused.retryAfter).toBeGreaterThan(0)
    expect(find).not.toHaveBeenCalled()
    expect(runs).toEqual([])
  })
})
