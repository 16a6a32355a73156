// Next.js configuration. PGlite must stay outside the server bundle: bundled, its
// WASM loader receives a URL where it expects a path and the first page that opens
// the database fails (see shared/STACK-NOTES.md). Yjs too: the collaboration server
// loads it from node_modules, and a second, bundled copy in the same process breaks
// Yjs's constructor checks (yjs/yjs#438).
import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

/** @type {import('next').NextConfig} */
const nextConfig = {
  // rate-limiter-flexible's Drizzle store imports drizzle-orm by a computed name, which a
  // bundle cannot resolve ("Cannot find module as expression is too dynamic").
  serverExternalPackages: ['@electric-sql/pglite', 'postgres', 'yjs', 'rate-limiter-flexible'],
  poweredByHeader: false,
  // Lets two checkouts' dev servers (or a dev server beside a test build) share a folder
  // without fighting over one build directory.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  experimental: {
    // forbidden() and unauthorized() answer 403 and 401 with their own pages.
    authInterrupts: true,
    // The largest form is a grievance with 5 attachments of 10 MiB each
    // (lib/grievances/vocabulary.ts); a background document is at most 20 MiB
    // (lib/documents/file-check.ts). The rest is room for the form's other fields and
    // multipart framing. Larger bodies are refused before they reach the action.
    serverActions: { bodySizeLimit: '51mb' },
    // With a proxy.ts, Next buffers request bodies only up to this size (10 MB by
    // default) and cuts the rest, which would truncate uploads before the action.
    proxyClientMaxBodySize: '51mb',
  },
  typescript: {
    // `npm test` runs the type checker on its own; building twice would only cost time.
    ignoreBuildErrors: true,
  },
  // Security headers (CSP with a nonce per request, Referrer-Policy by path, HSTS over
  // https...) are set by server/index.ts for every response: lib/http/security-headers.ts.
};

export default withNextIntl(nextConfig);
