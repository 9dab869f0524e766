// How order data reads in the panel.
import { describe, expect, it } from 'vitest';
import { isWebUrl, money, stateLabel, waitingText } from './order.format';

describe('order formatting', () => {
  it('formats money in the currency, and shows odd amounts as sent', () => {
    expect(money('148.00', 'USD', 'en-US')).toBe('$148.00');
    expect(money('12.5', 'EUR', 'de-DE')).toMatch(/^12,50\s€$/u);
    expect(money('148.00', 'not-a-currency', 'en-US')).toBe('148.00 not-a-currency');
    expect(money('', 'USD', 'en-US')).toBe('USD');
  });

  it('labels Shopline states for people', () => {
    expect(stateLabel('partially_refunded')).toBe('Partially refunded');
    expect(stateLabel('out_for_delivery')).toBe('Out for delivery');
    expect(stateLabel(null)).toBe('Unknown');
  });

  it('says until when we wait out a rate limit, to the second', () => {
    const until = new Date(2026, 0, 20, 14, 3, 12).getTime();
    expect(waitingText(until, 'en-GB')).toBe('Waiting (rate limited) until 14:03:12');
  });

  it('lets only web links leave the app', () => {
    expect(isWebUrl('https://www.ups.com/track?x=1')).toBe(true);
    expect(isWebUrl('HTTP://a.example')).toBe(true);
    expect(isWebUrl('javascript:alert(1)')).toBe(false);
    expect(isWebUrl('file:///etc/passwd')).toBe(false);
  });
});
