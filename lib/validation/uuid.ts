// Ids in addresses and forms are UUIDs; anything else names no row and is never sent
// to the database (PostgreSQL would answer a malformed uuid with an error, not "none").

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}
