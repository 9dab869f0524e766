// Renders canned responses: `{{ customer.first_name }}`-style placeholders filled from a
// variables object (pure; core, and safe for the renderer's preview). A placeholder that
// cannot be filled is an error listing it, never a silent blank in a customer's message.

export type TemplateValue = string | number | null;
export interface TemplateVariables {
  [name: string]: TemplateValue | TemplateVariables;
}

export type RenderResult =
  | { ok: true; text: string }
  | {
      ok: false;
      /** Placeholders that name no variable (typos such as `order.numbr`, or malformed ones). */
      unknown: string[];
      /** Known variables without a value here (e.g. `order.number` when no order is linked). */
      missing: string[];
    };

/** `{{`, optional whitespace, anything without braces, optional whitespace, `}}`. */
const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*$/;

/** The placeholder names in the body, each once, in order of first appearance. */
export function listVariables(body: string): string[] {
  const names = new Set<string>();
  for (const match of body.matchAll(PLACEHOLDER)) names.add(match[1] ?? '');
  return [...names];
}

type Lookup = { kind: 'value'; value: string | number } | { kind: 'missing' } | { kind: 'unknown' };

function lookup(vars: TemplateVariables, name: string): Lookup {
  if (!NAME.test(name)) return { kind: 'unknown' };
  let node: TemplateValue | TemplateVariables = vars;
  for (const key of name.split('.')) {
    // Own keys only: `{{constructor}}` or `{{a.__proto__}}` must not reach the prototype chain.
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, key)) return { kind: 'unknown' };
    node = (node as TemplateVariables)[key] as TemplateValue | TemplateVariables;
  }
  if (node === null || node === undefined) return { kind: 'missing' };
  if (typeof node === 'object') return { kind: 'unknown' }; // a group such as `{{customer}}`, not a value
  if (typeof node === 'number' && !Number.isFinite(node)) return { kind: 'missing' };
  if (typeof node === 'string' && node.trim() === '') return { kind: 'missing' };
  return { kind: 'value', value: node };
}

export function renderTemplate(body: string, vars: TemplateVariables): RenderResult {
  const unknown = new Set<string>();
  const missing = new Set<string>();
  const text = body.replace(PLACEHOLDER, (whole, name: string) => {
    const found = lookup(vars, name);
    if (found.kind === 'value') return String(found.value);
    (found.kind === 'unknown' ? unknown : missing).add(name);
    return whole;
  });
  if (unknown.size > 0 || missing.size > 0) return { ok: false, unknown: [...unknown], missing: [...missing] };
  return { ok: true, text };
}
