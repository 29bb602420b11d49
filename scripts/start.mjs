// `npm start`: runs the kiosk. Electron when its binary is installed, otherwise
// the web host with Debian's Chromium in kiosk mode — and says which.
// `--headless` runs the web host without a browser and prints a one-time URL.
// A web host that dies (it should not: every request is guarded) is started
// again, a bounded number of times, saying why; it relaunches its Chromium.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { hostMallocEnv, hostNodeFlags } from './host-node-flags.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const headless = args.includes('--headless');

function electronBinary() {
  try {
    const p = path.join(root, 'node_modules', 'electron', 'path.txt');
    const rel = fs.readFileSync(p, 'utf8').trim();
    const bin = path.join(root, 'node_modules', 'electron', 'dist', rel);
    return fs.existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

function run(cmd, argv, env = {}) {
  const child = spawn(cmd, argv, { stdio: 'inherit', cwd: root, env: { ...process.env, ...env } });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

/** Restarts allowed within RESTART_WINDOW_MS before giving up (a host that cannot stay up needs a person). */
const MAX_RESTARTS = 5;
const RESTART_WINDOW_MS = 10 * 60_000;
/** launch.ts exits with this for a bad config or option: starting again would not help. */
const EXIT_CONFIG = 78;

function runWebHost(argv) {
  const restarts = [];
  let stopping = false;
  let child;
  const start = (after) => {
    child = spawn(process.execPath, [...hostNodeFlags, ...argv], { stdio: 'inherit', cwd: root, env: { ...process.env, ...hostMallocEnv, ...(after ? { XIANGYIN_RESTARTED_AFTER: after } : {}) } });
    child.on('exit', (code, signal) => {
      if (stopping || code === 0 || code === EXIT_CONFIG) process.exit(code ?? 1);
      const why = signal ? `killed by ${signal}` : `exit code ${code}`;
      const now = Date.now();
      restarts.push(now);
      while (restarts[0] < now - RESTART_WINDOW_MS) restarts.shift();
      if (restarts.length > MAX_RESTARTS) {
        console.error(`The web host stopped unexpectedly (${why}), ${restarts.length} times in 10 minutes: not starting it again. See the log above.`);
        process.exit(1);
      }
      console.error(
        `The web host stopped unexpectedly (${why}); starting it again (${restarts.length} of ${MAX_RESTARTS} in 10 minutes).` +
          (headless ? ' Its old URL no longer works: open the new one it prints.' : ''),
      );
      setTimeout(() => start(why), 1000);
    });
  };
  for (const sig of ['SIGINT', 'SIGTERM'])
    process.on(sig, () => {
      stopping = true;
      child.kill(sig);
    });
  start(null);
}

for (const built of ['dist/renderer/index.html', 'dist/host/launch.js']) {
  if (!fs.existsSync(path.join(root, built))) {
    console.error(`${built} is missing: run \`bash scripts/setup.sh\` (or \`npm run build\`) first.`);
    process.exit(1);
  }
}

const electron = headless ? null : electronBinary();
if (electron) {
  console.log(`Starting the kiosk in Electron (${electron})`);
  const build = spawn(process.execPath, ['scripts/build-electron.mjs'], { stdio: 'inherit', cwd: root });
  build.on('exit', (code) => {
    if (code !== 0) process.exit(code ?? 1);
    run(electron, ['.']);
  });
} else {
  console.log(headless ? 'Starting the web host (headless): open the URL below in a browser.' : 'Electron binary not installed: starting the web host with Chromium in kiosk mode.');
  runWebHost(['dist/host/launch.js', ...args]);
}
