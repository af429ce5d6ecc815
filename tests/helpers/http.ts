// Calling the started server's REST API as a given person (a JWT per person, none for the public).
import { expect } from 'vitest'
import type { World } from '../fixtures/world'

export async function login(base: string, collection: 'users' | 'representatives', body: Record<string, string>): Promise<string> {
  const r = await fetch(`${base}/api/${collection}/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
  expect(r.status, `login ${JSON.stringify(body)}`).toBe(200)
  return ((await r.json()) as { token: string }).token
}

export interface ApiResponse {
  status: number
  json: any
  text: string
}

/** `api(who, path, init)` with the token that `tokens[who]` holds at call time. */
export const apiAs =
  <Who extends string>(base: string, tokens: Record<Who, string | null>) =>
  async (who: Who, path: string, init: RequestInit = {}): Promise<ApiResponse> => {
    const headers: Record<string, string> = { 'content-type': 'application/json', ...(init.headers as Record<string, string>) }
    if (tokens[who]) headers.authorization = `JWT ${tokens[who]}`
    const r = await fetch(`${base}/api${path}`, { ...init, headers })
    const text = await r.text()
    let json: any = null
    try {
      json = JSON.parse(text)
    } catch {}
    return { status: r.status, json, text }
  }

export type WorldPerson = 'admin' | 'office' | 'leader' | 'sectionStaff' | 'sectionHead' | 'otherHead' | 'coStaff' | 'A' | 'B' | 'C' | 'public'

/** Signs in every person of the test world (tests/fixtures/world.ts); the public has no token. */
export async function signInWorld(base: string, world: World, password: string): Promise<Record<WorldPerson, string | null>> {
  const tokens = { public: null } as Record<WorldPerson, string | null>
  for (const role of ['admin', 'office', 'leader', 'sectionStaff', 'sectionHead'] as const)
    tokens[role] = await login(base, 'users', { email: world.staff[role].email, password })
  tokens.otherHead = await login(base, 'users', { email: world.otherHead.email, password })
  tokens.coStaff = await login(base, 'users', { email: world.coStaff.email, password })
  for (const [who, username] of [['A', 'rep-a'], ['B', 'rep-b'], ['C', 'rep-c']] as const)
    tokens[who] = await login(base, 'representatives', { username, password })
  return tokens
}
