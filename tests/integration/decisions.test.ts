// Decisions and the city's answers against both databases: answering an input and
// revising the answer, themes answered once for all their inputs, publishing a
// decision (with or without a reason for inputs left unanswered), what residents may
// see of drafts, and "my participation".
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { consultations, decisions, responseRevisions } from '@/db/schema';
import { ANONYMOUS } from '@/lib/auth/actor';
import { deleteDraftDecision, publishDecision, updateDecision } from '@/lib/decisions/manage-decisions';
import { listMyParticipation } from '@/lib/decisions/my-participation';
import { accountabilityCoverage } from '@/lib/decisions/figures';
import { earlierRevisions, listDecisions, loadConsultationAnswers, loadCoverage } from '@/lib/decisions/queries';
import { addToTheme, createTheme, deleteTheme, removeFromTheme, respond } from '@/lib/decisions/respond';
import { recordAssistedInput } from '@/lib/inputs/record-assisted-input';
import { replyToInput } from '@/lib/inputs/reply';
import { submitInput } from '@/lib/inputs/submit-input';
import { moderateInput } from '@/lib/moderation/moderate';
import { listNotifications } from '@/lib/notifications/queries';
import { createActor } from './support/actors';
import { createTestConsultation } from './support/consultations';
import { testBackends, useSuiteDatabase } from './support/databases';
import { closeConsultation, createTestDecision, decisionFields, EXPLANATION, UNANSWERED_REASON } from './support/decisions';
import { createOrganizationWithMember, inputFields, submitTestInput } from './support/inputs';

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;
const hideAsOffensive = { action: 'hide', reason: 'offensive', note: 'Insults a named neighbour.' } as const;

