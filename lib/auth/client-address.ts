// The address a request came from, as stamped by server/index.ts. The server
// overwrites this header on every request, so a client cannot choose its value.
export const CLIENT_ADDRESS_HEADER = 'x-participa-client-address';

export function clientAddressFrom(headers: Headers | Record<string, unknown>): string {
  const value = headers instanceof Headers ? headers.get(CLIENT_ADDRESS_HEADER) : headers[CLIENT_ADDRESS_HEADER];
  return typeof value === 'string' && value.length > 0 && value.length <= 64 ? value : 'unknown';
}
