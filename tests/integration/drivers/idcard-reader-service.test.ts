// The reader service over a real pty to the simulator: events, poll pace, faults,
// and recovery after the cable is pulled (socat killed) and plugged back in.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IdCardReaderService, type IdCardEvent } from '../../../drivers/idcard/reader-service.js';
import { IdCardSimulator } from '../../../drivers/idcard/simulator.js';
import { bateer, liJianguoBadCheckDigit, zhangXiuying } from '../../../drivers/idcard/samples.js';
import { openSerialLink } from '../../../drivers/serial/serial-link.js';
import { SimulatorOnPty } from '../../../drivers/serial/sim-on-pty.js';
import { tempDir, waitFor } from './helpers.js';

describe('ID card reader service over a socat pty', () => {
  let onPty: SimulatorOnPty;
  let sim: IdCardSimulator;
  let service: IdCardReaderService;
  let events: IdCardEvent[];
  let health: string[];

  beforeEach(async () => {
    sim = new IdCardSimulator({ slowReplyMs: 1200, onUnplug: () => void onPty.unplug(400) });
    onPty = await SimulatorOnPty.start({ dir: tempDir('idcard-service'), simulator: sim });
    events = [];
    health = [];
    service = new IdCardReaderService({
      open: () => openSerialLink({ path: onPty.hostPath, baudRate: 115200 }),
      pollMs: 300,
      replyTimeoutMs: 600,
      reconnectMs: 200,
      onHealth: (s) => health.push(s),
    });
    service.subscribe((e) => events.push(e));
    service.start();
    await waitFor(() => service.health.state === 'ok', 'reader ok');
  });

  afterEach(async () => {
    await service.dispose();
    await onPty.dispose();
  });

  const types = () => events.map((e) => e.type);

  it('reports inserted, read (with the card) and removed', async () => {
    sim.insertCard(zhangXiuying);
    const read = await waitFor(() => events.find((e) => e.type === 'read'), 'read event');
    expect(read).toEqual({ type: 'read', card: { ...zhangXiuying, idNumberValid: true } });
    expect(service.current()?.photo.length).toBe(1024);
    sim.removeCard();
    await waitFor(() => types().includes('removed'), 'removed event');
    expect(types()).toEqual(['inserted', 'read', 'removed']);
    expect(service.current()).toBeNull();
  });

  it('tells a card swapped for another between two polls: removed, then the new card', async () => {
    sim.insertCard(zhangXiuying);
    await waitFor(() => types().includes('read'), 'first read');
    // No gap a poll could see: the reader finds a card both times, but not the same one.
    sim.insertCard(liJianguoBadCheckDigit);
    await waitFor(() => types().filter((t) => t === 'read').length === 2, 'second read');
    expect(types()).toEqual(['inserted', 'read', 'removed', 'inserted', 'read']);
    const second = events.at(-1)!;
    expect(second.type === 'read' && second.card.name).toBe(liJianguoBadCheckDigit.name);
    expect(service.current()?.card.idNumber).toBe(liJianguoBadCheckDigit.idNumber);
    // The same card left where it is is read once, not again on every poll.
    const reads = sim.commandCount.readBaseInfo;
    await waitFor(() => (sim.commandCount.selectCard ?? 0) > 6, 'a few more polls');
    expect(sim.commandCount.readBaseInfo).toBe(reads);
  });

  it('reads a card once, however long it stays, and polls no faster than every 300 ms', async () => {
    const before = sim.commandCount.findCard ?? 0;
    sim.insertCard(bateer);
    await waitFor(() => types().includes('read'), 'read');
    const started = Date.now();
    await new Promise((r) => setTimeout(r, 1500));
    const polls = (sim.commandCount.findCard ?? 0) - before;
    const elapsed = Date.now() - started + 1500; // polls counted since before the insert
    expect(polls).toBeLessThanOrEqual(Math.floor(elapsed / 300) + 1);
    expect(polls).toBeGreaterThan(0);
    expect(sim.commandCount.readBaseInfo).toBe(1);
  });

  it('reports a card whose ID number fails validation as such', async () => {
    sim.insertCard(liJianguoBadCheckDigit);
    const read = await waitFor(() => events.find((e) => e.type === 'read'), 'read');
    expect(read.type === 'read' && read.card.idNumberValid).toBe(false);
  });

  it('turns a corrupt checksum into a typed error and recovers', async () => {
    sim.setFault('corrupt-checksum');
    await waitFor(() => events.find((e) => e.type === 'error' && e.code === 'checksum'), 'checksum error');
    expect(service.health.state).toBe('warning');
    sim.setFault('none');
    sim.insertCard(zhangXiuying);
    await waitFor(() => types().includes('read'), 'read after recovery');
    await waitFor(() => service.health.state === 'ok', 'health ok again');
  });

  it('turns a slow reply into a timeout, then reads once the reader is quick again', async () => {
    sim.setFault('slow-reply');
    const timeout = await waitFor(() => events.find((e) => e.type === 'error' && e.code === 'timeout'), 'timeout error');
    // No card was being read: the reader's health, not a card event.
    expect(timeout).toMatchObject({ during: 'poll' });
    sim.setFault('none');
    sim.insertCard(zhangXiuying);
    const read = await waitFor(() => events.find((e) => e.type === 'read'), 'read');
    expect(read.type === 'read' && read.card.name).toBe('张秀英');
  });

  it('a reply lost while a read card lies on the reader is the reader\'s health, not a card event: no removal, no second read', async () => {
    sim.insertCard(zhangXiuying);
    await waitFor(() => types().includes('read'), 'read');
    const before = events.length;
    sim.setFault('slow-reply');
    const timeout = await waitFor(() => events.slice(before).find((e) => e.type === 'error'), 'timeout while the card lies there');
    expect(timeout).toMatchObject({ code: 'timeout', during: 'poll' });
    expect(service.health.state).toBe('warning');
    sim.setFault('none');
    await waitFor(() => service.health.state === 'ok', 'health ok again');
    // The same card, still there: neither removed nor read again.
    expect(events.slice(before).map((e) => e.type)).toEqual(['error']);
  });

  it('reports a failed read and does not invent a card; with no-card the card is not seen', async () => {
    sim.setFault('read-failed');
    sim.insertCard(zhangXiuying);
    const failed = await waitFor(() => events.find((e) => e.type === 'error' && e.code === 'read-failed'), 'read-failed');
    expect(failed).toMatchObject({ during: 'read' });
    expect(types()).not.toContain('read');
    sim.removeCard();
    await waitFor(() => types().includes('removed'), 'removed');
    sim.setFault('no-card');
    sim.insertCard(zhangXiuying);
    await new Promise((r) => setTimeout(r, 1000));
    expect(types().filter((t) => t === 'inserted')).toHaveLength(1);
  });

  it('survives the cable being pulled mid-frame and reads again after it is plugged back', async () => {
    sim.setFault('unplug-mid-frame');
    sim.insertCard(zhangXiuying);
    await waitFor(() => events.find((e) => e.type === 'error' && e.code === 'disconnected'), 'disconnected');
    expect(health).toContain('disconnected');
    expect(types()).not.toContain('read');
    // The simulator plugs itself back in after 400 ms; the service reopens the port and reads.
    const read = await waitFor(() => events.find((e) => e.type === 'read'), 'read after replug');
    expect(read.type === 'read' && read.card.idNumber).toBe(zhangXiuying.idNumber);
    expect(service.health.state).toBe('ok');
  });

  it('reports removal when the port disappears, and reconnects when it returns', async () => {
    sim.insertCard(zhangXiuying);
    await waitFor(() => types().includes('read'), 'read');
    await onPty.unplug();
    await waitFor(() => service.health.state === 'disconnected', 'disconnected');
    expect(types()).toContain('removed');
    await new Promise((r) => setTimeout(r, 500));
    await onPty.replug();
    await waitFor(() => service.health.state === 'ok', 'ok after replug');
    await waitFor(() => types().filter((t) => t === 'read').length === 2, 'second read');
  });
});

describe('ID card reader service starting against a misbehaving reader', () => {
  it('shows a reader that answers garbage as a warning, not as unplugged, and recovers', async () => {
    const sim = new IdCardSimulator();
    sim.setFault('corrupt-checksum');
    const onPty = await SimulatorOnPty.start({ dir: tempDir('idcard-garbage'), simulator: sim });
    const service = new IdCardReaderService({ open: () => openSerialLink({ path: onPty.hostPath, baudRate: 115200 }), pollMs: 300, replyTimeoutMs: 500 });
    const events: IdCardEvent[] = [];
    service.subscribe((e) => events.push(e));
    try {
      service.start();
      await waitFor(() => service.health.state === 'warning', 'warning');
      expect(events.some((e) => e.type === 'error' && e.code === 'disconnected')).toBe(false);
      sim.setFault('none');
      sim.insertCard(bateer);
      await waitFor(() => events.some((e) => e.type === 'read'), 'read once the reader is sane');
      expect(service.health.state).toBe('ok');
    } finally {
      await service.dispose();
      await onPty.dispose();
    }
  });
});
