// The web host's command line. Read before anything else is loaded (launch.ts),
// so it depends on nothing: a wrong option is said at once, with exit code 78.

export interface LaunchArgs {
  config?: string;
  /** No browser: a one-time URL is printed for a person (or a test) to open. */
  headless: boolean;
  /**
   * Chromium without a window, its DevTools port printed: how a benchmark or a
   * test on a machine without a display drives the kiosk's own browser. Test
   * controls only, since DevTools lets any local process drive the page.
   */
  headlessBrowser: boolean;
  port?: number;
  dataDir?: string;
  testControls: boolean;
  window: boolean;
}

/** A command line the host cannot run with; starting it again would not help. */
export class LaunchUsageError extends Error {
  override name = 'LaunchUsageError';
}

export function parseLaunchArgs(argv: string[]): LaunchArgs {
  const a: LaunchArgs = { headless: false, headlessBrowser: false, testControls: false, window: false };
  const value = (i: number, option: string) => {
    const v = argv[i];
    if (v === undefined) throw new LaunchUsageError(`${option} needs a value`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const v = argv[i];
    if (v === '--headless') a.headless = true;
    else if (v === '--headless-browser') a.headlessBrowser = true;
    else if (v === '--test-controls') a.testControls = true;
    else if (v === '--window') a.window = true;
    else if (v === '--config') a.config = value(++i, v);
    else if (v === '--port') a.port = portNumber(value(++i, v));
    else if (v === '--data-dir') a.dataDir = value(++i, v);
    else throw new LaunchUsageError(`unknown option ${v}`);
  }
  if (a.headlessBrowser && !a.testControls) throw new LaunchUsageError('--headless-browser is for benchmarks and tests: it needs --test-controls');
  if (a.headlessBrowser && a.headless) throw new LaunchUsageError('--headless (no browser) and --headless-browser (a browser without a window) exclude each other');
  return a;
}

function portNumber(text: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || n > 65535) throw new LaunchUsageError(`--port must be a port number (0–65535), not ${text}`);
  return n;
}
