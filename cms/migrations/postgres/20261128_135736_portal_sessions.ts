import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TABLE "portal_sessions" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"token_hash" varchar NOT NULL,
  	"representative_id" integer NOT NULL,
  	"expires_at" timestamp(3) with time zone NOT NULL,
  	"absolute_expires_at" timestamp(3) with time zone NOT NULL,
  	"last_seen_at" timestamp(3) with time zone,
  	"device" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "representatives_sessions" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "representatives_sessions" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "portal_sessions_id" integer;
  ALTER TABLE "portal_sessions" ADD CONSTRAINT "portal_sessions_representative_id_representatives_id_fk" FOREIGN KEY ("representative_id") REFERENCES "public"."representatives"("id") ON DELETE set null ON UPDATE no action;
  CREATE UNIQUE INDEX "portal_sessions_token_hash_idx" ON "portal_sessions" USING btree ("token_hash");
  CREATE INDEX "portal_sessions_representative_idx" ON "portal_sessions" USING btree ("representative_id");
  CREATE INDEX "portal_sessions_expires_at_idx" ON "portal_sessions" USING btree ("expires_at");
  CREATE INDEX "portal_sessions_updated_at_idx" ON "portal_sessions" USING btree ("updated_at");
  CREATE INDEX "portal_sessions_created_at_idx" ON "portal_sessions" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_portal_sessions_fk" FOREIGN KEY ("portal_sessions_id") REFERENCES "public"."portal_sessions"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_portal_sessions_id_idx" ON "payload_locked_documents_rels" USING btree ("portal_sessions_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   CREATE TABLE "representatives_sessions" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"created_at" timestamp(3) with time zone,
  	"expires_at" timestamp(3) with time zone NOT NULL
  );
  
  ALTER TABLE "portal_sessions" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "portal_sessions" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_portal_sessions_fk";
  
  DROP INDEX "payload_locked_documents_rels_portal_sessions_id_idx";
  ALTER TABLE "representatives_sessions" ADD CONSTRAINT "representatives_sessions_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."representatives"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "representatives_sessions_order_idx" ON "representatives_sessions" USING btree ("_order");
  CREATE INDEX "representatives_sessions_parent_id_idx" ON "representatives_sessions" USING btree ("_parent_id");
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "portal_sessions_id";`)
}
