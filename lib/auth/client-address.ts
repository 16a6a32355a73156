// The address a request came from. server/index.ts works it out from the socket (or,
// behind a trusted proxy, the proxy's X-Forwarded-For entry) and stamps it on every
// request under CLIENT_ADDRESS_HEADER, replacing whatever the client sent by that name.
export const CLIENT_ADDRESS_HEADER = 'x-participa-client-address';

/**
 * Behind a trusted proxy the last X-Forwarded-For entry is the one that proxy added;
 * the entries before it were written by the client and prove nothing.
 */
export function resolveClientAddress({
  socketAddress,
  forwardedFor,
  trustProxy,
}: {
  socketAddress: string | undefined;
  forwardedFor: string | string[] | undefined;
  trustProxy: boolean;
}): string {
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor;
  const proxied = trustProxy && header ? header.split(',').at(-1)?.trim() : undefined;
  return proxied || socketAddress || 'unknown';
}

export function clientAddressFrom(headers: Headers | Record<string, unknown>): string {
  const value = headers instanceof Headers ? headers.get(CLIENT_ADDRESS_HEADER) : headers[CLIENT_ADDRESS_HEADER];
  return typeof value === 'string' && value.length > 0 && value.length <= 64 ? value : 'unknown';
}
