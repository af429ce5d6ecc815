import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'
import { numberSignedOffReplies } from '../../lib/docNumbers'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TABLE "letterhead" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"organization" varchar NOT NULL,
  	"office_unit" varchar,
  	"office_abbreviation" varchar,
  	"office_contact_name" varchar,
  	"office_contact_phone" varchar,
  	"updated_at" timestamp(3) with time zone,
  	"created_at" timestamp(3) with time zone
  );
  
  ALTER TABLE "replies" ADD COLUMN "doc_number" varchar;
  ALTER TABLE "sections" ADD COLUMN "abbreviation" varchar;
  ALTER TABLE "sections" ADD COLUMN "contact_name" varchar;
  ALTER TABLE "sections" ADD COLUMN "contact_phone" varchar;
  CREATE UNIQUE INDEX "replies_doc_number_idx" ON "replies" USING btree ("doc_number");
  CREATE UNIQUE INDEX "sections_abbreviation_idx" ON "sections" USING btree ("abbreviation");`)
  // Replies signed off before numbering existed: their 文号, in sign-off order (cms/lib/docNumbers.ts).
  const numbered = await numberSignedOffReplies(payload, req)
  if (numbered) payload.logger.info(`已为 ${numbered} 条此前签发的答复编文号`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "letterhead" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "letterhead" CASCADE;
  DROP INDEX "replies_doc_number_idx";
  DROP INDEX "sections_abbreviation_idx";
  ALTER TABLE "replies" DROP COLUMN "doc_number";
  ALTER TABLE "sections" DROP COLUMN "abbreviation";
  ALTER TABLE "sections" DROP COLUMN "contact_name";
  ALTER TABLE "sections" DROP COLUMN "contact_phone";`)
}
