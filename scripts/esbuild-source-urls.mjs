// esbuild plugin: keeps `import.meta.url` / `import.meta.dirname` /
// `import.meta.filename` meaning "this source file" after bundling. Modules find
// their data (models, fixtures, package.json) relative to themselves; in a
// single bundle they would all see the bundle's own URL instead. Each use is
// rewritten relative to the output file, so the result still works when the
// whole tree is moved.
import fs from 'node:fs';
import path from 'node:path';

export function sourceUrls(outfile) {
  const outDir = path.dirname(path.resolve(outfile));
  return {
    name: 'source-urls',
    setup(build) {
      build.onLoad({ filter: /\.(ts|tsx|mts)$/ }, (args) => {
        if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
        let text = fs.readFileSync(args.path, 'utf8');
        if (!text.includes('import.meta.')) return undefined;
        const rel = path.relative(outDir, args.path).split(path.sep).join('/');
        const url = `new URL(${JSON.stringify(rel)}, import.meta.url).href`;
        const file = `decodeURIComponent(new URL(${JSON.stringify(rel)}, import.meta.url).pathname)`;
        const dir = `decodeURIComponent(new URL(${JSON.stringify(path.posix.dirname(rel) + '/')}, import.meta.url).pathname).replace(/\\/$/, '')`;
        text = text.replace(/import\.meta\.url/g, `(${url})`).replace(/import\.meta\.filename/g, `(${file})`).replace(/import\.meta\.dirname/g, `(${dir})`);
        return { contents: text, loader: args.path.endsWith('x') ? 'tsx' : 'ts' };
      });
    },
  };
}
