export interface Crumb {
  href: string;
  label: string;
}

/** Where the page sits in the estate. The last crumb is the parent, shown as "Back to" on small screens. */
export function Breadcrumbs({ items }: { items: Crumb[] }) {
  const parent = items.at(-1);
  return (
    <nav className="nhsuk-breadcrumb" aria-label="Breadcrumb">
      <ol className="nhsuk-breadcrumb__list">
        {items.map((item) => (
          <li className="nhsuk-breadcrumb__list-item" key={item.href}>
            <a className="nhsuk-breadcrumb__link" href={item.href}>
              {item.label}
            </a>
          </li>
        ))}
      </ol>
      {parent && (
        <a className="nhsuk-back-link" href={parent.href}>
          <span className="nhsuk-u-visually-hidden">Back to </span>
          {parent.label}
        </a>
      )}
    </nav>
  );
}
