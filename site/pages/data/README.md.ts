import type { APIRoute } from 'astro'
import { siteData } from '../../data/model'
import { openDataReadme } from '../../data/readme'

export const GET: APIRoute = async () => new Response(openDataReadme((await siteData()).now), { headers: { 'Content-Type': 'text/markdown; charset=utf-8' } })
