// The password work shared by the portal's sign-in, the staff sign-in (/api/users/login) and every
// "type your current password" check: throttling per address and per account name, the same work
// and the same answer for an unknown account as for a wrong password, and Payload's lockout.
import { pbkdf2, timingSafeEqual } from 'node:crypto'
import { promisify } from 'node:util'
import { AuthenticationError, LockedAuth, type CollectionSlug, type Payload, type PayloadRequest } from 'payload'
import { FailureThrottle } from '../portal/throttle'

const pbkdf2Async = promisify(pbkdf2)

// Payload's password hashes (payload/dist/auth/strategies/local/generatePasswordSaltHash.js):
// "pbkdf2-sha256-v1:<hex>" is 600,000 rounds of PBKDF2-SHA256 giving 32 bytes; an older hash
// without the prefix is 25,000 rounds giving 512 bytes. Payload does not export its check.
const CURRENT_PREFIX = 'pbkdf2-sha256-v1:'
const parameters = (hash: string) =>
  hash.startsWith(CURRENT_PREFIX)
    ? { stored: hash.slice(CURRENT_PREFIX.length), iterations: 600_000, keyLength: 32 }
    : { stored: hash, iterations: 25_000, keyLength: 512 }

/** Whether the password is the one this stored hash and salt were made from (as Payload's local strategy checks it). */
export async function passwordMatches(doc: { hash?: unknown; salt?: unknown }, password: string): Promise<boolean> {
  if (typeof doc.hash !== 'string' || typeof doc.salt !== 'string') return false
  const { stored, iterations, keyLength } = parameters(doc.hash)
  const computed = await pbkdf2Async(password, doc.salt, iterations, keyLength, 'sha256')
  const expected = Buffer.from(stored, 'hex')
  return computed.length === expected.length && timingSafeEqual(computed, expected)
}

/** Checking a password of an account that does not exist: the same work as checking a real one, and false. */
export async function checkNoAccount(password: string): Promise<false> {
  const { iterations, keyLength } = parameters(CURRENT_PREFIX)
  await pbkdf2Async(password, 'no-such-account', iterations, keyLength, 'sha256')
  return false
}

/** A refused sign-in: `retryAfter` seconds to wait (429), or 0 for "wrong login or password" (the one answer for both). */
export class SignInRefused extends Error {
  constructor(readonly retryAfter: number) {
    super(retryAfter ? 'too many attempts' : 'bad credentials')
  }
}

/** The zh-CN answer to too many attempts, with whom to ask instead. */
export const tooManyMessage = (seconds: number, whoResets: string) =>
  `尝试次数过多，请 ${Math.max(1, Math.ceil(seconds / 60))} 分钟后再试，或请${whoResets}重置密码`

/** Seconds until Payload's lockout of an account ends (at least a minute; the office or admin can unlock it at once). */
async function lockedFor(payload: Payload, collection: CollectionSlug, id: string | number): Promise<number> {
  const doc = (await payload.db.findOne({ collection, where: { id: { equals: id } } })) as { lockUntil?: string | null } | null
  const until = doc?.lockUntil ? new Date(doc.lockUntil).getTime() : 0
  return Math.max(60, Math.ceil((until - Date.now()) / 1000))
}

export interface SignInAttempt<T> {
  payload: Payload
  collection: CollectionSlug
  throttle: FailureThrottle
  /** The client's address (cms/portal/throttle.ts clientAddress). */
  address: string
  /** The throttle's key for the name typed (one key however it is typed). */
  account: string
  password: string
  /** The account the name belongs to, or null when there is none. */
  find: () => Promise<{ id: string | number } | null>
  /** Payload's own login of that account (its lockout counts there). */
  login: () => Promise<T>
}

/**
 * One sign-in: refused (SignInRefused) while the address or the account name is over the limit,
 * and for a wrong password or an unknown account alike, after the same password work.
 */
export async function throttledSignIn<T>(a: SignInAttempt<T>): Promise<T> {
  const { throttle, address, account } = a
  const addressWait = throttle.addressWait(address)
  if (addressWait) throw new SignInRefused(addressWait)
  // Counted as a failure at once (and taken back if it succeeds), so attempts sent side by side
  // cannot all get past the limit while the password work is under way.
  throttle.failAt(address)
  const known = await a.find()
  // An unknown account is counted here exactly as Payload's lockout counts a real one (which the
  // office or admin can lift at once, so a real one is left to it).
  const accountWait = known ? 0 : throttle.accountWait(account)
  if (accountWait) throw new SignInRefused(accountWait)
  throttle.failFor(account)
  let result: T
  try {
    if (!known) {
      // As long as checking a real password takes, so the answer's timing does not tell either.
      await checkNoAccount(a.password)
      throw new AuthenticationError()
    }
    result = await a.login()
  } catch (e) {
    if (e instanceof LockedAuth) throw new SignInRefused(await lockedFor(a.payload, a.collection, known!.id))
    if (e instanceof AuthenticationError) throw new SignInRefused(0)
    throw e
  }
  throttle.succeed(account, address)
  return result
}

/** Wrong current passwords, per account: past the per-account limit the check is refused without being made. */
const currentPasswordChecks = new FailureThrottle()

export type Confirmation = { ok: true } | { ok: false; retryAfter: number }

/**
 * "Type your current password" before a change of one's own password. A wrong one is counted here
 * (5 in 15 minutes, then refused for the rest of the window), not toward Payload's lockout: the
 * person is signed in, and a lockout would be written outside the change's transaction, or rolled
 * back with it. Reads in `req`'s transaction when given one.
 */
export async function confirmCurrentPassword(args: { payload: Payload; collection: CollectionSlug; id: string | number; password: unknown; req?: PayloadRequest }): Promise<Confirmation> {
  const key = `${args.collection}:${args.id}`
  const wait = currentPasswordChecks.accountWait(key)
  if (wait) return { ok: false, retryAfter: wait }
  const doc = await args.payload.db.findOne({ collection: args.collection, where: { id: { equals: args.id } }, req: args.req })
  const password = typeof args.password === 'string' ? args.password : ''
  const right = doc && password ? await passwordMatches(doc as { hash?: unknown; salt?: unknown }, password) : await checkNoAccount(password)
  if (right) return { ok: true }
  currentPasswordChecks.failFor(key)
  return { ok: false, retryAfter: 0 }
}
