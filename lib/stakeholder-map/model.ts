// What a stakeholder map holds, as plain typed values, and the zod schemas that every
// write goes through (forms in the browser, the document module, imports in tests).
// Messages are catalogue keys under stakeholderMap.validation.
import { z } from 'zod';
import {
  LEVELS,
  LFA_ROLES,
  RATING_MAX,
  RATING_MIN,
  RELATION_KINDS,
  SECTORS,
  SSC_ROLES,
  STAKEHOLDER_CATEGORIES,
  STAKEHOLDER_KINDS,
  STRENGTH_MAX,
} from './vocabulary';

export const NAME_MAX = 200;
export const LONG_TEXT_MAX = 2_000;
export const CONTACT_MAX = 500;
/**
 * The longest text any value of each shared document may hold. The collaboration server
 * refuses an update carrying a longer one (lib/collab/document-limits.ts), so a client
 * that skips these schemas still cannot store more.
 */
export const MAP_LONGEST_TEXT = Math.max(NAME_MAX, LONG_TEXT_MAX);
export const CONTACTS_LONGEST_TEXT = CONTACT_MAX;

/** Free-text analysis fields of Table I.1, in the order the seed lists them. */
export const ANALYSIS_FIELDS = ['aims', 'challenges', 'potential', 'constraints', 'contribution'] as const;
export type AnalysisField = (typeof ANALYSIS_FIELDS)[number];

const longText = z.string().trim().max(LONG_TEXT_MAX, 'textTooLong');
const rating = z.number({ error: 'ratingInvalid' }).int('ratingInvalid').min(RATING_MIN, 'ratingInvalid').max(RATING_MAX, 'ratingInvalid');
const coordinate = z.number({ error: 'positionInvalid' }).finite('positionInvalid').min(-1_000_000, 'positionInvalid').max(1_000_000, 'positionInvalid');

export const positionSchema = z.object({ x: coordinate, y: coordinate });
export type Position = z.infer<typeof positionSchema>;

export const stakeholderFieldsSchema = z.object({
  name: z.string({ error: 'nameRequired' }).trim().min(1, 'nameRequired').max(NAME_MAX, 'nameTooLong'),
  kind: z.enum(STAKEHOLDER_KINDS, { error: 'kindInvalid' }),
  category: z.enum(STAKEHOLDER_CATEGORIES, { error: 'categoryInvalid' }),
  level: z.enum(LEVELS, { error: 'levelInvalid' }),
  sector: z.enum(SECTORS, { error: 'sectorInvalid' }),
  lfaRole: z.enum(LFA_ROLES, { error: 'lfaRoleInvalid' }),
  sscRole: z.enum(SSC_ROLES, { error: 'sscRoleInvalid' }).nullable(),
  aims: longText,
  challenges: longText,
  potential: longText,
  constraints: longText,
  contribution: longText,
  power: rating,
  interest: rating,
  /** A registered organization this stakeholder is, when there is one. */
  organizationId: z.uuid({ error: 'organizationInvalid' }).nullable(),
  notes: longText,
  position: positionSchema,
});
export type StakeholderFields = z.infer<typeof stakeholderFieldsSchema>;
export const stakeholderPatchSchema = stakeholderFieldsSchema.partial();
export type StakeholderPatch = z.infer<typeof stakeholderPatchSchema>;

export interface Stakeholder extends StakeholderFields {
  id: string;
}

export const relationFieldsSchema = z
  .object({
    from: z.string({ error: 'relationEndInvalid' }).min(1, 'relationEndInvalid').max(100, 'relationEndInvalid'),
    to: z.string({ error: 'relationEndInvalid' }).min(1, 'relationEndInvalid').max(100, 'relationEndInvalid'),
    kind: z.enum(RELATION_KINDS, { error: 'relationKindInvalid' }),
    strength: z.number({ error: 'strengthInvalid' }).int('strengthInvalid').min(1, 'strengthInvalid').max(STRENGTH_MAX, 'strengthInvalid'),
    note: longText,
  })
  .refine((relation) => relation.from !== relation.to, { message: 'relationToItself', path: ['to'] });
export type RelationFields = z.infer<typeof relationFieldsSchema>;
export const relationPatchSchema = z.object({
  kind: z.enum(RELATION_KINDS, { error: 'relationKindInvalid' }),
  strength: z.number({ error: 'strengthInvalid' }).int('strengthInvalid').min(1, 'strengthInvalid').max(STRENGTH_MAX, 'strengthInvalid'),
  note: longText,
}).partial();
export type RelationPatch = z.infer<typeof relationPatchSchema>;

export interface Relation extends RelationFields {
  id: string;
}

export const contactSchema = z.string().trim().max(CONTACT_MAX, 'contactTooLong');

/** The whole map as read from its shared document; only valid, consistent values. */
export interface StakeholderMapState {
  stakeholders: Stakeholder[];
  relations: Relation[];
}
