// The admin speaks zh-CN, whatever the browser's language: Payload picks the language from its
// `payload-lng` cookie first, so a first visit gets that cookie set to zh. (zh is the only
// language the admin offers: cms/payload.config.ts.)
import { NextResponse, type NextRequest } from 'next/server'

const Cookie = 'payload-lng'

export function proxy(req: NextRequest) {
  if (req.cookies.has(Cookie)) return NextResponse.next()
  const headers = new Headers(req.headers)
  headers.set('cookie', [req.headers.get('cookie'), `${Cookie}=zh`].filter(Boolean).join('; '))
  const res = NextResponse.next({ request: { headers } })
  res.cookies.set(Cookie, 'zh', { path: '/', sameSite: 'lax', maxAge: 365 * 24 * 3600 })
  return res
}

export const config = { matcher: ['/admin/:path*'] }
