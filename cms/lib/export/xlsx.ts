// Writing rows of cells (core/spreadsheet.ts) as an .xlsx file with exceljs's streaming writer:
// each row is written out as it comes, so a list of any length takes the memory of one page of
// records. Used by the staff export endpoints and by the site's /data/proposals.xlsx. Nothing
// here knows Payload.
import { PassThrough, Readable, type Writable } from 'node:stream'
import ExcelJS from 'exceljs'
import type { Cell, Column } from '../../../core/spreadsheet'

export const XlsxContentType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** Rows written between two turns of the event loop. */
const YIELD_EVERY_ROWS = 50

type Rows<K extends string> = AsyncIterable<Record<K, Cell>> | Iterable<Record<K, Cell>>

/** A China-local `YYYY-MM-DD` as the date cell Excel shows as that day (a whole serial number: midnight UTC). */
const excelDate = (localDate: string): Date => new Date(`${localDate}T00:00:00Z`)

const cellValue = (kind: Column['kind'], v: Cell): ExcelJS.CellValue => {
  if (v === null || v === '') return null
  if (kind === 'date' && typeof v === 'string') return excelDate(v)
  return v
}

/**
 * Writes one worksheet of `columns` (headers in row 1, frozen, with filters) and `rows` to `out`,
 * and ends it. Resolves with the number of rows written once the file is complete.
 */
export async function writeXlsx<K extends string>(out: Writable, sheetName: string, columns: readonly Column<K>[], rows: Rows<K>): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false })
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.columns = columns.map((c) => ({
    key: c.key,
    header: c.header,
    width: c.width,
    style: c.kind === 'date' ? { numFmt: 'yyyy-mm-dd' } : { alignment: { vertical: 'top', wrapText: true } },
  }))
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } }
  const header = sheet.getRow(1)
  header.font = { bold: true }
  header.commit()
  let count = 0
  for await (const row of rows) {
    sheet.addRow(columns.map((c) => cellValue(c.kind, row[c.key]))).commit()
    // The zip's compression runs off the main thread and hands its output back through the event
    // loop: let it, now and then, or the file leaves the server only once every row is written.
    if (++count % YIELD_EVERY_ROWS === 0) await new Promise<void>((resolve) => setImmediate(resolve))
  }
  sheet.commit()
  await workbook.commit()
  return count
}

/**
 * The file as a web stream, for a `Response` body: written while it is read. A failure after the
 * first bytes can no longer change the status, so it breaks the stream (the download fails
 * instead of ending in a file cut short) and is reported to `onError`.
 */
export function xlsxStream<K extends string>(sheetName: string, columns: readonly Column<K>[], rows: Rows<K>, onError: (e: unknown) => void): ReadableStream<Uint8Array> {
  const out = new PassThrough()
  writeXlsx(out, sheetName, columns, rows).catch((e) => {
    onError(e)
    out.destroy(e instanceof Error ? e : new Error(String(e)))
  })
  return Readable.toWeb(out) as ReadableStream<Uint8Array>
}

/** The whole file in memory (the static site writes it once per build). */
export async function xlsxBuffer<K extends string>(sheetName: string, columns: readonly Column<K>[], rows: Rows<K>): Promise<Buffer> {
  const out = new PassThrough()
  const chunks: Buffer[] = []
  out.on('data', (c: Buffer) => chunks.push(c))
  const ended = new Promise<void>((resolve, reject) => {
    out.on('end', resolve)
    out.on('error', reject)
  })
  await writeXlsx(out, sheetName, columns, rows)
  await ended
  return Buffer.concat(chunks)
}

/** `attachment` with the zh-CN name (RFC 6266/5987 `filename*`) and an ASCII one for old clients. */
export const attachment = (name: string, asciiName: string): string =>
  `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(name)}`
