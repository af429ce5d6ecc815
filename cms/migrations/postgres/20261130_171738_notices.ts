import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_notices_stage" AS ENUM('reminder', 'overdue', 'escalation', 'numbered', 'screened', 'replyPublished', 'rehandlingReplyPublished');
  CREATE TYPE "public"."enum_notices_channel" AS ENUM('inApp', 'email', 'sms');
  CREATE TYPE "public"."enum_notices_status" AS ENUM('pending', 'sending', 'sent', 'failed', 'superseded', 'deferred');
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'sweep';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'deliverNotices';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'notifyEvent';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'sweep';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'deliverNotices';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'notifyEvent';
  CREATE TABLE "notices" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"unique_key" varchar NOT NULL,
  	"key" varchar NOT NULL,
  	"date" varchar NOT NULL,
  	"stage" "enum_notices_stage" NOT NULL,
  	"proposal_id" integer,
  	"user_id" integer,
  	"representative_id" integer,
  	"channel" "enum_notices_channel",
  	"subject" varchar,
  	"text" varchar,
  	"link" varchar,
  	"status" "enum_notices_status" NOT NULL,
  	"attempts" numeric DEFAULT 0,
  	"next_attempt_at" timestamp(3) with time zone,
  	"claimed_at" timestamp(3) with time zone,
  	"sent_at" timestamp(3) with time zone,
  	"outcome" varchar,
  	"last_error" varchar,
  	"digest" varchar,
  	"position" numeric,
  	"superseded_by" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "representatives" ADD COLUMN "notify_by_email" boolean DEFAULT false;
  ALTER TABLE "representatives" ADD COLUMN "notify_by_sms" boolean DEFAULT true;
  ALTER TABLE "representatives" ADD COLUMN "notify_quiet_from" varchar;
  ALTER TABLE "representatives" ADD COLUMN "notify_quiet_to" varchar;
  ALTER TABLE "users" ADD COLUMN "phone" varchar;
  ALTER TABLE "users" ADD COLUMN "notify_by_email" boolean DEFAULT true;
  ALTER TABLE "users" ADD COLUMN "notify_by_sms" boolean DEFAULT false;
  ALTER TABLE "users" ADD COLUMN "notify_quiet_from" varchar;
  ALTER TABLE "users" ADD COLUMN "notify_quiet_to" varchar;
  ALTER TABLE "sessions" ADD COLUMN "supervision_reminder_working_days" varchar DEFAULT '3,1';
  ALTER TABLE "sessions" ADD COLUMN "supervision_escalation_working_days" numeric DEFAULT 5;
  ALTER TABLE "sessions" ADD COLUMN "supervision_key_reminder_working_days" varchar DEFAULT '5,3,2,1';
  ALTER TABLE "sessions" ADD COLUMN "supervision_key_escalation_working_days" numeric DEFAULT 2;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "notices_id" integer;
  ALTER TABLE "notices" ADD CONSTRAINT "notices_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "notices" ADD CONSTRAINT "notices_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "notices" ADD CONSTRAINT "notices_representative_id_representatives_id_fk" FOREIGN KEY ("representative_id") REFERENCES "public"."representatives"("id") ON DELETE set null ON UPDATE no action;
  CREATE UNIQUE INDEX "notices_unique_key_idx" ON "notices" USING btree ("unique_key");
  CREATE INDEX "notices_date_idx" ON "notices" USING btree ("date");
  CREATE INDEX "notices_proposal_idx" ON "notices" USING btree ("proposal_id");
  CREATE INDEX "notices_user_idx" ON "notices" USING btree ("user_id");
  CREATE INDEX "notices_representative_idx" ON "notices" USING btree ("representative_id");
  CREATE INDEX "notices_status_idx" ON "notices" USING btree ("status");
  CREATE INDEX "notices_next_attempt_at_idx" ON "notices" USING btree ("next_attempt_at");
  CREATE INDEX "notices_digest_idx" ON "notices" USING btree ("digest");
  CREATE INDEX "notices_updated_at_idx" ON "notices" USING btree ("updated_at");
  CREATE INDEX "notices_created_at_idx" ON "notices" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_notices_fk" FOREIGN KEY ("notices_id") REFERENCES "public"."notices"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_notices_id_idx" ON "payload_locked_documents_rels" USING btree ("notices_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "notices" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "notices" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_notices_fk";
  
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'rebuildSite');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'rebuildSite');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "payload_locked_documents_rels_notices_id_idx";
  ALTER TABLE "representatives" DROP COLUMN "notify_by_email";
  ALTER TABLE "representatives" DROP COLUMN "notify_by_sms";
  ALTER TABLE "representatives" DROP COLUMN "notify_quiet_from";
  ALTER TABLE "representatives" DROP COLUMN "notify_quiet_to";
  ALTER TABLE "users" DROP COLUMN "phone";
  ALTER TABLE "users" DROP COLUMN "notify_by_email";
  ALTER TABLE "users" DROP COLUMN "notify_by_sms";
  ALTER TABLE "users" DROP COLUMN "notify_quiet_from";
  ALTER TABLE "users" DROP COLUMN "notify_quiet_to";
  ALTER TABLE "sessions" DROP COLUMN "supervision_reminder_working_days";
  ALTER TABLE "sessions" DROP COLUMN "supervision_escalation_working_days";
  ALTER TABLE "sessions" DROP COLUMN "supervision_key_reminder_working_days";
  ALTER TABLE "sessions" DROP COLUMN "supervision_key_escalation_working_days";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "notices_id";
  DROP TYPE "public"."enum_notices_stage";
  DROP TYPE "public"."enum_notices_channel";
  DROP TYPE "public"."enum_notices_status";`)
}
