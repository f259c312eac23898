// Type-checked (tsc --noEmit) against the installed package: the declarations match API.md.
import { PolicyEngine, PolicyError, version } from 'zhenxing';
import type { BatchItem, ColumnError, Description, DibaoResult, ErrorCode, Household, Problem, ScreenItem, Screening, Measure, MonitoringResult, ParameterInfo, RegionInfo, TekunResult, TemporaryResult, TransitionStatus } from 'zhenxing';

declare function report(...values: unknown[]): void;

const engine: PolicyEngine = new PolicyEngine();
const t: TransitionStatus = engine.transition('2023-06-01', '230129');
const phase: 'before' | 'transition' | 'after' = t.phase;
const year: number | undefined = t.year;
const pilot: boolean = t.fundIntegrationPilot;
const days: number = t.daysRemaining;
const measures: Measure[] = t.measures;
const firstCitation: string | undefined = measures[0]?.citation;
const unofficial: string[] = t.unofficial;
const whatIf: PolicyEngine = engine.withOverrides({ 'dibao.standard.rural': '500', 'transition.end': [{ from: '2020-12-16', value: '2026-12-31' }] });
const catalogue: ParameterInfo[] = engine.parameters();
const regions: RegionInfo[] = engine.regions();
const v: string = version();

const household: Household = {
  region: '230129',
  status: 'alleviated',
  members: [{ birthDate: '1980-01-01', wages: 8000, laborCapacity: 'full' }, { birthDate: '2012-09-01', schooling: 'primary' }],
  income: { business: '6000' },
  events: ['illness'],
};
// README: null means absent, in every optional field of what is handed in.
const withNulls: Household = {
  region: '230129', status: null, income: { business: null, other: '100' }, guarantees: null, events: null, housing: { appraisal: null },
  members: [{ birthDate: '1980-01-01', wages: null, disabilityGrade: null, schooling: null }],
};
report(engine.estimate(withNulls, '2023-06-01', { explain: null }).totalAnnual);
// @ts-expect-error: a required field is not optional, null or not
const noRegion: Household = { region: null, members: [] };
report(noRegion);
const m: MonitoringResult = engine.monitoring(household, '2023-06-01');
const category: 'unstable' | 'marginal' | 'suddenHardship' | undefined = m.category;
const d: DibaoResult = engine.dibao(household, '2023-06-01');
const monthly: string | undefined = d.monthly;
const supplement: string | undefined = d.supplements[0]?.monthly;
const tk: TekunResult = engine.tekun(household, '2023-06-01');
const tmp: TemporaryResult = engine.temporary(household, '2023-06-01');
// @ts-expect-error: 'poor' is not a household status
const badStatus: Household = { region: '230129', status: 'poor', members: [] };
report(category, monthly, supplement, tk.basicStandard, tmp.amount, badStatus);
// A programme's own call always lists what it rested on; inside an estimate it lists nothing.
const dibaoUnofficial: string[] = d.unofficial;
const monitoringStale: { parameter: string }[] = m.stale;
const tekunAssumptions: { rule: string }[] = tk.assumptions;
const inEstimate = engine.estimate(household, '2023-06-01').programs[0];
// @ts-expect-error: an estimate's programmes do not list it (the estimate does)
const notListed: string[] = inEstimate.unofficial;
report(dibaoUnofficial, monitoringStale, tekunAssumptions, notListed);

