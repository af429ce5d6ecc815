import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_audit_log_kind" AS ENUM('passwordReset', 'draftDeleted');
  CREATE TABLE "audit_log" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"at" timestamp(3) with time zone NOT NULL,
  	"kind" "enum_audit_log_kind" NOT NULL,
  	"summary" varchar NOT NULL,
  	"reason" varchar,
  	"actor_user_id" integer,
  	"actor_representative_id" integer,
  	"subject_user_id" integer,
  	"subject_representative_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "proposals" ADD COLUMN "public_title" varchar;
  ALTER TABLE "proposals" ADD COLUMN "public_body" varchar;
  -- Items already screened were public as written: their public version starts as the original.
  UPDATE "proposals" SET "public_title" = "title", "public_body" = "body" WHERE "status" NOT IN ('draft', 'submitted');
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "audit_log_id" integer;
  ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_representative_id_representatives_id_fk" FOREIGN KEY ("actor_representative_id") REFERENCES "public"."representatives"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_subject_user_id_users_id_fk" FOREIGN KEY ("subject_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_subject_representative_id_representatives_id_fk" FOREIGN KEY ("subject_representative_id") REFERENCES "public"."representatives"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");
  CREATE INDEX "audit_log_kind_idx" ON "audit_log" USING btree ("kind");
  CREATE INDEX "audit_log_actor_user_idx" ON "audit_log" USING btree ("actor_user_id");
  CREATE INDEX "audit_log_actor_representative_idx" ON "audit_log" USING btree ("actor_representative_id");
  CREATE INDEX "audit_log_subject_user_idx" ON "audit_log" USING btree ("subject_user_id");
  CREATE INDEX "audit_log_subject_representative_idx" ON "audit_log" USING btree ("subject_representative_id");
  CREATE INDEX "audit_log_updated_at_idx" ON "audit_log" USING btree ("updated_at");
  CREATE INDEX "audit_log_created_at_idx" ON "audit_log" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_audit_log_fk" FOREIGN KEY ("audit_log_id") REFERENCES "public"."audit_log"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_audit_log_id_idx" ON "payload_locked_documents_rels" USING btree ("audit_log_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "audit_log" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "audit_log" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_audit_log_fk";
  
  DROP INDEX "payload_locked_documents_rels_audit_log_id_idx";
  ALTER TABLE "proposals" DROP COLUMN "public_title";
  ALTER TABLE "proposals" DROP COLUMN "public_body";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "audit_log_id";
  DROP TYPE "public"."enum_audit_log_kind";`)
}
