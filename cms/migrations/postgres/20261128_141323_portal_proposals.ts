import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_resolution_answers_answer" AS ENUM('resolved', 'partly', 'unresolved');
  CREATE TYPE "public"."enum_co_sign_invitations_status" AS ENUM('invited', 'accepted', 'declined');
  CREATE TABLE "resolution_answers" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"proposal_id" integer NOT NULL,
  	"representative_id" integer,
  	"round" numeric,
  	"answer" "enum_resolution_answers_answer" NOT NULL,
  	"comment" varchar,
  	"at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "attachments" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"proposal_id" integer NOT NULL,
  	"uploaded_by_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"url" varchar,
  	"thumbnail_u_r_l" varchar,
  	"filename" varchar,
  	"mime_type" varchar,
  	"filesize" numeric,
  	"width" numeric,
  	"height" numeric,
  	"focal_x" numeric,
  	"focal_y" numeric
  );
  
  CREATE TABLE "co_sign_invitations" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"proposal_id" integer NOT NULL,
  	"representative_id" integer NOT NULL,
  	"status" "enum_co_sign_invitations_status" DEFAULT 'invited' NOT NULL,
  	"answered_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "proposals" ADD COLUMN "client_key" varchar;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "resolution_answers_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "attachments_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "co_sign_invitations_id" integer;
  ALTER TABLE "resolution_answers" ADD CONSTRAINT "resolution_answers_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "resolution_answers" ADD CONSTRAINT "resolution_answers_representative_id_representatives_id_fk" FOREIGN KEY ("representative_id") REFERENCES "public"."representatives"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "attachments" ADD CONSTRAINT "attachments_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "attachments" ADD CONSTRAINT "attachments_uploaded_by_id_representatives_id_fk" FOREIGN KEY ("uploaded_by_id") REFERENCES "public"."representatives"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "co_sign_invitations" ADD CONSTRAINT "co_sign_invitations_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "co_sign_invitations" ADD CONSTRAINT "co_sign_invitations_representative_id_representatives_id_fk" FOREIGN KEY ("representative_id") REFERENCES "public"."representatives"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "resolution_answers_proposal_idx" ON "resolution_answers" USING btree ("proposal_id");
  CREATE INDEX "resolution_answers_representative_idx" ON "resolution_answers" USING btree ("representative_id");
  CREATE INDEX "resolution_answers_at_idx" ON "resolution_answers" USING btree ("at");
  CREATE INDEX "resolution_answers_updated_at_idx" ON "resolution_answers" USING btree ("updated_at");
  CREATE INDEX "resolution_answers_created_at_idx" ON "resolution_answers" USING btree ("created_at");
  CREATE INDEX "attachments_proposal_idx" ON "attachments" USING btree ("proposal_id");
  CREATE INDEX "attachments_uploaded_by_idx" ON "attachments" USING btree ("uploaded_by_id");
  CREATE INDEX "attachments_updated_at_idx" ON "attachments" USING btree ("updated_at");
  CREATE INDEX "attachments_created_at_idx" ON "attachments" USING btree ("created_at");
  CREATE UNIQUE INDEX "attachments_filename_idx" ON "attachments" USING btree ("filename");
  CREATE INDEX "co_sign_invitations_proposal_idx" ON "co_sign_invitations" USING btree ("proposal_id");
  CREATE INDEX "co_sign_invitations_representative_idx" ON "co_sign_invitations" USING btree ("representative_id");
  CREATE INDEX "co_sign_invitations_updated_at_idx" ON "co_sign_invitations" USING btree ("updated_at");
  CREATE INDEX "co_sign_invitations_created_at_idx" ON "co_sign_invitations" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_resolution_answers_fk" FOREIGN KEY ("resolution_answers_id") REFERENCES "public"."resolution_answers"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_attachments_fk" FOREIGN KEY ("attachments_id") REFERENCES "public"."attachments"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_co_sign_invitations_fk" FOREIGN KEY ("co_sign_invitations_id") REFERENCES "public"."co_sign_invitations"("id") ON DELETE cascade ON UPDATE no action;
  CREATE UNIQUE INDEX "proposals_client_key_idx" ON "proposals" USING btree ("client_key");
  CREATE INDEX "payload_locked_documents_rels_resolution_answers_id_idx" ON "payload_locked_documents_rels" USING btree ("resolution_answers_id");
  CREATE INDEX "payload_locked_documents_rels_attachments_id_idx" ON "payload_locked_documents_rels" USING btree ("attachments_id");
  CREATE INDEX "payload_locked_documents_rels_co_sign_invitations_id_idx" ON "payload_locked_documents_rels" USING btree ("co_sign_invitations_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "resolution_answers" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "attachments" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "co_sign_invitations" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "resolution_answers" CASCADE;
  DROP TABLE "attachments" CASCADE;
  DROP TABLE "co_sign_invitations" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_resolution_answers_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_attachments_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_co_sign_invitations_fk";
  
  DROP INDEX "proposals_client_key_idx";
  DROP INDEX "payload_locked_documents_rels_resolution_answers_id_idx";
  DROP INDEX "payload_locked_documents_rels_attachments_id_idx";
  DROP INDEX "payload_locked_documents_rels_co_sign_invitations_id_idx";
  ALTER TABLE "proposals" DROP COLUMN "client_key";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "resolution_answers_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "attachments_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "co_sign_invitations_id";
  DROP TYPE "public"."enum_resolution_answers_answer";
  DROP TYPE "public"."enum_co_sign_invitations_status";`)
}
