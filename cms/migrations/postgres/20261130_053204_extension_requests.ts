import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_extension_requests_decision" AS ENUM('pending', 'approved', 'refused');
  ALTER TYPE "public"."enum_duties_action" ADD VALUE 'decideExtension';
  CREATE TABLE "extension_requests" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar,
  	"proposal_id" integer NOT NULL,
  	"new_deadline" varchar NOT NULL,
  	"section_id" integer,
  	"requested_by_id" integer,
  	"at" timestamp(3) with time zone,
  	"reason" varchar NOT NULL,
  	"decision" "enum_extension_requests_decision" DEFAULT 'pending' NOT NULL,
  	"decided_by_id" integer,
  	"decided_at" timestamp(3) with time zone,
  	"decision_note" varchar,
  	"open_for" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "proposal_events" ADD COLUMN "internal" boolean DEFAULT false;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "extension_requests_id" integer;
  ALTER TABLE "extension_requests" ADD CONSTRAINT "extension_requests_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "extension_requests" ADD CONSTRAINT "extension_requests_section_id_sections_id_fk" FOREIGN KEY ("section_id") REFERENCES "public"."sections"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "extension_requests" ADD CONSTRAINT "extension_requests_requested_by_id_users_id_fk" FOREIGN KEY ("requested_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "extension_requests" ADD CONSTRAINT "extension_requests_decided_by_id_users_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "extension_requests_proposal_idx" ON "extension_requests" USING btree ("proposal_id");
  CREATE INDEX "extension_requests_section_idx" ON "extension_requests" USING btree ("section_id");
  CREATE INDEX "extension_requests_requested_by_idx" ON "extension_requests" USING btree ("requested_by_id");
  CREATE INDEX "extension_requests_at_idx" ON "extension_requests" USING btree ("at");
  CREATE INDEX "extension_requests_decision_idx" ON "extension_requests" USING btree ("decision");
  CREATE INDEX "extension_requests_decided_by_idx" ON "extension_requests" USING btree ("decided_by_id");
  CREATE UNIQUE INDEX "extension_requests_open_for_idx" ON "extension_requests" USING btree ("open_for");
  CREATE INDEX "extension_requests_updated_at_idx" ON "extension_requests" USING btree ("updated_at");
  CREATE INDEX "extension_requests_created_at_idx" ON "extension_requests" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_extension_requests_fk" FOREIGN KEY ("extension_requests_id") REFERENCES "public"."extension_requests"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_extension_requests_id_idx" ON "payload_locked_documents_rels" USING btree ("extension_requests_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "extension_requests" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "extension_requests" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_extension_requests_fk";
  
  DELETE FROM "duties" WHERE "action" = 'decideExtension';
  ALTER TABLE "duties" ALTER COLUMN "action" SET DATA TYPE text;
  DROP TYPE "public"."enum_duties_action";
  CREATE TYPE "public"."enum_duties_action" AS ENUM('screen', 'nameLead', 'instruct', 'takeOn', 'coOpinion', 'draftReply', 'signOff', 'publish', 'explain', 'evaluate', 'followUp', 'verify', 'close');
  ALTER TABLE "duties" ALTER COLUMN "action" SET DATA TYPE "public"."enum_duties_action" USING "action"::"public"."enum_duties_action";
  DROP INDEX "payload_locked_documents_rels_extension_requests_id_idx";
  ALTER TABLE "proposal_events" DROP COLUMN "internal";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "extension_requests_id";
  DROP TYPE "public"."enum_extension_requests_decision";`)
}
