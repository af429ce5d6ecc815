// POST /api/site/rebuild (office, admin): queue a rebuild now. GET /api/site/status: what is
// served and the latest builds. Both answer 403 with a structured error to anyone else.
import type { Endpoint, PayloadRequest } from 'payload'
import { canManageSite } from '../../core/permissions'
import { actorOfReq } from '../access/actor'
import { currentBuildId } from '../site/builder'
import { queueSiteRebuild } from '../site/rebuildTask'

const forbidden = () => Response.json({ errors: [{ code: 'forbidden', message: '只有代表工作室和系统管理员可以管理公开网站' }] }, { status: 403 })
const allowed = (req: PayloadRequest) => canManageSite(actorOfReq(req))

export const siteEndpoints: Endpoint[] = [
  {
    path: '/site/rebuild',
    method: 'post',
    handler: async (req) => {
      if (!allowed(req)) return forbidden()
      const queued = await queueSiteRebuild(req, '手动重新生成')
      const message = queued ? '已安排重新生成公开网站，约一分钟内完成' : '已有一次重新生成在等待，约一分钟内完成'
      return Response.json({ queued, message }, { status: 202 })
    },
  },
  {
    path: '/site/status',
    method: 'get',
    handler: async (req) => {
      if (!allowed(req)) return forbidden()
      const builds = await req.payload.find({ collection: 'site-builds', sort: '-startedAt', limit: 5, depth: 0, overrideAccess: true })
      return Response.json({ current: await currentBuildId(), builds: builds.docs }, { headers: { 'Cache-Control': 'no-store' } })
    },
  },
]
