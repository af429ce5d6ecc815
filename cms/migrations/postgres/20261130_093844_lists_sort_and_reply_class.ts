import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_proposals_reply_class" AS ENUM('A', 'B', 'C');
  ALTER TABLE "proposals" ADD COLUMN "reply_class" "enum_proposals_reply_class";
  ALTER TABLE "proposals" ADD COLUMN "undated" boolean DEFAULT true;
  CREATE INDEX "proposals_reply_class_idx" ON "proposals" USING btree ("reply_class");
  CREATE INDEX "undated_currentDue_idx" ON "proposals" USING btree ("undated","current_due");`)
  // The sort key of 当前期限 (cms/lib/derived.ts): set for every proposal, true where there is no deadline in force.
  await db.execute(sql`
  UPDATE "proposals" SET "undated" = ("current_due" IS NULL);`)
  // The class of the reply that stands (core latestReply): the highest round's last published reply.
  await db.execute(sql`
  UPDATE "proposals" SET "reply_class" = (SELECT r."class"::text FROM "replies" r WHERE r."proposal_id" = "proposals"."id" AND r."published_at" IS NOT NULL ORDER BY COALESCE(r."round", 0) DESC, r."published_at" DESC, r."id" DESC LIMIT 1)::"enum_proposals_reply_class";`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "proposals_reply_class_idx";
  DROP INDEX "undated_currentDue_idx";
  ALTER TABLE "proposals" DROP COLUMN "reply_class";
  ALTER TABLE "proposals" DROP COLUMN "undated";
  DROP TYPE "public"."enum_proposals_reply_class";`)
}
