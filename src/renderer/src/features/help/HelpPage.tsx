import { useEffect, useMemo, useRef } from 'react';
import scoringMethod from '../../../../../resources/docs/scoring-method.md?raw';
import { PageHeading } from '../../app/PageHeading';
import { PageLayout } from '../../app/PageLayout';
import { href } from '../../routing/routes';
import { renderMarkdown } from './render-markdown';

// The scoring method is bundled into the UI at build time from resources/docs/scoring-method.md
// (Vite's ?raw import): the Help page always shows the method of the build it ships with, works
// offline with no file access, and needs no extra operation in the contract.

/** Help: the written scoring method, with a contents list linking to each section. */
export function HelpPage({ section }: { section?: string | undefined }) {
  const doc = useMemo(() => renderMarkdown(scoringMethod), []);
  const body = useRef<HTMLDivElement>(null);
  const contents = doc.headings.filter((h) => h.depth === 2);

  // A contents link is a route (#/help/<section>), so it can be bookmarked; on arrival, move
  // focus to that section's heading so keyboard and screen-reader users land where they chose.
  useEffect(() => {
    if (!section) return;
    const target = body.current?.querySelector<HTMLElement>(`#${CSS.escape(section)}`);
    if (!target) return;
    target.scrollIntoView({ block: 'start' });
    target.focus({ preventScroll: true });
  }, [section]);

  return (
    <PageLayout>
      <PageHeading caption="Help">{doc.title}</PageHeading>
      <nav className="nhsuk-contents-list" aria-label="Sections of the scoring method">
        <h2 className="nhsuk-u-visually-hidden">Contents</h2>
        <ol className="nhsuk-contents-list__list">
          {contents.map((h) => (
            <li className="nhsuk-contents-list__item" key={h.id} aria-current={h.id === section ? 'page' : undefined}>
              {h.id === section ? (
                <span className="nhsuk-contents-list__current">{h.text}</span>
              ) : (
                <a className="nhsuk-contents-list__link" href={href.help(h.id)}>
                  {h.text}
                </a>
              )}
            </li>
          ))}
        </ol>
      </nav>
      {/* Our own Markdown, rendered with raw HTML escaped (see render-markdown.ts). */}
      <div className="app-prose" ref={body} dangerouslySetInnerHTML={{ __html: doc.html }} />
    </PageLayout>
  );
}
