import { Marked, type Tokens } from 'marked';

// The Help pages are our own Markdown files (resources/docs), turned into HTML here. Headings get
// stable ids so the contents list and links can point at them; any raw HTML in the source is shown
// as text, never run, so the page stays inside the CSP (no inline scripts) whatever the file holds.

export interface DocHeading {
  id: string;
  depth: number;
  text: string;
}

export interface RenderedDoc {
  /** The document's own title (its first level-1 heading), shown as the page's h1 instead. */
  title: string;
  html: string;
  headings: DocHeading[];
}

export function slugify(text: string): string {
  const slug = text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'section';
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/** Plain text of a heading's inline tokens (for ids and the contents list). */
function plainText(tokens: Tokens.Generic[] | undefined, fallback: string): string {
  if (!tokens) return fallback;
  return tokens.map((t) => (Array.isArray(t.tokens) ? plainText(t.tokens as Tokens.Generic[], String(t.text ?? '')) : String(t.text ?? t.raw ?? ''))).join('');
}

export function renderMarkdown(markdown: string, idPrefix = 'help-'): RenderedDoc {
  const headings: DocHeading[] = [];
  const used = new Set<string>();
  let title = '';
  const marked = new Marked({
    gfm: true,
    renderer: {
      heading({ tokens, depth, text }) {
        const plain = plainText(tokens, text);
        if (depth === 1 && !title) {
          title = plain;
          return '';
        }
        let id = `${idPrefix}${slugify(plain)}`;
        for (let n = 2; used.has(id); n += 1) id = `${idPrefix}${slugify(plain)}-${n}`;
        used.add(id);
        headings.push({ id, depth, text: plain });
        // The document's h2 sits under the page's h1, so levels stay in order for screen readers.
        const size = depth <= 2 ? 'nhsuk-heading-m' : depth === 3 ? 'nhsuk-heading-s' : 'nhsuk-heading-xs';
        return `<h${depth} id="${id}" class="${size}" tabindex="-1">${this.parser.parseInline(tokens)}</h${depth}>\n`;
      },
      html({ text }) {
        return escapeHtml(text);
      },
      code({ text, lang }) {
        const label = lang?.includes('worked-example') ? ' aria-label="Worked example as data"' : '';
        return `<pre class="app-prose__code"${label}><code>${escapeHtml(text)}</code></pre>\n`;
      },
      table(token) {
        const cell = (c: Tokens.TableCell, tag: 'th' | 'td') =>
          `<${tag} class="nhsuk-table__${tag === 'th' ? 'header' : 'cell'}"${tag === 'th' ? ' scope="col"' : ''}>${this.parser.parseInline(c.tokens)}</${tag}>`;
        const head = `<thead class="nhsuk-table__head"><tr class="nhsuk-table__row">${token.header.map((c) => cell(c, 'th')).join('')}</tr></thead>`;
        const body = token.rows.map((row) => `<tr class="nhsuk-table__row">${row.map((c) => cell(c, 'td')).join('')}</tr>`).join('');
        return `<table class="nhsuk-table">${head}<tbody class="nhsuk-table__body">${body}</tbody></table>\n`;
      },
    },
  });
  const html = marked.parse(markdown, { async: false });
  return { title, html, headings };
}
