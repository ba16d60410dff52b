/**
 * Binds each contract method to its core service. The type makes a missing or mistyped binding a compile error.
 * app.* methods are answered by the host, which owns which data folder is open.
 */
import type { z } from 'zod';
import { listAudit } from '../audit/service';
import * as lock from '../lock/service';
import { dashboardSummary } from '../app/dashboard';
import type { LedgerContext } from '../context';
import * as org from '../org/service';
import { seedCountyName, seedTowns, seedUnits } from '../org/seed';
import { getSettings, updateSettings } from '../org/settings';
import * as people from '../people/service';
import { listPeople } from '../people/list';
import * as members from '../members/service';
import * as attachments from '../attachments/service';
import { getRecordDetail } from '../members/query';
import { listRecords } from '../members/list';
import { verifyStoredState } from '../members/verify';
import { allFindings, allReminders, indicators, overview } from '../members/overview';
import { describeRuleTable, planRuleTable, ruleTableInForce } from '../members/rule-service';
import * as reserves from '../reserves/service';
import * as reserveTrainings from '../reserves/trainings';
import { listReserves } from '../reserves/list';
import { getReserve } from '../reserves/detail';
import { ranking, saveAssessment } from '../reserves/assessments';
import { fundsView, planView, reservesOverview } from '../reserves/plan';
import { getReserveConfig, updateReserveConfig } from '../reserves/config';
import { verifyReserves } from '../reserves/verify';
import * as centres from '../centres/service';
import { listCentres } from '../centres/list';
import { centreChart, getCentre } from '../centres/detail';
import { centresOverview } from '../centres/overview';
import { getCentreConfig, updateCentreConfig } from '../centres/config';
import { verifyCentres } from '../centres/verify';
import { COMMIT_JOB, PREVIEW_JOB, importErrorReport, importTemplate, listBatches, undoImport } from '../import/service';
import type { Contract, Method } from './contract';
import { undoable } from '../audit/version';
import type { JobRunner } from '../jobs/runner';
import { REJUDGE_JOB, RULES_JOB } from '../members/jobs';
import * as backup from '../backup/service';
import * as district from '../district/service';
import { getRotation, updateRotation } from '../backup/rotation';

export type LedgerMethod = Exclude<Method, `app.${string}`>;

/** What the host lends a handler besides the open file: its job runner, for methods that start or query jobs. */
export interface HandlerEnv {
  jobs: JobRunner;
}

type Handler<M extends Method> = (
  ctx: LedgerContext,
  input: z.output<Contract[M]['input']>,
  env: HandlerEnv,
) => z.input<Contract[M]['output']> | Promise<z.input<Contract[M]['output']>>;

/**
 * Methods answered from the program itself rather than the data file (the report catalogue, the seed lists, this
 * run's jobs): the host serves them even when no data file is open, so `ledger reports` works while the app holds
 * the file.
 */
export const fileFreeMethods: ReadonlySet<LedgerMethod> = new Set<LedgerMethod>([
  'reports.list',
  'org.seedTowns',
  'org.seedUnits',
  'jobs.status',
  'jobs.cancel',
  'jobs.list',
]);

