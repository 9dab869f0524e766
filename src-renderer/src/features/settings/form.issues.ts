// The core's validation answer as a form shows it: each issue next to the field it names, the
// rest above the buttons. Reads both the dispatcher's `issues` (`path: message` lines) and the
// configuration store's `Invalid <thing>: path: message; …` messages. Pure; renderer.
import type { BridgeError } from '../../../../src-preload/contract';

export interface FormIssues {
  /** By dotted path, as the contract names the field (`targets.low.firstResponseMins`). */
  fields: Record<string, string>;
  /** What belongs to no one field (a conflict, an unavailable core). */
  general: string | null;
}

export const noIssues: FormIssues = { fields: {}, general: null };

const LINE = /^([A-Za-z0-9_.]+|\([a-z]+\)): (.+)$/s;

function splitLine(line: string): [string | null, string] {
  const match = LINE.exec(line.trim());
  if (!match) return [null, line.trim()];
  const path = match[1] ?? '';
  return [path.startsWith('(') ? null : path, match[2] ?? ''];
}

/**
 * `fieldForConflict` names the field a `conflict` is about when a form knows it (a template's
 * shortcut already in use), so that message shows there too.
 */
export function formIssues(error: BridgeError, fieldForConflict?: string): FormIssues {
  const lines = error.issues?.length
    ? error.issues
    : /^Invalid [^:]+: /.test(error.message)
      ? error.message.replace(/^Invalid [^:]+: /, '').split('; ')
      : [];
  const fields: Record<string, string> = {};
  const loose: string[] = [];
  for (const line of lines) {
    const [path, message] = splitLine(line);
    if (path === null) loose.push(message);
    else fields[path] ??= message;
  }
  if (error.code === 'conflict' && fieldForConflict) fields[fieldForConflict] ??= error.message;
  const general = loose.length > 0 ? loose.join(' ') : Object.keys(fields).length === 0 ? error.message : null;
  return { fields, general };
}

/** The issue at `path` or inside it (`weekly.1` finds `weekly.1.0.end`), with the part below `path`. */
export function issueAt(issues: FormIssues, path: string): { message: string; below: string } | null {
  if (issues.fields[path] !== undefined) return { message: issues.fields[path], below: '' };
  const prefix = `${path}.`;
  for (const [key, message] of Object.entries(issues.fields)) {
    if (key.startsWith(prefix)) return { message, below: key.slice(prefix.length) };
  }
  return null;
}

/** Fields that still have an issue but no input of their own on the form, so none is lost. */
export function unplacedIssues(issues: FormIssues, placed: readonly string[]): string[] {
  return Object.entries(issues.fields)
    .filter(([key]) => !placed.some((p) => key === p || key.startsWith(`${p}.`)))
    .map(([key, message]) => `${key}: ${message}`);
}

/** Comma-separated words as a list: `billing, refunds,` → ['billing', 'refunds']. */
export const listFromText = (text: string): string[] =>
  text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);

/** A number field's text as the core receives it; blank is NaN (sent as null), so the core names it. */
export const numberFrom = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text));
