import type { MouseEvent } from 'react';

/** Jumps past the header. Handled here because a plain #fragment would change the hash route. */
export function SkipLink() {
  const skip = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    const main = document.getElementById('maincontent');
    const heading = main?.querySelector<HTMLElement>('h1');
    (heading ?? main)?.focus();
  };
  return (
    <a className="nhsuk-skip-link" href="#maincontent" onClick={skip}>
      Skip to main content
    </a>
  );
}
