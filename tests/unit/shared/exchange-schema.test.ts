import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXCHANGE_SCHEMA_FILE, HANDOUT_SCHEMA_FILE, exchangeSchemaText, handoutSchemaText } from '../../../src/cli/write-exchange-schema';
import { csvCell, csvTable } from '../../../src/shared/exchange/csv';
import { APP_ROOT } from '../../helpers/core';

describe('the published exchange schema', () => {
  it('is exactly what the zod schema generates now (run "npm run schema:exchange" after changing it)', () => {
    const committed = fs.readFileSync(path.join(APP_ROOT, EXCHANGE_SCHEMA_FILE), 'utf8');
    expect(committed).toBe(exchangeSchemaText());
  });

  it('closes every object of the document to unknown fields', () => {
    const schema = JSON.parse(exchangeSchemaText()) as { additionalProperties?: unknown; properties: Record<string, { items?: { additionalProperties?: unknown } }> };
    expect(schema.additionalProperties).toBe(false);
    for (const list of ['sites', 'wards', 'areas', 'templates', 'assessments']) {
      expect(schema.properties[list]!.items!.additionalProperties, list).toBe(false);
    }
  });
});

describe('the published hand-out schema', () => {
  it('is exactly what the zod schema generates now (run "npm run schema:exchange" after changing it)', () => {
    expect(fs.readFileSync(path.join(APP_ROOT, HANDOUT_SCHEMA_FILE), 'utf8')).toBe(handoutSchemaText());
  });

  it('describes both kinds of file, each closed to unknown fields', () => {
    const schema = JSON.parse(handoutSchemaText()) as { oneOf?: { additionalProperties?: unknown; properties: Record<string, { const?: string }> }[]; anyOf?: unknown[] };
    const kinds = (schema.oneOf ?? (schema.anyOf as typeof schema.oneOf))!;
    expect(kinds.map((k) => k.properties['kind']!.const).sort()).toEqual(['assessment', 'register']);
    for (const kind of kinds) expect(kind.additionalProperties).toBe(false);
  });
});

describe('CSV cells', () => {
  it('quote commas, quotes and line breaks, and defuse text a spreadsheet would run as a formula', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('say "no"')).toBe('"say ""no"""');
    expect(csvCell('two\r\nlines')).toBe('"two\r\nlines"');
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell('+44')).toBe("'+44");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell(-1)).toBe('-1');
    expect(csvCell(null)).toBe('');
    expect(csvCell(true)).toBe('true');
    expect(csvTable(['a', 'b'], [[1, 'x']])).toBe('\uFEFFa,b\r\n1,x\r\n');
  });
});
