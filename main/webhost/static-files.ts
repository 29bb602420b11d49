// Serves the built renderer (dist/renderer) with a strict CSP. Only GET/HEAD,
// only files inside the root (symlinks resolved), no directory listings; a path
// that cannot name a file gets 400, never an exception.
import fs from 'node:fs';
import path from 'node:path';
import type http from 'node:http';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.wav': 'audio/wav',
  '.ico': 'image/x-icon',
  // The face check's tfjs backend (compiled with WebAssembly.instantiateStreaming, which wants this type) and model weights.
  '.wasm': 'application/wasm',
  '.bin': 'application/octet-stream',
};

/**
 * The renderer's Content-Security-Policy: our own scripts only, no eval, no remote
 * anything. 'wasm-unsafe-eval' lets the page compile WebAssembly (the face check's
 * tfjs backend, served from here) and nothing else: JavaScript eval stays forbidden.
 */
export const RENDERER_CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob: data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': RENDERER_CSP,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(self), microphone=(self), geolocation=(), payment=(), usb=()',
  };
}

/**
 * The file a request path names inside `root`, or null for a path that cannot
 * name one: undecodable, NUL bytes (Node's fs throws on them synchronously),
 * or outside the root. Never throws.
 */
export function staticPathOf(root: string, pathname: string): string | null {
  let rel: string;
  try {
    rel = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (rel.includes('\0') || rel.includes('\\')) return null;
  if (rel.endsWith('/')) rel += 'index.html';
  const file = path.resolve(root, '.' + rel);
  return file.startsWith(path.resolve(root) + path.sep) ? file : null;
}

/** `headers` override the security headers (the desk listener takes away the camera and microphone). */
export function serveStatic(root: string, req: http.IncomingMessage, res: http.ServerResponse, headers: Record<string, string> = {}): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD' }).end();
    return;
  }
  const file = staticPathOf(root, new URL(req.url ?? '/', 'http://localhost').pathname);
  if (!file) {
    res.writeHead(400).end();
    return;
  }
  // Resolve symlinks and check again: a link inside the folder must not lead out of it.
  Promise.all([fs.promises.realpath(root), fs.promises.realpath(file).catch(() => null)])
    .then(async ([realRoot, real]) => {
      const inside = real !== null && real.startsWith(realRoot + path.sep);
      const st = inside ? await fs.promises.stat(real).catch(() => null) : null;
      if (real !== null && !inside) return answer(res, req, 403);
      // Unknown paths fall back to the app shell so a reload on any screen works.
      const target = st?.isFile() ? real! : path.join(realRoot, 'index.html');
      const body = await fs.promises.readFile(target).catch(() => null);
      if (!body) return answer(res, req, 404, 'renderer not built: run `npm run build`');
      const type = TYPES[path.extname(target)] ?? 'application/octet-stream';
      const cache = target.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache';
      res.writeHead(200, { ...securityHeaders(), ...headers, 'Content-Type': type, 'Cache-Control': cache, 'Content-Length': body.length });
      res.end(req.method === 'HEAD' ? undefined : body);
    })
    .catch(() => answer(res, req, 500));
}

function answer(res: http.ServerResponse, req: http.IncomingMessage, status: number, text = ''): void {
  if (res.headersSent) return void res.destroy();
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  res.end(req.method === 'HEAD' ? undefined : text);
}
