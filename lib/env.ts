// The process environment, parsed once. Everything else reads `env`, never process.env,
// so a wrong value fails at start-up with a message instead of deep inside a request.
import { z } from 'zod';
import { parseRoleMap } from '@/lib/auth/identity-provider-roles';
import { ROLES } from '@/lib/auth/roles';

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const environmentSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Interface to listen on. Not HOSTNAME: shells and containers set that to the machine's name. */
  BIND_ADDRESS: z.string().min(1).default('0.0.0.0'),
  /** Real PostgreSQL; when absent the embedded PGlite database is used. */
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  /** Folder for the embedded database and generated secrets. */
  DATA_DIR: z.string().min(1).default('.data'),
  /** Folder for uploaded files (lib/documents/storage.ts); defaults to DATA_DIR/files. Back it up with the database. */
  FILES_DIR: z.string().min(1).optional(),
  /** Seed demo data; defaults to on for the embedded database only. */
  SEED_DEMO: booleanFlag.optional(),
  AUTH_SECRET: z.string().min(32).optional(),
  NEXTAUTH_SECRET: z.string().min(32).optional(),
  NEXTAUTH_URL: z.url().optional(),
  /** Time zone in which dates are shown: the city's. */
  TIME_ZONE: z
    .string()
    .refine((zone) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: zone });
        return true;
      } catch {
        return false;
      }
    }, 'not a known time zone')
    .default('UTC'),
  /** Redis for running several collaboration processes; without it one process works alone. */
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
  /** Public websocket address of the collaboration endpoint, when it differs from NEXTAUTH_URL + /collab. */
  COLLAB_PUBLIC_URL: z.url({ protocol: /^wss?$/ }).optional(),
  /** Browser origins allowed to open collaboration sockets (comma-separated); defaults to the site's own. */
  COLLAB_ALLOWED_ORIGINS: z.string().optional(),
  /** Largest websocket message accepted, in bytes. */
  COLLAB_MAX_MESSAGE_BYTES: z.coerce.number().int().min(1024).max(64 * 1024 * 1024).default(1024 * 1024),
  /** How long a document stays in memory after its last client left. */
  COLLAB_UNLOAD_DELAY_MS: z.coerce.number().int().min(0).default(30_000),
  /** Largest shared document, in bytes of its encoded state: updates that would grow it past this are refused. */
  COLLAB_MAX_DOCUMENT_BYTES: z.coerce.number().int().min(1024).max(256 * 1024 * 1024).default(5 * 1024 * 1024),
  /** Open collaboration sockets one user may hold at once (per process). */
  COLLAB_MAX_SOCKETS_PER_USER: z.coerce.number().int().min(1).default(20),
  /** Open collaboration sockets one client address may hold at once (per process). */
  COLLAB_MAX_SOCKETS_PER_ADDRESS: z.coerce.number().int().min(1).default(60),
  /** Collaboration sockets one user may open per minute (per process). */
  COLLAB_OPENINGS_PER_MINUTE_PER_USER: z.coerce.number().int().min(1).default(60),
  /** Collaboration sockets one client address may open per minute (per process). */
  COLLAB_OPENINGS_PER_MINUTE_PER_ADDRESS: z.coerce.number().int().min(1).default(180),
  /** Trust X-Forwarded-For from a reverse proxy in front of Participa. */
  TRUST_PROXY: booleanFlag.default(false),
  /** SMTP server for notification e-mails (smtp:// or smtps://, credentials in the URL); without it only in-app notifications. */
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  /**
   * Whether a new account must confirm its e-mail address before taking part. Defaults to
   * required when SMTP_URL is set (the confirmation can be sent) and optional otherwise.
   */
  EMAIL_VERIFICATION: z.enum(['required', 'optional']).optional(),
  /** Days after a grievance is closed until the complainant's contact details and account link are erased. */
  RETENTION_GRIEVANCE_CONTACT_DAYS: z.coerce.number().int().min(1).max(36_500).default(365),
  /** Days the audit log keeps its entries. */
  RETENTION_AUDIT_DAYS: z.coerce.number().int().min(30).max(36_500).default(730),
  /** The city's OpenID Connect provider for staff sign-in (its issuer URL); off when absent. */
  OIDC_ISSUER: z.url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  /** What the sign-in button calls the provider. */
  OIDC_DISPLAY_NAME: z.string().min(1).max(60).default('City staff account'),
  /** The claim holding the person's groups or roles at the provider (a list or a single value). */
  OIDC_ROLE_CLAIM: z.string().min(1).default('groups'),
  /** Which claim value gives which Participa role, the first match winning: "city-admins=admin,participation-office=moderator". */
  OIDC_ROLE_MAP: z.string().optional(),
  /** The role of someone whose claim matches nothing in OIDC_ROLE_MAP. */
  OIDC_DEFAULT_ROLE: z.enum(ROLES).default('resident'),
  /** Sender of notification e-mails. */
  MAIL_FROM: z.string().min(3).default('Participa <no-reply@participa.example>'),
})
  .refine((environment) => environment.EMAIL_VERIFICATION !== 'required' || environment.SMTP_URL !== undefined, {
    path: ['EMAIL_VERIFICATION'],
    message: 'required needs SMTP_URL: without a mail server nobody could confirm an address',
  })
  .refine((environment) => environment.OIDC_ISSUER === undefined || (environment.OIDC_CLIENT_ID !== undefined && environment.OIDC_CLIENT_SECRET !== undefined), {
    path: ['OIDC_ISSUER'],
    message: 'needs OIDC_CLIENT_ID and OIDC_CLIENT_SECRET as well',
  })
  .refine((environment) => parseRoleMap(environment.OIDC_ROLE_MAP) !== null, {
    path: ['OIDC_ROLE_MAP'],
    message: `must read "claim value=role,…" with roles among ${ROLES.join(', ')}`,
  });

export type Environment = z.infer<typeof environmentSchema>;

export function parseEnvironment(source: Record<string, string | undefined>): Environment {
  // Empty strings in a shell or .env file mean "not set".
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== ''));
  const result = environmentSchema.safeParse(cleaned);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`).join('\n');
    throw new Error(`Invalid environment:\n${problems}`);
  }
  return result.data;
}

let cached: Environment | undefined;

/** The parsed environment of this process (read lazily so the build never needs it). */
export function env(): Environment {
  cached ??= parseEnvironment(process.env);
  return cached;
}

export function shouldSeedDemo(environment: Environment): boolean {
  return environment.SEED_DEMO ?? environment.DATABASE_URL === undefined;
}
