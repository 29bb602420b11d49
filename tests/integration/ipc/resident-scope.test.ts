// Issue 19, D: a resident's screen (no desk session) could list any resident's
// applications, with their names, by sending their number in
// store:list-applications, and read any pension record through
// store:query-social-insurance. Main now answers a kiosk screen without a desk
// session only about the card lying in the reader; a screen holding a desk
// session asks about anyone. A real kiosk process (web host, simulated reader on
// a pseudo-terminal), called over its own WebSocket as the renderer calls it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKiosk, type KioskProcess } from '../../support/kiosk-process.js';
import { printerJobs } from '../../support/printer-jobs.js';
import { sampleCards } from '../../../drivers/idcard/samples.js';
import { demoResidents } from '../../../sync-server/demo-data.js';

let kiosk: KioskProcess;
const card = sampleCards.zhangXiuying;
const other = sampleCards.wangJie;
const desk = { asSpecialist: { specialistId: 'dev', pin: '135790' } };
const application = (idNumber: string, name: string) => ({
  serviceId: 'elderly-allowance',
  catalogueVersion: '2026.11.1',
  formData: { phone: '13800138000' },
  applicant: { idNumber, name },
  onBehalf: false,
  attachments: [],
});

beforeAll(async () => {
  kiosk = await startKiosk();
  // Filed by the specialist (代办): a resident's screen may file only for a card read in its visit.
  for (const c of [card, other]) {
    const r = await kiosk.ipc('store:submit-application', { ...application(c.idNumber, c.name), onBehalf: true }, desk);
    expect(r.ok).toBe(true);
  }
}, 120_000);

afterAll(async () => {
  await kiosk?.stop();
});

type List = { applications: { applicantName: string | null }[] };
const forbidden = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'answered' : r.error!.code);

async function cardOnReader(idNumber: string | null): Promise<void> {
  await expect
    .poll(async () => {
      const r = await kiosk.ipc<{ card: { idNumber: string } | null }>('idcard:current', {});
      return r.ok ? (r.value.card?.idNumber ?? null) : 'error';
    }, { timeout: 20_000 })
    .toBe(idNumber);
}

describe('whose records a resident screen may ask about', () => {
  it('with no card in the reader: no one\'s applications, no one\'s pension record', async () => {
    expect(forbidden(await kiosk.ipc('store:list-applications', { idNumber: card.idNumber }))).toBe('forbidden');
    expect(forbidden(await kiosk.ipc('store:query-social-insurance', { idNumber: card.idNumber }))).toBe('forbidden');
  });

  it('with a card in the reader: that card\'s own, and nobody else\'s', async () => {
    await kiosk.control('idcard-simulator', 'insertCard', 'zhangXiuying');
    await cardOnReader(card.idNumber);
    const mine = await kiosk.ipc<List>('store:list-applications', { idNumber: card.idNumber });
    expect(mine.ok && mine.value.applications.map((a) => a.applicantName)).toEqual([card.name]);
    const theirs = await kiosk.ipc<List>('store:list-applications', { idNumber: other.idNumber });
    expect(forbidden(theirs)).toBe('forbidden');
    expect(JSON.stringify(theirs)).not.toContain(other.name);
    expect(forbidden(await kiosk.ipc('store:query-social-insurance', { idNumber: other.idNumber }))).toBe('forbidden');
    expect(forbidden(await kiosk.ipc('store:query-social-insurance', { idNumber: card.idNumber }))).toBe('answered');
  });

  it('a screen holding a desk session asks about anyone (代办, the desk)', async () => {
    const theirs = await kiosk.ipc<List>('store:list-applications', { idNumber: other.idNumber }, desk);
    expect(theirs.ok && theirs.value.applications.map((a) => a.applicantName)).toEqual([other.name]);
  });

  it('the card taken away takes the permission with it', async () => {
    await kiosk.control('idcard-simulator', 'removeCard');
    await cardOnReader(null);
    expect(forbidden(await kiosk.ipc('store:list-applications', { idNumber: card.idNumber }))).toBe('forbidden');
  });
});

// The same hole for filing: a resident's screen could file an application (a 养老认证, a 低保) in
// anyone's name by sending their number. The station now files for a resident's screen only in the
// name of someone whose own card this reader read in the visit.
describe('in whose name a resident screen may file', () => {
  const file = (c: { idNumber: string; name: string }) => kiosk.ipc('store:submit-application', application(c.idNumber, c.name));
  const draft = (c: { idNumber: string; name: string }) =>
    kiosk.ipc('store:save-draft', { serviceId: 'elderly-allowance', catalogueVersion: '2026.11.1', formData: {}, applicant: { idNumber: c.idNumber, name: c.name } });

  it('no card read in this visit: nobody\'s', async () => {
    await kiosk.ipc('app:resident-session-cleared', {});
    expect(forbidden(await file(card))).toBe('forbidden');
    expect(forbidden(await draft(card))).toBe('forbidden');
  });

  it('the card on the reader: its own, and nobody else\'s', async () => {
    await kiosk.control('idcard-simulator', 'insertCard', 'zhangXiuying');
    await cardOnReader(card.idNumber);
    expect(forbidden(await file(card))).toBe('answered');
    expect(forbidden(await file(other))).toBe('forbidden');
    expect(forbidden(await draft(other))).toBe('forbidden');
  });

  it('a second card read in the same visit (a family member\'s) counts too, until the visit ends', async () => {
    await kiosk.control('idcard-simulator', 'removeCard');
    await cardOnReader(null);
    await kiosk.control('idcard-simulator', 'insertCard', 'wangJie');
    await cardOnReader(other.idNumber);
    await kiosk.control('idcard-simulator', 'removeCard');
    await cardOnReader(null);
    expect(forbidden(await file(card))).toBe('answered');
    expect(forbidden(await file(other))).toBe('answered');
    await kiosk.ipc('app:resident-session-cleared', {});
    expect(forbidden(await file(card))).toBe('forbidden');
    expect(forbidden(await file(other))).toBe('forbidden');
  });

  it('a desk session files for anyone, as 代办', async () => {
    expect(forbidden(await kiosk.ipc('store:submit-application', { ...application(other.idNumber, other.name), onBehalf: true }, desk))).toBe('answered');
  });
});

