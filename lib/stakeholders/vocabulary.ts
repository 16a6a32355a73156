// The vocabulary of ITU-T Y.Suppl.34 used to describe stakeholders and organizations.
// Keys are stable identifiers stored in the database; their labels live in the
// message catalogues (stakeholders.category.<key>, …).

/** The twelve SSC stakeholder categories of clause 3.1 (a–l), plus a catch-all. */
export const STAKEHOLDER_CATEGORIES = [
  'municipality',
  'national_regional_government',
  'city_services_company',
  'utility_provider',
  'ict_company',
  'ngo',
  'international_organization',
  'industry_association',
  'academia_research',
  'citizens',
  'urban_planners',
  'standardization_body',
  'other',
] as const;
export type StakeholderCategory = (typeof STAKEHOLDER_CATEGORIES)[number];

/** Scale at which a stakeholder operates (clause 4.1, "scale and sector"). */
export const SCALES = ['local', 'sub_national', 'national', 'international'] as const;
export type Scale = (typeof SCALES)[number];

export const SECTORS = ['public', 'private', 'civil_society', 'academic'] as const;
export type Sector = (typeof SECTORS)[number];
