// `npm run site:build`: builds the public site from a running CMS's export, by hand.
//   npm run site:build                      → publishes into data/site (what `npm start` serves)
//   npm run site:build -- --out dist        → a plain directory to copy to any static host
//   npm run site:build -- --url http://cms.example/api/public/export
// A failed build changes nothing that was there before.
import { existsSync } from 'node:fs'
import { rename, rm } from 'node:fs/promises'
import path from 'node:path'
import { DefaultExportURL } from '../site/data/loader'
import { buildSite } from '../cms/site/builder'

const flag = (name: string): string | undefined => {
  const i = process.argv.indexOf(name)
  return i >= 0 ? process.argv[i + 1] : undefined
}
const url = flag('--url') ?? process.env.PUBLIC_EXPORT_URL ?? DefaultExportURL
const out = flag('--out')

async function main() {
  console.log(`▶ 从 ${url} 读取公开数据并生成网站…`)
  if (!out) {
    const r = await buildSite({ exportURL: url })
    console.log(`✔ 已发布 ${r.id}：${r.proposals} 件提案，${r.pages} 页，用时 ${(r.totalMs / 1000).toFixed(1)} 秒（${r.dir}）`)
    return
  }
  const target = path.resolve(out)
  const root = `${target}.build`
  const r = await buildSite({ exportURL: url }, root)
  // Swap the finished build in for the old directory, then remove the old one.
  const old = `${target}.old-${r.id}`
  if (existsSync(target)) await rename(target, old)
  await rename(r.dir, target)
  await rm(old, { recursive: true, force: true })
  await rm(root, { recursive: true, force: true })
  console.log(`✔ ${target}：${r.proposals} 件提案，${r.pages} 页，用时 ${(r.totalMs / 1000).toFixed(1)} 秒。可复制到任何静态网站服务器。`)
}

main().catch((e) => {
  console.error(`✖ ${e instanceof Error ? e.message : e}`)
  process.exit(1)
})
