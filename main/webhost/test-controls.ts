// Test-only control surface: lets end-to-end tests insert a card into the ID-card
// simulator, read what the printer simulator printed, stop the embedded sync
// server, or look at the store's counts and the live desk sessions without
// logging in (a desk login would itself be audited and counted), and read the
// host's own memory figures. Enabled only when the host is started with testControls (never in a
// station build), and guarded by the same per-launch token as the IPC socket.
import type http from 'node:http';
import type { ServiceRegistry } from '../core/module.js';

/** Services (provided by station modules) and the methods tests may call on them. */
const ALLOWED: Record<string, readonly string[]> = {
  'idcard-simulator': ['insertCard', 'removeCard', 'setFault', 'sampleCards'],
  'printer-simulator': ['jobs', 'setPaperOut', 'clearJobs'],
  'embedded-sync-server': ['stop', 'start', 'markCompleted', 'markRejected', 'applications', 'smsOutbox'],
  sync: ['syncNow'],
  store: ['stats', 'recentAudit'],
  'desk-session': ['live'],
};

export async function handleTestControl(
  services: ServiceRegistry,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  path: string,
): Promise<void> {
  const [, , service, method] = path.split('/'); // /__test/<service>/<method>
  const reply = (status: number, body: unknown) => {
    res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
  };
  // The host's own memory as Node sees it (heap, external buffers), for bench:startup:
  // from outside, /proc shows only the process's total.
  if (req.method === 'POST' && service === 'process' && method === 'memory') return reply(200, { value: process.memoryUsage() });
  if (req.method !== 'POST' || !service || !method || !ALLOWED[service]?.includes(method)) return reply(404, { error: 'no such control' });
  const target = services.get<Record<string, unknown>>(service);
  const fn = target?.[method];
  if (typeof fn !== 'function') return reply(404, { error: `${service} is not running` });
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  let args: unknown[];
  try {
    const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : [];
    args = Array.isArray(body) ? body : [body];
  } catch {
    return reply(400, { error: 'body must be a JSON array of arguments' });
  }
  try {
    const value = await (fn as (...a: unknown[]) => unknown).apply(target, args);
    reply(200, { value: value ?? null });
  } catch (e) {
    reply(500, { error: (e as Error).message });
  }
}
