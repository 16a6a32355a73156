// Next.js configuration. PGlite must stay outside the server bundle: bundled, its
// WASM loader receives a URL where it expects a path and the first page that opens
// the database fails (see shared/STACK-NOTES.md).
import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

/** @type {import('next').NextConfig} */
const nextConfig = {
  serverExternalPackages: ['@electric-sql/pglite', 'postgres'],
  poweredByHeader: false,
  experimental: {
    // forbidden() and unauthorized() answer 403 and 401 with their own pages.
    authInterrupts: true,
    // Background documents may be 20 MiB (lib/documents/file-check.ts); the rest is
    // room for the form's other fields and multipart framing. Larger bodies are refused
    // before they reach the action.
    serverActions: { bodySizeLimit: '21mb' },
    // With a proxy.ts, Next buffers request bodies only up to this size (10 MB by
    // default) and cuts the rest, which would truncate uploads before the action.
    proxyClientMaxBodySize: '21mb',
  },
  typescript: {
    // `npm test` runs the type checker on its own; building twice would only cost time.
    ignoreBuildErrors: true,
  },
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'same-origin' },
          { key: 'X-Frame-Options', value: 'DENY' },
        ],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
