// The site's search index (Pagefind), made from the export itself rather than by parsing the
// built HTML (measured at 10k proposals: 13 s instead of 31 s). It indexes exactly what search
// promises: title, body, instructions and replies.
import { createIndex, close } from 'pagefind'
import type { PublicExport } from '../../core/contract'
import { SiteBuildError } from './errors'

export async function writeSearchIndex(exp: PublicExport, outputPath: string): Promise<void> {
  const { index, errors } = await createIndex({ forceLanguage: 'zh-cn' })
  if (!index) throw new SiteBuildError(`搜索索引无法启动：${errors.join('；')}`, '')
  try {
    const added = await Promise.all(
      exp.proposals.map((p) =>
        index.addCustomRecord({
          url: `/proposals/${p.number}/`,
          language: 'zh-cn',
          meta: { title: `${p.number} ${p.title}` },
          content: [p.title, p.body, ...p.instructions.map((i) => i.text), ...p.replies.map((r) => r.text)].join('\n'),
        }),
      ),
    )
    const failed = added.flatMap((r) => r.errors)
    if (failed.length) throw new SiteBuildError(`搜索索引失败：${failed.slice(0, 3).join('；')}`, '')
    const written = await index.writeFiles({ outputPath })
    if (written.errors.length) throw new SiteBuildError(`搜索索引写入失败：${written.errors.join('；')}`, '')
  } finally {
    await close()
  }
}
