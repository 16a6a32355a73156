CREATE TABLE "collab_edits" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"document" text NOT NULL,
	"user_id" uuid,
	"update_count" integer NOT NULL,
	"byte_size" integer NOT NULL,
	"edited_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "collab_snapshots" (
	"document" text PRIMARY KEY NOT NULL,
	"state" "bytea" NOT NULL,
	"merged_updates" bigint DEFAULT 0 NOT NULL,
	"compacted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "collab_updates" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"document" text NOT NULL,
	"update" "bytea" NOT NULL,
	"user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "collab_edits_document_idx" ON "collab_edits" USING btree ("document","edited_at");--> statement-breakpoint
CREATE INDEX "collab_updates_document_idx" ON "collab_updates" USING btree ("document","id");