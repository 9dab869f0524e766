// The core's validation answers placed on forms: dispatcher issues by path, the config store's
// message form, conflicts on a named field, lookups by prefix, and what no input shows.
import { describe, expect, it } from 'vitest';
import { formIssues, issueAt, listFromText, numberFrom, unplacedIssues } from './form.issues';

describe('formIssues', () => {
  it('places dispatcher issues by path and keeps the first per field', () => {
    const issues = formIssues({
      code: 'invalid_params',
      message: 'Invalid params for config.slaPolicies.save.',
      issues: ['targets.low.firstResponseMins: Too small: expected number to be >0', 'name: Too small', 'name: second', '(params): odd'],
    });
    expect(issues.fields).toEqual({ 'targets.low.firstResponseMins': 'Too small: expected number to be >0', name: 'Too small' });
    expect(issues.general).toBe('odd');
  });

  it("reads the config store's message form", () => {
    const issues = formIssues({ code: 'invalid_params', message: 'Invalid SLA policy: calendarId: there is no calendar x; order: bad' });
    expect(issues).toEqual({ fields: { calendarId: 'there is no calendar x', order: 'bad' }, general: null });
  });

  it('shows a conflict on the field the form names, and anything else in general', () => {
    const clash = { code: 'conflict', message: 'The shortcut /hello is already used by "Greeting".' } as const;
    expect(formIssues(clash, 'shortcut')).toEqual({ fields: { shortcut: clash.message }, general: null });
    expect(formIssues(clash)).toEqual({ fields: {}, general: clash.message });
    expect(formIssues({ code: 'unavailable', message: 'The connection to the app was lost.' })).toEqual({
      fields: {},
      general: 'The connection to the app was lost.',
    });
  });
});

describe('issueAt and unplacedIssues', () => {
  const issues = { fields: { 'weekly.1.0.end': 'expected HH:MM', 'holidays.2.date': 'expected a real date', mystery: 'x' }, general: null };
  it('finds an issue at or below a path', () => {
    expect(issueAt(issues, 'weekly.1')).toEqual({ message: 'expected HH:MM', below: '0.end' });
    expect(issueAt(issues, 'mystery')).toEqual({ message: 'x', below: '' });
    expect(issueAt(issues, 'weekly.2')).toBeNull();
  });
  it('lists what no input on the form shows', () => {
    expect(unplacedIssues(issues, ['weekly', 'holidays'])).toEqual(['mystery: x']);
  });
});

describe('field text', () => {
  it('reads lists and numbers as the core expects them', () => {
    expect(listFromText(' billing, refunds ,, ')).toEqual(['billing', 'refunds']);
    expect(numberFrom('12')).toBe(12);
    expect(numberFrom(' ')).toBeNaN();
  });
});
