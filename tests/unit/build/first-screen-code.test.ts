// The home screen needs only its own code: the renderer's static import graph
// from its entry (what the first chunk holds) reaches none of the other
// screens, which are dynamic imports of their own (renderer/src/app/lazy-screen.tsx).
// Read from the sources, as the bundler reads them: `import type` is dropped,
// every other import and re-export is followed; import() is not.
// Nor does it hold zod: the schemas are main's to check, and they were ≈ 90 KB
// of the first screen's 396 KB, parsed and built before its socket opened. A module the first screen needs a value from keeps its schema
// in a file of its own (id-number.ts / id-number-schema.ts, paths.ts / wire.ts…).
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../support/kiosk-process.js';
import { FIRST_SCREEN_PATH } from '../../../common/ipc/paths.js';

const entry = path.join(repoRoot, 'renderer', 'src', 'main.tsx');

function resolveLocal(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return `node_modules:${spec.split('/').slice(0, spec.startsWith('@') ? 2 : 1).join('/')}`;
  const base = path.resolve(path.dirname(from), spec).replace(/\.js$/, '');
  for (const ext of ['.ts', '.tsx']) if (fs.existsSync(base + ext)) return base + ext;
  // CSS, workers' URLs and the like: not code of a screen.
  return null;
}

function staticImports(file: string): string[] {
  const src = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, false, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const out: string[] = [];
  for (const st of src.statements) {
    if (ts.isImportDeclaration(st) && !st.importClause?.isTypeOnly) out.push((st.moduleSpecifier as ts.StringLiteral).text);
    if (ts.isExportDeclaration(st) && st.moduleSpecifier && !st.isTypeOnly) out.push((st.moduleSpecifier as ts.StringLiteral).text);
  }
  return out;
}

function firstChunk(): Set<string> {
  const seen = new Set<string>();
  const todo = [entry];
  while (todo.length) {
    const f = todo.pop()!;
    if (seen.has(f)) continue;
    seen.add(f);
    if (f.startsWith('node_modules:')) continue;
    for (const spec of staticImports(f)) {
      const r = resolveLocal(f, spec);
      if (r) todo.push(r);
    }
  }
  return new Set([...seen].map((f) => (f.startsWith('node_modules:') ? f : path.relative(repoRoot, f))));
}

describe("the first screen's code", () => {
  const graph = firstChunk();

  it('is found from the entry (the walk itself works)', () => {
    expect(graph).toContain('renderer/src/screens/HomeScreen.tsx');
    expect(graph).toContain('renderer/src/app/App.tsx');
    expect(graph).toContain('node_modules:react-dom');
  });

  it('holds none of the other screens: the flows, the queries, the specialist desk', () => {
    const others = [...graph].filter(
      (f) =>
        f.startsWith('renderer/src/flow/') ||
        f.startsWith('renderer/src/services/queries/') ||
        f === 'renderer/src/specialist/DeskScreen.tsx' ||
        f === 'renderer/src/screens/ServiceScreen.tsx' ||
        f === 'node_modules:qrcode',
    );
    expect(others).toEqual([]);
  });

  it('holds no zod', () => {
    expect([...graph].filter((f) => f === 'node_modules:zod')).toEqual([]);
  });

  it("has its data preloaded by the page's HTML from the path the web host serves it at", () => {
    // As fetchFirstScreen asks for it (same mode and credentials), so the preload's answer is used, not a second request.
    const html = fs.readFileSync(path.join(repoRoot, 'renderer', 'index.html'), 'utf8');
    expect(html).toContain(`<link rel="preload" href="${FIRST_SCREEN_PATH}" as="fetch" crossorigin />`);
  });
});
