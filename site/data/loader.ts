// The one place the site reads the CMS: the public export, from the CMS over HTTP
// (PUBLIC_EXPORT_URL, default http://127.0.0.1:3000/api/public/export) or from a file
// (PUBLIC_EXPORT_FILE, written by the rebuild job). Every record is validated with the core
// contract; anything unreachable or invalid fails the build, so nothing half-done is published.
import { readFile } from 'node:fs/promises'
import type { Loader } from 'astro/loaders'
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

async function readRaw(): Promise<{ raw: unknown; source: string }> {
  const file = process.env.PUBLIC_EXPORT_FILE
  if (file) {
    try {
      return { raw: JSON.parse(await readFile(file, 'utf8')), source: file }
    } catch (e) {
      throw new ExportError(`无法读取公开数据文件 ${file}：${(e as Error).message}`)
    }
  }
  const url = process.env.PUBLIC_EXPORT_URL || DefaultExportURL
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
    return { raw: await res.json(), source: url }
  } catch (e) {
    throw new ExportError(`内容管理系统返回的不是 JSON（${url}）：${(e as Error).message}`)
  }
}

let loaded: Promise<PublicExport> | null = null

/** The validated export, read once per build. */
export function loadPublicExport(): Promise<PublicExport> {
  loaded ??= (async () => {
    const { raw } = await readRaw()
    const parsed = PublicExportSchema.safeParse(raw)
    if (!parsed.success) throw new ExportError(describeIssues(raw, parsed.error.issues))
    return parsed.data
  })()
  return loaded
}

/** Astro content loader: one entry per public proposal, keyed by its number. */
export function proposalsLoader(): Loader {
  return {
    name: 'public-export-proposals',
    load: async ({ store, logger, generateDigest }) => {
      const exp = await loadPublicExport()
      store.clear()
      for (const p of exp.proposals) store.set({ id: p.number, data: p, digest: generateDigest(p) })
      logger.info(`${exp.proposals.length} 件公开提案（数据时间 ${exp.generatedAt}）`)
    },
  }
}

/** Everything in the export but the proposals, as one entry `export`. */
export function exportMetaLoader(): Loader {
  return {
    name: 'public-export-meta',
    load: async ({ store }) => {
      const { proposals: _proposals, ...meta } = await loadPublicExport()
      store.clear()
      store.set({ id: 'export', data: meta })
    },
  }
}
