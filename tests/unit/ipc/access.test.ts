// Who may call what, checked by the dispatcher from the contract: EVERY channel
// and stream of the contract, called from the kiosk's own screen without a desk
// session, must answer `forbidden` unless it is public or one of the resident's
// own (hand-written below, not read from the contract, so a channel declared
// with the wrong access fails here); from the kiosk's screen with a session,
// every one passes the gate, and the handler is told that session's specialist.
// From a specialist's own device (the desk listener, reachable on the LAN):
// before its login only the public ones, after it the public and the desk's,
// and never a resident's. The table is typed over every channel name, so a new
// channel does not compile here until it has a row.
import { describe, expect, it } from 'vitest';
import { channels, streams, type ArgsOf, type ChannelName, type StreamName } from '../../../common/ipc/contract.js';
import { IpcFailure } from '../../../common/ipc/result.js';
import { createDispatcher, type DeskAuthority } from '../../../main/core/dispatcher.js';
import { silentLogger } from '../../../main/core/logger.js';
import type { HandlerContext, Handlers, StreamSources } from '../../../main/core/module.js';

/** public: any connection; resident: the kiosk's own screen; desk: a connection with a desk session. */
type Gate = 'public' | 'resident' | 'desk';
type Row<C extends ChannelName> = { args: ArgsOf<C>; gate: Gate };
type Table = { [C in ChannelName]: Row<C>[] };

const uuid = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
const idNumber = '110101194303050028';
const application = { serviceId: 'elderly-allowance', catalogueVersion: '2026.11.0', formData: { phone: '13800138000' }, applicant: { idNumber, name: '张秀英' } } as const;

const table: Table = {
  'app:info': [{ args: {}, gate: 'public' }],
  'app:report-error': [{ args: { where: 'home', message: 'render failed' }, gate: 'public' }],
  'station:status': [{ args: {}, gate: 'public' }],
  'catalogue:list': [{ args: {}, gate: 'public' }],
  'catalogue:get': [{ args: {}, gate: 'public' }],
  'policy:search': [{ args: { query: '低保' }, gate: 'resident' }],
  'policy:topics': [{ args: {}, gate: 'resident' }],
  // The resident prints their own receipt and 参保证明 (see the contract's note).
  'printer:print-receipt': [{ args: { applicationId: uuid, reprint: false }, gate: 'resident' }],
  'printer:print-certificate': [{ args: { idNumber, name: '张秀英', source: 'live', fetchedAt: '2026-11-22T08:00:00.000+08:00' }, gate: 'resident' }],
  'idcard:current': [{ args: {}, gate: 'resident' }],
  'devices:health': [{ args: {}, gate: 'desk' }],
  'devices:test-read': [{ args: {}, gate: 'desk' }],
  'devices:test-print': [{ args: {}, gate: 'desk' }],
  'app:help-request': [{ args: { reason: 'asked', serviceId: null }, gate: 'resident' }],
  'app:resident-session-cleared': [{ args: {}, gate: 'resident' }],
  // A TV's one-time code for a keyed number: the resident's own screen only.
  'identity:request-code': [{ args: { idNumber }, gate: 'resident' }],
  'identity:verify-code': [{ args: { idNumber, code: '123456' }, gate: 'resident' }],
  // The simulated SMS outbox holds codes: the desk's only.
  'specialist:sms-outbox': [{ args: {}, gate: 'desk' }],
  'specialist:help-acknowledge': [{ args: { id: 'req-1' }, gate: 'desk' }],
  'specialist:help-resolve': [{ args: { id: 'req-1' }, gate: 'desk' }],
  // How a session starts, and asking whether there is one, are open to any screen.
  'specialist:roster': [{ args: {}, gate: 'public' }],
  'specialist:login': [{ args: { specialistId: 'li.min', pin: '2468' }, gate: 'public' }],
  'specialist:logout': [{ args: { reason: 'user' }, gate: 'public' }],
  'specialist:session': [{ args: {}, gate: 'public' }],
  'specialist:activity': [{ args: {}, gate: 'public' }],
  'specialist:today': [{ args: {}, gate: 'desk' }],
  'speech:synthesize': [{ args: { text: '您好' }, gate: 'resident' }],
  'speech:clear-prompts': [{ args: {}, gate: 'resident' }],
  'speech:status': [{ args: {}, gate: 'resident' }],
  'speech:listen-start': [{ args: { step: { kind: 'confirm' } }, gate: 'resident' }],
  'speech:listen-audio': [{ args: { sessionId: 's1', pcmBase64: 'AAAA' }, gate: 'resident' }],
  'speech:listen-end': [{ args: { sessionId: 's1' }, gate: 'resident' }],
  'speech:listen-cancel': [{ args: { sessionId: 's1' }, gate: 'resident' }],
  'store:submit-application': [
    { args: { ...application }, gate: 'resident' },
    { args: { ...application, onBehalf: false }, gate: 'resident' },
    { args: { ...application, onBehalf: true }, gate: 'desk' }, // 代办
  ],
  'store:save-draft': [
    { args: { ...application }, gate: 'resident' },
    { args: { ...application, onBehalf: true }, gate: 'desk' },
  ],
  'store:cancel-draft': [{ args: { id: uuid }, gate: 'desk' }],
  'store:list-applications': [
    // 办件进度查询: one resident's own. Open to a resident's screen at the dispatcher; main's handler scopes a
    // screen without a desk session to the card in the reader (resident-scope.ts, tests/integration/ipc/resident-scope.test.ts).
    { args: { idNumber }, gate: 'resident' },
    { args: { idNumber, statuses: ['rejected'] }, gate: 'resident' },
    { args: { statuses: ['rejected'] }, gate: 'desk' }, // the queue
    { args: {}, gate: 'desk' },
  ],
  'store:get-application': [{ args: { id: uuid }, gate: 'desk' }],
  'store:application-progress': [{ args: { id: uuid }, gate: 'resident' }],
  'store:retry-application': [{ args: { id: uuid }, gate: 'desk' }],
  // Scoped like store:list-applications by main's handler to the card in the reader.
  'store:query-social-insurance': [{ args: { idNumber }, gate: 'resident' }],
  // Open at the dispatcher; main's handler scopes it to the card in the reader (tests/e2e/same-kind.e2e.test.ts).
  'store:same-kind-application': [{ args: { serviceId: 'pension-certification', idNumber }, gate: 'resident' }],
  'store:rate-satisfaction': [{ args: { serviceId: 'elderly-allowance', score: 5 }, gate: 'resident' }],
  'store:audit-append': [{ args: { action: 'specialist.view', detail: 'queue' }, gate: 'desk' }],
  'store:stats': [{ args: {}, gate: 'desk' }],
  'sync:status': [{ args: {}, gate: 'public' }],
  'sync:now': [{ args: {}, gate: 'desk' }],
};

