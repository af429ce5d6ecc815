import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "proposals" ADD COLUMN "key_item" boolean DEFAULT false;
  ALTER TABLE "proposals" ADD COLUMN "key_item_by_id" integer;
  ALTER TABLE "proposals" ADD COLUMN "key_item_at" timestamp(3) with time zone;
  ALTER TABLE "proposal_events" ADD COLUMN "note_public" boolean DEFAULT false;
  ALTER TABLE "proposals" ADD CONSTRAINT "proposals_key_item_by_id_users_id_fk" FOREIGN KEY ("key_item_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "proposals_key_item_idx" ON "proposals" USING btree ("key_item");
  CREATE INDEX "proposals_key_item_by_idx" ON "proposals" USING btree ("key_item_by_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "proposals" DROP CONSTRAINT "proposals_key_item_by_id_users_id_fk";
  
  DROP INDEX "proposals_key_item_idx";
  DROP INDEX "proposals_key_item_by_idx";
  ALTER TABLE "proposals" DROP COLUMN "key_item";
  ALTER TABLE "proposals" DROP COLUMN "key_item_by_id";
  ALTER TABLE "proposals" DROP COLUMN "key_item_at";
  ALTER TABLE "proposal_events" DROP COLUMN "note_public";`)
}
