// `npm start`: runs the kiosk. Electron when its binary is installed, otherwise
// the web host with Debian's Chromium in kiosk mode — and says which.
// `--headless` runs the web host without a browser and prints the URL.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

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
  run(process.execPath, ['dist/host/launch.js', ...args]);
}
