import type { APIRoute } from 'astro'
import { commitmentsXlsx } from '../../data/openData'
import { XlsxContentType } from '../../../cms/lib/export/xlsx'

export const GET: APIRoute = async () => new Response(new Uint8Array(await commitmentsXlsx()), { headers: { 'Content-Type': XlsxContentType } })
