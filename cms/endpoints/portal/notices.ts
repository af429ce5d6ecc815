// 消息: the representative's own 站内 messages (the notices ledger, cms/collections/Notices.ts),
// read with their own access (a person reads their own records only), newest first.
import type { NoticeStage } from '../../collections/Notices'
import { NoticeEventLabels } from '../../../core/notices'
import { SweepStageLabels } from '../../../core/sweep'
import { idOf } from '../../access/actor'
import { portalEndpoint } from '../../portal/endpoint'
import { as } from './shared'

const KindLabels: Record<NoticeStage, string> = { ...SweepStageLabels, ...NoticeEventLabels }

export const noticeEndpoints = [
  portalEndpoint({ route: 'GET /notices' }, async ({ req, representative, answer }) => {
    const { docs } = await req.payload.find({
      collection: 'notices',
      where: { and: [{ representative: { equals: representative.id } }, { channel: { equals: 'inApp' } }] },
      sort: '-createdAt',
      limit: 100,
      depth: 0,
      ...as(req),
    })
    return answer({
      notices: docs.map((n) => ({
        id: n.id,
        date: n.date,
        kind: KindLabels[n.stage as NoticeStage] ?? '',
        subject: n.subject ?? '',
        text: n.text ?? '',
        proposal: idOf(n.proposal),
        sentAt: n.sentAt ?? null,
      })),
    })
  }),
]