const streamTable: Record<StreamName, Gate> = {
  'station:status-changed': 'public',
  'idcard:events': 'resident',
  'remote:keys': 'resident',
  'store:application-changed': 'resident',
  'speech:results': 'resident',
  // Says who is calling (masked): the desk's only.
  'specialist:help-requests': 'desk',
};

const DESK = 'web:desk-screen';
const OTHER = 'web:second-socket';
/** A specialist's own device on the desk listener, logged in; and one that is not. */
const DEVICE = 'desk:logged-in';
const DEVICE_OTHER = 'desk:not-logged-in';
const specialist = { id: 'li.min', name: '李敏' };
const desk: DeskAuthority = { specialistFor: (c) => (c === DESK || c === DEVICE ? specialist : null), connectionClosed: () => undefined };

/** Every channel's handler records who it was told called, then answers a sentinel: the gate was passed. */
function make() {
  const seen: { channel: string; specialist: HandlerContext['specialist'] }[] = [];
  const handlers: Record<string, unknown> = {};
  for (const name of Object.keys(channels)) {
    handlers[name] = (_a: unknown, ctx: HandlerContext) => {
      seen.push({ channel: name, specialist: ctx.specialist });
      throw new IpcFailure('conflict', 'reached the handler');
    };
  }
  const sources: Record<string, unknown> = {};
  for (const name of Object.keys(streams)) sources[name] = () => () => undefined;
  const d = createDispatcher(handlers as Handlers, sources as StreamSources, silentLogger, () => desk);
  return { d, seen };
}

const reached = { ok: false, error: { code: 'conflict', message: 'reached the handler' } };
const rows = Object.entries(table).flatMap(([channel, list]) => (list as Row<ChannelName>[]).map((r) => ({ channel, ...r })));

