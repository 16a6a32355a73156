// The words a stakeholder map is described in (ITU-T Y.Suppl.34 clauses 3 and 4.1,
// Table I.1). Keys are stored in the shared document; labels live in the message
// catalogue under stakeholderMap.<list>.<key>.
import type { Scale, Sector, StakeholderCategory } from '@/lib/stakeholders/vocabulary';

export { SCALES as LEVELS, SECTORS, STAKEHOLDER_CATEGORIES } from '@/lib/stakeholders/vocabulary';
export type { Scale as Level, Sector, StakeholderCategory } from '@/lib/stakeholders/vocabulary';

export const STAKEHOLDER_KINDS = ['organization', 'group', 'individual'] as const;
export type StakeholderKind = (typeof STAKEHOLDER_KINDS)[number];

/**
 * Role in the initiative after the logical framework approach (clause 3.2 a). The seed
 * splits the affected into potential supporters and potential opponents; a map needs
 * that split to plan who to win over.
 */
export const LFA_ROLES = ['active', 'beneficiary', 'affected_supporter', 'affected_opponent'] as const;
export type LfaRole = (typeof LFA_ROLES)[number];

export function isAffected(role: LfaRole): boolean {
  return role === 'affected_supporter' || role === 'affected_opponent';
}

/** Role towards the smart sustainable city (clause 3.2 b); not every stakeholder has one. */
export const SSC_ROLES = ['enabler_of_technology', 'driver_of_technology', 'enabler_of_ssc'] as const;
export type SscRole = (typeof SSC_ROLES)[number];

export const RELATION_KINDS = ['collaborates_with', 'funds', 'regulates', 'supplies', 'represents', 'informs', 'in_conflict_with'] as const;
export type RelationKind = (typeof RELATION_KINDS)[number];

/** Power and interest are rated 1 (low) to 5 (high); relation strength 1 to 3. */
export const RATING_MIN = 1;
export const RATING_MAX = 5;
export const STRENGTH_MAX = 3;

/** The sector a stakeholder of a category usually belongs to, as a starting value. */
export const USUAL_SECTOR: Record<StakeholderCategory, Sector> = {
  municipality: 'public',
  national_regional_government: 'public',
  city_services_company: 'private',
  utility_provider: 'private',
  ict_company: 'private',
  ngo: 'civil_society',
  international_organization: 'public',
  industry_association: 'private',
  academia_research: 'academic',
  citizens: 'civil_society',
  urban_planners: 'public',
  standardization_body: 'public',
  other: 'civil_society',
};

/** The scale a stakeholder of a category usually works at, as a starting value. */
export const USUAL_LEVEL: Record<StakeholderCategory, Scale> = {
  municipality: 'local',
  national_regional_government: 'national',
  city_services_company: 'local',
  utility_provider: 'sub_national',
  ict_company: 'national',
  ngo: 'local',
  international_organization: 'international',
  industry_association: 'national',
  academia_research: 'national',
  citizens: 'local',
  urban_planners: 'local',
  standardization_body: 'international',
  other: 'local',
};

/** The views of a map page, each a tab: ?view=<key>. */
export const MAP_VIEWS = ['network', 'grid', 'table'] as const;
export type MapView = (typeof MAP_VIEWS)[number];
