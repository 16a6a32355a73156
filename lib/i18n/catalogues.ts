// The message catalogue of every supported locale, one JSON file per area of the app
// (lib/i18n/messages/<locale>/<area>.json), each holding its own top-level namespaces.
// Typed by Locale, so adding a locale to config.ts without its catalogue fails the
// type check; tests/unit/catalogue.test.ts checks that no namespace is in two files.
import type { Locale } from './config';
import accounts from './messages/en/accounts.json';
import consultations from './messages/en/consultations.json';
import core from './messages/en/core.json';
import decisionManage from './messages/en/decision-manage.json';
import decisions from './messages/en/decisions.json';
import documents from './messages/en/documents.json';
import grievanceCases from './messages/en/grievance-cases.json';
import grievanceChannels from './messages/en/grievance-channels.json';
import grievances from './messages/en/grievances.json';
import inputs from './messages/en/inputs.json';
import moderation from './messages/en/moderation.json';
import notifications from './messages/en/notifications.json';
import participation from './messages/en/participation.json';
import report from './messages/en/report.json';
import responses from './messages/en/responses.json';
import stakeholderMap from './messages/en/stakeholder-map.json';

const en = { ...core, ...accounts, ...consultations, ...documents, ...inputs, ...moderation, ...notifications, ...grievances, ...grievanceCases, ...grievanceChannels, ...decisions, ...decisionManage, ...responses, ...report, ...participation, ...stakeholderMap };

export type Messages = typeof en;

export const catalogues: Record<Locale, Messages> = { en };
