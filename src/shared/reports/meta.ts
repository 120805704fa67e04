// What every report carries on every page: the app, when it was generated, the checklist versions
// behind it, and whether any of it is still draft.

export interface ReportMeta {
  appName: string;
  appVersion: string;
  /** ISO timestamp of generation. */
  generatedAt: string;
  /** Template keys such as "safety@2026.1", each once. */
  templateVersions: string[];
  /** True when any assessment behind the report is not signed off. */
  includesDraft: boolean;
  /** How many assessments the report is built from. */
  assessmentCount: number;
  fileName: string;
}

export function draftStatement(meta: Pick<ReportMeta, 'includesDraft' | 'assessmentCount'>): string {
  if (meta.assessmentCount === 0) return 'No assessment is included in this report.';
  return meta.includesDraft
    ? 'Includes draft assessments that are not signed off: figures may still change.'
    : 'All assessments in this report are signed off.';
}

/** A safe file name of ASCII letters, digits and hyphens ("Łódź Ward" becomes "lodz-ward"). */
export function reportFileName(kind: string, name: string, date: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase()
    .slice(0, 80);
  return `${kind}-${slug || 'unnamed'}-${date}.pdf`;
}
