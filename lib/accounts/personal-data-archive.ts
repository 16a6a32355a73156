// The personal-data download: one ZIP file (fflate) with the data as JSON, for another
// service to read (art. 20), and the same data as a page anyone can open in a browser
// (art. 15). The page is self-contained: no script, no outside resource.
import { strToU8, zipSync } from 'fflate';
import type { PersonalData } from './personal-data';

/** Labels of the readable page, in the person's language (catalogue namespace dataExport). */
export type ExportTranslator = (key: string, values?: Record<string, string | number>) => string;

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

function cell(value: unknown): string {
  if (value === null || value === undefined || value === '') return '<td>—</td>';
  return `<td>${escapeHtml(typeof value === 'string' ? value : JSON.stringify(value))}</td>`;
}

function table(t: ExportTranslator, section: string, rows: ReadonlyArray<Record<string, unknown>>, columns: readonly string[]): string {
  const heading = `<h2>${escapeHtml(t(`section.${section}`))} (${rows.length})</h2>`;
  if (rows.length === 0) return `${heading}<p>${escapeHtml(t('none'))}</p>`;
  const head = columns.map((column) => `<th scope="col">${escapeHtml(t(`field.${column}`))}</th>`).join('');
  const body = rows.map((row) => `<tr>${columns.map((column) => cell(row[column])).join('')}</tr>`).join('\n');
  return `${heading}<table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

export function personalDataPage(data: PersonalData, t: ExportTranslator, locale: string): string {
  const accountRows = Object.entries(data.account).map(([field, value]) => `<tr><th scope="row">${escapeHtml(t(`field.${field}`))}</th>${cell(value)}</tr>`).join('\n');
  const grievanceHistory = data.grievances.flatMap((grievance) => grievance.history.map((event) => ({ reference: grievance.reference, ...event })));
  return `<!doctype html>
<html lang="${escapeHtml(locale)}">
<head><meta charset="utf-8"><title>${escapeHtml(t('title'))}</title>
<style>body{font-family:system-ui,sans-serif;max-width:70rem;margin:2rem auto;padding:0 1rem;line-height:1.5}table{border-collapse:collapse;width:100%;margin-bottom:1.5rem}th,td{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}td{white-space:pre-wrap}</style>
</head>
<body>
<h1>${escapeHtml(t('title'))}</h1>
<p>${escapeHtml(t('lead', { date: data.exportedAt }))}</p>
<h2>${escapeHtml(t('section.account'))}</h2>
<table><tbody>
${accountRows}
</tbody></table>
${table(t, 'agreements', data.agreements, ['document', 'version', 'acceptedAt'])}
${table(t, 'sessions', data.sessions, ['startedAt', 'expiresAt', 'endedAt'])}
${table(t, 'identityProviderAccounts', data.identityProviderAccounts, ['issuer', 'subject', 'linkedAt'])}
${table(t, 'organizations', data.organizations, ['name', 'joinedAt'])}
${table(t, 'inputs', data.inputs, ['consultation', 'number', 'inReplyTo', 'kind', 'title', 'text', 'status', 'onBehalfOf', 'channel', 'createdAt'])}
${table(t, 'supports', data.supports, ['consultation', 'inputNumber', 'givenAt'])}
${table(t, 'reports', data.reports, ['consultation', 'inputNumber', 'reason', 'note', 'reportedAt', 'resolvedAt'])}
${table(t, 'notifications', data.notifications, ['kind', 'consultation', 'inputNumber', 'grievanceReference', 'note', 'createdAt', 'readAt'])}
${table(t, 'grievances', data.grievances, ['reference', 'category', 'description', 'place', 'eventDate', 'outcomeSought', 'isConfidential', 'contactName', 'contactEmail', 'contactPhone', 'status', 'receivedAt', 'closedAt'])}
${table(t, 'grievanceHistory', grievanceHistory, ['reference', 'step', 'status', 'byComplainant', 'message', 'at'])}
${table(t, 'mapEdits', data.mapEdits, ['document', 'changes', 'bytes', 'at'])}
</body>
</html>
`;
}

export const PERSONAL_DATA_FILES = { json: 'participa-personal-data.json', html: 'participa-personal-data.html' } as const;

/** The ZIP file's bytes. */
export function personalDataArchive(data: PersonalData, t: ExportTranslator, locale: string): Uint8Array {
  return zipSync({
    [PERSONAL_DATA_FILES.json]: strToU8(`${JSON.stringify(data, null, 2)}\n`),
    [PERSONAL_DATA_FILES.html]: strToU8(personalDataPage(data, t, locale)),
  });
}
