CREATE TYPE "public"."event_actor_kind" AS ENUM('complainant', 'officer', 'administrator');--> statement-breakpoint
CREATE TYPE "public"."grievance_category" AS ENUM('consultation_process', 'access_to_information', 'nuisance_environment', 'land_property', 'health_safety', 'discrimination_exclusion', 'retaliation', 'personal_data', 'works_contractors', 'other');--> statement-breakpoint
CREATE TYPE "public"."grievance_event_kind" AS ENUM('received', 'acknowledge', 'assign', 'reject', 'propose_resolution', 'accept_resolution', 'close_with_reasons', 'appeal', 'decide_appeal', 'close', 'message');--> statement-breakpoint
CREATE TYPE "public"."grievance_status" AS ENUM('received', 'acknowledged', 'in_review', 'resolution_proposed', 'resolved', 'rejected', 'appealed', 'appeal_decided', 'closed');--> statement-breakpoint
CREATE TYPE "public"."receipt_channel" AS ENUM('online', 'paper', 'phone', 'in_person', 'email');--> statement-breakpoint
ALTER TYPE "public"."auth_attempt_kind" ADD VALUE 'grievance_code';--> statement-breakpoint
ALTER TYPE "public"."user_role" ADD VALUE 'grievance_officer';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'grievance_updated';--> statement-breakpoint
CREATE TABLE "grievance_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"grievance_id" uuid NOT NULL,
	"event_id" uuid,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"byte_size" integer NOT NULL,
	"file_id" uuid NOT NULL,
	"added_by" "event_actor_kind" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "grievance_channels" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"initiative_id" uuid,
	"name" text NOT NULL,
	"offline_instructions" text NOT NULL,
	"acknowledge_days" integer DEFAULT 5 NOT NULL,
	"resolve_days" integer DEFAULT 30 NOT NULL,
	"appeal_days" integer DEFAULT 15 NOT NULL,
	"appeal_decision_days" integer DEFAULT 20 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "grievance_channels_deadlines_range" CHECK ("grievance_channels"."acknowledge_days" between 1 and 120 and "grievance_channels"."resolve_days" between 1 and 120 and "grievance_channels"."appeal_days" between 1 and 120 and "grievance_channels"."appeal_decision_days" between 1 and 120),
	CONSTRAINT "grievance_channels_acknowledge_before_resolve" CHECK ("grievance_channels"."acknowledge_days" <= "grievance_channels"."resolve_days")
);
--> statement-breakpoint
CREATE TABLE "grievance_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"grievance_id" uuid NOT NULL,
	"kind" "grievance_event_kind" NOT NULL,
	"from_status" "grievance_status",
	"to_status" "grievance_status" NOT NULL,
	"actor_kind" "event_actor_kind" NOT NULL,
	"actor_id" uuid,
	"officer_id" uuid,
	"message" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "grievances" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"channel_id" uuid NOT NULL,
	"reference" text NOT NULL,
	"access_key_hash" text NOT NULL,
	"category" "grievance_category" NOT NULL,
	"description" text NOT NULL,
	"place" text,
	"event_date" date,
	"outcome_sought" text,
	"is_confidential" boolean DEFAULT false NOT NULL,
	"filer_id" uuid,
	"contact_name" text,
	"contact_email" text,
	"contact_phone" text,
	"received_via" "receipt_channel" DEFAULT 'online' NOT NULL,
	"recorded_by" uuid,
	"status" "grievance_status" DEFAULT 'received' NOT NULL,
	"assigned_officer_id" uuid,
	"resolution_accepted" boolean,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"responded_at" timestamp with time zone,
	"appealed_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"status_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"acknowledge_days" integer NOT NULL,
	"resolve_days" integer NOT NULL,
	"appeal_days" integer NOT NULL,
	"appeal_decision_days" integer NOT NULL,
	"submission_key" uuid NOT NULL,
	CONSTRAINT "grievances_closed_has_time" CHECK (("grievances"."status" = 'closed') = ("grievances"."closed_at" is not null))
);
--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "grievance_id" uuid;--> statement-breakpoint
ALTER TABLE "grievance_attachments" ADD CONSTRAINT "grievance_attachments_grievance_id_grievances_id_fk" FOREIGN KEY ("grievance_id") REFERENCES "public"."grievances"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grievance_attachments" ADD CONSTRAINT "grievance_attachments_event_id_grievance_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."grievance_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grievance_attachments" ADD CONSTRAINT "grievance_attachments_file_id_stored_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grievance_channels" ADD CONSTRAINT "grievance_channels_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grievance_events" ADD CONSTRAINT "grievance_events_grievance_id_grievances_id_fk" FOREIGN KEY ("grievance_id") REFERENCES "public"."grievances"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grievance_events" ADD CONSTRAINT "grievance_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grievance_events" ADD CONSTRAINT "grievance_events_officer_id_users_id_fk" FOREIGN KEY ("officer_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grievances" ADD CONSTRAINT "grievances_channel_id_grievance_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."grievance_channels"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grievances" ADD CONSTRAINT "grievances_filer_id_users_id_fk" FOREIGN KEY ("filer_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grievances" ADD CONSTRAINT "grievances_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grievances" ADD CONSTRAINT "grievances_assigned_officer_id_users_id_fk" FOREIGN KEY ("assigned_officer_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "grievance_attachments_grievance_idx" ON "grievance_attachments" USING btree ("grievance_id");--> statement-breakpoint
CREATE UNIQUE INDEX "grievance_channels_initiative_unique" ON "grievance_channels" USING btree ("initiative_id");--> statement-breakpoint
CREATE UNIQUE INDEX "grievance_channels_one_city_wide" ON "grievance_channels" USING btree (("initiative_id" is null)) WHERE "grievance_channels"."initiative_id" is null;--> statement-breakpoint
CREATE INDEX "grievance_events_grievance_idx" ON "grievance_events" USING btree ("grievance_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "grievances_reference_unique" ON "grievances" USING btree ("reference");--> statement-breakpoint
CREATE UNIQUE INDEX "grievances_submission_key_unique" ON "grievances" USING btree ("submission_key");--> statement-breakpoint
CREATE INDEX "grievances_channel_idx" ON "grievances" USING btree ("channel_id","received_at");--> statement-breakpoint
CREATE INDEX "grievances_status_idx" ON "grievances" USING btree ("status","received_at");--> statement-breakpoint
CREATE INDEX "grievances_filer_idx" ON "grievances" USING btree ("filer_id");--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_grievance_id_grievances_id_fk" FOREIGN KEY ("grievance_id") REFERENCES "public"."grievances"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- The history of a grievance is a record: once written, an event is never changed or removed.
CREATE FUNCTION "grievance_events_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION 'grievance_events is append-only: % refused', TG_OP;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "grievance_events_no_update_or_delete" BEFORE UPDATE OR DELETE ON "grievance_events" FOR EACH ROW EXECUTE FUNCTION "grievance_events_append_only"();
