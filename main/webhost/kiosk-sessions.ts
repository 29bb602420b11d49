// Who may use the station through the web host. Nothing secret travels on a
// command line or stays in a URL: the host hands out one-time launch codes (to
// Chromium through a file in its private profile, or printed for a person in
// headless mode); the first page load exchanges a code for a session cookie
// (HttpOnly, SameSite=Strict) and the code is dead from then on. The WebSocket
// and every route that needs authority check that cookie.
import crypto from 'node:crypto';
import { LAUNCH_PARAM } from '../../common/ipc/paths.js';

/** Codes nobody redeemed, and sessions, are kept to these bounds; the oldest go first. */
const MAX_CODES = 16;
const MAX_SESSIONS = 32;

const random = () => crypto.randomBytes(32).toString('base64url');
// Only hashes are kept, so a lookup (a Map probe) compares no secret bytes.
const digest = (s: string) => crypto.createHash('sha256').update(s).digest('base64url');

export interface KioskSessions {
  /** A fresh launch code, good for one exchange. */
  issueCode(): string;
  /** Exchanges a launch code for a new session id; null if the code is unknown or was used. */
  redeem(code: string): string | null;
  isSession(id: string | undefined): boolean;
}

export function kioskSessions(): KioskSessions {
  const codes = new Set<string>();
  const sessions = new Set<string>();
  const addBounded = (set: Set<string>, value: string, max: number) => {
    set.add(value);
    // Sets iterate in insertion order: the first entry is the oldest.
    while (set.size > max) set.delete(set.values().next().value!);
  };
  return {
    issueCode() {
      const code = random();
      addBounded(codes, digest(code), MAX_CODES);
      return code;
    },
    redeem(code) {
      if (!codes.delete(digest(code))) return null;
      const id = random();
      addBounded(sessions, digest(id), MAX_SESSIONS);
      return id;
    },
    isSession(id) {
      return !!id && sessions.has(digest(id));
    },
  };
}

/** The value of cookie `name` in a Cookie header, or undefined. Never throws. */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** The URL that opens the kiosk at `origin` once, with `code` from issueCode(). */
export function launchUrlFor(origin: string, code: string): string {
  return `${origin}/?${LAUNCH_PARAM}=${code}`;
}
