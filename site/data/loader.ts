// The one place the site reads the CMS: the public export, from the CMS over HTTP
// (default http://127.0.0.1:3000/api/public/export) or from a file written by the rebuild job.
// Every record is validated with the core contract; anything unreachable or invalid fails the
// build, so nothing half-done is published.
//
// Not an Astro content collection: measured at 10k proposals, serialising the content layer's
// data store into the build cost 20 s of a 70 s build (docs/benchmarks.md). The export is
// read once per build here instead, and validated the same way.
import { readFile } from 'node:fs/promises'
import { PublicExportSchema, type PublicExport } from '../../core/contract'

export const DefaultExportURL = 'http://127.0.0.1:3000/api/public/export'

export class ExportError extends Error {
  override name = 'ExportError'
}

/** Readable zh-CN account of a contract violation, naming the proposal it is in. */
export function describeIssues(raw: unknown, issues: { path: PropertyKey[]; message: string }[]): string {
  const proposals = (raw as { proposals?: { number?: unknown }[] })?.proposals
  const lines = issues.slice(0, 10).map((i) => {
    const [head, index, ...rest] = i.path
    const where =
      head === 'proposals' && typeof index === 'number'
        ? `第 ${index + 1} 件提案（编号 ${String(proposals?.[index]?.number ?? '?')}）的 ${rest.join('.') || '记录'}`
        : i.path.join('.') || '整个文件'
    return `  - ${where}：${i.message}`
  })
  const more = issues.length > 10 ? `\n  …另有 ${issues.length - 10} 处` : ''
  return `公开数据不符合数据约定（core/contract.ts），网站未生成：\n${lines.join('\n')}${more}`
}

export interface ExportSource {
  /** A file holding the export (written by the rebuild job). */
  file?: string
  /** Or the CMS's export URL. */
  url?: string
}

async function readRaw(source: ExportSource): Promise<unknown> {
  if (source.file) {
    try {
      return JSON.parse(await readFile(source.file, 'utf8'))
    } catch (e) {
      throw new ExportError(`无法读取公开数据文件 ${source.file}：${(e as Error).message}`)
    }
  }
  const url = source.url || DefaultExportURL
  let res: Response
  try {
    res = await fetch(url, { signal: AbortSignal.timeout(120_000) })
  } catch (e) {
    // Node's fetch hides the reason in `cause` (an AggregateError when several addresses were tried).
    const c = (e as { cause?: { code?: string; errors?: { code?: string }[]; message?: string } }).cause
    const cause = c?.code ?? c?.errors?.[0]?.code ?? c?.message ?? (e as Error).message
    throw new ExportError(`无法连接内容管理系统 ${url}（${cause}）。网站未生成，已发布的网站保持不变。`)
  }
  if (!res.ok) throw new ExportError(`内容管理系统返回 ${res.status}（${url}）。网站未生成，已发布的网站保持不变。`)
  try {
    return await res.json()
  } catch (e) {
    throw new ExportError(`内容管理系统返回的不是 JSON（${url}）：${(e as Error).message}`)
  }
}

/** The export from a file or the CMS, every record validated with the core contract. */
export async function readPublicExport(source: ExportSource): Promise<PublicExport> {
  const raw = await readRaw(source)
  const parsed = PublicExportSchema.safeParse(raw)
  if (!parsed.success) throw new ExportError(describeIssues(raw, parsed.error.issues))
  return parsed.data
}

let loaded: Promise<PublicExport> | null = null

/** The validated export the pages are built from, read once per build (PUBLIC_EXPORT_FILE or PUBLIC_EXPORT_URL). */
export function loadPublicExport(): Promise<PublicExport> {
  loaded ??= readPublicExport({ file: process.env.PUBLIC_EXPORT_FILE || undefined, url: process.env.PUBLIC_EXPORT_URL || undefined })
  return loaded
}
