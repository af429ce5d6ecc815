// 导出 Excel: GET /api/proposals/export.xlsx, /api/replies/export.xlsx and /api/commitments/export.xlsx (承诺台账) take the query of the
// admin's list (`where`, `search`, `sort`, as in the list's address) and answer the whole filtered
// list as an .xlsx file, streamed while it is read, as the signed-in person reads it over REST
// (cms/lib/export/staffRows.ts). Staff only: anyone else gets 403, a query Payload refuses 400,
// both as structured JSON and no file. `withExcelExport` adds the endpoint and the list's button
// (cms/components/ExportExcelButton.tsx) to the three collections.
import type { CollectionConfig, Endpoint, PayloadRequest, Where } from 'payload'
import { parseParams } from 'payload'
import { mergeListSearchAndWhere } from 'payload/shared'
import { canUseAdmin } from '../../core/permissions'
import { CommitmentColumns, ProposalColumns, ReplyColumns, type Column } from '../../core/spreadsheet'
import { actorOfReq } from '../access/actor'
import { undatedLast } from '../lib/derived'
import { commitmentRows, CommitmentSelect } from '../lib/export/commitmentRows'
import { listAs } from '../lib/export/readAs'
import { exportDate, proposalRows, ProposalSelect, replyRows, ReplySelect } from '../lib/export/staffRows'
import { attachment, XlsxContentType, xlsxStream } from '../lib/export/xlsx'
import { refuse } from '../lib/refuse'

export const EXPORT_PATH = '/export.xlsx'

interface ExportSpec {
  /** zh-CN: the sheet's name and the file's. */
  name: string
  ascii: string
  columns: readonly Column[]
  select: Record<string, true>
  rows: (req: PayloadRequest, pages: AsyncIterable<Record<string, unknown>[]>) => AsyncIterable<Record<string, string | number | null>>
}

const Exports: Record<string, ExportSpec> = {
  proposals: { name: '提案清单', ascii: 'proposals', columns: ProposalColumns, select: ProposalSelect, rows: proposalRows as ExportSpec['rows'] },
  replies: { name: '答复清单', ascii: 'replies', columns: ReplyColumns, select: ReplySelect, rows: replyRows as ExportSpec['rows'] },
  commitments: { name: '承诺台账', ascii: 'commitments', columns: CommitmentColumns, select: CommitmentSelect, rows: commitmentRows as ExportSpec['rows'] },
}

const forbidden = () =>
  Response.json({ errors: [{ code: 'forbidden', message: '只有工作人员登录后可以导出 Excel' }] }, { status: 403, headers: { 'Cache-Control': 'no-store' } })

/** The list's query as the admin's list view reads it: `where`, with `search` over the list's searchable fields; `sort`, else the collection's. */
function listQuery(req: PayloadRequest, slug: string): { where: Where; sort: string[] } {
  const config = req.payload.collections[slug as 'proposals'].config
  const params = parseParams({ ...(req.query as Record<string, unknown>) })
  const where = params.where ?? {}
  if (typeof where !== 'object' || Array.isArray(where)) refuse('查询条件无效：where 格式不对', 'where')
  const search = typeof req.query?.search === 'string' ? req.query.search.trim() : ''
  const sort = params.sort ?? (typeof config.defaultSort === 'string' ? [config.defaultSort] : [])
  // As the list sorts: by 当前期限 with the proposals without one last.
  const ordered = undatedLast((Array.isArray(sort) ? sort : [sort]).filter(Boolean) as string[]) ?? []
  return { where: mergeListSearchAndWhere({ collectionConfig: config, search, where: where as Where }), sort: ordered }
}

const exportEndpoint = (slug: string, spec: ExportSpec): Endpoint => ({
  path: EXPORT_PATH,
  method: 'get',
  handler: async (req) => {
    if (!canUseAdmin(actorOfReq(req))) return forbidden()
    const { where, sort } = listQuery(req, slug)
    // Checks the query now: one the REST list refuses is answered as REST answers it (400, 403), before the file starts.
    const { totalDocs, pages } = await listAs(req, slug as 'proposals' | 'replies' | 'commitments', where, sort, spec.select)
    const body = xlsxStream(spec.name, spec.columns, spec.rows(req, pages), (e) =>
      req.payload.logger.error({ err: e, msg: `导出 Excel（${slug}）中途失败` }),
    )
    const date = exportDate()
    return new Response(body, {
      headers: {
        'Content-Type': XlsxContentType,
        'Content-Disposition': attachment(`${spec.name}-${date}.xlsx`, `${spec.ascii}-${date}.xlsx`),
        'Cache-Control': 'no-store',
        // How many rows the file has (the list's totalDocs for the same query).
        'X-Total-Count': String(totalDocs),
      },
    })
  },
})

/** Adds 导出 Excel (the endpoint and the list's button) to the proposals, replies and commitments collections; others pass unchanged. */
export function withExcelExport(c: CollectionConfig): CollectionConfig {
  const spec = Exports[c.slug]
  if (!spec) return c
  const button = { path: '/cms/components/ExportExcelButton#ExportExcelButton', clientProps: { collection: c.slug } }
  return {
    ...c,
    endpoints: [exportEndpoint(c.slug, spec), ...(c.endpoints || [])],
    admin: {
      ...c.admin,
      components: { ...c.admin?.components, beforeListTable: [...(c.admin?.components?.beforeListTable ?? []), button] },
    },
  }
}
