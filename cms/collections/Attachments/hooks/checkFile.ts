// Every upload — REST, the Local API, the portal — is checked here once, before Payload stores
// it: size, type by content, a name ending that matches that type, no markup disguised as an
// image. The stored type is the one the content shows, never the one the client declared.
import { open } from 'node:fs/promises'
import { APIError, type CollectionBeforeOperationHook } from 'payload'
import { ATTACHMENT_MAX_BYTES, checkAttachment } from '../../../../core/portal'

/** The first KB of an uploaded file (kept in memory, or in a temporary file for large uploads). */
async function headOf(file: { data: Buffer; tempFilePath?: string }): Promise<Uint8Array> {
  if (file.data?.length || !file.tempFilePath) return file.data.subarray(0, 1024)
  const handle = await open(file.tempFilePath, 'r')
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(1024), 0, 1024, 0)
    return buffer.subarray(0, bytesRead)
  } finally {
    await handle.close()
  }
}

export const checkFile: CollectionBeforeOperationHook<'attachments'> = async ({ args, operation, req }) => {
  if (operation !== 'create' && operation !== 'update') return args
  const file = req.file
  if (!file) return args
  const failure = (status: number, message: string) => new APIError(message, status, { errors: [{ message, path: 'file' }] }, true)
  if (file.size > ATTACHMENT_MAX_BYTES) throw failure(413, `文件太大：每个附件不超过 ${ATTACHMENT_MAX_BYTES / 1024 / 1024} MB`)
  const checked = checkAttachment(await headOf(file), file.name ?? '')
  if (!checked.ok) throw failure(checked.problem === 'type' ? 415 : 400, checked.message)
  file.mimetype = checked.type
  return args
}
