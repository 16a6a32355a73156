// The y-websocket wire protocol, as spoken by the y-websocket 3.x browser provider:
// every message starts with a varUint type; sync messages carry a y-protocols sync
// message, awareness messages an awareness update, auth messages a permission answer.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { Awareness } from 'y-protocols/awareness';
import { encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as authProtocol from 'y-protocols/auth';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import type { DecodedUpdate } from './update-check';

export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_AUTH = 2;
export const MESSAGE_QUERY_AWARENESS = 3;

export const SYNC_STEP_1 = syncProtocol.messageYjsSyncStep1;
export const SYNC_STEP_2 = syncProtocol.messageYjsSyncStep2;
export const SYNC_UPDATE = syncProtocol.messageYjsUpdate;

/** Close codes this server uses; documented in README. */
export const CLOSE_CODES = {
  goingAway: 1001,
  /** ws closes with this itself when a message exceeds maxPayload. */
  messageTooBig: 1009,
  internalError: 1011,
  /** The token the connection was opened with expired: reconnect with a fresh one, so access is decided again. */
  tokenExpired: 4001,
  rateLimited: 4008,
  tooManyInvalidMessages: 4009,
} as const;

export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.writeSyncStep1(encoder, doc);
  return encoding.toUint8Array(encoder);
}

export function encodeSyncStep2(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.writeSyncStep2(encoder, doc, stateVector);
  return encoding.toUint8Array(encoder);
}

export function encodeUpdateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

export function encodeAwarenessMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

export function encodeAwarenessStates(awareness: Awareness, clientIds: number[]): Uint8Array {
  return encodeAwarenessMessage(encodeAwarenessUpdate(awareness, clientIds));
}

export function encodePermissionDenied(reason: string): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AUTH);
  authProtocol.writePermissionDenied(encoder, reason);
  return encoding.toUint8Array(encoder);
}

/** A client message, decoded and checked far enough to act on it safely. */
export type ClientMessage =
  | { type: 'syncStep1'; stateVector: Uint8Array }
  | { type: 'update'; update: Uint8Array; decoded: DecodedUpdate; step: 'syncStep2' | 'update' }
  | { type: 'awareness'; update: Uint8Array; entries: AwarenessEntry[] }
  | { type: 'queryAwareness' };

export interface AwarenessEntry {
  clientId: number;
  clock: number;
  /** null when the client says it left. */
  state: unknown;
}

export class MalformedMessageError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'MalformedMessageError';
  }
}

function requireFullyRead(decoder: decoding.Decoder): void {
  if (decoding.hasContent(decoder)) throw new MalformedMessageError('trailing bytes');
}

/** Reads an awareness update entirely, so nothing malformed reaches the Awareness instance. */
export function readAwarenessUpdate(update: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  if (count > 64) throw new MalformedMessageError('too many awareness entries');
  const entries: AwarenessEntry[] = [];
  for (let index = 0; index < count; index += 1) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const json = decoding.readVarString(decoder);
    let state: unknown;
    try {
      state = JSON.parse(json);
    } catch {
      throw new MalformedMessageError('awareness state is not JSON');
    }
    entries.push({ clientId, clock, state });
  }
  requireFullyRead(decoder);
  return entries;
}

/** Encodes awareness entries as an awareness update (the inverse of readAwarenessUpdate). */
export function encodeAwarenessEntries(entries: readonly AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const { clientId, clock, state } of entries) {
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, JSON.stringify(state));
  }
  return encoding.toUint8Array(encoder);
}

/** Whether an update would change nothing (an empty sync step 2 is routine). */
export function isEmptyUpdate(update: Uint8Array | DecodedUpdate): boolean {
  const { structs, ds } = update instanceof Uint8Array ? Y.decodeUpdate(update) : update;
  return structs.length === 0 && ds.clients.size === 0;
}

/**
 * Decodes one message from a client. Throws MalformedMessageError for anything that is
 * not a well-formed y-websocket message, including Yjs updates that do not decode.
 */
export function decodeClientMessage(data: Uint8Array): ClientMessage {
  try {
    const decoder = decoding.createDecoder(data);
    const messageType = decoding.readVarUint(decoder);
    switch (messageType) {
      case MESSAGE_SYNC: {
        const syncType = decoding.readVarUint(decoder);
        const payload = decoding.readVarUint8Array(decoder);
        requireFullyRead(decoder);
        if (syncType === SYNC_STEP_1) {
          // A state vector is a count then client/clock pairs; decoding checks it.
          Y.decodeStateVector(payload);
          return { type: 'syncStep1', stateVector: payload };
        }
        if (syncType === SYNC_STEP_2 || syncType === SYNC_UPDATE) {
          // Decoded once here: the document checks what it carries before applying it.
          return { type: 'update', update: payload, decoded: Y.decodeUpdate(payload), step: syncType === SYNC_STEP_2 ? 'syncStep2' : 'update' };
        }
        throw new MalformedMessageError(`unknown sync message ${syncType}`);
      }
      case MESSAGE_AWARENESS: {
        const update = decoding.readVarUint8Array(decoder);
        requireFullyRead(decoder);
        return { type: 'awareness', update, entries: readAwarenessUpdate(update) };
      }
      case MESSAGE_QUERY_AWARENESS:
        requireFullyRead(decoder);
        return { type: 'queryAwareness' };
      default:
        throw new MalformedMessageError(`unknown message type ${messageType}`);
    }
  } catch (error) {
    if (error instanceof MalformedMessageError) throw error;
    // lib0 and Yjs throw plain errors (or worse) on truncated or garbled input.
    throw new MalformedMessageError(error instanceof Error ? error.message : 'undecodable message');
  }
}
