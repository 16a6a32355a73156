// From a stored case to the inputs of the pure rules: the workflow's CaseState and the
// deadline clock's CaseTimes.
import type { grievanceChannels, grievances } from '@/db/schema';
import { isAppealWindowOpen, type CaseTimes } from './deadlines';
import type { CaseState } from './workflow';
import type { DeadlineDays } from './vocabulary';

export type StoredCase = Pick<
  typeof grievances.$inferSelect,
  'status' | 'assignedOfficerId' | 'resolutionAccepted' | 'receivedAt' | 'acknowledgedAt' | 'respondedAt' | 'appealedAt' | 'statusChangedAt'
>;

export function deadlineDaysOf(channel: Pick<typeof grievanceChannels.$inferSelect, keyof DeadlineDays>): DeadlineDays {
  return {
    acknowledgeDays: channel.acknowledgeDays,
    resolveDays: channel.resolveDays,
    appealDays: channel.appealDays,
    appealDecisionDays: channel.appealDecisionDays,
  };
}

export function caseTimesOf(stored: StoredCase): CaseTimes {
  return {
    status: stored.status,
    receivedAt: stored.receivedAt,
    acknowledgedAt: stored.acknowledgedAt,
    respondedAt: stored.respondedAt,
    appealedAt: stored.appealedAt,
    statusChangedAt: stored.statusChangedAt,
    resolutionAccepted: stored.resolutionAccepted,
  };
}

export function caseStateOf(stored: StoredCase, days: DeadlineDays, now: Date): CaseState {
  return {
    status: stored.status,
    assignedOfficerId: stored.assignedOfficerId,
    resolutionAccepted: stored.resolutionAccepted,
    hasBeenAppealed: stored.appealedAt !== null,
    isAppealWindowOpen: isAppealWindowOpen(caseTimesOf(stored), days, now),
  };
}
