import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  parseTemplate,
  type ComplianceTemplate,
  type Domain,
  type LigatureTemplate,
  type Template,
} from '../../../src/shared/templates';

// The shipped checklist files, read the way the app will read them.

export const CHECKLIST_DIR = fileURLToPath(new URL('../../../resources/checklists/', import.meta.url));

export function readTemplateJson(domain: Domain): unknown {
  return JSON.parse(readFileSync(`${CHECKLIST_DIR}${domain}.json`, 'utf8')) as unknown;
}

export function loadTemplate(domain: Domain): Template {
  return parseTemplate(readTemplateJson(domain), `${domain}.json`);
}

export function loadComplianceTemplate(domain: 'quality' | 'safety' | 'therapeutic'): ComplianceTemplate {
  const template = loadTemplate(domain);
  if (template.domain === 'ligature') throw new Error('expected a compliance template');
  return template;
}

export function loadLigatureTemplate(): LigatureTemplate {
  const template = loadTemplate('ligature');
  if (template.domain !== 'ligature') throw new Error('expected the ligature template');
  return template;
}

export function loadPinnedTemplates() {
  return {
    quality: loadComplianceTemplate('quality'),
    safety: loadComplianceTemplate('safety'),
    ligature: loadLigatureTemplate(),
    therapeutic: loadComplianceTemplate('therapeutic'),
  };
}
