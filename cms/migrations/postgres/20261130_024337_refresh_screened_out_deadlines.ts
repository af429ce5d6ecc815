import type { MigrateDownArgs, MigrateUpArgs } from '@payloadcms/db-postgres'
import { refreshScreenedOut } from '../../lib/derived'

// Screened-out proposals (并案/分流/不予立案) had their deadline in force stored without the
// explanation stage and without their instructions: recompute it (a migration of its own, so the
// new enum value is committed before it is used).
export async function up({ payload, req }: MigrateUpArgs): Promise<void> {
  const changed = await refreshScreenedOut(req)
  if (changed) payload.logger.info(`已重新计算 ${changed} 件不予立案等提案的当前期限`)
}

export async function down(_args: MigrateDownArgs): Promise<void> {
  // Derived columns: nothing to undo.
}
