// What a form costs against the rate limits: counted per account or per address, and
// anonymous files in bytes per address and for everyone, with a refusal that names the
// file field so the person can send the form without them.
import { describe, expect, it } from 'vitest';
import { ANONYMOUS, type Actor } from '@/lib/auth/actor';
import type { AppError } from '@/lib/errors';
import { countFormAgainstLimits } from '@/lib/rate-limit/form-limits';
import { consumeRateLimit } from '@/lib/rate-limit/limits';
import { RATE_LIMIT_POLICIES } from '@/lib/rate-limit/policies';
import { memoryRateLimitStore, rateLimitKey } from '@/lib/rate-limit/store';

const resident: Actor = { kind: 'user', id: '7f1c6a52-3a43-4a35-9a7a-3b1b4b0a8c11', name: 'Rosa', role: 'resident' };
const refusal = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error as AppError);

function formWithFile(bytes: number): FormData {
  const form = new FormData();
  form.set('description', 'Noise at night.');
  form.set('attachments', new File([new Uint8Array(bytes)], 'scan.pdf'));
  return form;
}

describe('countFormAgainstLimits', () => {
  it('counts an anonymous person by address and a signed-in one by account', async () => {
    const store = memoryRateLimitStore();
    const { points } = RATE_LIMIT_POLICIES.grievanceFiling;
    const file = (actor: Actor, address: string) => countFormAgainstLimits({ store, actor, address, formData: new FormData(), limits: ['grievanceFiling'] });
    for (let filing = 0; filing < points; filing += 1) await file(ANONYMOUS, '192.0.2.1');
    expect(await refusal(file(ANONYMOUS, '192.0.2.1'))).toMatchObject({ code: 'rate_limited', status: 429 });
    // The same address signed in, and another address, are counted apart.
    await expect(file(resident, '192.0.2.1')).resolves.toBeUndefined();
    await expect(file(ANONYMOUS, '192.0.2.2')).resolves.toBeUndefined();
  });

  it('refuses anonymous files past the per-address quota at the file field, and still takes a form without files', async () => {
    const store = memoryRateLimitStore();
    const quotaBytes = RATE_LIMIT_POLICIES.anonymousUploadKiBPerAddress.points * 1024;
    const send = (formData: FormData, actor: Actor = ANONYMOUS) => countFormAgainstLimits({ store, actor, address: '198.51.100.5', formData, limits: [] });
    // 10 KiB left, then 20 KiB sent.
    await send(formWithFile(quotaBytes - 10 * 1024));
    const refused = await refusal(send(formWithFile(20 * 1024)));
    expect(refused).toMatchObject({ code: 'rate_limited', fieldErrors: { attachments: 'uploadQuotaReached' } });
    expect(refused!.retryAfterSeconds).toBeGreaterThan(0);
    await expect(send(new FormData())).resolves.toBeUndefined();
    // Signed in, files are not counted against the anonymous quotas.
    await expect(send(formWithFile(1000), resident)).resolves.toBeUndefined();
  });

  it('bounds anonymous files from all addresses together, without spending an address’s share on a refused upload', async () => {
    const store = memoryRateLimitStore();
    // Other addresses have sent all but 500 KiB of today's total.
    await consumeRateLimit(store, 'anonymousUploadKiBTotal', 'everyone', RATE_LIMIT_POLICIES.anonymousUploadKiBTotal.points - 500);
    const send = (bytes: number) => countFormAgainstLimits({ store, actor: ANONYMOUS, address: '203.0.113.250', formData: formWithFile(bytes), limits: [] });
    expect(await refusal(send(1000 * 1024))).toMatchObject({ code: 'rate_limited', fieldErrors: { attachments: 'uploadQuotaReached' } });
    // The refused address can still send what is left of the total, and its own share is whole.
    await expect(send(500 * 1024)).resolves.toBeUndefined();
    const perAddress = RATE_LIMIT_POLICIES.anonymousUploadKiBPerAddress.points;
    await expect(consumeRateLimit(store, 'anonymousUploadKiBPerAddress', rateLimitKey('address', '203.0.113.250'), perAddress - 500)).resolves.toBeUndefined();
  });
});
