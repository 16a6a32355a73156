import { describe, expect, it } from 'vitest';
import { parseEnvironment, shouldSeedDemo } from '@/lib/env';

describe('environment', () => {
  it('defaults to the embedded database on port 3000 with demo data', () => {
    const environment = parseEnvironment({});
    expect(environment).toMatchObject({ PORT: 3000, DATA_DIR: '.data', TIME_ZONE: 'UTC', TRUST_PROXY: false });
    expect(environment.DATABASE_URL).toBeUndefined();
    expect(shouldSeedDemo(environment)).toBe(true);
  });

  it('does not seed demo data into a real PostgreSQL unless asked', () => {
    const url = 'postgres://postgres@127.0.0.1:5432/participa';
    expect(shouldSeedDemo(parseEnvironment({ DATABASE_URL: url }))).toBe(false);
    expect(shouldSeedDemo(parseEnvironment({ DATABASE_URL: url, SEED_DEMO: 'true' }))).toBe(true);
    expect(shouldSeedDemo(parseEnvironment({ SEED_DEMO: 'false' }))).toBe(false);
  });

  it('treats empty values as unset', () => {
    expect(parseEnvironment({ DATABASE_URL: '', PORT: '' })).toMatchObject({ PORT: 3000 });
  });

  it('names every wrong variable in one message', () => {
    const problems = () => parseEnvironment({ PORT: 'eighty', DATABASE_URL: 'mysql://x', TIME_ZONE: 'Mars/Olympus', SEED_DEMO: 'perhaps' });
    for (const variable of ['PORT', 'DATABASE_URL', 'TIME_ZONE', 'SEED_DEMO']) {
      expect(problems).toThrow(new RegExp(variable));
    }
  });

  it('refuses a short session secret', () => {
    expect(() => parseEnvironment({ AUTH_SECRET: 'short' })).toThrow(/AUTH_SECRET/);
  });
});
