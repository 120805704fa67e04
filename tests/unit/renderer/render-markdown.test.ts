import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderMarkdown, slugify } from '../../../src/renderer/src/features/help/render-markdown';
import { RESOURCES } from '../../helpers/core';

// The Help screen renders our Markdown docs: headings must carry unique ids for the contents list,
// and raw HTML must never reach the page as markup (the CSP forbids inline scripts anyway).

describe('rendering a Help document', () => {
  it('takes the first level-1 heading as the title and gives every other heading a unique id', () => {
    const doc = renderMarkdown('# How wards are scored\n\n## 1. Four results\n\ntext\n\n### 3.1 Points *for* answers\n\n## 1. Four results\n');
    expect(doc.title).toBe('How wards are scored');
    expect(doc.html).not.toContain('<h1');
    expect(doc.headings).toEqual([
      { id: 'help-1-four-results', depth: 2, text: '1. Four results' },
      { id: 'help-3-1-points-for-answers', depth: 3, text: '3.1 Points for answers' },
      { id: 'help-1-four-results-2', depth: 2, text: '1. Four results' },
    ]);
    expect(doc.html).toContain('<h3 id="help-3-1-points-for-answers" class="nhsuk-heading-s" tabindex="-1">3.1 Points <em>for</em> answers</h3>');
  });

  it('shows raw HTML as text, never as markup', () => {
    const doc = renderMarkdown('# T\n\n<script>alert(1)</script>\n\nInline <img src=x onerror=alert(1)> too.\n');
    expect(doc.html).not.toMatch(/<script|<img/);
    expect(doc.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('gives tables the NHS.UK table classes and keeps code blocks as escaped text', () => {
    const doc = renderMarkdown('# T\n\n| band | scores |\n| --- | --- |\n| Low | 1–3 |\n\n```json worked-example id="x"\n{ "a": "<b>" }\n```\n');
    expect(doc.html).toContain('<table class="nhsuk-table"><thead class="nhsuk-table__head"><tr class="nhsuk-table__row"><th class="nhsuk-table__header" scope="col">band</th>');
    expect(doc.html).toContain('<td class="nhsuk-table__cell">1–3</td>');
    expect(doc.html).toContain('<pre class="app-prose__code" aria-label="Worked example as data"><code>{ &quot;a&quot;: &quot;&lt;b&gt;&quot; }</code></pre>');
  });

  it('makes ids from letters and digits only', () => {
    expect(slugify('5.4 Worst rating')).toBe('5-4-worst-rating');
    expect(slugify('Rôle & “tier”')).toBe('role-tier');
    expect(slugify('—')).toBe('section');
  });

  it('renders the scoring method with every numbered section in the contents', () => {
    const doc = renderMarkdown(readFileSync(path.join(RESOURCES, 'docs', 'scoring-method.md'), 'utf8'));
    expect(doc.title).toBe('How wards are scored');
    expect(doc.headings.filter((h) => h.depth === 2).map((h) => h.text.split('.')[0])).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11']);
    expect(new Set(doc.headings.map((h) => h.id)).size).toBe(doc.headings.length);
  });
});
