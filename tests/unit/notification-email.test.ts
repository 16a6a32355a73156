// What the e-mails about answers and decisions say: the outcome in words and where to
// read the explanation, never the explanation itself or anything about other people.
import { describe, expect, it } from 'vitest';
import { renderNotificationEmail, type NotificationEmail } from '@/lib/notifications/mailer';

const base: NotificationEmail = {
  to: 'rosa@example.org',
  locale: 'en',
  kind: 'response_published',
  consultationTitle: 'Getting to Plaza Mayor on foot and by bike',
  inputNumber: 1234,
  grievanceReference: null,
  reason: null,
  note: 'partly_adopted',
};

describe('notification e-mails about answers and decisions', () => {
  it('tell the author which input was answered, the outcome in words, and where to read why', () => {
    const { subject, text } = renderNotificationEmail(base, 'https://participa.example');
    expect(subject).toBe('The city has answered your input #1234');
    expect(text).toContain('“Getting to Plaza Mayor on foot and by bike” has an answer from the city: partly adopted.');
    expect(text).toContain('https://participa.example/participation');
  });

  it('say that an answer was changed, with its new outcome', () => {
    const { subject, text } = renderNotificationEmail({ ...base, kind: 'response_revised', note: 'not_adopted' }, 'https://participa.example');
    expect(subject).toBe('The answer to your input #1234 was changed');
    expect(text).toContain('It now reads: not adopted.');
  });

  it('announce a published decision to the people who took part', () => {
    const { subject, text } = renderNotificationEmail({ ...base, kind: 'decision_published', inputNumber: null, note: null }, 'https://participa.example');
    expect(subject).toBe('A decision was published in “Getting to Plaza Mayor on foot and by bike”');
    expect(text).toContain('https://participa.example/participation');
  });

  it('never print a note that is not an outcome', () => {
    const { text } = renderNotificationEmail({ ...base, note: 'something else' }, 'https://participa.example');
    expect(text).not.toContain('something else');
  });
});
