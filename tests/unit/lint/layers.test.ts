// Proves the layering rules bite: each snippet would be a violation in the file
// it pretends to live in, and ESLint must report it.
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import { repoRoot } from '../../support/kiosk-process.js';

const eslint = new ESLint({ cwd: repoRoot });

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('import layering (build/layers.js)', () => {
  it.each([
    ['renderer/src/bad.ts', "import fs from 'node:fs';\nexport const x = fs;"],
    ['renderer/src/bad.ts', "import { app } from 'electron';\nexport const x = app;"],
    ['renderer/src/bad.ts', "import { x } from '../../drivers/idcard/index.js';\nexport const y = x;"],
    ['renderer/src/bad.ts', "import { x } from '../../offline-store/store.js';\nexport const y = x;"],
    ['renderer/src/bad.ts', "import { x } from '../../speech/speaker.js';\nexport const y = x;"],
    ['drivers/bad.ts', "import { app } from 'electron';\nexport const x = app;"],
    ['drivers/bad.ts', "import { x } from '../renderer/src/app/App.js';\nexport const y = x;"],
    ['speech/bad.ts', "import { ipcMain } from 'electron';\nexport const x = ipcMain;"],
    ['offline-store/bad.ts', "import { x } from '../main/core/station.js';\nexport const y = x;"],
    ['common/bad.ts', "import { x } from '../drivers/config.js';\nexport const y = x;"],
    ['common/bad.ts', "import path from 'node:path';\nexport const y = path;"],
  ])('%s: %s fails', async (file, code) => {
    expect((await restrictedImports(file, code)).length).toBeGreaterThan(0);
  });

  it.each([
    ['renderer/src/ok.ts', "import { channels } from '../../common/ipc/contract.js';\nexport const x = channels;"],
    ['drivers/ok.ts', "import fs from 'node:fs';\nimport { z } from 'zod';\nexport const x = [fs, z];"],
    ['main/core/ok.ts', "import { x } from '../../drivers/config.js';\nexport const y = x;"],
    ['common/ok.ts', "import { z } from 'zod';\nimport { x } from './domain/status.js';\nexport const y = [z, x];"],
  ])('%s: %s is allowed', async (file, code) => {
    expect(await restrictedImports(file, code)).toEqual([]);
  });
});
