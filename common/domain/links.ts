// What the QR codes on the screen and on paper encode: a URL a resident's phone
// can open, built from the station config's templates. `links.payment` takes the
// order (the application's tracking number) and may take the amount;
// `links.status` takes the tracking number. No other placeholder is accepted, so
// personal data (an ID number, a name) can never be put into a QR code by config.
import { z } from 'zod';

export const LINK_PLACEHOLDERS = {
  payment: { required: ['order'], allowed: ['order', 'amount'] },
  status: { required: ['tracking'], allowed: ['tracking'] },
} as const;
export type LinkKind = keyof typeof LINK_PLACEHOLDERS;

/** Development defaults: they parse and scan, but the `.invalid` hosts go nowhere (production refuses them). */
export const DEFAULT_LINKS: Readonly<Record<LinkKind, string>> = {
  payment: 'https://pay.example.invalid/xiangyin/pay?order={order}&amount={amount}',
  status: 'https://status.example.invalid/xiangyin/track/{tracking}',
};

const SAMPLE: Record<string, string> = { order: 'XY20261206-0001', amount: '400', tracking: 'XY20261206-0001' };

/** Why a template is unusable, or null. */
export function linkTemplateProblem(kind: LinkKind, template: string): string | null {
  const names = [...template.matchAll(/\{([^{}]*)\}/g)].map((m) => m[1]!);
  const { required, allowed } = LINK_PLACEHOLDERS[kind];
  const unknown = names.filter((n) => !(allowed as readonly string[]).includes(n));
  if (unknown.length) return `unknown placeholder {${unknown[0]}}: only ${allowed.map((a) => `{${a}}`).join(', ')} may appear (never personal data)`;
  for (const r of required) if (!names.includes(r)) return `must contain {${r}}`;
  if (/[{}]/.test(template.replace(/\{[^{}]*\}/g, ''))) return 'has an unmatched { or }';
  let url: URL;
  try {
    url = new URL(fillLink(template, SAMPLE));
  } catch {
    return 'is not a URL';
  }
  if (url.protocol !== 'https:') return 'must be an https:// URL (a phone opens it over the internet)';
  if (url.username || url.password) return 'must not carry a user name or password';
  return null;
}

export function linkTemplateSchema(kind: LinkKind) {
  return z
    .string()
    .min(1)
    .max(300)
    .superRefine((t, ctx) => {
      const problem = linkTemplateProblem(kind, t);
      if (problem) ctx.addIssue({ code: 'custom', message: `links.${kind} ${problem}` });
    });
}

export const linksSchema = z.object({ payment: linkTemplateSchema('payment'), status: linkTemplateSchema('status') }).strict();
export type Links = z.infer<typeof linksSchema>;

/** The station config's `links`, defaulting each template on its own. */
export const linksConfigSchema = z
  .object({
    /** URL a phone opens to pay; {order} is the tracking number, {amount} the yuan due. */
    payment: linkTemplateSchema('payment').default(DEFAULT_LINKS.payment),
    /** URL a phone opens to follow an application; {tracking} is its tracking number. */
    status: linkTemplateSchema('status').default(DEFAULT_LINKS.status),
  })
  .strict()
  .default({ ...DEFAULT_LINKS });

/** Replaces each {name} with its value, URL-encoded. */
export function fillLink(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{([^{}]*)\}/g, (_m, name: string) => {
    const v = values[name];
    if (v === undefined) throw new Error(`no value for {${name}}`);
    return encodeURIComponent(String(v));
  });
}

export function paymentLink(links: Links, order: string, amountYuan: number): string {
  return fillLink(links.payment, { order, amount: amountYuan });
}

export function statusLink(links: Links, tracking: string): string {
  return fillLink(links.status, { tracking });
}
