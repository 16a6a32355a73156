// Display names are cleaned of characters that hide or reorder text, and compared as a
// reader sees them, so nobody can pass for a member of staff.
import { describe, expect, it } from 'vitest';
import { cleanDisplayName, displayNameSchema, namesLookAlike } from '@/lib/accounts/display-name';
import { hasProtectedName } from '@/lib/accounts/staff-names';
import { assistedInputSchema } from '@/lib/inputs/schemas';

describe('cleanDisplayName', () => {
  it.each([
    ['bidi override', 'Rosa \u202Eairot\u202C', 'Rosa airot'],
    ['bidi embeddings and isolates', '\u202AAda\u202B \u2066Lovelace\u2069\u2067\u2068', 'Ada Lovelace'],
    ['direction marks', '\u200FRosa\u200E \u061CGarcía', 'Rosa García'],
    ['zero-width characters', 'R\u200Bo\u200Cs\u200Da\u2060 Gar\uFEFFcía', 'Rosa García'],
    ['other controls', 'Rosa\u0085Garc\u0090ía\u007F', 'Rosa García'],
    ['blank-looking letters', '\u3164Rosa\u115F \u2800García\uFFA0', 'Rosa García'],
    ['runs of spaces, tabs and line breaks', '  Rosa \t\n  García\u00A0\u2003 López ', 'Rosa García López'],
  ])('removes %s', (_label, typed, stored) => {
    expect(cleanDisplayName(typed)).toBe(stored);
  });

  it('normalizes with NFKC: composed accents, full-width and ligature forms become ordinary letters', () => {
    expect(cleanDisplayName('Jose\u0301')).toBe('José');
    expect(cleanDisplayName('Ｒｏｓａ')).toBe('Rosa');
    expect(cleanDisplayName('Raﬁk')).toBe('Rafik');
  });

  it('keeps names in any script, and emoji', () => {
    for (const name of ['Lucía Ñúñez', 'Łukasz Żółw', 'Αλέξανδρος', 'Анна Петрова', '山田 太郎', 'محمد الأحمد', 'Ana 🌻']) {
      expect(cleanDisplayName(name)).toBe(name);
    }
  });
});

describe('namesLookAlike', () => {
  it('sees a staff member’s name in other case, spacing or invisible characters', () => {
    for (const copy of ['Ada Admin', 'ada admin', 'ADA ADMIN', '  Ada   Admin ', 'Ada\u200B Admin', 'Ada \u202EAdmin', 'Ａｄａ Ａｄｍｉｎ']) {
      expect(namesLookAlike('Ada Admin', copy), copy).toBe(true);
    }
  });

  it('sees look-alike letters from other scripts and letter pairs', () => {
    // Cyrillic А and а, Cyrillic і, "rn" for "m", capital I for small l.
    for (const copy of ['\u0410d\u0430 Admin', 'Ada Adm\u0456n', 'Ada Adrnin']) {
      expect(namesLookAlike('Ada Admin', copy), copy).toBe(true);
    }
    expect(namesLookAlike('Olga Lopez', 'OIga Lopez')).toBe(true);
  });

  it('tells different names apart', () => {
    expect(namesLookAlike('Ada Admin', 'Ada Adams')).toBe(false);
    expect(namesLookAlike('Ada Admin', 'Ada Admin-Smith')).toBe(false);
    expect(namesLookAlike('Ada Admin', 'Ada')).toBe(false);
    expect(namesLookAlike('José Pérez', 'Jose Perez')).toBe(false);
  });
});

describe('displayNameSchema', () => {
  it('stores the cleaned name', () => {
    expect(displayNameSchema.parse('  Rosa\u202E García ')).toBe('Rosa García');
  });

  it('refuses a name with nothing visible left, or none at all', () => {
    expect(displayNameSchema.safeParse('\u200B\u202E\u2060').error?.issues[0]?.message).toBe('nameInvisible');
    expect(displayNameSchema.safeParse('   ').error?.issues[0]?.message).toBe('nameRequired');
    expect(displayNameSchema.safeParse(undefined).error?.issues[0]?.message).toBe('nameRequired');
  });

  it('keeps telling about control characters typed into the field, as every text field does', () => {
    expect(displayNameSchema.safeParse('Rosa\u0007').error?.issues[0]?.message).toBe('textInvalid');
  });

  it('refuses a name that grows too long once normalized', () => {
    // U+FDFA is one character that NFKC writes as eighteen.
    expect(displayNameSchema.safeParse('\uFDFA'.repeat(10)).error?.issues[0]?.message).toBe('nameTooLong');
  });
});

describe('protected names', () => {
  it('belong to moderators, administrators and grievance officers', () => {
    expect(hasProtectedName('moderator')).toBe(true);
    expect(hasProtectedName('admin')).toBe(true);
    expect(hasProtectedName('grievance_officer')).toBe(true);
    expect(hasProtectedName('resident')).toBe(false);
    expect(hasProtectedName('organization_member')).toBe(false);
  });
});

describe('the name of a participant recorded by staff', () => {
  it('is cleaned like a display name, and still optional', () => {
    const parse = (participantName: string) =>
      assistedInputSchema.shape.participantName.safeParse(participantName);
    expect(parse('Ana \u202Eat the meeting\u202C').data).toBe('Ana at the meeting');
    expect(parse('').data).toBeUndefined();
    expect(parse('\u200BA\u200B').error?.issues[0]?.message).toBe('nameRequired');
  });
});
