import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'
import { titleUntitled } from '../../collections/FollowUps/hooks/checkFollowUp'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TYPE "public"."enum_duties_action" ADD VALUE 'revise' BEFORE 'signOff';
  CREATE TABLE "replies_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"sections_id" integer
  );
  
  ALTER TABLE "replies" ADD COLUMN "returned_at" timestamp(3) with time zone;
  ALTER TABLE "replies" ADD COLUMN "returned_by_id" integer;
  ALTER TABLE "replies" ADD COLUMN "revised_at" timestamp(3) with time zone;
  ALTER TABLE "replies" ADD COLUMN "return_reason" varchar;
  ALTER TABLE "follow_ups" ADD COLUMN "title" varchar;
  ALTER TABLE "follow_ups" ADD COLUMN "corrects_id" integer;
  ALTER TABLE "follow_ups" ADD COLUMN "correction_note" varchar;
  ALTER TABLE "replies_rels" ADD CONSTRAINT "replies_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."replies"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "replies_rels" ADD CONSTRAINT "replies_rels_sections_fk" FOREIGN KEY ("sections_id") REFERENCES "public"."sections"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "replies_rels_order_idx" ON "replies_rels" USING btree ("order");
  CREATE INDEX "replies_rels_parent_idx" ON "replies_rels" USING btree ("parent_id");
  CREATE INDEX "replies_rels_path_idx" ON "replies_rels" USING btree ("path");
  CREATE INDEX "replies_rels_sections_id_idx" ON "replies_rels" USING btree ("sections_id");
  ALTER TABLE "replies" ADD CONSTRAINT "replies_returned_by_id_users_id_fk" FOREIGN KEY ("returned_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_corrects_id_follow_ups_id_fk" FOREIGN KEY ("corrects_id") REFERENCES "public"."follow_ups"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "replies_returned_by_idx" ON "replies" USING btree ("returned_by_id");
  CREATE INDEX "follow_ups_corrects_idx" ON "follow_ups" USING btree ("corrects_id");`)
  // Follow-ups recorded before titles existed get theirs (the admin's lists and the correction's chooser show it).
  const titled = await titleUntitled(req)
  if (titled) payload.logger.info(`已为 ${titled} 条回访验证记录生成标题`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "replies_rels" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "replies_rels" CASCADE;
  ALTER TABLE "replies" DROP CONSTRAINT "replies_returned_by_id_users_id_fk";
  
  ALTER TABLE "follow_ups" DROP CONSTRAINT "follow_ups_corrects_id_follow_ups_id_fk";
  
  ALTER TABLE "duties" ALTER COLUMN "action" SET DATA TYPE text;
  DROP TYPE "public"."enum_duties_action";
  CREATE TYPE "public"."enum_duties_action" AS ENUM('screen', 'nameLead', 'instruct', 'takeOn', 'coOpinion', 'draftReply', 'signOff', 'publish', 'explain', 'evaluate', 'followUp', 'verify', 'close');
  ALTER TABLE "duties" ALTER COLUMN "action" SET DATA TYPE "public"."enum_duties_action" USING "action"::"public"."enum_duties_action";
  DROP INDEX "replies_returned_by_idx";
  DROP INDEX "follow_ups_corrects_idx";
  ALTER TABLE "replies" DROP COLUMN "returned_at";
  ALTER TABLE "replies" DROP COLUMN "returned_by_id";
  ALTER TABLE "replies" DROP COLUMN "revised_at";
  ALTER TABLE "replies" DROP COLUMN "return_reason";
  ALTER TABLE "follow_ups" DROP COLUMN "title";
  ALTER TABLE "follow_ups" DROP COLUMN "corrects_id";
  ALTER TABLE "follow_ups" DROP COLUMN "correction_note";
  `)
}
