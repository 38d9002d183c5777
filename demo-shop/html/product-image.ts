import { html } from 'hono/html';
import type { CatalogItem } from '../catalog.ts';

// The source data has no photos. Each product gets a tile in its own colour with its initials and name,
// derived from the id so the same product always looks the same.

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

function initials(name: string): string {
  const words = name.split(/\s+/).filter((w) => /^[A-Za-z]/.test(w) && !/^(of|and|the|in|with|set|pack)$/i.test(w));
  return words.slice(0, 2).map((w) => w[0]!.toUpperCase()).join('') || name.slice(0, 2).toUpperCase();
}

/** Up to three lines of about 18 characters, the last one cut short with an ellipsis. */
function nameLines(name: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of name.split(/\s+/)) {
    if (line && `${line} ${word}`.length > 18) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  if (lines.length > 3) lines.splice(2, lines.length - 2, `${lines[2]}…`);
  return lines;
}

export function productImageSvg(item: CatalogItem) {
  const h = hash(item.item_id);
  const hue = h % 360;
  const background = `hsl(${hue} 55% 88%)`;
  const accent = `hsl(${(hue + 40) % 360} 45% 74%)`;
  const ink = `hsl(${hue} 40% 26%)`;
  const cx = 60 + ((h >>> 8) % 280);
  const cy = 40 + ((h >>> 16) % 120);
  return html`<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400" viewBox="0 0 400 400" role="img" aria-label="${item.item_name}">
<rect width="400" height="400" fill="${background}"/>
<circle cx="${cx}" cy="${cy}" r="${70 + (h % 50)}" fill="${accent}" opacity="0.55"/>
<circle cx="${400 - cx}" cy="${360 - cy / 2}" r="${40 + ((h >>> 4) % 40)}" fill="${accent}" opacity="0.4"/>
<text x="200" y="215" text-anchor="middle" font-family="Georgia, serif" font-size="120" fill="${ink}">${initials(item.item_name)}</text>
${nameLines(item.item_name).map((line, i) => html`<text x="200" y="${290 + i * 28}" text-anchor="middle" font-family="Helvetica, Arial, sans-serif" font-size="22" fill="${ink}">${line}</text>`)}
</svg>`;
}
