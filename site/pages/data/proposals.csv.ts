import type { APIRoute } from 'astro'
import { proposalsCsv } from '../../data/openData'

export const GET: APIRoute = async () => new Response(await proposalsCsv(), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } })
