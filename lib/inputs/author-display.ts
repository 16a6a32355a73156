// The name shown with an input. Personal data stays minimal: an organization's input
// shows the organization; assisted input shows only the name the person gave for that
// purpose (their account, if linked, is for following it, not for display); online
// input shows the account's public name (its pseudonym if it has one); e-mails are never
// shown. Online input whose account was deleted is a former participant's, with no name.
import type { InputChannel } from './vocabulary';

export interface AuthorDisplay {
  /** Null for anonymous assisted input, and for a deleted account. */
  name: string | null;
  /** Online input whose account was deleted: shown as "Former participant". */
  isFormerParticipant: boolean;
}

export interface AuthorFacts {
  channel: InputChannel;
  participantName: string | null;
  organizationName: string | null;
  /** The account's public name (lib/accounts/public-name.ts): null once deleted. */
  accountName: string | null;
}

export function authorDisplay({ channel, participantName, organizationName, accountName }: AuthorFacts): AuthorDisplay {
  if (organizationName !== null) return { name: organizationName, isFormerParticipant: false };
  if (channel !== 'online') return { name: participantName, isFormerParticipant: false };
  return { name: accountName, isFormerParticipant: accountName === null };
}
