// Reads Shopline's cursor pagination from the `link` response header
// (`<…?limit=50&page_info=abc>; rel="next", <…>; rel="previous"`). Pure; runs anywhere.

export interface PageLinks {
  next: string | null;
  previous: string | null;
}

/** The `page_info` cursors of the next and previous pages; null where there is none. */
export function parseLinkHeader(header: string | null | undefined): PageLinks {
  const links: PageLinks = { next: null, previous: null };
  if (!header) return links;
  // Split on the commas between entries only: a URL may itself contain commas.
  for (const entry of header.split(/,(?=\s*<)/)) {
    const match = /^\s*<([^>]*)>\s*((?:;[^;]*)*)$/.exec(entry);
    if (!match) continue;
    const rel = /;\s*rel\s*=\s*"?([^";]+)"?/i.exec(match[2] ?? '')?.[1]?.trim().toLowerCase();
    const pageInfo = pageInfoOf(match[1] ?? '');
    if (!pageInfo) continue;
    if (rel === 'next') links.next = pageInfo;
    else if (rel === 'previous' || rel === 'prev') links.previous = pageInfo;
  }
  return links;
}

function pageInfoOf(url: string): string | null {
  try {
    // A relative URL is odd but harmless: resolve it against a placeholder base.
    return new URL(url, 'http://placeholder.invalid').searchParams.get('page_info') || null;
  } catch {
    return null;
  }
}
