import { useEffect, useRef, type ReactNode } from 'react';

/**
 * The page's h1. It takes focus when it appears, so after each navigation a screen reader starts
 * at the new page's title and Tab continues from there. Pages remount per route, so this runs
 * once per navigation, not after each save.
 */
export function PageHeading({ caption, children }: { caption?: string; children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <h1 className="nhsuk-heading-l app-page-heading" tabIndex={-1} ref={ref}>
      {caption && (
        <span className="nhsuk-caption-l">
          {caption}
          <span className="nhsuk-u-visually-hidden"> – </span>
        </span>
      )}
      {children}
    </h1>
  );
}
