// Demo data for the stakeholder map of the demo initiative: the people and bodies a
// redesign of a central square concerns, analysed after the seed's Table I.1, with
// their relations; Green Streets Alliance invited to edit; and contact details for two
// of them in the staff-only contacts document. Written through lib/stakeholder-map.
import * as Y from 'yjs';
import { appendStoredUpdate } from '@/lib/collab/stored-document';
import { stakeholderContactsDocumentName, stakeholderMapDocumentName } from '@/lib/collab/document-name';
import { setContact } from '@/lib/stakeholder-map/contacts';
import { addRelation, addStakeholder, newStakeholderFields } from '@/lib/stakeholder-map/document';
import type { RelationKind, StakeholderCategory } from '@/lib/stakeholder-map/vocabulary';
import type { StakeholderFields } from '@/lib/stakeholder-map/model';
import type { Db } from './index';
import { stakeholderMapInvitations } from './schema';

type DemoStakeholder = { key: string; category: StakeholderCategory } & Partial<StakeholderFields>;

const STAKEHOLDERS: DemoStakeholder[] = [
  {
    key: 'city',
    category: 'municipality',
    name: 'Department of Urban Planning and Public Space',
    lfaRole: 'active',
    sscRole: 'driver_of_technology',
    aims: 'A square people want to spend time in; fewer cars in the centre; meet the city climate plan.',
    challenges: 'Little coordination with the mobility department; a budget fixed for two years.',
    potential: 'Decides the design and the schedule of works.',
    constraints: 'Procurement rules; few staff with experience of sensor networks.',
    contribution: 'Leads the project and runs the consultations.',
    power: 5,
    interest: 5,
    position: { x: 420, y: 40 },
  },
  {
    key: 'region',
    category: 'national_regional_government',
    name: 'Regional Transport Authority',
    lfaRole: 'active',
    sscRole: 'enabler_of_ssc',
    aims: 'Keep bus lines through the centre on time.',
    challenges: 'Routes are set for the whole region.',
    potential: 'Can move bus stops and change routes.',
    constraints: 'Any change needs its board’s approval.',
    contribution: 'Bus routes and stops around the square.',
    power: 4,
    interest: 2,
    position: { x: 820, y: 40 },
  },
  {
    key: 'water',
    category: 'utility_provider',
    name: 'Municipal water company',
    lfaRole: 'active',
    sscRole: 'driver_of_technology',
    aims: 'Renew the mains under the square while it is open.',
    challenges: 'Works must not cut supply to the market.',
    potential: 'Smart meters and leak sensors in the new network.',
    constraints: 'Investment plan approved yearly.',
    contribution: 'Drainage that copes with heavy rain.',
    power: 3,
    interest: 3,
    position: { x: 820, y: 260 },
  },
  {
    key: 'telecom',
    category: 'ict_company',
    name: 'Fibre network operator',
    lfaRole: 'beneficiary',
    sscRole: 'enabler_of_technology',
    aims: 'Lay fibre and small cells while the ground is open.',
    challenges: 'Permits take months.',
    potential: 'Public Wi-Fi and sensor connectivity.',
    constraints: 'Must recover the investment.',
    contribution: 'Connectivity for the square’s sensors and lighting.',
    power: 3,
    interest: 3,
    position: { x: 1040, y: 160 },
  },
  {
    key: 'ngo',
    category: 'ngo',
    name: 'Green Streets Alliance',
    lfaRole: 'affected_supporter',
    aims: 'Shade, trees and safe walking and cycling routes.',
    challenges: 'Volunteers only; little time for long consultations.',
    potential: 'Knows the neighbourhood; reaches families and schools.',
    constraints: 'No budget of its own.',
    contribution: 'Walks the area with residents and reports what they say.',
    power: 2,
    interest: 5,
    position: { x: 200, y: 300 },
  },
  {
    key: 'traders',
    category: 'industry_association',
    name: 'Plaza Mayor traders’ association',
    lfaRole: 'affected_opponent',
    aims: 'Keep deliveries and customers coming during the works.',
    challenges: 'Fear of losing trade while the square is closed.',
    potential: 'Can support a phased plan if deliveries are solved.',
    constraints: 'Many members are small family shops.',
    contribution: 'Delivery times and loading needs of the shops.',
    power: 3,
    interest: 5,
    position: { x: 420, y: 440 },
  },
  {
    key: 'residents',
    category: 'citizens',
    name: 'Neighbours of the old town',
    kind: 'group',
    lfaRole: 'beneficiary',
    aims: 'A quieter square with places to sit; safe streets for children.',
    challenges: 'Noise and dust during the works.',
    potential: 'Daily users of the square; know what works and what does not.',
    constraints: 'Many older people who do not use online forms.',
    contribution: 'Input in the consultations, on paper and at meetings too.',
    power: 2,
    interest: 4,
    position: { x: 0, y: 160 },
  },
  {
    key: 'university',
    category: 'academia_research',
    name: 'City university, urban heat research group',
    lfaRole: 'active',
    sscRole: 'enabler_of_ssc',
    aims: 'Measure how trees and paving change the heat on the square.',
    challenges: 'Funding tied to publications.',
    potential: 'Sensor data analysis; evaluation before and after.',
    constraints: 'Results take a year or more.',
    contribution: 'Indicators for heat and air quality.',
    power: 2,
    interest: 3,
    position: { x: 0, y: 420 },
  },
  {
    key: 'planners',
    category: 'urban_planners',
    name: 'Architects’ and planners’ association',
    lfaRole: 'active',
    aims: 'A design that fits the historic centre.',
    challenges: 'Competition rules limit contact with the jury.',
    potential: 'Design review and heritage advice.',
    constraints: '',
    contribution: 'Review of the draft design.',
    power: 2,
    interest: 2,
    position: { x: 620, y: 560 },
  },
  {
    key: 'cyclists',
    category: 'citizens',
    name: 'Cycling commuters',
    kind: 'group',
    lfaRole: 'affected_supporter',
    aims: 'A continuous cycle route across the centre.',
    challenges: 'Not organized; hard to reach.',
    potential: 'Daily users of the streets around the square.',
    constraints: '',
    contribution: '',
    power: 1,
    interest: 4,
    position: { x: 1040, y: 440 },
  },
];

