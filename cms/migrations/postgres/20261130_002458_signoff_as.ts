import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_replies_signed_off_role" AS ENUM('admin', 'office', 'leader', 'sectionStaff', 'sectionHead');
  ALTER TABLE "replies" ADD COLUMN "signed_off_role" "enum_replies_signed_off_role";
  ALTER TABLE "replies" ADD COLUMN "signed_off_section_id" integer;
  ALTER TABLE "replies" ADD CONSTRAINT "replies_signed_off_section_id_sections_id_fk" FOREIGN KEY ("signed_off_section_id") REFERENCES "public"."sections"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "replies_signed_off_section_idx" ON "replies" USING btree ("signed_off_section_id");`)
  // Replies signed off before: the signer's role and section as their account has them now (the best there is).
  await db.execute(sql`
  UPDATE "replies" SET "signed_off_role" = "users"."role"::text::"enum_replies_signed_off_role", "signed_off_section_id" = "users"."section_id"
  FROM "users" WHERE "users"."id" = "replies"."signed_off_by_id";`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "replies" DROP CONSTRAINT "replies_signed_off_section_id_sections_id_fk";
  
  DROP INDEX "replies_signed_off_section_idx";
  ALTER TABLE "replies" DROP COLUMN "signed_off_role";
  ALTER TABLE "replies" DROP COLUMN "signed_off_section_id";
  DROP TYPE "public"."enum_replies_signed_off_role";`)
}