// And for paper: a resident's screen could print a receipt or a 参保证明 in anyone's name, with any
// words. Now main composes both, a receipt from the application in its store and a certificate from
// the record it fetched: a screen names which, never the words; and only in the name of someone it may
// file for (a card read in this visit; a desk session anyone's).
describe('in whose name, and what, a resident screen may print', () => {
  const forged = {
    kind: 'certificate',
    title: '居民养老保险参保证明',
    holderName: card.name,
    idNumber: card.idNumber,
    body: ['兹证明每月养老金：9999元。'],
    issuedBy: '阜平县社会保险事业服务中心',
    issuedAt: '2026-12-06T10:00:00+08:00',
  };
  type Looked = { fetchedAt: string; source: 'live' | 'cache'; record: unknown };
  const printed = (n: number) => printerJobs<{ lines: string[] }>(kiosk, n);
  const printCertificate = (c: { idNumber: string; name: string }, fetchedAt: string, opts?: typeof desk) =>
    kiosk.ipc('printer:print-certificate', { idNumber: c.idNumber, name: c.name, source: 'live', fetchedAt }, opts);

  it('the words are main\'s: no channel takes a document of the screen\'s own, whatever it says', async () => {
    const r = await kiosk.ipc('printer:print', { document: forged });
    expect(r.ok).toBe(false);
  });

  it('nobody\'s with no card read in this visit; the card\'s own record, as fetched, once read; nobody else\'s', async () => {
    await kiosk.ipc('app:resident-session-cleared', {});
    expect(forbidden(await printCertificate(card, '2026-12-06T10:00:00.000Z'))).toBe('forbidden');
    await kiosk.control('idcard-simulator', 'insertCard', 'zhangXiuying');
    await cardOnReader(card.idNumber);
    const looked = await kiosk.ipc<Looked>('store:query-social-insurance', { idNumber: card.idNumber, name: card.name });
    if (!looked.ok) throw new Error('no record');
    await kiosk.control('printer-simulator', 'clearJobs');
    expect(forbidden(await printCertificate(card, looked.value.fetchedAt))).toBe('answered');
    const jobs = await printed(1);
    expect(jobs[0]!.lines.join('\n')).toContain(`兹证明${card.name}参加了`);
    // Another copy of the record than the one the screen showed: asked again first.
    expect(forbidden(await printCertificate(card, '2020-01-01T00:00:00.000Z'))).toBe('not-found');
    expect(forbidden(await printCertificate(other, looked.value.fetchedAt))).toBe('forbidden');
    await kiosk.control('idcard-simulator', 'removeCard');
    await cardOnReader(null);
  });

  it('a receipt: of one of their own applications, as the store holds it; nobody else\'s', async () => {
    type Listed = { applications: { id: string; localTrackingNumber: string }[] };
    const mine = await kiosk.ipc<Listed>('store:list-applications', { idNumber: card.idNumber }, desk);
    const theirs = await kiosk.ipc<Listed>('store:list-applications', { idNumber: other.idNumber }, desk);
    if (!mine.ok || !theirs.ok) throw new Error('no applications');
    const filed = mine.value.applications[0]!;
    const receipt = (id: string, opts?: typeof desk) => kiosk.ipc('printer:print-receipt', { applicationId: id, reprint: false }, opts);
    await kiosk.ipc('app:resident-session-cleared', {});
    expect(forbidden(await receipt(filed.id))).toBe('forbidden');
    await kiosk.control('idcard-simulator', 'insertCard', 'zhangXiuying');
    await cardOnReader(card.idNumber);
    await kiosk.control('printer-simulator', 'clearJobs');
    expect(forbidden(await receipt(filed.id))).toBe('answered');
    const jobs = await printed(1);
    expect(jobs[0]!.lines).toContain(filed.localTrackingNumber);
    expect(jobs[0]!.lines.join('')).toContain('高龄津贴');
    expect(forbidden(await receipt(theirs.value.applications[0]!.id))).toBe('forbidden');
    expect(forbidden(await receipt('0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b'))).toBe('not-found');
    await kiosk.control('idcard-simulator', 'removeCard');
    await cardOnReader(null);
    // The desk reprints anyone's, and the paper says it is a reprint.
    await kiosk.control('printer-simulator', 'clearJobs');
    expect(forbidden(await kiosk.ipc('printer:print-receipt', { applicationId: theirs.value.applications[0]!.id, reprint: true }, desk))).toBe('answered');
    const reprinted = await printed(1);
    expect(reprinted[0]!.lines.join('')).toContain('这是补打的回执');
  });

  it('a desk session prints anyone\'s (代办), from the record it fetched for them', async () => {
    const someone = { idNumber: demoResidents[1]!.idNumber, name: demoResidents[1]!.name };
    const looked = await kiosk.ipc<Looked>('store:query-social-insurance', { idNumber: someone.idNumber, name: someone.name }, desk);
    if (!looked.ok) throw new Error(`no record: ${looked.error.message}`);
    expect(forbidden(await printCertificate(someone, looked.value.fetchedAt))).toBe('forbidden');
    expect(forbidden(await printCertificate(someone, looked.value.fetchedAt, desk))).toBe('answered');
  });
});
