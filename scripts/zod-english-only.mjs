// An esbuild plugin for the host's bundles (the web host, Electron's main process):
// zod's message locales, English only. `import { z } from 'zod'` re-exports `z.locales`, every one of zod's
// 64 languages, and esbuild cannot shake a namespace re-export: they were about
// half of the launcher's zod chunk, parsed before the port is bound, and their
// non-Latin text made the whole chunk a two-byte string in V8's heap. The
// station never calls z.config(z.locales.…): its messages are its own, and zod's
// default (English, imported by zod's schemas directly) is all it uses.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export function zodEnglishOnly() {
  const english = createRequire(import.meta.url).resolve('zod/v4/locales/en.js');
  // Every other language keeps its name, and says plainly that it was left out if anyone calls it.
  const others = [...fs.readFileSync(path.join(path.dirname(english), 'index.js'), 'utf8').matchAll(/export \{ default as (\w+) \}/g)].map((m) => m[1]).filter((n) => n !== 'en');
  const leftOut = others.map((n) => `export const ${n} = () => { throw new Error('zod locale "${n}" is not bundled (scripts/zod-english-only.mjs)'); };`).join('\n');
  return {
    name: 'zod-english-only',
    setup(build) {
      // zod's two `export * as locales from "../locales/index.js"` (classic/external.js, core/index.js).
      build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
        /[/\\]node_modules[/\\]zod[/\\]v4[/\\](classic|core)[/\\]/.test(args.importer) ? { path: 'zod-locales', namespace: 'zod-english-only' } : undefined,
      );
      build.onLoad({ filter: /.*/, namespace: 'zod-english-only' }, () => ({
        contents: `export { default as en } from ${JSON.stringify(english)};\n${leftOut}`,
        resolveDir: path.dirname(english),
        loader: 'js',
      }));
    },
  };
}
