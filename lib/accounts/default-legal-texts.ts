// Version 1 of the privacy notice and the terms of a new Participa site, published by
// ensureLegalDocuments until an administrator publishes their own. They describe what
// this software actually stores and shows; a city adds its name, its data protection
// officer and its legal basis when it adapts them. Plain text: blank lines separate
// paragraphs, a line starting with "## " is a heading.
import type { LegalDocumentKind } from './vocabulary';

const PRIVACY_NOTICE = `## Who is responsible
The city that runs this Participa site is responsible for the personal data it holds. Its contact details and those of its data protection officer are given on the city's website; administrators of this site should add them here.

## What is public
Everything you contribute to a consultation is public: your input, your replies, and the name you chose to be shown with them. That name is your full name or a pseudonym, as you choose in your account, and you can change it at any time. The number of people supporting an input is public; who they are is not. Your e-mail address is never shown to anyone and never appears in any download. Organizations taking part are shown by their name.

## What is not public
Your e-mail address, your password (stored only as a one-way hash), your language, your notification choices, the inputs you supported, what you reported to moderators, and your grievances. A grievance is seen only by the grievance officers who handle it; when you ask for it to be confidential, your identity is known only to the officer assigned to it and to administrators.

## Why we hold it
To run the consultations you take part in, to tell you what became of your input, to handle grievances, and to keep the site safe from abuse. Nothing is sold or used for advertising.

## How long we keep it
Your account and contributions stay until you delete your account. Once a grievance is closed, the complainant's contact details are erased after the period the city has set. Records used to slow down abuse (such as counts of attempts per connection) are deleted after a short time.

## Your rights
From your account page you can see and correct your details, download everything stored about you (in JSON and as a readable page), and delete your account. When you delete it, your personal data is erased; what you contributed stays in the public record of the consultation, shown as "Former participant" with no name. You may also ask the city's data protection officer for any of this, object to processing, or complain to your data protection authority.`;

const TERMS = `## Taking part
Anyone may read the consultations on this site. To give input, reply or support an input you need an account with a confirmed e-mail address. You may file a grievance with or without an account.

## What you write
Write in your own name or under your chosen pseudonym, stay on the subject, and respect other people. Do not publish other people's personal data. Moderators may hide contributions that break these rules; each decision is recorded with its reason in the public moderation log, and you are told about it.

## What the city does with it
The city reads every published input and records a response explaining whether and how it shaped the decision. Contributions are published under the licence stated on the site, so that anyone may reuse the public record.

## Changes
When these terms or the privacy notice change, you will be asked to read them and agree again before you next take part.`;

export const DEFAULT_LEGAL_TEXTS: Record<LegalDocumentKind, string> = {
  privacy_notice: PRIVACY_NOTICE,
  terms: TERMS,
};
