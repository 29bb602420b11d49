// A tiny structured logger. Personal data must never reach it: callers log ids of
// records and error codes, never names or ID numbers. `redact` is a last line of
// defence (redact.ts) that masks anything shaped like an ID number or a phone
// number, and Chinese names in fields that hold names.
import { redact } from './redact.js';

export { redact };

export interface Logger {
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  child(scope: string): Logger;
}

export function createLogger(scope: string, sink: (line: string) => void = (l) => process.stderr.write(l + '\n')): Logger {
  const write = (level: string, msg: string, fields?: Record<string, unknown>) => {
    const extra = fields ? ' ' + JSON.stringify(fields) : '';
    sink(redact(`${new Date().toISOString()} ${level} [${scope}] ${msg}${extra}`));
  };
  return {
    info: (m, f) => write('INFO', m, f),
    warn: (m, f) => write('WARN', m, f),
    error: (m, f) => write('ERROR', m, f),
    child: (s) => createLogger(`${scope}:${s}`, sink),
  };
}

export const silentLogger: Logger = {
  info: () => {},
  warn: () => {},
  error: () => {},
  child: () => silentLogger,
};
