// Liveness probe: answers 200 "ok" as long as the process serves requests, without
// touching the database. A load balancer or orchestrator restarts the process when this
// fails. /api/health is the readiness probe: it also checks the database, and a
// process whose database is down is taken out of rotation there, not restarted.
// The HTTP benchmark (npm run bench:http) uses this route as the framework's floor.
export const dynamic = 'force-dynamic';

export function GET(): Response {
  return new Response('ok', { status: 200, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });
}
