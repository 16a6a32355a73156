// How many collaboration sockets one user and one client address may hold and open.
// Counted in this process: a socket lives in exactly one process, so with several
// processes behind a load balancer each enforces its own share (README, "Live
// collaboration"). The opening rate uses rate-limiter-flexible's in-memory limiter,
// the library the app's other rate limits use, rather than another hand-made bucket.
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

export interface SocketLimits {
  maxPerUser: number;
  maxPerAddress: number;
  openingsPerMinutePerUser: number;
  openingsPerMinutePerAddress: number;
}

export const DEFAULT_SOCKET_LIMITS: SocketLimits = { maxPerUser: 20, maxPerAddress: 60, openingsPerMinutePerUser: 60, openingsPerMinutePerAddress: 180 };

/** Why an upgrade is refused with 429, in words for whoever reads the response. */
export interface SocketRefusal {
  message: string;
  retryAfterSeconds?: number;
}

/** Open sockets per key; a key with none is forgotten. */
export class OpenSocketCounts {
  private readonly counts = new Map<string, number>();

  /** Takes a slot unless the key holds `max` already; the returned release is idempotent. */
  take(key: string, max: number): (() => void) | null {
    const current = this.counts.get(key) ?? 0;
    if (current >= max) return null;
    this.counts.set(key, current + 1);
    let isReleased = false;
    return () => {
      if (isReleased) return;
      isReleased = true;
      const left = (this.counts.get(key) ?? 1) - 1;
      if (left > 0) this.counts.set(key, left);
      else this.counts.delete(key);
    };
  }

  count(key: string): number {
    return this.counts.get(key) ?? 0;
  }
}

export class SocketAdmission {
  private readonly open = new OpenSocketCounts();
  private readonly userOpenings: RateLimiterMemory;
  private readonly addressOpenings: RateLimiterMemory;

  constructor(private readonly limits: SocketLimits) {
    this.userOpenings = new RateLimiterMemory({ keyPrefix: 'collab-user', points: limits.openingsPerMinutePerUser, duration: 60 });
    this.addressOpenings = new RateLimiterMemory({ keyPrefix: 'collab-address', points: limits.openingsPerMinutePerAddress, duration: 60 });
  }

  /** Before the token is read: the address's share. On success, a slot held until `release`. */
  admitAddress(address: string): Promise<{ release(): void } | SocketRefusal> {
    return this.admit(`address:${address}`, this.limits.maxPerAddress, this.addressOpenings, address, 'Too many open connections from your network address; close some tabs or try again later.');
  }

  /** After the token is verified: the user's share. */
  admitUser(userId: string): Promise<{ release(): void } | SocketRefusal> {
    return this.admit(`user:${userId}`, this.limits.maxPerUser, this.userOpenings, userId, 'Too many open connections for your account; close some tabs or try again later.');
  }

  private async admit(
    key: string,
    max: number,
    openings: RateLimiterMemory,
    rateKey: string,
    tooManyOpen: string,
  ): Promise<{ release(): void } | SocketRefusal> {
    const release = this.open.take(key, max);
    if (!release) return { message: tooManyOpen };
    try {
      await openings.consume(rateKey);
      return { release };
    } catch (rejection) {
      release();
      const waitMs = rejection instanceof RateLimiterRes ? rejection.msBeforeNext : 60_000;
      return { message: 'Too many new connections in a short time; try again in a minute.', retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
    }
  }
}

export function isRefusal(result: { release(): void } | SocketRefusal): result is SocketRefusal {
  return 'message' in result;
}
