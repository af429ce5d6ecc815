// Calling the started server's REST API as a given person: staff with a JWT from Payload's
// login, representatives with the portal's session cookie (they have no other way in), the
// public with nothing. A credential is the header that carries it.
import { request as httpRequest } from 'node:http'
import { expect } from 'vitest'
import type { World } from '../fixtures/world'

export type Credential = { authorization: string } | { cookie: string }

export async function login(base: string, body: { email: string; password: string }): Promise<Credential> {
  const r = await fetch(`${base}/api/users/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
  expect(r.status, `login ${JSON.stringify(body)}`).toBe(200)
  return { authorization: `JWT ${((await r.json()) as { token: string }).token}` }
}

/** Signs in through the portal as a browser on the site would (same Origin); returns the raw response. */
export const portalSignIn = (base: string, login: string, password: string, headers: Record<string, string> = {}) =>
  fetch(`${base}/api/portal/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base, ...headers },
    body: JSON.stringify({ login, password }),
  })

/**
 * A JSON POST sent from a chosen loopback address (127.0.0.x; the server listens on 127.0.0.1),
 * so a test can be "another client" as the server sees the connection (the sign-in throttles count per address).
 */
export function postFrom(base: string, localAddress: string, path: string, data: unknown, headers: Record<string, string> = {}): Promise<Response> {
  const body = JSON.stringify(data)
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      `${base}${path}`,
      { method: 'POST', localAddress, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers } },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => {
          const h = new Headers()
          for (const [k, v] of Object.entries(res.headers)) for (const one of Array.isArray(v) ? v : v == null ? [] : [v]) h.append(k, one)
          resolve(new Response(Buffer.concat(chunks), { status: res.statusCode, headers: h }))
        })
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}

/** The portal's sign-in sent from a chosen loopback address. */
export const portalSignInFrom = (base: string, localAddress: string, login: string, password: string, headers: Record<string, string> = {}): Promise<Response> =>
  postFrom(base, localAddress, '/api/portal/sign-in', { login, password }, { origin: base, ...headers })

/** The `name=value` of the session cookie a response sets. */
export const sessionCookieOf = (r: Response): string => {
  const set = r.headers.getSetCookie().find((c) => c.startsWith('portal_session='))
  expect(set, 'a session cookie').toBeTruthy()
  return set!.split(';')[0]
}

export async function representativeLogin(base: string, username: string, password: string): Promise<Credential> {
  const r = await portalSignIn(base, username, password)
  expect(r.status, `portal sign-in ${username}: ${await r.clone().text()}`).toBe(200)
  return { cookie: sessionCookieOf(r) }
}

export interface ApiResponse {
  status: number
  json: any
  text: string
}

/** `api(who, path, init)` with the token that `tokens[who]` holds at call time. */
export const apiAs =
  <Who extends string>(base: string, tokens: Record<Who, Credential | null>) =>
  async (who: Who, path: string, init: RequestInit = {}): Promise<ApiResponse> => {
    // Same origin as the site, as a browser on it would send.
    const headers: Record<string, string> = { 'content-type': 'application/json', origin: base, ...tokens[who], ...(init.headers as Record<string, string>) }
    return answerOf(await fetch(`${base}/api${path}`, { ...init, headers }))
  }

/** A response read whole: status, text, and the JSON when it is JSON. */
export async function answerOf(r: Response): Promise<ApiResponse> {
  const text = await r.text()
  let json: any = null
  try {
    json = JSON.parse(text)
  } catch {}
  return { status: r.status, json, text }
}

/** POST and PATCH with a JSON body through an `apiAs` caller. */
export const writesAs = <Who extends string>(api: ReturnType<typeof apiAs<Who>>) => ({
  post: (who: Who, path: string, body: unknown) => api(who, path, { method: 'POST', body: JSON.stringify(body) }),
  patch: (who: Who, path: string, body: unknown) => api(who, path, { method: 'PATCH', body: JSON.stringify(body) }),
})

/** A step of a test's set-up that must succeed: its JSON, or a failure naming the step and the answer. */
export async function must(p: Promise<ApiResponse>, label: string): Promise<any> {
  const r = await p
  expect(r.status, `${label}: ${r.text.slice(0, 400)}`).toBeLessThan(300)
  return r.json
}

export type WorldPerson = 'admin' | 'office' | 'leader' | 'sectionStaff' | 'sectionHead' | 'otherHead' | 'coStaff' | 'A' | 'B' | 'C' | 'public'

/** Signs in every person of the test world (tests/fixtures/world.ts); the public has no token. */
export async function signInWorld(base: string, world: World, password: string): Promise<Record<WorldPerson, Credential | null>> {
  const tokens = { public: null } as Record<WorldPerson, Credential | null>
  for (const role of ['admin', 'office', 'leader', 'sectionStaff', 'sectionHead'] as const)
    tokens[role] = await login(base, { email: world.staff[role].email, password })
  tokens.otherHead = await login(base, { email: world.otherHead.email, password })
  tokens.coStaff = await login(base, { email: world.coStaff.email, password })
  for (const [who, username] of [['A', 'rep-a'], ['B', 'rep-b'], ['C', 'rep-c']] as const)
    tokens[who] = await representativeLogin(base, username, password)
  return tokens
}
