// The name shown with an input. Personal data stays minimal: an organization's input
// shows the organization; assisted input shows only the name the person gave for that
// purpose (their account, if linked, is for following it, not for display); e-mails
// are never shown.
import type { InputChannel } from './vocabulary';

export interface AuthorDisplay {
  /** Null for anonymous assisted input, or when the account was deleted. */
  name: string | null;
}

export interface AuthorFacts {
  channel: InputChannel;
  participantName: string | null;
  organizationName: string | null;
  accountName: string | null;
}

export function authorDisplay({ channel, participantName, organizationName, accountName }: AuthorFacts): AuthorDisplay {
  if (organizationName !== null) return { name: organizationName };
  if (channel !== 'online') return { name: participantName };
  return { name: accountName };
}
