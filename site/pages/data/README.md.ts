import type { APIRoute } from 'astro'
import { siteData } from '../../data/model'
import { openDataReadme } from '../../data/readme'

const readme = async () => {
  const d = await siteData()
  return openDataReadme(d.now, d.currentSession)
}

export const GET: APIRoute = async () => new Response(await readme(), { headers: { 'Content-Type': 'text/markdown; charset=utf-8' } })
