// Column types drizzle does not ship.
import { customType } from 'drizzle-orm/pg-core';

/** Binary column; postgres.js answers with a Buffer, PGlite with a Uint8Array. */
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (value) => Buffer.from(value.buffer, value.byteOffset, value.byteLength),
  fromDriver: (value) => new Uint8Array(value.buffer, value.byteOffset, value.byteLength),
});
