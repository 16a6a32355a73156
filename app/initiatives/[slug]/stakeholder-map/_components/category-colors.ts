// One colour per stakeholder category, for the graph and the grid. Each is dark enough
// for white text and a visible border on white (WCAG AA for large elements).
import type { StakeholderCategory } from '@/lib/stakeholder-map/vocabulary';

const COLORS: Record<StakeholderCategory, string> = {
  municipality: '#1d4ed8',
  national_regional_government: '#4338ca',
  city_services_company: '#0e7490',
  utility_provider: '#0369a1',
  ict_company: '#7c3aed',
  ngo: '#15803d',
  international_organization: '#9d174d',
  industry_association: '#b45309',
  academia_research: '#a21caf',
  citizens: '#c2410c',
  urban_planners: '#4d7c0f',
  standardization_body: '#475569',
  other: '#57534e',
};

export function categoryColor(category: StakeholderCategory): string {
  return COLORS[category];
}
