import type { APIRoute } from 'astro'
import { proposalsXlsx } from '../../data/openData'
import { XlsxContentType } from '../../../cms/lib/export/xlsx'

export const GET: APIRoute = async () => new Response(new Uint8Array(await proposalsXlsx()), { headers: { 'Content-Type': XlsxContentType } })
