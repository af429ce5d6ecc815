// GET /api/public/proposals?page=&limit= (paged) and GET /api/public/export (the single file).
import type { Endpoint } from 'payload'
import { buildPublicExport, buildPublicPage } from '../lib/publicExport'

const MAX_LIMIT = 500

const problem = (status: number, code: string, message: string) =>
  Response.json({ errors: [{ code, message }] }, { status })

export const publicExportEndpoints: Endpoint[] = [
  {
    path: '/public/proposals',
    method: 'get',
    handler: async (req) => {
      const url = new URL(req.url ?? '', 'http://localhost')
      const page = Number(url.searchParams.get('page') ?? 1)
      const limit = Number(url.searchParams.get('limit') ?? 100)
      if (!Number.isInteger(page) || page < 1) return problem(400, 'invalid_page', 'page 须为不小于 1 的整数')
      if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT)
        return problem(400, 'invalid_limit', `limit 须为 1 到 ${MAX_LIMIT} 之间的整数`)
      return Response.json(await buildPublicPage(req.payload, page, limit), { headers: { 'Cache-Control': 'no-store' } })
    },
  },
  {
    path: '/public/export',
    method: 'get',
    handler: async (req) =>
      Response.json(await buildPublicExport(req.payload), {
        headers: { 'Cache-Control': 'no-store', 'Content-Disposition': 'inline; filename="proposals.json"' },
      }),
  },
]
