// A real SMTP server for tests (smtp-server, with mailparser to read what arrives), so
// e-mails are checked as a mail server receives them, not through a mock transport.
// Used in-process by vitest, and as its own process by Playwright (run this file: it
// listens for SMTP and answers GET /messages?to=… with what each address received).
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface CaughtMail {
  to: string[];
  from: string;
  subject: string;
  text: string;
  headers: Record<string, string>;
  receivedAt: string;
}

export interface MailCatcher {
  port: number;
  smtpUrl: string;
  messages: CaughtMail[];
  /** The next (or already received) mail to `to` that matches, within the timeout. */
  waitForMail(to: string, matches?: (mail: CaughtMail) => boolean, timeoutMs?: number): Promise<CaughtMail>;
  /** Makes the next `count` deliveries fail with a temporary error, as a mail server that is down would. */
  failNext(count: number): void;
  close(): Promise<void>;
}

export async function startMailCatcher({ port = 0 }: { port?: number } = {}): Promise<MailCatcher> {
  const messages: CaughtMail[] = [];
  const waiters = new Set<() => void>();
  let failures = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      if (failures > 0) {
        failures -= 1;
        stream.resume();
        stream.on('end', () => callback(Object.assign(new Error('try again later'), { responseCode: 451 })));
        return;
      }
      simpleParser(stream)
        .then((parsed) => {
          const headers: Record<string, string> = {};
          for (const [name, value] of parsed.headers) headers[name] = typeof value === 'string' ? value : JSON.stringify(value);
          messages.push({
            to: session.envelope.rcptTo.map((recipient) => recipient.address.toLowerCase()),
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            headers,
            receivedAt: new Date().toISOString(),
          });
          for (const wake of waiters) wake();
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const { port: boundPort } = (server as unknown as { server: { address(): AddressInfo } }).server.address();

  const find = (to: string, matches: (mail: CaughtMail) => boolean) => messages.find((mail) => mail.to.includes(to.toLowerCase()) && matches(mail));

  return {
    port: boundPort,
    smtpUrl: `smtp://127.0.0.1:${boundPort}`,
    messages,
    waitForMail(to, matches = () => true, timeoutMs = 10_000) {
      const found = find(to, matches);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no e-mail to ${to} within ${timeoutMs} ms (received: ${messages.map((mail) => `${mail.to.join(',')}: ${mail.subject}`).join('; ') || 'none'})`));
        }, timeoutMs);
        const check = () => {
          const mail = find(to, matches);
          if (!mail) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(mail);
        };
        waiters.add(check);
      });
    },
    failNext(count) {
      failures = count;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The link in a mail's text that starts with `prefix` (the site's address and a path). */
export function linkIn(mail: Pick<CaughtMail, 'text'>, path: string): string {
  const link = mail.text.match(/https?:\/\/\S+/g)?.find((candidate) => new URL(candidate).pathname === path);
  if (!link) throw new Error(`no link to ${path} in the e-mail:\n${mail.text}`);
  return link;
}

// As a process (Playwright's webServer): SMTP on MAIL_CATCHER_SMTP_PORT, HTTP on MAIL_CATCHER_HTTP_PORT.
if (import.meta.url === `file://${process.argv[1]}`) {
  const catcher = await startMailCatcher({ port: Number(process.env.MAIL_CATCHER_SMTP_PORT ?? 2525) });
  const http: HttpServer = createHttpServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname === '/health') {
      response.end('ok');
      return;
    }
    if (url.pathname === '/messages') {
      const to = (url.searchParams.get('to') ?? '').toLowerCase();
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify(catcher.messages.filter((mail) => !to || mail.to.includes(to))));
      return;
    }
    response.statusCode = 404;
    response.end();
  });
  http.listen(Number(process.env.MAIL_CATCHER_HTTP_PORT ?? 2580), '127.0.0.1');
  const stop = () => {
    http.close();
    void catcher.close().then(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
