import type { APIRoute } from 'astro'
import { exportJSONSchema } from '../../data/openData'

export const GET: APIRoute = () => new Response(JSON.stringify(exportJSONSchema(), null, 2), { headers: { 'Content-Type': 'application/schema+json' } })