const RELATIONS: Array<{ from: string; to: string; kind: RelationKind; strength: number; note?: string }> = [
  { from: 'city', to: 'region', kind: 'collaborates_with', strength: 2, note: 'Joint working group on bus stops.' },
  { from: 'city', to: 'water', kind: 'collaborates_with', strength: 3 },
  { from: 'city', to: 'telecom', kind: 'regulates', strength: 2, note: 'Street works permits.' },
  { from: 'city', to: 'traders', kind: 'informs', strength: 2 },
  { from: 'city', to: 'university', kind: 'funds', strength: 1, note: 'Small grant for heat measurements.' },
  { from: 'ngo', to: 'residents', kind: 'represents', strength: 2 },
  { from: 'ngo', to: 'city', kind: 'informs', strength: 2 },
  { from: 'traders', to: 'ngo', kind: 'in_conflict_with', strength: 2, note: 'Parking spaces versus trees.' },
  { from: 'university', to: 'ngo', kind: 'collaborates_with', strength: 1 },
  { from: 'telecom', to: 'water', kind: 'supplies', strength: 1, note: 'Connectivity for smart meters.' },
  { from: 'planners', to: 'city', kind: 'informs', strength: 1 },
];

export async function seedDemoStakeholderMap(db: Db, { initiativeId, moderatorId, ngoId }: { initiativeId: string; moderatorId: string | null; ngoId: string | null }): Promise<void> {
  const map = new Y.Doc();
  const ids = new Map<string, string>();
  for (const { key, category, ...fields } of STAKEHOLDERS) ids.set(key, addStakeholder(map, newStakeholderFields(category, fields)));
  for (const { from, to, kind, strength, note = '' } of RELATIONS) addRelation(map, { from: ids.get(from)!, to: ids.get(to)!, kind, strength, note });
  await appendStoredUpdate(db, { document: stakeholderMapDocumentName(initiativeId), update: Y.encodeStateAsUpdate(map), userId: moderatorId });

  // Invented people: contact details are personal data and stay in the staff-only document.
  const contacts = new Y.Doc();
  setContact(contacts, ids.get('traders')!, 'Marisol Vega (chair) · +34 600 000 111 · chair@traders.example');
  setContact(contacts, ids.get('university')!, 'Dr. Tomás Ruiz · heat-lab@university.example');
  await appendStoredUpdate(db, { document: stakeholderContactsDocumentName(initiativeId), update: Y.encodeStateAsUpdate(contacts), userId: moderatorId });

  if (ngoId) await db.insert(stakeholderMapInvitations).values({ initiativeId, organizationId: ngoId, invitedBy: moderatorId }).onConflictDoNothing();
}
