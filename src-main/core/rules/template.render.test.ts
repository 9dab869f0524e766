// Tests for template rendering, variable listing and the documented variables builder.
import { describe, expect, it } from 'vitest';
import { listVariables, renderTemplate } from './template.render';
import { splitName, templateVariableNames, templateVariables } from './template.variables';
import type { TemplateOrder } from './template.variables';
import { makeAgent, makeTicket } from './rules.fixtures';

const order: TemplateOrder = {
  number: 'D2034',
  totalAmount: '129.90',
  currency: 'EUR',
  status: 'shipped',
  trackingUrl: 'https://track.example/D2034',
  trackingNumber: 'JD0143',
  createdAt: Date.parse('2026-03-01T23:30:00Z'),
};
const vars = templateVariables(makeTicket(), makeAgent('agent:1', { name: 'Lena Vogel' }), order, { timeZone: 'Europe/Berlin' });

describe('renderTemplate', () => {
  it('fills dot-path placeholders, with or without spaces inside the braces', () => {
    const r = renderTemplate('Hi {{customer.first_name}}, order {{ order.number }} ({{  order.total  }}) is {{order.status}}. – {{agent.first_name}}', vars);
    expect(r).toEqual({ ok: true, text: 'Hi Anna, order D2034 (129.90 EUR) is shipped. – Lena' });
  });

  it('repeats a variable as often as it appears and leaves other text alone', () => {
    expect(renderTemplate('{{ticket.id}}/{{ticket.id}} { single } {{', vars)).toEqual({
      ok: true,
      text: 'tg:-100123:7/tg:-100123:7 { single } {{',
    });
    expect(renderTemplate('No variables at all.', {})).toEqual({ ok: true, text: 'No variables at all.' });
  });

  it('reports unknown variables instead of rendering blanks', () => {
    expect(renderTemplate('Order {{order.numbr}} for {{ custmer.name }} {{order.numbr}}', vars)).toEqual({
      ok: false,
      unknown: ['order.numbr', 'custmer.name'],
      missing: [],
    });
  });

  it('treats malformed placeholders, groups and prototype keys as unknown', () => {
    const r = renderTemplate('{{}} {{ order }} {{order number}} {{constructor}} {{customer.__proto__}} {{order.number.x}}', vars);
    expect(r).toEqual({
      ok: false,
      unknown: ['', 'order', 'order number', 'constructor', 'customer.__proto__', 'order.number.x'],
      missing: [],
    });
  });

  it('reports known variables without a value as missing', () => {
    const noOrder = templateVariables(makeTicket(), makeAgent('agent:1'), null);
    expect(renderTemplate('Hi {{customer.first_name}}, your order {{order.number}} {{order.tracking_url}}', noOrder)).toEqual({
      ok: false,
      unknown: [],
      missing: ['order.number', 'order.tracking_url'],
    });
  });

  it('renders numbers and treats blank or non-finite values as missing', () => {
    expect(renderTemplate('{{a}} {{b}}', { a: 3, b: 0 })).toEqual({ ok: true, text: '3 0' });
    expect(renderTemplate('{{a}}{{b}}', { a: '  ', b: Number.NaN })).toEqual({ ok: false, unknown: [], missing: ['a', 'b'] });
  });
});

describe('listVariables', () => {
  it('lists each placeholder once, in order, trimmed', () => {
    expect(listVariables('{{ b.x }} {{a}} {{b.x}} {{ c }}')).toEqual(['b.x', 'a', 'c']);
    expect(listVariables('none')).toEqual([]);
  });
});

describe('templateVariables', () => {
  it('provides every documented variable', () => {
    const full = renderTemplate(templateVariableNames.map((n) => `{{${n}}}`).join('|'), vars);
    expect(full).toEqual({
      ok: true,
      text: [
        'Anna',
        'Maria Schmidt',
        'Anna Maria Schmidt',
        'anna_s',
        'tg:-100123:7',
        'Where is my order?',
        'Lena Vogel',
        'Lena',
        'D2034',
        '129.90 EUR',
        'shipped',
        'https://track.example/D2034',
        'JD0143',
        '2026-03-02', // 23:30 UTC is already the next day in Berlin
      ].join('|'),
    });
  });

  it('dates the order in UTC by default', () => {
    const utc = templateVariables(makeTicket(), makeAgent('agent:1'), order);
    expect(renderTemplate('{{order.date}}', utc)).toEqual({ ok: true, text: '2026-03-01' });
  });

  it('leaves what the customer did not give as missing', () => {
    const t = makeTicket();
    const bare = templateVariables({ ...t, customer: { ...t.customer, name: 'Cher', username: null } }, makeAgent('agent:1'), null);
    const r = renderTemplate('{{customer.first_name}} {{customer.last_name}} {{customer.username}}', bare);
    expect(r).toEqual({ ok: false, unknown: [], missing: ['customer.last_name', 'customer.username'] });
  });

  it('splits names on whitespace', () => {
    expect(splitName('  Jean  Luc Picard ')).toEqual({ first: 'Jean', last: 'Luc Picard' });
    expect(splitName('')).toEqual({ first: null, last: null });
  });
});