export const handlers: { [M in LedgerMethod]: Handler<M> } = {
  'dashboard.summary': (ctx) => dashboardSummary(ctx),

  'org.seedTowns': () => ({ countyName: seedCountyName(), towns: seedTowns() }),
  'org.seedUnits': (_ctx, { townName }) => seedUnits(townName),
  'org.setup': (ctx, input) => org.setup(ctx, input),
  'org.getSettings': (ctx) => getSettings(ctx),
  'org.updateSettings': (ctx, patch) => updateSettings(ctx, patch),
  'org.listUnits': (ctx, { includeRetired }) => org.listUnits(ctx, includeRetired),
  'org.addUnit': (ctx, input) => org.addUnit(ctx, input),
  'org.updateUnit': (ctx, input) => org.updateUnit(ctx, input),
  'org.mergeUnits': (ctx, { fromId, intoId }) => org.mergeUnits(ctx, fromId, intoId),
  'org.retireUnit': (ctx, { id }) => org.setUnitRetired(ctx, id, true),
  'org.restoreUnit': (ctx, { id }) => org.setUnitRetired(ctx, id, false),
  'org.listBranches': (ctx, { unitId, includeRetired }) => org.listBranches(ctx, unitId, includeRetired),
  'org.addBranch': (ctx, input) => org.addBranch(ctx, input),
  'org.updateBranch': (ctx, input) => org.updateBranch(ctx, input),
  'org.retireBranch': (ctx, { id }) => org.setBranchRetired(ctx, id, true),
  'org.restoreBranch': (ctx, { id }) => org.setBranchRetired(ctx, id, false),

  'people.list': (ctx, query) => listPeople(ctx, query),
  'people.get': (ctx, { id }) => people.getPerson(ctx, id),
  'people.create': (ctx, input) => people.createPerson(ctx, input),
  'people.update': (ctx, { id, ...input }) => people.updatePerson(ctx, id, input),
  'people.remove': (ctx, { id, confirmActiveRecord }) => undoable(ctx, { kind: 'person', id }, people.setPersonDeleted(ctx, id, true, { confirmActiveRecord }).id),
  'people.restore': (ctx, { id, since }) => people.setPersonDeleted(ctx, id, false, { since }),
  'people.activeRecord': (ctx, { id }) => members.activeRecordSummary(ctx, id),

  'members.list': (ctx, query) => listRecords(ctx, query),
  'members.get': (ctx, { id }) => getRecordDetail(ctx, id),
  'members.create': (ctx, input) => ({ id: members.createRecord(ctx, input) }),
  'members.update': (ctx, input) => ({ id: members.updateRecord(ctx, input) }),
  'members.recordStep': (ctx, input) => members.recordStep(ctx, input),
  'members.removeStep': (ctx, { recordId, stepNo }) => undoable(ctx, { kind: 'record', id: recordId }, members.removeStep(ctx, recordId, stepNo)),
  'members.restoreStep': (ctx, input) => members.restoreStep(ctx, input),
  'members.remove': (ctx, { id }) => undoable(ctx, { kind: 'record', id }, members.removeRecord(ctx, id)),
  'members.restore': (ctx, { id, since }) => ({ id: members.restoreRecord(ctx, id, since) }),
  'members.listDeleted': (ctx) => members.listDeletedRecords(ctx),
  'members.saveReview': (ctx, input) => ({ id: members.saveReview(ctx, input) }),
  'members.addLetter': (ctx, input) => ({ id: members.addLetter(ctx, input) }),
  'members.removeLetter': (ctx, { id }) => ({ id: members.removeLetter(ctx, id) }),
  'members.addPeriodic': (ctx, input) => ({ id: members.addPeriodic(ctx, input) }),
  'members.removePeriodic': (ctx, { id }) => ({ id: members.removePeriodic(ctx, id) }),
  'members.addExit': (ctx, input) => ({ id: members.addExit(ctx, input) }),
  'members.removeExit': (ctx, { id }) => ({ id: members.removeExit(ctx, id) }),
  'members.check': (ctx) => allFindings(ctx),
  'members.verifyState': (ctx) => verifyStoredState(ctx),
  'members.reminders': (ctx, { includeUpcoming }) => allReminders(ctx, includeUpcoming),
  'members.overview': (ctx) => overview(ctx),
  'members.indicators': (ctx, { from, to }) => indicators(ctx, from, to),
  'members.rules': (ctx) => describeRuleTable(ctx, ruleTableInForce(ctx)),
  'members.updateRules': (ctx, overrides, { jobs }) => {
    // Refused before the job starts, so the form shows the reason at once.
    planRuleTable(ctx, overrides);
    return jobs.start(ctx, RULES_JOB, overrides);
  },
  'members.rejudge': (ctx, input, { jobs }) => jobs.start(ctx, REJUDGE_JOB, input),

  'reserves.list': (ctx, query) => listReserves(ctx, query),
  'reserves.get': (ctx, { id }) => getReserve(ctx, id),
  'reserves.create': (ctx, input) => reserves.createReserve(ctx, input),
  'reserves.update': (ctx, input) => reserves.updateReserve(ctx, input),
  'reserves.remove': (ctx, { id }) => reserves.setReserveDeleted(ctx, id, true),
  'reserves.restore': (ctx, { id }) => reserves.setReserveDeleted(ctx, id, false),
  'reserves.listDeleted': (ctx) => reserves.listDeletedReserves(ctx),
  'reserves.changeStatus': (ctx, input) => reserves.changeStatus(ctx, input),
  'reserves.removeEvent': (ctx, { id }) => reserves.removeEvent(ctx, id),
  'reserves.addTraining': (ctx, input) => reserveTrainings.addTraining(ctx, input),
  'reserves.updateTraining': (ctx, input) => reserveTrainings.updateTraining(ctx, input),
  'reserves.setEnrolmentResult': (ctx, input) => reserveTrainings.setEnrolmentResult(ctx, input),
  'reserves.removeTraining': (ctx, { id }) => reserveTrainings.removeTraining(ctx, id, true),
  'reserves.restoreTraining': (ctx, { id }) => reserveTrainings.removeTraining(ctx, id, false),
  'reserves.addAffair': (ctx, input) => reserveTrainings.addAffair(ctx, input),
  'reserves.removeAffair': (ctx, { id }) => reserveTrainings.removeAffair(ctx, id),
  'reserves.restoreAffair': (ctx, { id }) => reserveTrainings.removeAffair(ctx, id, false),
  'reserves.saveAssessment': (ctx, input) => saveAssessment(ctx, input),
  'reserves.ranking': (ctx, { period }) => ranking(ctx, period),
  'reserves.plan': (ctx, { year }) => planView(ctx, year),
  'reserves.funds': (ctx, { year }) => fundsView(ctx, year),
  'reserves.overview': (ctx) => reservesOverview(ctx),
  'reserves.verifyState': (ctx) => verifyReserves(ctx),
  'reserves.config': (ctx) => getReserveConfig(ctx),
  'reserves.updateConfig': (ctx, input) => updateReserveConfig(ctx, input),

  'centres.list': (ctx, query) => listCentres(ctx, query),
  'centres.get': (ctx, { id }) => getCentre(ctx, id),
  'centres.proposeSchedule': (ctx, { requiredOn }) => centres.proposeSchedule(ctx, requiredOn),
  'centres.create': (ctx, input) => centres.createCentre(ctx, input),
  'centres.update': (ctx, input) => centres.updateCentre(ctx, input),
  'centres.remove': (ctx, { id }) => centres.setCentreDeleted(ctx, id, true),
  'centres.restore': (ctx, { id }) => centres.setCentreDeleted(ctx, id, false),
  'centres.replan': (ctx, input) => centres.replan(ctx, input),
  'centres.recordMilestone': (ctx, input) => centres.recordMilestone(ctx, input),
  'centres.addProgress': (ctx, input) => centres.addProgress(ctx, input),
  'centres.removeProgress': (ctx, { id }) => centres.removeProgress(ctx, id, true),
  'centres.restoreProgress': (ctx, { id }) => centres.removeProgress(ctx, id, false),
  'centres.addMoney': (ctx, input) => centres.addMoney(ctx, input),
  'centres.removeMoney': (ctx, { id }) => centres.removeMoney(ctx, id),
  'centres.chart': (ctx, input) => centreChart(ctx, input),
  'centres.overview': (ctx) => centresOverview(ctx),
  'centres.verifyState': (ctx) => verifyCentres(ctx),
  'centres.config': (ctx) => getCentreConfig(ctx),
  'centres.updateConfig': (ctx, input) => updateCentreConfig(ctx, input),

  'import.preview': (ctx, input, { jobs }) => jobs.start(ctx, PREVIEW_JOB, input),
  'import.commit': (ctx, input, { jobs }) => jobs.start(ctx, COMMIT_JOB, input),
  'import.undo': (ctx, { batchId }) => undoImport(ctx, batchId),
  'import.template': (ctx, { kind }) => importTemplate(ctx, kind),
  'import.errorReport': (ctx, input) => importErrorReport(ctx, input),
  'import.batches': (ctx) => listBatches(ctx),
  'district.preview': (ctx, input, { jobs }) => jobs.start(ctx, district.PREVIEW_JOB, input),
  'district.merge': (ctx, input, { jobs }) => jobs.start(ctx, district.MERGE_JOB, input),

  'jobs.status': (_ctx, { jobId }, { jobs }) => jobs.status(jobId),
  'jobs.cancel': (_ctx, { jobId }, { jobs }) => jobs.cancel(jobId),
  'jobs.list': (_ctx, _input, { jobs }) => jobs.list(),

  'attachments.list': (ctx, owner) => attachments.listAttachments(ctx, owner),
  'attachments.add': (ctx, input) => attachments.addAttachment(ctx, input),
  'attachments.remove': (ctx, { id }) => attachments.removeAttachment(ctx, id),
  'attachments.read': (ctx, { id }) => attachments.readAttachment(ctx, id),

  'audit.list': (ctx, query) => listAudit(ctx, query),

  'backup.create': (ctx, _input, { jobs }) => jobs.start(ctx, backup.CREATE_JOB, {}),
  'backup.list': (ctx) => backup.listBackups(ctx),
  'backup.inspect': (ctx, { source }) => backup.inspectBackup(ctx, source),
  'backup.restore': (ctx, { source }, { jobs }) => backup.startRestore(ctx, jobs, { source }),
  'backup.download': (ctx, { fileName }) => backup.readBackupFile(ctx, fileName),
  'backup.settings': (ctx) => getRotation(ctx),
  'backup.updateSettings': (ctx, input) => updateRotation(ctx, input),

  'lock.status': (ctx) => lock.lockStatus(ctx),
  'lock.setPassword': (ctx, input) => lock.setLockPassword(ctx, input),
  'lock.clear': (ctx, input) => lock.clearLockPassword(ctx, input),
  'lock.unlock': (ctx, { password }) => lock.unlock(ctx, password),
  'lock.setIdle': (ctx, { idleMinutes }) => lock.setIdleMinutes(ctx, idleMinutes),

  // Loaded on first use: every report definition and the Excel writer are the heaviest part of the module graph,
  // and a start that only answers a list must not wait for them (issue 7, cold open ≤ 400 ms).
  'reports.list': async () => (await import('../reports/service')).listReports(),
  'reports.export': async (ctx, params) => {
    const { exportReport } = await import('../reports/service');
    const { buffer: _buffer, ...result } = await exportReport(ctx, params);
    return result;
  },
  // Lazy like the reports: the form fill builds reports to read their data.
  'forms.analyse': async (ctx, input) => (await import('../forms/service')).analyseForm(ctx, input),
  'forms.fill': async (ctx, input) => {
    const { buffer: _buffer, ...result } = await (await import('../forms/service')).fillForm(ctx, input);
    return result;
  },
  // Lazy like the reports: it reads through the report modules (statistics SQL), which a cold start need not load.
  'summary.figures': async (ctx, input) => (await import('../summary/figures')).summaryFigures(ctx, input),
};