describe('access to every channel of the contract', () => {
  it('has a row for every channel and every stream, and each declares its access', () => {
    expect(Object.keys(table).sort()).toEqual(Object.keys(channels).sort());
    expect(Object.keys(streamTable).sort()).toEqual(Object.keys(streams).sort());
    for (const def of [...Object.values(channels), ...Object.values(streams)]) {
      expect(def.access === 'public' || def.access === 'resident' || def.access === 'specialist' || typeof def.access === 'function').toBe(true);
    }
  });

  it('without a desk session: forbidden for all but the resident’s own, and the handler never runs', async () => {
    const { d, seen } = make();
    const got: string[] = [];
    for (const r of rows) {
      const res = await d.call(r.channel, r.args, { host: 'web', connection: OTHER });
      const outcome = res.ok ? 'ok' : res.error.code === 'forbidden' ? 'forbidden' : res.error.message === 'reached the handler' ? 'reached' : `${res.error.code}: ${res.error.message}`;
      got.push(`${r.channel} ${JSON.stringify(r.args)} → ${outcome}`);
    }
    const want = rows.map((r) => `${r.channel} ${JSON.stringify(r.args)} → ${r.gate !== 'desk' ? 'reached' : 'forbidden'}`);
    expect(got).toEqual(want);
    // The open ones ran, told that nobody is logged in at this connection.
    expect(seen.map((s) => s.channel)).toEqual(rows.filter((r) => r.gate !== 'desk').map((r) => r.channel));
    expect(seen.every((s) => s.specialist === null)).toBe(true);
  });

  it('without a desk session: a desk-only channel refuses before looking at its arguments', async () => {
    const { d } = make();
    const deskOnly = Object.entries(channels).filter(([, def]) => def.access === 'specialist');
    expect(deskOnly.map(([name]) => name).sort()).toEqual(rows.filter((r) => r.gate === 'desk' && typeof channels[r.channel as ChannelName].access === 'string').map((r) => r.channel).sort());
    for (const [name] of deskOnly) {
      expect(await d.call(name, { not: 'valid' }, { host: 'web', connection: OTHER }), name).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
  });

  it('with a desk session at this connection: every channel passes the gate and is told the session’s specialist', async () => {
    const { d, seen } = make();
    for (const r of rows) {
      expect(await d.call(r.channel, r.args, { host: 'web', connection: DESK }), `${r.channel} ${JSON.stringify(r.args)}`).toEqual(reached);
    }
    expect(seen).toHaveLength(rows.length);
    expect(seen.every((s) => s.specialist?.id === 'li.min')).toBe(true);
  });

  it('every stream opens from the kiosk’s screen as declared', () => {
    const { d } = make();
    for (const [name, gate] of Object.entries(streamTable)) {
      const opened = d.subscribe(name, {}, () => undefined, { host: 'web', connection: OTHER });
      expect(opened.ok ? 'open' : opened.error.code, name).toBe(gate !== 'desk' ? 'open' : 'forbidden');
      if (opened.ok) opened.value();
      const logged = d.subscribe(name, {}, () => undefined, { host: 'web', connection: DESK });
      expect(logged.ok, `${name} with a session`).toBe(true);
      if (logged.ok) logged.value();
    }
  });

  const outcome = (res: Awaited<ReturnType<ReturnType<typeof make>['d']['call']>>) =>
    res.ok ? 'ok' : res.error.code === 'forbidden' ? 'forbidden' : res.error.message === 'reached the handler' ? 'reached' : `${res.error.code}: ${res.error.message}`;

  it('from a specialist’s own device before its login: only the public channels, and no handler runs for the rest', async () => {
    const { d, seen } = make();
    const got: string[] = [];
    for (const r of rows) got.push(`${r.channel} ${JSON.stringify(r.args)} → ${outcome(await d.call(r.channel, r.args, { host: 'web', connection: DEVICE_OTHER, surface: 'desk' }))}`);
    expect(got).toEqual(rows.map((r) => `${r.channel} ${JSON.stringify(r.args)} → ${r.gate === 'public' ? 'reached' : 'forbidden'}`));
    expect(seen.map((s) => s.channel)).toEqual(rows.filter((r) => r.gate === 'public').map((r) => r.channel));
    // A resident's channel refuses before its arguments are looked at, as a desk-only one does.
    expect(await d.call('idcard:current', { not: 'valid' }, { host: 'web', connection: DEVICE_OTHER, surface: 'desk' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('from a specialist’s own device after its login: the public and the desk’s, never a resident’s', async () => {
    const { d, seen } = make();
    const got: string[] = [];
    for (const r of rows) got.push(`${r.channel} ${JSON.stringify(r.args)} → ${outcome(await d.call(r.channel, r.args, { host: 'web', connection: DEVICE, surface: 'desk' }))}`);
    expect(got).toEqual(rows.map((r) => `${r.channel} ${JSON.stringify(r.args)} → ${r.gate === 'resident' ? 'forbidden' : 'reached'}`));
    expect(seen.every((s) => s.specialist?.id === 'li.min')).toBe(true);
  });

  it('every stream opens from a specialist’s own device as declared, before and after its login', () => {
    const { d } = make();
    for (const [name, gate] of Object.entries(streamTable)) {
      const before = d.subscribe(name, {}, () => undefined, { host: 'web', connection: DEVICE_OTHER, surface: 'desk' });
      expect(before.ok ? 'open' : before.error.code, `${name} before login`).toBe(gate === 'public' ? 'open' : 'forbidden');
      if (before.ok) before.value();
      const after = d.subscribe(name, {}, () => undefined, { host: 'web', connection: DEVICE, surface: 'desk' });
      expect(after.ok ? 'open' : after.error.code, `${name} after login`).toBe(gate === 'resident' ? 'forbidden' : 'open');
      if (after.ok) after.value();
    }
  });
});
