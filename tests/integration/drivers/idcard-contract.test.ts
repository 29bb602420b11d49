// The ID card reader contract: the real serial driver against the simulator on a
// socat pty always, and against a real reader when TEST_IDCARD_PORT names one (then
// only the checks that need no scripted card or fault run, plus a read if
// TEST_IDCARD_EXPECT_CARD=1 says a card lies on the reader).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SamClient } from '../../../drivers/idcard/sam-client.js';
import { Status } from '../../../drivers/idcard/reply.js';
import { decodeBaseInfo } from '../../../drivers/idcard/base-info.js';
import { IdCardSimulator } from '../../../drivers/idcard/simulator.js';
import { wangJie } from '../../../drivers/idcard/samples.js';
import { openSerialLink } from '../../../drivers/serial/serial-link.js';
import { SimulatorOnPty } from '../../../drivers/serial/sim-on-pty.js';
import type { ByteLink } from '../../../drivers/serial/link.js';
import { tempDir } from './helpers.js';

interface Target {
  name: string;
  port: () => string;
  baudRate: number;
  /** Present for the simulator only. */
  sim?: () => IdCardSimulator;
  expectCard: boolean;
}

function contract(target: Target) {
  describe(`SAM protocol contract: ${target.name}`, () => {
    let link: ByteLink;
    let client: SamClient;
    beforeAll(async () => {
      link = await openSerialLink({ path: target.port(), baudRate: target.baudRate });
      client = new SamClient(link, { replyTimeoutMs: 2000 });
    });
    afterAll(async () => {
      client?.dispose();
      await link?.close();
    });

    it('answers the status command with 90', async () => {
      expect((await client.command('status')).sw3).toBe(Status.ok);
    });

    it('says 80 to find-card when no card is present', async ({ skip }) => {
      if (target.expectCard) skip();
      target.sim?.().removeCard();
      expect((await client.command('findCard')).sw3).toBe(Status.noCard);
    });

    it('finds, selects and reads a card', async ({ skip }) => {
      const sim = target.sim?.();
      if (!sim && !target.expectCard) skip();
      sim?.insertCard(wangJie);
      expect((await client.command('findCard')).sw3).toBe(Status.cardFound);
      expect((await client.command('selectCard')).sw3).toBe(Status.ok);
      const reply = await client.command('readBaseInfo');
      expect(reply.sw3).toBe(Status.ok);
      const { card, photo } = decodeBaseInfo(reply.data);
      expect(photo.length).toBe(1024);
      expect(card.idNumberValid).toBe(true);
      if (sim) expect(card).toEqual({ ...wangJie, idNumberValid: true });
    });
  });
}

let simulated: SimulatorOnPty | undefined;
const sim = new IdCardSimulator();
beforeAll(async () => {
  simulated = await SimulatorOnPty.start({ dir: tempDir('idcard-contract'), simulator: sim });
});
afterAll(async () => {
  await simulated?.dispose();
});

contract({ name: 'simulator over a socat pty', port: () => simulated!.hostPath, baudRate: 115200, sim: () => sim, expectCard: false });

const realPort = process.env.TEST_IDCARD_PORT;
if (realPort) {
  contract({
    name: `real reader at ${realPort}`,
    port: () => realPort,
    baudRate: Number(process.env.TEST_IDCARD_BAUD ?? 115200),
    expectCard: process.env.TEST_IDCARD_EXPECT_CARD === '1',
  });
}
