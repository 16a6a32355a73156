CREATE TABLE "stakeholder_map_invitations" (
	"initiative_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"invited_by" uuid,
	"invited_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stakeholder_map_invitations_initiative_id_organization_id_pk" PRIMARY KEY("initiative_id","organization_id")
);
--> statement-breakpoint
ALTER TABLE "stakeholder_map_invitations" ADD CONSTRAINT "stakeholder_map_invitations_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stakeholder_map_invitations" ADD CONSTRAINT "stakeholder_map_invitations_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stakeholder_map_invitations" ADD CONSTRAINT "stakeholder_map_invitations_invited_by_users_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;