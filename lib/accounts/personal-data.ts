// Everything Participa stores about one person (GDPR art. 15 and 20), gathered for the
// download on their account page: the account, agreements, sessions, memberships, inputs
// and replies, supports, reports, notifications, grievances filed while signed in (with
// their history) and their attributed edits of stakeholder maps. Only this person's own
// data: other people's names in the same consultations are not theirs to take away.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import {
  collabEdits,
  collabUpdates,
  consultations,
  grievanceEvents,
  grievances,
  identityLinks,
  inputReports,
  inputs,
  inputSupports,
  memberships,
  notifications,
  organizations,
  userSessions,
  users,
} from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { authorize } from '@/lib/auth/policy';
import { AppError } from '@/lib/errors';
import { consentsOf } from './legal-documents';
import { isLiveAccount } from './public-name';

export interface PersonalData {
  exportedAt: string;
  account: {
    id: string;
    name: string;
    pseudonym: string | null;
    email: string;
    emailVerifiedAt: string | null;
    role: string;
    locale: string;
    emailDelivery: string;
    createdAt: string;
    signsInWithPassword: boolean;
  };
  agreements: Array<{ document: string; version: number; acceptedAt: string }>;
  sessions: Array<{ startedAt: string; expiresAt: string; endedAt: string | null }>;
  identityProviderAccounts: Array<{ issuer: string; subject: string; linkedAt: string }>;
  organizations: Array<{ name: string; joinedAt: string }>;
  inputs: Array<{
    consultation: string;
    number: number;
    isReply: boolean;
    inReplyTo: number | null;
    kind: string | null;
    title: string | null;
    text: string;
    status: string;
    onBehalfOf: string | null;
    channel: string;
    createdAt: string;
  }>;
  supports: Array<{ consultation: string; inputNumber: number; givenAt: string }>;
  reports: Array<{ consultation: string; inputNumber: number; reason: string; note: string | null; reportedAt: string; resolvedAt: string | null }>;
  notifications: Array<{ kind: string; consultation: string | null; inputNumber: number | null; grievanceReference: string | null; note: string | null; createdAt: string; readAt: string | null }>;
  grievances: Array<{
    reference: string;
    category: string;
    description: string;
    place: string | null;
    eventDate: string | null;
    outcomeSought: string | null;
    isConfidential: boolean;
    contactName: string | null;
    contactEmail: string | null;
    contactPhone: string | null;
    status: string;
    receivedAt: string;
    closedAt: string | null;
    history: Array<{ step: string; status: string; byComplainant: boolean; message: string | null; at: string }>;
  }>;
  mapEdits: Array<{ document: string; changes: number; bytes: number; at: string }>;
}

const iso = (date: Date | null) => (date === null ? null : date.toISOString());

/** The person's own data; the actor asks for their own account only. */
export async function collectPersonalData(db: Db, { actor, now = new Date() }: { actor: Actor; now?: Date }): Promise<PersonalData> {
  authorize(actor, 'account.manageOwn');
  if (actor.kind !== 'user') throw new AppError('unauthenticated');
  return personalDataOf(db, actor.id, now);
}