// Registers: screening rows, and batches with or without explanations.
const row: Screening = engine.screen(household, '2023-06-01');
const dibaoRow: { program: string; eligible: boolean; monthly?: string; annual: string } | undefined = row.programs[0];
const rows: ScreenItem[] = engine.screenMany([household], '2023-06-01');
const lean: BatchItem[] = engine.estimateMany([household], '2023-06-01', { explain: false });
const full: BatchItem[] = engine.estimateMany([household], '2023-06-01');
for (const item of rows) {
  if (item.ok) report(item.screening.totalAnnual, item.screening.monitoring.inScope);
  else report(item.error.code, item.error.path);
}
// @ts-expect-error: explain is a boolean
engine.estimateMany([household], '2023-06-01', { explain: 'no' });
// Every batch takes { explain } last (a screening row has no words either way).
const leanRows: ScreenItem[] = engine.screenMany([household], '2023-06-01', { explain: false });
engine.screenText('', '2023-06-01', { explain: false, headers: 'zh' });
engine.compareMany([household], '2023-06-01', whatIf, { explain: true });
engine.compareDatesMany([household], '2025-12-31', '2026-01-01', { explain: false });
engine.incomeCurve(household, '2023-06-01', { from: 0, to: 10000, step: 1000 }, { explain: false });
// @ts-expect-error: explain is a boolean
engine.screenMany([household], '2023-06-01', { explain: 'no' });
const own: PolicyEngine = new PolicyEngine('{}');
report(leanRows.length, own);
report(dibaoRow, lean.length, full.length);

// Typed columns: an array or a register's text in, typed arrays out (API.md, third round).
const cols = engine.screenColumns([household], '2023-06-01');
const ok: Uint8Array = cols.ok;
const refs: (string | null)[] = cols.refs;
const firstError: ColumnError | undefined = cols.errors[0];
const dibaoMonthlyFen: Float64Array = cols.programs.dibao.monthlyFen;
const onBehalf: Float64Array = cols.programs.pension.onBehalfFen;
const categories: Uint8Array = cols.monitoring.category;
const totalAnnual: Float64Array = cols.totals.annualFen;
const fromText = engine.screenColumns('{"region":"230129","members":[]}\n', '2023-06-01', { format: 'jsonl' });
engine.screenColumns(new Uint8Array(0), '2023-06-01', { explain: false, unknownColumns: 'ignore' });
// @ts-expect-error: every programme is known by its id
report(cols.programs.noSuchProgramme);
// @ts-expect-error: the headers of screenText's CSV are not an option of columns
engine.screenColumns('', '2023-06-01', { headers: 'zh' });
report(ok, refs, firstError?.index, dibaoMonthlyFen, onBehalf, categories, totalAnnual, fromText.count);

// Words on demand for a lean result.
const described: Description = engine.describe('dibao.standard.rural', '2023-06-01', '230129');
const sentence: string = described.text;
const source: string | undefined = described.parameter?.value.source;
const basis: 'text' | 'document' | 'assumption' | undefined = described.rule?.basis;
const reasonText: string | undefined = engine.describe('dibao.supplement', '2023-06-01').reason?.text;
report(sentence, source, basis, reasonText);

try {
  PolicyEngine.fromParameters('{}');
} catch (e) {
  if (e instanceof PolicyError) {
    const code: ErrorCode = e.code;
    const path: string = e.path;
    const problems: { path: string; message: string }[] = e.problems;
    report(code, path, problems.length);
  }
}

// @ts-expect-error: a year is a number, not a string
const wrong: string = t.year;

report(phase, year, pilot, days, firstCitation, unofficial, whatIf, catalogue, regions, v, wrong);

// A form read with problems hands back only what was read (no `members`, a `null` row): the
// declaration says so, and `ok` tells the two readings apart.
const reading = engine.readForm({ region: '230129', members: [{ birthDate: '1980-01-01' }] }, '2023-06-01');
if (reading.problems.length > 0 && reading.household !== null) {
  // @ts-expect-error: with problems the household may lack members (it is not a Household)
  report(reading.household.members.length);
}
// @ts-expect-error: only a reading without problems is a Household for estimate
engine.estimate(reading.household, '2023-06-01');
if (reading.ok) {
  const ready: Household = reading.household;
  report(engine.estimate(ready, '2023-06-01').totalAnnual);
} else {
  const asRead: Record<string, unknown> | null = reading.household;
  const first: Problem | undefined = reading.problems[0];
  report(asRead?.members, first?.path);
}
const file = engine.readHousehold('{"region":"230129","region":"230102"}', '2023-06-01');
if (!file.ok) report(file.household?.region);
