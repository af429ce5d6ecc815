import type { APIRoute } from 'astro'
import { commitmentsCsv } from '../../data/openData'

export const GET: APIRoute = async () => new Response(await commitmentsCsv(), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } })
