// An esbuild plugin for the web host's bundle: Node's built-in modules, and the
// CommonJS packages left outside the bundle, are taken with require(), not
// import.
// - Importing a built-in as ESM builds a facade that reads every one of its
//   exports once, and some exports are lazy getters that load a whole
//   subsystem: `node:http` reads `WebSocket` and so loads undici (Node's fetch,
//   ≈ 50 ms under a profiler), `node:fs` reads `ReadStream` and loads the
//   streams. Nothing of that is used before the port is bound.
// - Importing a CommonJS package as ESM makes Node scan its source for its
//   export names first (cjs-module-lexer: ≈ 10 ms for `ws` alone).
// Through require() an export is read only when the code uses it. (The
// bundle's banner defines `require`: scripts/host-build-options.mjs.)
import { builtinModules } from 'node:module';

const escape = (s) => s.replace(/[/\\^$*+?.()|[\]{}]/g, '\\$&');

/** `commonJsPackages`: external packages that are CommonJS (their bare names). */
export function viaRequire(commonJsPackages) {
  const names = [...builtinModules.filter((m) => !m.startsWith('_')).map((m) => `(node:)?${escape(m)}`), ...commonJsPackages.map(escape)];
  const filter = new RegExp(`^(${names.join('|')})$`);
  return {
    name: 'via-require',
    setup(build) {
      build.onResolve({ filter }, (args) =>
        // Only the bundle's own imports: a require() inside a bundled CommonJS module already is one.
        args.kind === 'import-statement' || args.kind === 'dynamic-import' ? { path: args.path, namespace: 'via-require' } : undefined,
      );
      build.onLoad({ filter: /.*/, namespace: 'via-require' }, (args) => ({ contents: `module.exports = require(${JSON.stringify(args.path)});`, loader: 'js' }));
    },
  };
}
