import type { APIRoute } from 'astro'
import { exportDocument } from '../../data/openData'

export const GET: APIRoute = async () => new Response(JSON.stringify(await exportDocument()), { headers: { 'Content-Type': 'application/json; charset=utf-8' } })
