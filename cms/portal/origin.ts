// Whether a request comes from the site's own pages: its Origin is the configured address or the
// one the request came to. Browsers send Origin on every state-changing request.
import { serverURL } from '../lib/env'

type Req = { headers: Headers; url?: string }

function ownOrigins(req: Req): Set<string> {
  const origins = new Set([new URL(serverURL).origin])
  const host = req.headers.get('host')
  if (host) {
    const proto = req.headers.get('x-forwarded-proto') ?? new URL(req.url ?? serverURL).protocol.replace(':', '')
    origins.add(`${proto}://${host}`)
  }
  return origins
}

export const fromOwnOrigin = (req: Req): boolean => {
  const origin = req.headers.get('origin')
  return !!origin && ownOrigins(req).has(origin)
}

/** GET, HEAD and OPTIONS change nothing; everything else does. */
export const changesState = (method: string | undefined): boolean => !['GET', 'HEAD', 'OPTIONS'].includes((method ?? 'GET').toUpperCase())
