import type { ParsedInput } from '../../../shared/contract';
import { buildEstateReport, buildWardReport, type EstateReportInput, type WardReportInput } from '../../../shared/reports';
import type { ServiceContext } from '../../context';
import { estateDocument } from './estate-document';
import { readEstateReport, readWardReport, roundsIn, type EstateScope, type ReportStamp } from './read';
import { renderPdf } from './render';
import { wardDocument } from './ward-document';
import { readTransaction } from '../../db/transactions';

// Reports: read everything in one read transaction (a consistent snapshot), then build the model
// and render the PDF after the transaction has ended — never awaiting inside one.

export interface ReportEnv {
  /** Folder with the Roboto TTFs (resources/fonts). */
  fontsDir: string;
  app: { name: string; version: string };
}

export interface RenderedReport {
  fileName: string;
  bytes: Buffer;
  pageCount: number;
}

function stamp(ctx: ServiceContext, env: ReportEnv): ReportStamp {
  return { generatedAt: ctx.now().toISOString(), app: env.app };
}

function toFile(report: RenderedReport) {
  return { fileName: report.fileName, pdfBase64: report.bytes.toString('base64'), pageCount: report.pageCount };
}

export async function renderWardReport(input: WardReportInput, fontsDir: string): Promise<RenderedReport> {
  const report = buildWardReport(input);
  const pdf = await renderPdf(wardDocument(report), fontsDir);
  return { fileName: report.meta.fileName, ...pdf };
}

export async function renderEstateReport(input: EstateReportInput, fontsDir: string): Promise<RenderedReport> {
  const report = buildEstateReport(input);
  const pdf = await renderPdf(estateDocument(report), fontsDir);
  return { fileName: report.meta.fileName, ...pdf };
}

function readEstate(ctx: ServiceContext, env: ReportEnv, scope: EstateScope, round: string | undefined, includeDrafts: boolean): EstateReportInput {
  return readTransaction(ctx.db, (tx) => readEstateReport(tx, scope, round, includeDrafts, stamp(ctx, env)));
}

/** The board's consolidated estate report, read and rendered (also what the benchmark times). */
export async function renderBoardReport(ctx: ServiceContext, input: ParsedInput<'reports.board'>, env: ReportEnv): Promise<RenderedReport> {
  return renderEstateReport(readEstate(ctx, env, { kind: 'board', boardId: input.boardId }, input.round, input.includeDrafts), env.fontsDir);
}

export async function boardReport(ctx: ServiceContext, input: ParsedInput<'reports.board'>, env: ReportEnv) {
  return toFile(await renderBoardReport(ctx, input, env));
}

export async function siteReport(ctx: ServiceContext, input: ParsedInput<'reports.site'>, env: ReportEnv) {
  return toFile(await renderEstateReport(readEstate(ctx, env, { kind: 'site', siteId: input.siteId }, input.round, input.includeDrafts), env.fontsDir));
}

export async function wardReport(ctx: ServiceContext, input: ParsedInput<'reports.ward'>, env: ReportEnv) {
  const data = readTransaction(ctx.db, (tx) => readWardReport(tx, input.assessmentId, stamp(ctx, env)));
  return toFile(await renderWardReport(data, env.fontsDir));
}

export function reportRounds(ctx: ServiceContext, input: ParsedInput<'reports.rounds'>): string[] {
  return roundsIn(ctx.db, input.siteId ? { kind: 'site', siteId: input.siteId } : { kind: 'board', boardId: input.boardId as string }, input.includeDrafts);
}
