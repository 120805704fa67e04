import path from 'node:path';
import type { Operation, Output, ParsedInput } from '../shared/contract';
import type { ServiceContext } from './context';
import { createAction, updateAction } from './services/assessments/actions';
import { listAnswers, recordAnswer } from './services/assessments/answers';
import { createLigaturePoint, listLigaturePoints, updateLigaturePoint } from './services/assessments/ligature-points';
import { getAssessment, listAssessmentsForWard } from './services/assessments/read';
import { assessmentResult } from './services/assessments/score';
import { startAssessment, updateAssessmentDetails } from './services/assessments/start';
import { backupAfter, createBackup, listBackups, restoreBackup, startEmpty } from './services/backups/backups';
import type { StoreControl } from './services/backups/control';
import { listAudit } from './services/audit';
import { compareData } from './services/compare/data';
import { compareDrill } from './services/compare/drill';
import { exportReturn, exportReturnCsv } from './services/exchange/export';
import { importReturn } from './services/exchange/import-return';
import { verifyFile } from './services/exchange/verify';
import { combineDuplicateAreas, renameDuplicateArea } from './services/merge/areas';
import { listConflicts, resolveConflict } from './services/merge/conflicts';
import { exportAssessmentHandout, exportRegisterHandout } from './services/merge/export';
import { importHandout } from './services/merge/import';
import { assignAreas, renameDevice, teamStatus } from './services/merge/team';
import { actionPlan } from './services/walkthrough/action-plan';
import { addAreaToAssessment } from './services/walkthrough/add-area';
import { addPhoto, getPhoto, listPhotos, removePhoto, updatePhoto } from './services/walkthrough/photos';
import { confirmCopiedPoint, fillFromSample, listFills, markNoFindings, rejectCopiedPoint, undoFill } from './services/walkthrough/fills';
import { setRoute } from './services/walkthrough/route';
import { assessmentProgress } from './services/walkthrough/progress';
import { decideRecheck, ligaturePointHistory, recheckSummaries } from './services/walkthrough/rechecks';
import { signOffAssessment, signOffCheck } from './services/walkthrough/sign-off';
import { createArea, listAreas, removeArea, updateArea } from './services/estate/areas';
import { createBoard, getBoard, listBoards, removeBoard, renameBoard } from './services/estate/boards';
import { seedDemoEstate } from './services/estate/demo';
import { estatePath } from './services/estate/path';
import { countBoards } from './services/estate/remove';
import { boardReport, reportRounds, siteReport, wardReport, type ReportEnv } from './services/reports';
import { createSite, getSite, listSites, removeSite, renameSite } from './services/estate/sites';
import { createWard, getWard, listWards, removeWard, updateWard } from './services/estate/wards';
import { createBoardKey, exportPublicKey, listBoardKeys, signWithBoardKey } from './services/signing/board-keys';
import type { BoardKeyStore } from './services/signing/key-store';
import { listTrustedKeys, registerKey, removeKey, setUnsignedReturnPolicy, unsignedReturnPolicy } from './services/signing/register';
import { diffTemplateVersions, getTemplate, installTemplate, listTemplates, previewTemplate, setCurrentTemplate } from './services/templates';

/** Facts about the running app that only the host knows. */
export interface HostInfo {
  name: string;
  version: string;
  door: 'ipc' | 'http' | 'cli';
  databaseFile: string;
  schemaVersion: number;
  /** Why the database cannot be used (recovery mode), or null. */
  recovery: { file: string; problem: string } | null;
}

export type Handlers = {
  [O in Operation]: (ctx: ServiceContext, input: ParsedInput<O>) => Output<O> | Promise<Output<O>>;
};

/** Where the host keeps files services read (fonts for PDFs) and boards' private signing keys. */
export interface HostResources {
  resourcesDir: string;
  keys: BoardKeyStore;
}

