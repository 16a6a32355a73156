// Large bodies are decided on from their headers: how many are read at once, and whether
// an anonymous one can still fit in the upload quotas.
import { describe, expect, it } from 'vitest';
import { consumeRateLimit, limiterFor } from '@/lib/rate-limit/limits';
import { anonymousUploadRoom, cachedUploadRoom, createByteBucket, createInFlightGate, exceedsUploadRoom } from '@/lib/rate-limit/large-bodies';
import { LARGE_BODY_BYTES, RATE_LIMIT_POLICIES } from '@/lib/rate-limit/policies';
import { memoryRateLimitStore, rateLimitKey } from '@/lib/rate-limit/store';

const MIB = 1024 * 1024;

describe('createInFlightGate', () => {
  it('lets each address read a few bodies at once and everyone together a few more', () => {
    const gate = createInFlightGate({ perKey: 2, total: 3 });
    const first = gate.enter('192.0.2.1');
    const second = gate.enter('192.0.2.1');
    expect(first).not.toBeNull();
    expect(second).not.toBeNull();
    expect(gate.enter('192.0.2.1')).toBeNull();
    // Another address still gets in, until the total is reached.
    const third = gate.enter('192.0.2.2');
    expect(third).not.toBeNull();
    expect(gate.enter('192.0.2.3')).toBeNull();
    third!();
    expect(gate.enter('192.0.2.3')).not.toBeNull();
  });

  it('frees a place once per request, however often the request reports that it ended', () => {
    const gate = createInFlightGate({ perKey: 1, total: 2 });
    const release = gate.enter('192.0.2.1')!;
    release();
    release();
    expect(gate.inFlight).toBe(0);
    expect(gate.enter('192.0.2.1')).not.toBeNull();
    expect(gate.enter('192.0.2.2')).not.toBeNull();
    expect(gate.enter('192.0.2.3')).toBeNull();
  });

  it('without a total, holds each key to its own share only', () => {
    const gate = createInFlightGate({ perKey: 1 });
    for (let account = 0; account < 50; account += 1) expect(gate.enter(`account-${account}`)).not.toBeNull();
    expect(gate.enter('account-0')).toBeNull();
  });
});

describe('anonymousUploadRoom', () => {
  it('is the whole per-address quota for an address that sent nothing', async () => {
    const room = await anonymousUploadRoom(memoryRateLimitStore(), '192.0.2.1');
    expect(room.kibibytes).toBe(RATE_LIMIT_POLICIES.anonymousUploadKiBPerAddress.points);
  });

  it('shrinks with what the address sent, and with what everyone sent once that is the smaller', async () => {
    const store = memoryRateLimitStore();
    const perAddress = RATE_LIMIT_POLICIES.anonymousUploadKiBPerAddress.points;
    await consumeRateLimit(store, 'anonymousUploadKiBPerAddress', rateLimitKey('address', '192.0.2.1'), perAddress - 300);
    const own = await anonymousUploadRoom(store, '192.0.2.1');
    expect(own.kibibytes).toBe(300);
    expect(own.retryAfterMs).toBeGreaterThan(0);
    expect((await anonymousUploadRoom(store, '192.0.2.2')).kibibytes).toBe(perAddress);

    await consumeRateLimit(store, 'anonymousUploadKiBTotal', 'everyone', RATE_LIMIT_POLICIES.anonymousUploadKiBTotal.points - 100);
    expect((await anonymousUploadRoom(store, '192.0.2.2')).kibibytes).toBe(100);
  });
});

describe('exceedsUploadRoom', () => {
  it('allows for the form’s other fields before refusing a body', () => {
    const room = { kibibytes: 10 * 1024, retryAfterMs: 0 };
    // Ten MiB of files plus the form's text fits; twenty does not.
    expect(exceedsUploadRoom(10 * MIB + 20_000, room)).toBe(false);
    expect(exceedsUploadRoom(20 * MIB, room)).toBe(true);
    expect(exceedsUploadRoom(LARGE_BODY_BYTES + 1024, { kibibytes: 0, retryAfterMs: 1000 })).toBe(true);
  });
});

describe('cachedUploadRoom', () => {
  it('asks the counters once per address within its time, and again after it', async () => {
    const store = memoryRateLimitStore();
    let clock = 0;
    const room = cachedUploadRoom(store, { ttlMs: 1000, now: () => clock });
    const perAddress = RATE_LIMIT_POLICIES.anonymousUploadKiBPerAddress.points;
    expect((await room('192.0.2.1')).kibibytes).toBe(perAddress);
    await consumeRateLimit(store, 'anonymousUploadKiBPerAddress', rateLimitKey('address', '192.0.2.1'), perAddress);
    expect((await room('192.0.2.1')).kibibytes).toBe(perAddress);
    clock = 1001;
    expect((await room('192.0.2.1')).kibibytes).toBe(0);
  });

  it('remembers a spent quota until its window ends, up to a minute, and then asks again', async () => {
    const store = memoryRateLimitStore();
    let clock = 0;
    const room = cachedUploadRoom(store, { ttlMs: 1000, now: () => clock });
    const perAddress = RATE_LIMIT_POLICIES.anonymousUploadKiBPerAddress.points;
    await consumeRateLimit(store, 'anonymousUploadKiBPerAddress', rateLimitKey('address', '192.0.2.1'), perAddress);
    expect((await room('192.0.2.1')).kibibytes).toBe(0);
    // Even if the counters were reset meanwhile, the spent quota is remembered for the minute.
    await limiterFor(store, 'anonymousUploadKiBPerAddress').delete(rateLimitKey('address', '192.0.2.1'));
    clock = 59_000;
    expect((await room('192.0.2.1')).kibibytes).toBe(0);
    clock = 60_001;
    expect((await room('192.0.2.1')).kibibytes).toBe(perAddress);
  });
});

describe('createByteBucket', () => {
  it('lets a burst through at once, then asks to wait as long as the excess takes at the rate', () => {
    let clock = 0;
    const bucket = createByteBucket({ bytesPerSecond: 1000, burstBytes: 500 }, () => clock);
    expect(bucket.take(500)).toBe(0);
    expect(bucket.take(250)).toBe(250);
    clock = 250;
    expect(bucket.take(0)).toBe(0);
    // Idle time refills no more than the burst.
    clock = 60_000;
    expect(bucket.take(500)).toBe(0);
    expect(bucket.take(1000)).toBe(1000);
  });
});
