import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_proposals_entered_by" AS ENUM('representative', 'office');
  ALTER TABLE "proposals" ADD COLUMN "entered_by" "enum_proposals_entered_by";
  ALTER TABLE "proposals" ADD COLUMN "heading" varchar;`)
  // Who entered each proposal: the role of its first event (the office typing in a paper proposal, else its representative).
  await db.execute(sql`
  UPDATE "proposals" SET "entered_by" = (CASE WHEN (SELECT e."actor_role"::text FROM "proposal_events" e WHERE e."proposal_id" = "proposals"."id" ORDER BY e."at", e."id" LIMIT 1) = 'office' THEN 'office' ELSE 'representative' END)::"enum_proposals_entered_by";`)
  // How the admin names it: number and title.
  await db.execute(sql`
  UPDATE "proposals" SET "heading" = CASE WHEN "number" IS NULL THEN "title" ELSE "number" || ' ' || "title" END;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "proposals" DROP COLUMN "entered_by";
  ALTER TABLE "proposals" DROP COLUMN "heading";
  DROP TYPE "public"."enum_proposals_entered_by";`)
}
