// Logging of the collaboration server. Lines name documents and connections, never
// message contents: documents can hold personal data (contact details on the map).
import { logError } from '@/lib/log';

export interface CollabLogger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string, error?: unknown): void;
}

export const consoleCollabLogger: CollabLogger = {
  info: (message) => console.log(`[participa collab] ${message}`),
  warn: (message) => console.warn(`[participa collab] ${message}`),
  error: (message, error) => logError(`collab: ${message}`, error ?? ''),
};
