// Cursor extraction from Shopline `link` headers.
import { describe, expect, it } from 'vitest';
import { parseLinkHeader } from './link.header';

const base = 'https://shop.myshopline.com/admin/openapi/v20251201/customers/42/orders.json';

describe('parseLinkHeader', () => {
  it('reads both cursors, in either order', () => {
    const header = `<${base}?limit=3&page_info=PREV>; rel="previous", <${base}?limit=3&page_info=NEXT>; rel="next"`;
    expect(parseLinkHeader(header)).toEqual({ next: 'NEXT', previous: 'PREV' });
  });

  it('reads a first page (next only) and a last page (previous only)', () => {
    expect(parseLinkHeader(`<${base}?page_info=abc&limit=50>; rel="next"`)).toEqual({ next: 'abc', previous: null });
    expect(parseLinkHeader(`<${base}?limit=50&page_info=xyz>; rel="previous"`)).toEqual({ next: null, previous: 'xyz' });
  });

  it('treats no header as the only page', () => {
    expect(parseLinkHeader(null)).toEqual({ next: null, previous: null });
    expect(parseLinkHeader('')).toEqual({ next: null, previous: null });
  });

  it('decodes the cursor and tolerates unquoted rel, odd spacing and commas in URLs', () => {
    const header = `<${base}?fields=id,name&page_info=eyJ%3D>;rel=next ,  <${base}?page_info=p>;  rel="prev"`;
    expect(parseLinkHeader(header)).toEqual({ next: 'eyJ=', previous: 'p' });
  });

  it('ignores entries without a cursor or with unknown relations', () => {
    expect(parseLinkHeader(`<${base}?limit=3>; rel="next", <${base}?page_info=z>; rel="last"`)).toEqual({
      next: null,
      previous: null,
    });
    expect(parseLinkHeader('garbage; rel="next"')).toEqual({ next: null, previous: null });
  });
});
