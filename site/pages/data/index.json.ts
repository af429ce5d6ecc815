import type { APIRoute } from 'astro'
import { filterIndex } from '../../data/openData'

export const GET: APIRoute = async () => new Response(JSON.stringify(await filterIndex()), { headers: { 'Content-Type': 'application/json; charset=utf-8' } })