describe.each(testBackends)('decisions on $name', (backend) => {
  const handle = useSuiteDatabase(backend);

  /** An open consultation with one published input per author, then closed. */
  async function closedWithInputs(authorCount: number) {
    const authors = [];
    for (let index = 0; index < authorCount; index += 1) authors.push(await createActor(handle.db, 'resident', `Author ${index + 1}`));
    const { id: consultationId } = await createTestConsultation(handle.db);
    const submitted = [];
    for (const [index, author] of authors.entries()) submitted.push(await submitTestInput(handle.db, author, consultationId, { title: `Input number ${index + 1}` }));
    await closeConsultation(handle.db, consultationId);
    return { consultationId, authors, inputs: submitted };
  }

  const kinds = async (actor: Awaited<ReturnType<typeof createActor>>) => (await listNotifications(handle.db, { actor })).map((notification) => notification.kind);

  describe('answering an input', () => {
    it('records "partly adopted" with its explanation and decision, and tells the author', async () => {
      const moderator = await createActor(handle.db, 'moderator');
      const {
        consultationId,
        authors: [author],
        inputs: [input],
      } = await closedWithInputs(1);
      const decisionId = await createTestDecision(handle.db, moderator, consultationId);

      const result = await respond(handle.db, { actor: moderator, inputId: input!.id, outcome: 'partly_adopted', explanation: EXPLANATION, decisionIds: [decisionId] });
      expect(result).toMatchObject({ revision: 1, changed: true });

      const answers = await loadConsultationAnswers(handle.db, { actor: moderator, consultationId });
      expect(answers.inputs).toEqual([
        expect.objectContaining({
          id: input!.id,
          respondedVia: 'input',
          outcome: 'partly_adopted',
          response: expect.objectContaining({ id: result.responseId, outcome: 'partly_adopted', explanation: EXPLANATION, revision: 1, decisionIds: [decisionId] }),
        }),
      ]);
      expect(await listNotifications(handle.db, { actor: author! })).toEqual([
        expect.objectContaining({ kind: 'response_published', note: 'partly_adopted', input: { id: input!.id, number: input!.number }, consultation: expect.objectContaining({ id: consultationId }) }),
      ]);
    });

    it('is for staff only', async () => {
      const {
        inputs: [input],
      } = await closedWithInputs(1);
      const answer = { inputId: input!.id, outcome: 'adopted' as const, explanation: EXPLANATION, decisionIds: [] };
      for (const role of ['resident', 'organization_member', 'grievance_officer'] as const) {
        await expect(respond(handle.db, { actor: await createActor(handle.db, role), ...answer })).rejects.toMatchObject({ code: 'forbidden' });
      }
      await expect(respond(handle.db, { actor: ANONYMOUS, ...answer })).rejects.toMatchObject({ code: 'unauthenticated' });
    });

    it('waits until the consultation has stopped taking input', async () => {
      const author = await createActor(handle.db, 'resident');
      const moderator = await createActor(handle.db, 'moderator');
      const { id: consultationId } = await createTestConsultation(handle.db);
      const input = await submitTestInput(handle.db, author, consultationId);

      await expect(respond(handle.db, { actor: moderator, inputId: input.id, outcome: 'noted', explanation: EXPLANATION, decisionIds: [] })).rejects.toMatchObject({
        code: 'conflict',
        fieldErrors: { form: 'response.inputStillOpen' },
      });
      expect(await kinds(author)).toEqual([]);
    });

    it('refuses a hidden or pending input, and a reply', async () => {
      const author = await createActor(handle.db, 'resident');
      const moderator = await createActor(handle.db, 'moderator');
      const posted = await createTestConsultation(handle.db);
      const hidden = await submitTestInput(handle.db, author, posted.id);
      await moderateInput(handle.db, { actor: moderator, inputId: hidden.id, ...hideAsOffensive });
      const thread = await submitTestInput(handle.db, author, posted.id);
      const reply = await replyToInput(handle.db, { actor: moderator, parentId: thread.id, body: 'Thank you, we will look into it.', submissionKey: randomUUID() });
      const premoderated = await createTestConsultation(handle.db, { moderationMode: 'pre' });
      const pending = await submitTestInput(handle.db, author, premoderated.id);
      await closeConsultation(handle.db, posted.id);
      await closeConsultation(handle.db, premoderated.id);

      const answer = { outcome: 'noted' as const, explanation: EXPLANATION, decisionIds: [] };
      for (const inputId of [hidden.id, pending.id]) {
        await expect(respond(handle.db, { actor: moderator, inputId, ...answer })).rejects.toMatchObject({ code: 'conflict', fieldErrors: { form: 'response.inputNotPublished' } });
      }
      await expect(respond(handle.db, { actor: moderator, inputId: reply.id, ...answer })).rejects.toMatchObject({ code: 'not_found', fieldErrors: { inputId: 'inputNotFound' } });
      expect((await loadConsultationAnswers(handle.db, { actor: moderator, consultationId: posted.id })).inputs.map((input) => [input.id, input.response])).toEqual([[thread.id, null]]);
      expect(await kinds(author)).not.toContain('response_published');
    });

    it('is possible once the closing date has passed, before anyone closed the consultation', async () => {
      const author = await createActor(handle.db, 'resident');
      const moderator = await createActor(handle.db, 'moderator');
      const { id: consultationId } = await createTestConsultation(handle.db);
      const input = await submitTestInput(handle.db, author, consultationId);
      const afterClosingDate = new Date(Date.now() + 6 * DAY_MS);

      expect(await respond(handle.db, { actor: moderator, now: afterClosingDate, inputId: input.id, outcome: 'noted', explanation: EXPLANATION, decisionIds: [] })).toMatchObject({ changed: true });
      const decisionId = await createTestDecision(handle.db, moderator, consultationId);
      expect(await publishDecision(handle.db, { actor: moderator, now: afterClosingDate, decisionId })).toEqual({ consultationId, unanswered: 0 });
      expect(await findStatus(consultationId)).toEqual({ status: 'decided', decidedAt: afterClosingDate });
    });

    it('refuses a decision of another consultation', async () => {
      const moderator = await createActor(handle.db, 'moderator');
      const {
        inputs: [input],
      } = await closedWithInputs(1);
      const elsewhere = await createTestConsultation(handle.db, { status: 'closed' });
      const otherDecision = await createTestDecision(handle.db, moderator, elsewhere.id);
      await expect(respond(handle.db, { actor: moderator, inputId: input!.id, outcome: 'adopted', explanation: EXPLANATION, decisionIds: [otherDecision] })).rejects.toMatchObject({
        code: 'not_found',
        fieldErrors: { decisionIds: 'decision.notFound' },
      });
    });
  });

  describe('revising an answer', () => {
    it('keeps the earlier wording as a revision and tells the author of the change', async () => {
      const moderator = await createActor(handle.db, 'moderator');
      const {
        consultationId,
        authors: [author],
        inputs: [input],
      } = await closedWithInputs(1);
      const first = await respond(handle.db, { actor: moderator, inputId: input!.id, outcome: 'not_adopted', explanation: EXPLANATION, decisionIds: [], expectedRevision: 0 });
      const revised = 'After the second survey, the trees are planted on the south side after all.';
      const second = await respond(handle.db, { actor: moderator, inputId: input!.id, outcome: 'adopted', explanation: revised, decisionIds: [], expectedRevision: 1 });
      expect(second).toEqual({ responseId: first.responseId, revision: 2, changed: true });

      const [answered] = (await loadConsultationAnswers(handle.db, { actor: ANONYMOUS, consultationId })).inputs;
      expect(answered!.response).toMatchObject({ outcome: 'adopted', explanation: revised, revision: 2 });
      const earlier = await earlierRevisions(handle.db, [answered!.response!]);
      expect(earlier.get(first.responseId)).toEqual([expect.objectContaining({ revision: 1, outcome: 'not_adopted', explanation: EXPLANATION })]);
      // Every wording is kept, the current one included.
      const stored = await handle.db.select({ revision: responseRevisions.revision }).from(responseRevisions).where(eq(responseRevisions.responseId, first.responseId));
      expect(stored.map((row) => row.revision).sort()).toEqual([1, 2]);

      const notifications = await listNotifications(handle.db, { actor: author! });
      expect(notifications.map((notification) => [notification.kind, notification.note])).toEqual([
        ['response_revised', 'adopted'],
        ['response_published', 'not_adopted'],
      ]);
    });

    it('refuses to overwrite an answer someone changed since the form was opened', async () => {
      const moderator = await createActor(handle.db, 'moderator');
      const admin = await createActor(handle.db, 'admin');
      const {
        consultationId,
        inputs: [input],
      } = await closedWithInputs(1);
      await respond(handle.db, { actor: moderator, inputId: input!.id, outcome: 'noted', explanation: EXPLANATION, decisionIds: [], expectedRevision: 0 });
      await respond(handle.db, { actor: admin, inputId: input!.id, outcome: 'adopted', explanation: EXPLANATION, decisionIds: [], expectedRevision: 1 });

      await expect(
        respond(handle.db, { actor: moderator, inputId: input!.id, outcome: 'not_adopted', explanation: EXPLANATION, decisionIds: [], expectedRevision: 1 }),
      ).rejects.toMatchObject({ code: 'conflict', fieldErrors: { form: 'response.changedMeanwhile' } });
      // A form opened before the first answer is as stale.
      await expect(
        respond(handle.db, { actor: moderator, inputId: input!.id, outcome: 'not_adopted', explanation: EXPLANATION, decisionIds: [], expectedRevision: 0 }),
      ).rejects.toMatchObject({ fieldErrors: { form: 'response.changedMeanwhile' } });
      const [answered] = (await loadConsultationAnswers(handle.db, { actor: moderator, consultationId })).inputs;
      expect(answered!.response).toMatchObject({ outcome: 'adopted', revision: 2 });
    });

    it('changes nothing when the same answer is sent again', async () => {
      const moderator = await createActor(handle.db, 'moderator');
      const {
        consultationId,
        authors: [author],
        inputs: [input],
      } = await closedWithInputs(1);
      const decisionId = await createTestDecision(handle.db, moderator, consultationId);
      const answer = { actor: moderator, inputId: input!.id, outcome: 'partly_adopted' as const, explanation: EXPLANATION, decisionIds: [decisionId] };
      const first = await respond(handle.db, answer);

      expect(await respond(handle.db, { ...answer, expectedRevision: 1 })).toEqual({ responseId: first.responseId, revision: 1, changed: false });
      expect(await kinds(author!)).toEqual(['response_published']);
      // Another decision ticked is a change.
      const secondDecision = await createTestDecision(handle.db, moderator, consultationId, { title: 'Bench budget' });
      expect(await respond(handle.db, { ...answer, decisionIds: [decisionId, secondDecision] })).toMatchObject({ revision: 2, changed: true });
    });

    it('stores one answer when the same form is sent twice, instead of calling it someone else’s change', async () => {
      const moderator = await createActor(handle.db, 'moderator');
      const {
        authors: [author],
        inputs: [input],
      } = await closedWithInputs(1);
      const form = { actor: moderator, inputId: input!.id, outcome: 'noted' as const, explanation: EXPLANATION, decisionIds: [], expectedRevision: 0 };
      const first = await respond(handle.db, form);
      expect(await respond(handle.db, form)).toEqual({ responseId: first.responseId, revision: 1, changed: false });
      expect(await kinds(author!)).toEqual(['response_published']);
    });
  });

  describe('themes', () => {
    it('answers every input of a theme at once, and tells each author', async () => {
      const moderator = await createActor(handle.db, 'moderator');
      const { consultationId, authors, inputs } = await closedWithInputs(3);
      const [first, second, apart] = inputs;
      const { themeId } = await createTheme(handle.db, { actor: moderator, consultationId, title: 'More shade', inputIds: [first!.id, second!.id] });

      const answer = await respond(handle.db, { actor: moderator, themeId, outcome: 'adopted', explanation: EXPLANATION, decisionIds: [] });
      const { inputs: answered, themes } = await loadConsultationAnswers(handle.db, { actor: ANONYMOUS, consultationId });
      expect(answered.map((input) => [input.id, input.theme?.title ?? null, input.respondedVia, input.outcome, input.response?.id ?? null])).toEqual([
        [first!.id, 'More shade', 'theme', 'adopted', answer.responseId],
        [second!.id, 'More shade', 'theme', 'adopted', answer.responseId],
        [apart!.id, null, null, null, null],
      ]);
      expect(themes).toEqual([expect.objectContaining({ id: themeId, title: 'More shade', inputIds: [first!.id, second!.id], response: expect.objectContaining({ outcome: 'adopted' }) })]);
      for (const [index, author] of authors.entries()) {
        const expected = index < 2 ? [{ kind: 'response_published', note: 'adopted', input: { id: inputs[index]!.id, number: inputs[index]!.number } }] : [];
        expect(await listNotifications(handle.db, { actor: author })).toEqual(expected.map((notification) => expect.objectContaining(notification)));
      }
    });

    it('counts coverage in the database as the answers say, and answers a page of inputs alone', async () => {
      const moderator = await createActor(handle.db, 'moderator');
      const { consultationId, inputs } = await closedWithInputs(4);
      const [first, second, third] = inputs;
      const { themeId } = await createTheme(handle.db, { actor: moderator, consultationId, title: 'Safer crossings', inputIds: [first!.id, second!.id] });
      await respond(handle.db, { actor: moderator, themeId, outcome: 'adopted', explanation: EXPLANATION, decisionIds: [] });
      await respond(handle.db, { actor: moderator, inputId: third!.id, outcome: 'noted', explanation: EXPLANATION, decisionIds: [] });

      const all = await loadConsultationAnswers(handle.db, { actor: ANONYMOUS, consultationId });
      expect(await loadCoverage(handle.db, consultationId)).toEqual(accountabilityCoverage(all.inputs));
      expect(await loadCoverage(handle.db, consultationId)).toEqual({ published: 4, answered: 3, unanswered: 1, share: 0.75 });

      const page = await loadConsultationAnswers(handle.db, { actor: ANONYMOUS, consultationId, inputIds: [second!.id] });
      expect(page.inputs.map((input) => [input.id, input.outcome])).toEqual([[second!.id, 'adopted']]);
      expect((await loadConsultationAnswers(handle.db, { actor: ANONYMOUS, consultationId, inputIds: [] })).inputs).toEqual([]);
    });

    it('keeps an input that has its own answer out of a theme', async () => {
      const moderator = await createActor(handle.db, 'moderator');
      const {
        consultationId,
        inputs: [answered, other],
      } = await closedWithInputs(2);
      await respond(handle.db, { actor: moderator, inputId: answered!.id, outcome: 'noted', explanation: EXPLANATION, decisionIds: [] });

      await expect(createTheme(handle.db, { actor: moderator, consultationId, title: 'More shade', inputIds: [other!.id, answered!.id] })).rejects.toMatchObject({
        code: 'conflict',
        fieldErrors: { form: 'theme.inputHasOwnResponse' },
      });
      const { themeId } = await createTheme(handle.db, { actor: moderator, consultationId, title: 'More shade', inputIds: [other!.id] });
      await expect(addToTheme(handle.db, { actor: moderator, themeId, inputId: answered!.id })).rejects.toMatchObject({ fieldErrors: { form: 'theme.inputHasOwnResponse' } });
      const { themes } = await loadConsultationAnswers(handle.db, { actor: moderator, consultationId });
      expect(themes.map((theme) => theme.inputIds)).toEqual([[other!.id]]);
    });

    it('answers an input of a theme only through the theme', async () => {
      const moderator = await createActor(handle.db, 'moderator');
      const {
        consultationId,
        inputs: [input],
      } = await closedWithInputs(1);
      await createTheme(handle.db, { actor: moderator, consultationId, title: 'More shade', inputIds: [input!.id] });
      await expect(respond(handle.db, { actor: moderator, inputId: input!.id, outcome: 'adopted', explanation: EXPLANATION, decisionIds: [] })).rejects.toMatchObject({
        code: 'conflict',
        fieldErrors: { form: 'response.inputInTheme' },
      });
    });

    it('lets an input taken out of an answered theme keep that answer as its own, and keeps an answered theme', async () => {
      const moderator = await createActor(handle.db, 'moderator');
      const {
        consultationId,
        authors: [, secondAuthor],
        inputs: [first, second],
      } = await closedWithInputs(2);
      const decisionId = await createTestDecision(handle.db, moderator, consultationId);
      const { themeId } = await createTheme(handle.db, { actor: moderator, consultationId, title: 'More shade', inputIds: [first!.id, second!.id] });
      await respond(handle.db, { actor: moderator, themeId, outcome: 'partly_adopted', explanation: EXPLANATION, decisionIds: [decisionId] });

      await removeFromTheme(handle.db, { actor: moderator, themeId, inputId: second!.id });
      const { inputs } = await loadConsultationAnswers(handle.db, { actor: moderator, consultationId });
      expect(inputs.map((input) => [input.id, input.outcome, input.respondedVia, input.theme?.id ?? null, input.response?.decisionIds])).toEqual([
        [first!.id, 'partly_adopted', 'theme', themeId, [decisionId]],
        [second!.id, 'partly_adopted', 'input', null, [decisionId]],
      ]);
      // Nothing changed for its author: no new notification, the same answer.
      expect(await kinds(secondAuthor!)).toEqual(['response_published']);
      await expect(deleteTheme(handle.db, { actor: moderator, themeId })).rejects.toMatchObject({ code: 'conflict', fieldErrors: { form: 'theme.answered' } });
      // With an answer of its own, it cannot go back into the theme.
      await expect(addToTheme(handle.db, { actor: moderator, themeId, inputId: second!.id })).rejects.toMatchObject({ code: 'conflict', fieldErrors: { form: 'theme.inputHasOwnResponse' } });
    });

    it('gives an input added to an answered theme that answer, and tells its author', async () => {
      const moderator = await createActor(handle.db, 'moderator');
      const {
        consultationId,
        authors: [, , thirdAuthor],
        inputs: [first, second, third],
      } = await closedWithInputs(3);
      const { themeId } = await createTheme(handle.db, { actor: moderator, consultationId, title: 'More shade', inputIds: [first!.id, second!.id] });
      await respond(handle.db, { actor: moderator, themeId, outcome: 'adopted', explanation: EXPLANATION, decisionIds: [] });
      await addToTheme(handle.db, { actor: moderator, themeId, inputId: third!.id });
      expect((await loadConsultationAnswers(handle.db, { actor: moderator, consultationId })).inputs[2]).toMatchObject({ respondedVia: 'theme', outcome: 'adopted' });
      expect(await kinds(thirdAuthor!)).toEqual(['response_published']);
    });

    it('refuses to delete a draft decision that answers name', async () => {
      const moderator = await createActor(handle.db, 'moderator');
      const {
        consultationId,
        inputs: [input],
      } = await closedWithInputs(1);
      const decisionId = await createTestDecision(handle.db, moderator, consultationId);
      await respond(handle.db, { actor: moderator, inputId: input!.id, outcome: 'adopted', explanation: EXPLANATION, decisionIds: [decisionId] });
      await expect(deleteDraftDecision(handle.db, { actor: moderator, decisionId })).rejects.toMatchObject({ code: 'conflict', fieldErrors: { form: 'decision.linkedByResponses' } });
    });

    it('dissolves a theme nobody answered yet', async () => {
      const moderator = await createActor(handle.db, 'moderator');
      const {
        consultationId,
        inputs: [input],
      } = await closedWithInputs(1);
      const { themeId } = await createTheme(handle.db, { actor: moderator, consultationId, title: 'More shade', inputIds: [input!.id] });
      await deleteTheme(handle.db, { actor: moderator, themeId });
      const answers = await loadConsultationAnswers(handle.db, { actor: moderator, consultationId });
      expect(answers.themes).toEqual([]);
      expect(answers.inputs[0]).toMatchObject({ theme: null, response: null });
      // Now it can be answered on its own.
      await respond(handle.db, { actor: moderator, inputId: input!.id, outcome: 'noted', explanation: EXPLANATION, decisionIds: [] });
    });
  });

  describe('publishing a decision', () => {
    it('waits until the consultation has stopped taking input', async () => {
      const author = await createActor(handle.db, 'resident');
      const moderator = await createActor(handle.db, 'moderator');
      const { id: consultationId } = await createTestConsultation(handle.db);
      await submitTestInput(handle.db, author, consultationId);
      const decisionId = await createTestDecision(handle.db, moderator, consultationId);

      await expect(publishDecision(handle.db, { actor: moderator, decisionId, unansweredReason: UNANSWERED_REASON })).rejects.toMatchObject({
        code: 'conflict',
        fieldErrors: { form: 'decision.consultationStillOpen' },
      });
      expect((await findStatus(consultationId)).status).toBe('open');
    });

    it('needs a public reason while published inputs are unanswered, and keeps it with their count', async () => {
      const moderator = await createActor(handle.db, 'moderator');
      const { consultationId, authors, inputs } = await closedWithInputs(3);
      await respond(handle.db, { actor: moderator, inputId: inputs[0]!.id, outcome: 'adopted', explanation: EXPLANATION, decisionIds: [] });
      const decisionId = await createTestDecision(handle.db, moderator, consultationId);

      await expect(publishDecision(handle.db, { actor: moderator, decisionId })).rejects.toMatchObject({
        code: 'conflict',
        fieldErrors: { unansweredReason: 'decision.unansweredReasonRequired' },
      });
      expect(await listDecisions(handle.db, { actor: ANONYMOUS, consultationId })).toEqual([]);

      const publishedAt = new Date(Date.now() + MINUTE_MS);
      expect(await publishDecision(handle.db, { actor: moderator, now: publishedAt, decisionId, unansweredReason: UNANSWERED_REASON })).toEqual({ consultationId, unanswered: 2 });
      expect(await listDecisions(handle.db, { actor: ANONYMOUS, consultationId })).toEqual([
        expect.objectContaining({ id: decisionId, status: 'published', publishedAt, unansweredReason: UNANSWERED_REASON, unansweredAtPublication: 2 }),
      ]);
      expect(await findStatus(consultationId)).toEqual({ status: 'decided', decidedAt: publishedAt });
      for (const author of authors) expect(await kinds(author)).toContain('decision_published');
      expect(await kinds(moderator)).toEqual([]);
    });

    it('keeps a published decision as it is', async () => {
      const moderator = await createActor(handle.db, 'moderator');
      const { consultationId } = await closedWithInputs(0);
      const decisionId = await createTestDecision(handle.db, moderator, consultationId);
      await publishDecision(handle.db, { actor: moderator, decisionId });

      const alreadyPublished = { code: 'conflict', fieldErrors: { form: 'decision.alreadyPublished' } };
      await expect(updateDecision(handle.db, { actor: moderator, decisionId, ...decisionFields({ title: 'A quieter title' }) })).rejects.toMatchObject(alreadyPublished);
      await expect(deleteDraftDecision(handle.db, { actor: moderator, decisionId })).rejects.toMatchObject(alreadyPublished);
      await expect(publishDecision(handle.db, { actor: moderator, decisionId })).rejects.toMatchObject(alreadyPublished);
      expect(await listDecisions(handle.db, { actor: ANONYMOUS, consultationId })).toEqual([expect.objectContaining({ id: decisionId, title: 'Plaza Mayor layout, final' })]);
    });

    it('does not keep a reason when every input is answered', async () => {
      const moderator = await createActor(handle.db, 'moderator');
      const { consultationId, inputs } = await closedWithInputs(2);
      const { themeId } = await createTheme(handle.db, { actor: moderator, consultationId, title: 'More shade', inputIds: [inputs[0]!.id] });
      await respond(handle.db, { actor: moderator, themeId, outcome: 'not_adopted', explanation: EXPLANATION, decisionIds: [] });
      await respond(handle.db, { actor: moderator, inputId: inputs[1]!.id, outcome: 'noted', explanation: EXPLANATION, decisionIds: [] });
      const decisionId = await createTestDecision(handle.db, moderator, consultationId);

      expect(await publishDecision(handle.db, { actor: moderator, decisionId, unansweredReason: UNANSWERED_REASON })).toEqual({ consultationId, unanswered: 0 });
      const [stored] = await handle.db.select({ reason: decisions.unansweredReason, count: decisions.unansweredAtPublication }).from(decisions).where(eq(decisions.id, decisionId));
      expect(stored).toEqual({ reason: null, count: null });
    });

    it('is for staff only', async () => {
      const moderator = await createActor(handle.db, 'moderator');
      const { consultationId } = await closedWithInputs(0);
      const decisionId = await createTestDecision(handle.db, moderator, consultationId);
      await expect(publishDecision(handle.db, { actor: await createActor(handle.db, 'resident'), decisionId })).rejects.toMatchObject({ code: 'forbidden' });
      await expect(publishDecision(handle.db, { actor: ANONYMOUS, decisionId })).rejects.toMatchObject({ code: 'unauthenticated' });
    });
  });

  describe('what residents see', () => {
    it('shows them published decisions only, and answers linked to published decisions only', async () => {
      const moderator = await createActor(handle.db, 'moderator');
      const resident = await createActor(handle.db, 'resident');
      const {
        consultationId,
        inputs: [input],
      } = await closedWithInputs(1);
      const draft = await createTestDecision(handle.db, moderator, consultationId, { title: 'Bench budget (draft)' });
      const published = await createTestDecision(handle.db, moderator, consultationId);
      await respond(handle.db, { actor: moderator, inputId: input!.id, outcome: 'adopted', explanation: EXPLANATION, decisionIds: [draft, published] });
      await publishDecision(handle.db, { actor: moderator, decisionId: published });

      for (const actor of [resident, ANONYMOUS]) {
        expect((await listDecisions(handle.db, { actor, consultationId })).map((decision) => decision.id)).toEqual([published]);
        const [answered] = (await loadConsultationAnswers(handle.db, { actor, consultationId })).inputs;
        expect(answered!.response!.decisionIds).toEqual([published]);
      }
      expect((await listDecisions(handle.db, { actor: moderator, consultationId })).map((decision) => decision.id).sort()).toEqual([draft, published].sort());
      const [asStaff] = (await loadConsultationAnswers(handle.db, { actor: moderator, consultationId })).inputs;
      expect(asStaff!.response!.decisionIds.sort()).toEqual([draft, published].sort());
    });

    it('names an organization’s input after the organization, and a resident’s after their account', async () => {
      const resident = await createActor(handle.db, 'resident', 'Rosa Resident');
      const { organizationId, name, member } = await createOrganizationWithMember(handle.db);
      const { id: consultationId } = await createTestConsultation(handle.db);
      const own = await submitTestInput(handle.db, resident, consultationId);
      const onBehalf = await submitTestInput(handle.db, member, consultationId, { organizationId });
      await closeConsultation(handle.db, consultationId);

      const { inputs } = await loadConsultationAnswers(handle.db, { actor: ANONYMOUS, consultationId });
      expect(inputs.map((input) => [input.id, input.authorName, input.organization, input.organizationCategory])).toEqual([
        [own.id, 'Rosa Resident', null, null],
        [onBehalf.id, name, { id: organizationId, name, category: 'ngo' }, 'ngo'],
      ]);
    });
  });

  describe('my participation', () => {
    it('shows a resident every input of theirs, why one was hidden, the answer and the decision, and nobody else’s', async () => {
      const resident = await createActor(handle.db, 'resident');
      const neighbour = await createActor(handle.db, 'resident');
      const moderator = await createActor(handle.db, 'moderator');
      const { id: consultationId } = await createTestConsultation(handle.db);
      const start = Date.now() - 60 * MINUTE_MS;
      const at = (minutes: number) => new Date(start + minutes * MINUTE_MS);
      const answered = await submitInput(handle.db, { actor: resident, now: at(1), ...inputFields(consultationId, { title: 'Shade trees, please' }) });
      const hidden = await submitInput(handle.db, { actor: resident, now: at(2), ...inputFields(consultationId, { title: 'About my neighbour' }) });
      await moderateInput(handle.db, { actor: moderator, now: at(3), inputId: hidden.id, ...hideAsOffensive });
      const assisted = await recordAssistedInput(handle.db, {
        actor: moderator,
        now: at(4),
        ...inputFields(consultationId, { title: 'Benches, said on the phone' }),
        channel: 'phone',
        participantEmail: resident.email,
      });
      const theirs = await submitTestInput(handle.db, neighbour, consultationId, { title: 'Not the resident’s' });
      await closeConsultation(handle.db, consultationId);

      const decisionId = await createTestDecision(handle.db, moderator, consultationId);
      const draftId = await createTestDecision(handle.db, moderator, consultationId, { title: 'Bench budget (draft)' });
      await respond(handle.db, { actor: moderator, inputId: answered.id, outcome: 'partly_adopted', explanation: EXPLANATION, decisionIds: [decisionId, draftId] });
      await respond(handle.db, { actor: moderator, inputId: theirs.id, outcome: 'adopted', explanation: EXPLANATION, decisionIds: [decisionId] });
      const { themeId } = await createTheme(handle.db, { actor: moderator, consultationId, title: 'Benches', inputIds: [assisted.id] });
      await respond(handle.db, { actor: moderator, themeId, outcome: 'noted', explanation: EXPLANATION, decisionIds: [] });
      await publishDecision(handle.db, { actor: moderator, decisionId });

      const participation = await listMyParticipation(handle.db, { actor: resident });
      expect(participation).toHaveLength(1);
      const [consultation] = participation;
      expect(consultation).toMatchObject({ id: consultationId, phase: 'decided', decisions: [{ id: decisionId, title: 'Plaza Mayor layout, final', decidedOn: '2026-05-04' }] });
      expect(consultation!.inputs.map((input) => input.id)).toEqual([assisted.id, hidden.id, answered.id]);
      const [byPhone, taken, shade] = consultation!.inputs;
      expect(byPhone).toMatchObject({
        title: 'Benches, said on the phone',
        channel: 'phone',
        status: 'published',
        hidden: null,
        theme: 'Benches',
        response: { outcome: 'noted', viaTheme: true, decisions: [] },
      });
      expect(taken).toMatchObject({ title: 'About my neighbour', status: 'hidden', hidden: { reason: 'offensive', note: 'Insults a named neighbour.' }, response: null });
      expect(shade).toMatchObject({
        title: 'Shade trees, please',
        status: 'published',
        response: { outcome: 'partly_adopted', explanation: EXPLANATION, revision: 1, viaTheme: false, earlier: [], decisions: [{ id: decisionId, title: 'Plaza Mayor layout, final' }] },
      });
      expect(JSON.stringify(participation)).not.toContain('Not the resident’s');

      expect(await kinds(resident)).toEqual(['decision_published', 'response_published', 'response_published', 'input_hidden']);
      expect(await listMyParticipation(handle.db, { actor: await createActor(handle.db, 'resident') })).toEqual([]);
      await expect(listMyParticipation(handle.db, { actor: ANONYMOUS })).rejects.toMatchObject({ code: 'unauthenticated' });
    });
  });

  async function findStatus(consultationId: string) {
    const [row] = await handle.db.select({ status: consultations.status, decidedAt: consultations.decidedAt }).from(consultations).where(eq(consultations.id, consultationId));
    return row!;
  }
});
