// Deciding on a large request body before reading a byte of it (server/front-door.ts).
// The upload quotas of policies.ts are also enforced after the form is read
// (form-limits.ts), which keeps the disk bounded but not the processor: Next.js parses a
// whole 50 MiB multipart body before the action can refuse it. Here a body that cannot
// fit in what is left of the anonymous quotas, or one more than the server reads at once,
// is refused from its headers alone.
import { limiterFor } from './limits';
import { LARGE_BODY_BYTES, RATE_LIMIT_POLICIES } from './policies';
import { rateLimitKey, type RateLimitStore } from './store';

export interface InFlightGate {
  /** A release function when there is room (call it once the request is over), else null. */
  enter(key: string): (() => void) | null;
  readonly inFlight: number;
}

/** Counts requests in flight per key (an address, an account) and in total. */
export function createInFlightGate({ perKey, total = Infinity }: { perKey: number; total?: number }): InFlightGate {
  const byKey = new Map<string, number>();
  let inFlight = 0;
  return {
    enter(key) {
      const mine = byKey.get(key) ?? 0;
      if (mine >= perKey || inFlight >= total) return null;
      byKey.set(key, mine + 1);
      inFlight += 1;
      let isReleased = false;
      return () => {
        if (isReleased) return;
        isReleased = true;
        inFlight -= 1;
        const left = (byKey.get(key) ?? 1) - 1;
        if (left > 0) byKey.set(key, left);
        else byKey.delete(key);
      };
    },
    get inFlight() {
      return inFlight;
    },
  };
}

export interface UploadRoom {
  /** KiB an anonymous person at this address may still upload now. */
  kibibytes: number;
  /** When the quota that leaves the least room frees up again. */
  retryAfterMs: number;
}

/** What is left of the anonymous upload quotas for an address: the smaller of its own and everyone's. */
export async function anonymousUploadRoom(store: RateLimitStore, address: string): Promise<UploadRoom> {
  const quotas = [
    { name: 'anonymousUploadKiBPerAddress', key: rateLimitKey('address', address) },
    { name: 'anonymousUploadKiBTotal', key: 'everyone' },
  ] as const;
  const rooms = await Promise.all(
    quotas.map(async ({ name, key }) => {
      const used = await limiterFor(store, name).get(key);
      return { kibibytes: Math.max(0, RATE_LIMIT_POLICIES[name].points - (used?.consumedPoints ?? 0)), retryAfterMs: used?.msBeforeNext ?? 0 };
    }),
  );
  return rooms.reduce((least, room) => (room.kibibytes < least.kibibytes ? room : least));
}

/**
 * anonymousUploadRoom, remembered per address for `ttlMs` (a spent quota until its window
 * ends, up to a minute): under a flood of refused uploads the counters' store is asked
 * about once a second per address, not for every request.
 * The room only shrinks within a window, so a remembered one refuses nothing it should
 * not; an upload it admits that no longer fits is still refused once read (form-limits.ts).
 */
export function cachedUploadRoom(store: RateLimitStore, { ttlMs = 1000, maxAddresses = 10_000, now = () => Date.now() } = {}) {
  const remembered = new Map<string, { room: Promise<UploadRoom>; until: number }>();
  return (address: string): Promise<UploadRoom> => {
    const at = now();
    const known = remembered.get(address);
    if (known && known.until > at) return known.room;
    if (remembered.size >= maxAddresses) remembered.clear();
    const room = anonymousUploadRoom(store, address);
    const entry = { room, until: at + ttlMs };
    remembered.set(address, entry);
    room.then(
      // No room at all stays so until the window ends: remembered that long, up to a minute.
      (found) => {
        if (found.kibibytes === 0) entry.until = Math.max(entry.until, at + Math.min(found.retryAfterMs, 60_000));
      },
      // A failed lookup is not remembered.
      () => remembered.delete(address),
    );
    return room;
  };
}

/** A token bucket for bytes: how long to wait before reading more, after `bytes` were read. */
export function createByteBucket({ bytesPerSecond, burstBytes }: { bytesPerSecond: number; burstBytes: number }, now = () => performance.now()) {
  let tokens = burstBytes;
  let last = now();
  return {
    take(bytes: number): number {
      const at = now();
      tokens = Math.min(burstBytes, tokens + ((at - last) / 1000) * bytesPerSecond) - bytes;
      last = at;
      return tokens >= 0 ? 0 : (-tokens / bytesPerSecond) * 1000;
    },
  };
}

/**
 * Whether a body of `declaredBytes` may carry more files than the room left. A form's
 * other fields are small, so the body may exceed the room by up to LARGE_BODY_BYTES
 * before it is refused here; form-limits.ts counts the files exactly once they are read.
 */
export function exceedsUploadRoom(declaredBytes: number, room: UploadRoom): boolean {
  return Math.ceil((declaredBytes - LARGE_BODY_BYTES) / 1024) > room.kibibytes;
}
