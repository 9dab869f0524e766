// Exhaustive cases for order-number detection: the forms it must find and the look-alikes it must not.
import { describe, expect, it } from 'vitest';
import { detectOrderNumbers } from './order-number.detect';

const numbers = (text: string, prefixes: string[] = ['D']) =>
  detectOrderNumbers(text, { prefixes }).map((m) => m.number);

describe('detectOrderNumbers: what it finds', () => {
  it.each([
    ['Hi, where is my order #1234?', ['1234']],
    ['#1001', ['1001']],
    ['(#1001)', ['1001']],
    ['Order #1234.', ['1234']],
    ['#1234! still nothing', ['1234']],
    ['# 1234 is late', ['1234']],
    ['order 1234', ['1234']],
    ['ORDER 1234 please check', ['1234']],
    ['Order no. 1042 still not here', ['1042']],
    ['order nr 1042', ['1042']],
    ['order number: 55512', ['55512']],
    ['Order: 1001, thanks', ['1001']],
    ['my order id#10042', ['10042']],
    ['order#1234', ['1234']],
    ['I have two orders 1500', ['1500']],
    ['заказ №1045 не пришёл', ['1045']],
    ['номер заказа 1046', ['1046']],
    ['№ 1049', ['1049']],
    ['pedido 1047', ['1047']],
    ['commande 1050', ['1050']],
    ['Bestellung 1051', ['1051']],
    ['订单号1048', ['1048']],
    ['D2034 please', ['D2034']],
    ['it is d2034', ['D2034']],
    ['#D2034', ['D2034']],
    ['order D2034', ['D2034']],
    ['Where are #1001 and #1002?', ['1001', '1002']],
    ['#1001, #1002', ['1001', '1002']],
    ['#1234 2 items missing', ['1234']],
    ['#1234 for 50 USD', ['1234']],
  ])('%j → %j', (text, expected) => {
    expect(numbers(text)).toEqual(expected);
  });

  it('reports each number once, at its first mention, with how it was written', () => {
    expect(detectOrderNumbers('Order #1234 and again #1234, also order 1235')).toEqual([
      { number: '1234', text: 'Order #1234', index: 0, kind: 'keyword' },
      { number: '1235', text: 'order 1235', index: 34, kind: 'keyword' },
    ]);
  });

  it('keeps the store prefix in its configured case and treats D2034 and #D2034 as one order', () => {
    expect(detectOrderNumbers('d2034 or #D2034?', { prefixes: ['D'] })).toEqual([
      { number: 'D2034', text: 'd2034', index: 0, kind: 'prefix' },
    ]);
  });

  it('supports several and multi-character prefixes, with regex characters escaped', () => {
    expect(numbers('SO-1001 and WEB1002 and X.1003', ['SO-', 'WEB', 'X.'])).toEqual(['SO-1001', 'WEB1002', 'X.1003']);
    expect(numbers('SOX1001', ['SO-'])).toEqual([]);
  });

  it('takes a bare prefix only with a configured prefix', () => {
    expect(numbers('D2034', [])).toEqual([]);
    expect(numbers('#', ['#'])).toEqual([]);
  });

  it('honours minDigits and maxDigits', () => {
    expect(detectOrderNumbers('#12 #123')).toHaveLength(1);
    expect(detectOrderNumbers('#12', { minDigits: 2 }).map((m) => m.number)).toEqual(['12']);
    expect(detectOrderNumbers('#1234567890')).toEqual([]);
    expect(detectOrderNumbers('#1234567890', { maxDigits: 10 }).map((m) => m.number)).toEqual(['1234567890']);
  });
});

describe('detectOrderNumbers: what it leaves alone', () => {
  it.each([
    // bare numbers
    ['my number is 1234', 'a bare number'],
    ['1001', 'a bare number'],
    // phones
    ['call me +1 (415) 555-0123', 'a phone'],
    ['+7 999 123-45-67', 'a phone'],
    ['89991234567', 'a phone'],
    ['#555-0123', 'a phone after #'],
    ['order 555 123 4567', 'a phone after "order"'],
    ['#12345678901', 'a long digit run'],
    // prices
    ['it cost $1234', 'a price'],
    ['order 1234.50', 'a decimal'],
    ['order 1,234', 'a thousands separator'],
    ['order 1500 rub', 'an amount in roubles'],
    ['order 1500 USD', 'an amount in dollars'],
    ['order 1500$', 'an amount with a symbol'],
    ['order 1500 €', 'an amount with a spaced symbol'],
    ['#100%', 'a percentage'],
    // quantities
    ['order 100 pcs', 'a quantity'],
    ['I want to order 250 units', 'a quantity'],
    ['ordered 1234 units', '"ordered" is not "order"'],
    ['reorder 1234', 'a longer word'],
    // dates and times
    ['order 12/05/2024', 'a date'],
    ['order 2024-05-12', 'an ISO date'],
    ['#2024-05-12', 'an ISO date after #'],
    ['at 12:30', 'a time'],
    ['order 1230:45', 'a time after "order"'],
    // other #-things
    ['&#1234;', 'an HTML entity'],
    ['see example.com/#1234', 'a URL fragment'],
    ['page#1234', 'a fragment after a word'],
    ['#2024sale', 'a hashtag'],
    ['AD2034', 'a prefix inside a word'],
    ['D2034-5', 'a prefixed range'],
    ['D20345678901', 'a prefix with a long digit run'],
  ])('%j (%s)', (text) => {
    expect(numbers(text)).toEqual([]);
  });

  it('returns nothing for empty text', () => {
    expect(detectOrderNumbers('')).toEqual([]);
  });
});