/** The one table from contract operation to service call. A missing entry does not compile. */
export function createHandlers(host: HostInfo, resources: HostResources, store: StoreControl): Handlers {
  const { keys } = resources;
  const reports: ReportEnv = { fontsDir: path.join(resources.resourcesDir, 'fonts'), app: { name: host.name, version: host.version } };
  return {
    'app.info': (ctx) => ({ ...host, estateIsEmpty: host.recovery === null && countBoards(ctx.db) === 0 }),
    'demo.seed': (ctx) => seedDemoEstate(ctx),
    'audit.list': (ctx, input) => listAudit(ctx, input),

    'boards.list': (ctx) => listBoards(ctx),
    'boards.get': (ctx, input) => getBoard(ctx.db, input.id),
    'boards.create': (ctx, input) => createBoard(ctx, input),
    'boards.rename': (ctx, input) => renameBoard(ctx, input),
    'boards.remove': (ctx, input) => removeBoard(ctx, input),

    'sites.list': (ctx, input) => listSites(ctx, input),
    'sites.get': (ctx, input) => getSite(ctx.db, input.id),
    'sites.create': (ctx, input) => createSite(ctx, input),
    'sites.rename': (ctx, input) => renameSite(ctx, input),
    'sites.remove': (ctx, input) => removeSite(ctx, input),

    'wards.list': (ctx, input) => listWards(ctx, input),
    'wards.get': (ctx, input) => getWard(ctx.db, input.id),
    'wards.create': (ctx, input) => createWard(ctx, input),
    'wards.update': (ctx, input) => updateWard(ctx, input),
    'wards.remove': (ctx, input) => removeWard(ctx, input),

    'areas.list': (ctx, input) => listAreas(ctx, input),
    'areas.create': (ctx, input) => createArea(ctx, input),
    'areas.update': (ctx, input) => updateArea(ctx, input),
    'areas.remove': (ctx, input) => removeArea(ctx, input),

    'estate.path': (ctx, input) => estatePath(ctx, input),

    'templates.list': (ctx) => listTemplates(ctx.db),
    'templates.get': (ctx, input) => getTemplate(ctx.db, input.key),
    'templates.install': (ctx, input) => installTemplate(ctx, input),
    'templates.preview': (ctx, input) => previewTemplate(ctx, input),
    'templates.setCurrent': (ctx, input) => setCurrentTemplate(ctx, input),
    'templates.diff': (ctx, input) => diffTemplateVersions(ctx, input),

    'assessments.start': (ctx, input) => startAssessment(ctx, input),
    'assessments.get': (ctx, input) => getAssessment(ctx.db, input.id),
    'assessments.listForWard': (ctx, input) => listAssessmentsForWard(ctx.db, input.wardId),
    'answers.list': (ctx, input) => listAnswers(ctx.db, input.assessmentId),
    'answers.record': (ctx, input) => recordAnswer(ctx, input),
    'ligaturePoints.list': (ctx, input) => listLigaturePoints(ctx.db, input.assessmentId),
    'ligaturePoints.create': (ctx, input) => createLigaturePoint(ctx, input),
    'ligaturePoints.update': (ctx, input) => updateLigaturePoint(ctx, input),
    'actions.list': (ctx, input) => actionPlan(ctx.db, ctx, input.assessmentId),
    'actions.create': (ctx, input) => createAction(ctx, input),
    'actions.update': (ctx, input) => updateAction(ctx, input),
    'assessments.score': (ctx, input) => assessmentResult(ctx.db, input.id),
    'assessments.updateDetails': (ctx, input) => updateAssessmentDetails(ctx, input),
    'compare.data': (ctx, input) => compareData(ctx.db, input),
    'compare.drill': (ctx, input) => compareDrill(ctx.db, input),
    'reports.ward': (ctx, input) => wardReport(ctx, input, reports),
    'reports.site': (ctx, input) => siteReport(ctx, input, reports),
    'reports.board': (ctx, input) => boardReport(ctx, input, reports),
    'reports.rounds': (ctx, input) => reportRounds(ctx, input),

    'exchange.export': (ctx, input) => signWithBoardKey(exportReturn(ctx.db, host.version, input), keys),
    'exchange.exportCsv': (ctx, input) => exportReturnCsv(ctx.db, host.version, input),
    'exchange.import': (ctx, input) => importReturn(ctx, input),
    'exchange.verify': (ctx, input) => verifyFile(ctx.db, input.fileName, input.content),
    'backups.list': (_ctx, input) => listBackups(store, input.verify),
    'backups.create': (ctx) => createBackup(store, ctx.now(), 'manual'),
    'backups.restore': (ctx, input) => restoreBackup(ctx, store, input.name),
    'recovery.startEmpty': (ctx) => startEmpty(ctx, store),

    'assessments.progress': (ctx, input) => assessmentProgress(ctx.db, input.assessmentId),
    'assessments.addArea': (ctx, input) => addAreaToAssessment(ctx, input),
    'assessments.setRoute': (ctx, input) => setRoute(ctx, input),
    'answers.fillFromSample': (ctx, input) => fillFromSample(ctx, input),
    'answers.noFindings': (ctx, input) => markNoFindings(ctx, input),
    'fills.list': (ctx, input) => listFills(ctx.db, input.assessmentId),
    'fills.undo': (ctx, input) => undoFill(ctx, input),
    'ligaturePoints.confirmCopy': (ctx, input) => confirmCopiedPoint(ctx, input),
    'ligaturePoints.rejectCopy': (ctx, input) => rejectCopiedPoint(ctx, input),
    'assessments.signOffCheck': (ctx, input) => signOffCheck(ctx.db, ctx, input.assessmentId),
    'assessments.signOff': (ctx, input) => backupAfter(store, ctx.now(), 'sign-off', () => signOffAssessment(ctx, input)),
    'photos.add': (ctx, input) => addPhoto(ctx, input),
    'photos.list': (ctx, input) => listPhotos(ctx.db, input),
    'photos.get': (ctx, input) => getPhoto(ctx.db, input.id),
    'photos.update': (ctx, input) => updatePhoto(ctx, input),
    'photos.remove': (ctx, input) => removePhoto(ctx, input),
    'rechecks.list': (ctx, input) => recheckSummaries(ctx.db, input.assessmentId),
    'rechecks.decide': (ctx, input) => decideRecheck(ctx, input),
    'ligaturePoints.history': (ctx, input) => ligaturePointHistory(ctx.db, input.lineageId),

    'handouts.exportRegister': (ctx, input) => exportRegisterHandout(ctx, host.version, input),
    'handouts.exportAssessment': (ctx, input) => exportAssessmentHandout(ctx, host.version, input),
    'handouts.import': (ctx, input) => importHandout(ctx, input),
    'merge.conflicts': (ctx, input) => listConflicts(ctx, input),
    'merge.resolve': (ctx, input) => resolveConflict(ctx, input),
    'merge.renameArea': (ctx, input) => renameDuplicateArea(ctx, input),
    'merge.combineAreas': (ctx, input) => combineDuplicateAreas(ctx, input),
    'merge.status': (ctx, input) => teamStatus(ctx, input),
    'assignments.set': (ctx, input) => assignAreas(ctx, input),
    'device.rename': (ctx, input) => renameDevice(ctx, input),
    'signing.status': (ctx) => ({
      storage: keys.protection.description,
      keysFolder: keys.folder,
      boards: listBoardKeys(ctx.db, keys),
      registered: listTrustedKeys(ctx.db),
      unsignedReturns: unsignedReturnPolicy(ctx.db),
    }),
    'signing.createKey': (ctx, input) => createBoardKey(ctx, keys, input),
    'signing.exportPublicKey': (ctx, input) => exportPublicKey(ctx.db, keys, input.boardId),
    'signing.registerKey': (ctx, input) => registerKey(ctx, input),
    'signing.removeKey': (ctx, input) => removeKey(ctx, input.keyId),
    'signing.setUnsignedReturns': (ctx, input) => setUnsignedReturnPolicy(ctx, input.policy),
  };
}
