import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TYPE "public"."enum_proposals_current_stage" ADD VALUE 'explanation';`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   UPDATE "proposals" SET "current_stage" = NULL WHERE "current_stage" = 'explanation';
   ALTER TABLE "proposals" ALTER COLUMN "current_stage" SET DATA TYPE text;
  DROP TYPE "public"."enum_proposals_current_stage";
  CREATE TYPE "public"."enum_proposals_current_stage" AS ENUM('screening', 'instruction', 'reply', 'rehandling');
  ALTER TABLE "proposals" ALTER COLUMN "current_stage" SET DATA TYPE "public"."enum_proposals_current_stage" USING "current_stage"::"public"."enum_proposals_current_stage";`)
}
