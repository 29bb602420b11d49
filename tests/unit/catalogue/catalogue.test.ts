import { describe, expect, it } from 'vitest';
import { builtinCatalogue, builtinCatalogueInput } from '../../../common/catalogue/builtin.js';
import { CatalogueError, compareCatalogueVersions, parseCatalogue } from '../../../common/catalogue/schema/catalogue.js';

// The tests below break a deep copy of the JSON on purpose; typing every path would hide the point.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const clone = () => JSON.parse(JSON.stringify(builtinCatalogueInput)) as Record<string, any>;

function refusal(json: unknown): CatalogueError {
  try {
    parseCatalogue(json);
  } catch (e) {
    if (e instanceof CatalogueError) return e;
    throw e;
  }
  throw new Error('expected the catalogue to be refused');
}

describe('parseCatalogue', () => {
  it('accepts the built-in catalogue, from an object and from its JSON text', () => {
    const cat = builtinCatalogue();
    expect(cat.version).toBe(builtinCatalogueInput.version);
    expect(parseCatalogue(JSON.stringify(builtinCatalogueInput))).toEqual(cat);
  });

  it('refuses text that is not JSON with a typed error', () => {
    expect(refusal('{"version": ').code).toBe('not-json');
  });

  it('names the path of a shape error', () => {
    const bad = clone();
    bad.services[0].steps[0].field.kind = 'signature';
    const e = refusal(bad);
    expect(e.code).toBe('invalid');
    expect(e.issues.join('\n')).toMatch(/services\.0\.steps\.0\.field/);
  });

  it('refuses dangling references: a condition on a question never asked, an unknown photo document', () => {
    const bad = clone();
    const byId = (id: string) => bad.services.find((x: { id: string }) => x.id === id);
    byId('pension-certification').steps[1].when.field = 'nosuchField';
    byId('elderly-allowance').steps[1].field.subject = 'passport';
    const e = refusal(bad);
    expect(e.issues.some((i) => i.includes('nosuchField'))).toBe(true);
    expect(e.issues.some((i) => i.includes('unknown document passport'))).toBe(true);
  });

  it('refuses a service listed twice and a bad version', () => {
    const bad = clone();
    bad.services.push(bad.services[0]);
    bad.version = 'latest';
    const issues = refusal(bad).issues.join('\n');
    expect(issues).toContain('listed twice');
    expect(issues).toContain('version');
  });

  it('lets a county change the elderly-allowance age through data', () => {
    const cat = clone();
    const svc = cat.services.find((s: { id: string }) => s.id === 'elderly-allowance');
    svc.eligibility[0].years = 70;
    const parsed = parseCatalogue(cat);
    const rule = parsed.services.find((s) => s.id === 'elderly-allowance')?.eligibility[0];
    expect(rule).toMatchObject({ kind: 'min-age', years: 70 });
  });

  it('orders versions numerically', () => {
    expect(compareCatalogueVersions('2027.1.0', '2026.11.3')).toBe(1);
    expect(compareCatalogueVersions('2026.2.0', '2026.10.0')).toBe(-1);
    expect(compareCatalogueVersions('2026.11.1', '2026.11.1')).toBe(0);
  });
});

describe('the built-in words read aloud', () => {
  const cat = builtinCatalogue();
  const spoken = cat.services.flatMap((s) => [
    s.intro.say,
    ...s.steps.flatMap((st) => [st.prompt.say, ...(st.prompt.hint ? [st.prompt.hint] : [])]),
    ...s.eligibility.map((r) => r.explain),
    ...s.documents.map((d) => d.say),
  ]);

  it('are short sentences an older listener can follow', () => {
    const long = spoken.flatMap((t) => t.split(/[。？！]/)).filter((sentence) => sentence.length > 26);
    expect(long).toEqual([]);
  });

  it('ask one question per question screen', () => {
    for (const s of cat.services) {
      for (const st of s.steps) {
        if (st.kind !== 'question') continue;
        expect((st.prompt.say.match(/？/g) ?? []).length, `${s.id}/${st.id}`).toBeLessThanOrEqual(1);
      }
    }
  });

  it('offer every service on the kiosk and the five home services on the TV', () => {
    expect(cat.services.map((s) => s.id).sort()).toEqual(
      ['application-status', 'certificate-print', 'elderly-allowance', 'medical-insurance-payment', 'pension-certification', 'policy-qa', 'social-insurance-query', 'subsistence-allowance'],
    );
    expect(cat.services.every((s) => s.offeredOn.includes('kiosk'))).toBe(true);
    expect(cat.services.filter((s) => s.offeredOn.includes('tv')).map((s) => s.id)).toEqual([
      'pension-certification',
      'social-insurance-query',
      'medical-insurance-payment',
      'application-status',
      'policy-qa',
    ]);
  });

  it('carry the speech area\'s words for each service', () => {
    const medical = cat.services.find((s) => s.id === 'medical-insurance-payment');
    expect(medical?.synonyms).toEqual(expect.arrayContaining(['交医保', '合作医疗', '农合']));
  });
});

describe('what the built-in services ask a resident', () => {
  // Issue 19.3: a touch kiosk has no keyboard and no input method, and a TV has a remote.
  // A family member's name comes from their own ID card (the family-card field), never typed.
  it('never asks for typed text', () => {
    const typed = builtinCatalogue().services.flatMap((s) => s.steps.filter((st) => st.kind === 'question' && st.field.kind === 'text').map((st) => `${s.id}/${st.id}`));
    expect(typed).toEqual([]);
  });

  it('takes the family member of 养老认证 from their card', () => {
    const pension = builtinCatalogue().services.find((s) => s.id === 'pension-certification')!;
    const fields = pension.steps.flatMap((st) => (st.kind === 'question' ? [st.field.kind] : []));
    expect(fields).toContain('family-card');
  });
});
