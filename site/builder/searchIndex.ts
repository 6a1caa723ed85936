// Turns a rendered lesson body into search sections (one per h2/h3 heading) of plain text.

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'", nbsp: ' ' };

/** Plain text of an HTML fragment: scripts and tags dropped, entities decoded, spaces collapsed. */
export function htmlToText(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<a class="tl-anchor"[\s\S]*?<\/a>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(#?\w+);/g, (m: string, e: string) => ENTITIES[e] ?? (e.startsWith('#x') ? String.fromCodePoint(parseInt(e.slice(2), 16)) : e.startsWith('#') ? String.fromCodePoint(Number(e.slice(1))) : m))
    .replace(/\s+/g, ' ')
    .trim();
}

/** Splits a lesson body at its h2/h3 headings; the first section has id "" (the intro). */
export function searchSections(html: string): Array<{ id: string; heading: string; text: string }> {
  const parts = html.split(/(?=<h[23] id=")/);
  return parts.map((part) => {
    const m = /^<h[23] id="([^"]+)"[^>]*>([\s\S]*?)<\/h[23]>/.exec(part);
    const heading = m ? htmlToText(m[2]) : '';
    const text = htmlToText(m ? part.slice(m[0].length) : part);
    return { id: m ? m[1] : '', heading, text };
  }).filter((s) => s.heading || s.text);
}