export async function personalDataOf(db: Db, userId: string, now = new Date()): Promise<PersonalData> {
  const [account] = await db.select().from(users).where(and(eq(users.id, userId), isLiveAccount)).limit(1);
  if (!account?.name || !account.email) throw new AppError('not_found');

  // The input a reply answers, by its public number.
  const parent = db.$with('parent').as(db.select({ id: inputs.id, number: inputs.number }).from(inputs));
  const [agreements, sessions, links, memberOf, written, supported, reported, notices, filed, editsCompacted, editsRecent] = await Promise.all([
    consentsOf(db, userId),
    db.select().from(userSessions).where(eq(userSessions.userId, userId)).orderBy(asc(userSessions.createdAt)),
    db.select().from(identityLinks).where(eq(identityLinks.userId, userId)),
    db
      .select({ name: organizations.name, joinedAt: memberships.createdAt })
      .from(memberships)
      .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
      .where(eq(memberships.userId, userId)),
    db
      .with(parent)
      .select({
        consultation: consultations.title,
        number: inputs.number,
        parentNumber: parent.number,
        kind: inputs.kind,
        title: inputs.title,
        body: inputs.body,
        status: inputs.status,
        organization: organizations.name,
        channel: inputs.channel,
        createdAt: inputs.createdAt,
      })
      .from(inputs)
      .innerJoin(consultations, eq(consultations.id, inputs.consultationId))
      .leftJoin(parent, eq(parent.id, inputs.parentId))
      .leftJoin(organizations, eq(organizations.id, inputs.organizationId))
      .where(eq(inputs.authorId, userId))
      .orderBy(asc(inputs.createdAt)),
    db
      .select({ consultation: consultations.title, number: inputs.number, givenAt: inputSupports.createdAt })
      .from(inputSupports)
      .innerJoin(inputs, eq(inputs.id, inputSupports.inputId))
      .innerJoin(consultations, eq(consultations.id, inputs.consultationId))
      .where(eq(inputSupports.userId, userId))
      .orderBy(asc(inputSupports.createdAt)),
    db
      .select({ consultation: consultations.title, number: inputs.number, reason: inputReports.reason, note: inputReports.note, reportedAt: inputReports.createdAt, resolvedAt: inputReports.resolvedAt })
      .from(inputReports)
      .innerJoin(inputs, eq(inputs.id, inputReports.inputId))
      .innerJoin(consultations, eq(consultations.id, inputs.consultationId))
      .where(eq(inputReports.reporterId, userId))
      .orderBy(asc(inputReports.createdAt)),
    db
      .select({
        kind: notifications.kind,
        consultation: consultations.title,
        inputNumber: inputs.number,
        grievanceReference: grievances.reference,
        note: notifications.note,
        createdAt: notifications.createdAt,
        readAt: notifications.readAt,
      })
      .from(notifications)
      .leftJoin(consultations, eq(consultations.id, notifications.consultationId))
      .leftJoin(inputs, eq(inputs.id, notifications.inputId))
      .leftJoin(grievances, eq(grievances.id, notifications.grievanceId))
      .where(eq(notifications.userId, userId))
      .orderBy(asc(notifications.createdAt)),
    db.select().from(grievances).where(eq(grievances.filerId, userId)).orderBy(asc(grievances.receivedAt)),
    db.select().from(collabEdits).where(eq(collabEdits.userId, userId)).orderBy(asc(collabEdits.editedAt)),
    db
      .select({ document: collabUpdates.document, createdAt: collabUpdates.createdAt, bytes: sql<number>`octet_length(${collabUpdates.update})` })
      .from(collabUpdates)
      .where(eq(collabUpdates.userId, userId))
      .orderBy(asc(collabUpdates.createdAt)),
  ]);

  const history =
    filed.length === 0
      ? []
      : await db
          .select()
          .from(grievanceEvents)
          .where(inArray(grievanceEvents.grievanceId, filed.map((grievance) => grievance.id)))
          .orderBy(asc(grievanceEvents.createdAt));

  return {
    exportedAt: now.toISOString(),
    account: {
      id: account.id,
      name: account.name,
      pseudonym: account.pseudonym,
      email: account.email,
      emailVerifiedAt: iso(account.emailVerifiedAt),
      role: account.role,
      locale: account.locale,
      emailDelivery: account.emailDelivery,
      createdAt: account.createdAt.toISOString(),
      signsInWithPassword: account.passwordHash !== null,
    },
    agreements: agreements.map((agreement) => ({ document: agreement.kind, version: agreement.version, acceptedAt: agreement.acceptedAt.toISOString() })),
    sessions: sessions.map((session) => ({ startedAt: session.createdAt.toISOString(), expiresAt: session.expiresAt.toISOString(), endedAt: iso(session.revokedAt) })),
    identityProviderAccounts: links.map((link) => ({ issuer: link.issuer, subject: link.subject, linkedAt: link.createdAt.toISOString() })),
    organizations: memberOf.map((membership) => ({ name: membership.name, joinedAt: membership.joinedAt.toISOString() })),
    inputs: written.map((input) => ({
      consultation: input.consultation,
      number: input.number,
      isReply: input.parentNumber !== null,
      inReplyTo: input.parentNumber,
      kind: input.kind,
      title: input.title,
      text: input.body,
      status: input.status,
      onBehalfOf: input.organization,
      channel: input.channel,
      createdAt: input.createdAt.toISOString(),
    })),
    supports: supported.map((support) => ({ consultation: support.consultation, inputNumber: support.number, givenAt: support.givenAt.toISOString() })),
    reports: reported.map((report) => ({ consultation: report.consultation, inputNumber: report.number, reason: report.reason, note: report.note, reportedAt: report.reportedAt.toISOString(), resolvedAt: iso(report.resolvedAt) })),
    notifications: notices.map((notice) => ({ ...notice, createdAt: notice.createdAt.toISOString(), readAt: iso(notice.readAt) })),
    grievances: filed.map((grievance) => ({
      reference: grievance.reference,
      category: grievance.category,
      description: grievance.description,
      place: grievance.place,
      eventDate: grievance.eventDate,
      outcomeSought: grievance.outcomeSought,
      isConfidential: grievance.isConfidential,
      contactName: grievance.contactName,
      contactEmail: grievance.contactEmail,
      contactPhone: grievance.contactPhone,
      status: grievance.status,
      receivedAt: grievance.receivedAt.toISOString(),
      closedAt: iso(grievance.closedAt),
      history: history
        .filter((event) => event.grievanceId === grievance.id)
        .map((event) => ({ step: event.kind, status: event.toStatus, byComplainant: event.actorKind === 'complainant', message: event.message, at: event.createdAt.toISOString() })),
    })),
    mapEdits: [
      ...editsCompacted.map((edit) => ({ document: edit.document, changes: edit.updateCount, bytes: edit.byteSize, at: edit.editedAt.toISOString() })),
      ...editsRecent.map((edit) => ({ document: edit.document, changes: 1, bytes: Number(edit.bytes), at: edit.createdAt.toISOString() })),
    ].sort((a, b) => a.at.localeCompare(b.at)),
  };
}
