// The browser side of a refused update: y-websocket only logs the server's
// permission-denied message to the console, so the page takes it over to tell the
// person, in their language, why their change was not saved.
import * as authProtocol from 'y-protocols/auth';
import type { WebsocketProvider } from 'y-websocket';
import { parseRefusal, type UpdateRefusal } from './document-limits';

/** The y-websocket message type of auth (permission) messages. */
const MESSAGE_AUTH = 2;

export function listenForRefusals(provider: WebsocketProvider, onRefusal: (refusal: UpdateRefusal | null) => void): void {
  provider.messageHandlers[MESSAGE_AUTH] = (_encoder, decoder) => {
    authProtocol.readAuthMessage(decoder, provider.doc, (_doc, reason) => onRefusal(parseRefusal(reason)));
  };
}
