// The reference and access key of lib/grievances/codes.ts: their shape, that they do not
// repeat, that what people type (misread letters, no dashes, any case) still finds
// them, and that anything else is refused.
import { describe, expect, it } from 'vitest';
import { accessKeyMatches, hashAccessKey, newAccessKey, newReference, normalizeAccessKey, normalizeReference } from '@/lib/grievances/codes';

/** Crockford base32: digits and letters without I, L, O and U. */
const SYMBOL = '[0-9ABCDEFGHJKMNPQRSTVWXYZ]';
const REFERENCE_SHAPE = new RegExp(`^GR-${SYMBOL}{5}-${SYMBOL}{5}$`);
const ACCESS_KEY_SHAPE = new RegExp(`^${SYMBOL}{4}(-${SYMBOL}{4}){4}$`);
const DRAWS = 5_000;

describe('new codes', () => {
  it('draws references like GR-7KQ4M-9XD2A', () => {
    for (let draw = 0; draw < 200; draw += 1) expect(newReference()).toMatch(REFERENCE_SHAPE);
  });

  it('draws access keys like 4F7K-Q2MX-9ZDA-TT3P-8HNC', () => {
    for (let draw = 0; draw < 200; draw += 1) expect(newAccessKey()).toMatch(ACCESS_KEY_SHAPE);
  });

  it('does not repeat a reference or an access key over many draws', () => {
    const references = new Set(Array.from({ length: DRAWS }, () => newReference()));
    const accessKeys = new Set(Array.from({ length: DRAWS }, () => newAccessKey()));
    expect(references.size).toBe(DRAWS);
    expect(accessKeys.size).toBe(DRAWS);
  });

  it('uses every symbol of the alphabet, so no position is predictable', () => {
    const seen = new Set(Array.from({ length: 500 }, () => newAccessKey().replaceAll('-', '')).join(''));
    expect([...seen].sort().join('')).toBe('0123456789ABCDEFGHJKMNPQRSTVWXYZ');
  });

  it('gives back what it drew when normalized', () => {
    for (let draw = 0; draw < 200; draw += 1) {
      const reference = newReference();
      const accessKey = newAccessKey();
      expect(normalizeReference(reference)).toBe(reference);
      expect(normalizeAccessKey(accessKey)).toBe(accessKey);
    }
  });
});

describe('a reference as typed', () => {
  it.each([
    ['as printed', 'GR-7KQ4M-9XD2A'],
    ['in lower case', 'gr-7kq4m-9xd2a'],
    ['with spaces', ' GR 7KQ4M 9XD2A '],
    ['without dashes', 'GR7KQ4M9XD2A'],
    ['with dashes anywhere', 'G-R7-KQ4-M9X-D2A'],
    ['without the prefix', '7KQ4M-9XD2A'],
    ['without prefix or dashes, in lower case', '7kq4m9xd2a'],
  ])('is found %s', (_label, typed) => {
    expect(normalizeReference(typed)).toBe('GR-7KQ4M-9XD2A');
  });

  it('reads O as zero and I or L as one', () => {
    expect(normalizeReference('GR-1O0IL-ABCDE')).toBe('GR-10011-ABCDE');
    expect(normalizeReference('gr-ioli0-abcde')).toBe('GR-10110-ABCDE');
  });

  it('is found without its prefix even when its symbols begin with G and R', () => {
    expect(normalizeReference('GRK4M-9XD2A')).toBe('GR-GRK4M-9XD2A');
    expect(normalizeReference('grk4m9xd2a')).toBe('GR-GRK4M-9XD2A');
    expect(normalizeReference('GR-GRK4M-9XD2A')).toBe('GR-GRK4M-9XD2A');
    expect(normalizeReference('GRGRK4M9XD2A')).toBe('GR-GRK4M-9XD2A');
    for (let draw = 0; draw < 200; draw += 1) {
      const reference = newReference();
      expect(normalizeReference(reference.slice('GR-'.length))).toBe(reference);
    }
  });

  it.each([
    ['empty', ''],
    ['blank', '   '],
    ['one symbol short', 'GR-7KQ4M-9XD2'],
    ['one symbol long', 'GR-7KQ4M-9XD2AB'],
    ['with a U, which no code contains', 'GR-7KQ4M-9XD2U'],
    ['with punctuation', 'GR-7KQ4M-9XD2!'],
    ['with another prefix', 'XY-7KQ4M-9XD2A'],
    ['an access key', '4F7K-Q2MX-9ZDA-TT3P-8HNC'],
    ['with an accented letter', 'GR-7KQ4M-9XD2É'],
  ])('is refused when %s', (_label, typed) => {
    expect(normalizeReference(typed)).toBeNull();
  });
});

describe('an access key as typed', () => {
  it.each([
    ['as printed', '4F7K-Q2MX-9ZDA-TT3P-8HNC'],
    ['in lower case', '4f7k-q2mx-9zda-tt3p-8hnc'],
    ['with spaces', '4F7K Q2MX 9ZDA TT3P 8HNC'],
    ['without dashes', '4F7KQ2MX9ZDATT3P8HNC'],
    ['with a line break', '4F7K-Q2MX-9ZDA\nTT3P-8HNC'],
  ])('is found %s', (_label, typed) => {
    expect(normalizeAccessKey(typed)).toBe('4F7K-Q2MX-9ZDA-TT3P-8HNC');
  });

  it('reads O as zero and I or L as one', () => {
    expect(normalizeAccessKey('OOIL-oil0-ABCD-EFGH-JKMN')).toBe('0011-0110-ABCD-EFGH-JKMN');
  });

  it.each([
    ['empty', ''],
    ['one symbol short', '4F7K-Q2MX-9ZDA-TT3P-8HN'],
    ['one symbol long', '4F7K-Q2MX-9ZDA-TT3P-8HNCX'],
    ['with a U', '4F7K-Q2MX-9ZDA-TT3P-8HNU'],
    ['with punctuation', '4F7K-Q2MX-9ZDA-TT3P-8HN*'],
    ['a reference', 'GR-7KQ4M-9XD2A'],
  ])('is refused when %s', (_label, typed) => {
    expect(normalizeAccessKey(typed)).toBeNull();
  });
});

describe('checking an access key against its stored hash', () => {
  const accessKey = '4F7K-Q2MX-9ZDA-TT3P-8HNC';
  const stored = hashAccessKey(accessKey);

  it('stores a hash, not the key', () => {
    expect(stored).toMatch(/^[0-9a-f]{64}$/);
    expect(stored).not.toContain('4F7K');
    expect(hashAccessKey(accessKey)).toBe(stored);
  });

  it('matches the key, and the key as typed once normalized', () => {
    expect(accessKeyMatches(accessKey, stored)).toBe(true);
    expect(accessKeyMatches(normalizeAccessKey('4f7k q2mx 9zda tt3p 8hnc')!, stored)).toBe(true);
  });

  it('does not match another key, one symbol off, or a malformed hash', () => {
    expect(accessKeyMatches('4F7K-Q2MX-9ZDA-TT3P-8HND', stored)).toBe(false);
    expect(accessKeyMatches(newAccessKey(), stored)).toBe(false);
    expect(accessKeyMatches(accessKey, hashAccessKey('4F7K-Q2MX-9ZDA-TT3P-8HND'))).toBe(false);
    expect(accessKeyMatches(accessKey, '')).toBe(false);
    expect(accessKeyMatches(accessKey, stored.slice(0, 32))).toBe(false);
    expect(accessKeyMatches(accessKey, 'not a hash')).toBe(false);
  });
});
