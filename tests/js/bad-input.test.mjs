// The bad-input catalogue: every entry point, every kind of wrong value JavaScript can send. Each
// must throw PolicyError with the expected code and path, and the same engine must answer a good
// request right after.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PolicyEngine, PolicyError } from 'zhenxing';

const engine = new PolicyEngine();
const asOf = '2023-06-01';
const good = () => ({ region: '230129', members: [{ birthDate: '1980-01-01' }], income: { business: '1000' } });
const withH = (f) => { const h = good(); f(h); return h; };
const withM = (f) => withH((h) => f(h.members[0]));
const bill = (extra = {}) => ({ region: '230129', group: 'general', hospitalLevel: 'county', total: '1000', inPolicy: '800', ...extra });
const asset = (extra = {}) => ({ id: 'A1', name: '光伏电站', fundingSource: 'specialFund', year: 2019, value: '100000', kind: 'photovoltaic', ownerLevel: 'village', ...extra });
const indicators = (extra = {}) => ({ region: '230129', year: 2022, income: { thisYear: '16800', lastYear: '15600' }, provinceGrowth: '0.065', ...extra });
const loan = (extra = {}) => ({ region: '230129', status: 'alleviated', amount: '10000', termYears: 1, rate: '0.03', ...extra });

// [name, call, code, path]
const cases = [
  // dates
  ['asOf 2023-02-29', (e) => e.dibao(good(), '2023-02-29'), 'INVALID_DATE', 'asOf'],
  ['asOf wrong shape', (e) => e.dibao(good(), '2023/06/01'), 'INVALID_DATE', 'asOf'],
  ['asOf a number', (e) => e.dibao(good(), 20230601), 'INVALID_DATE', 'asOf'],
  ['asOf undefined', (e) => e.dibao(good()), 'INVALID_DATE', 'asOf'],
  ['asOf a Date object', (e) => e.dibao(good(), new Date()), 'INVALID_DATE', 'asOf'],
  ['asOf year 1800', (e) => e.dibao(good(), '1800-01-01'), 'OUT_OF_RANGE', 'asOf'],
  ['asOf before the parameters', (e) => e.dibao(good(), '2015-01-01'), 'OUT_OF_RANGE', 'asOf'],
  ['birthDate impossible', (e) => e.dibao(withM((m) => { m.birthDate = '1980-13-01'; }), asOf), 'INVALID_DATE', 'members[0].birthDate'],
  ['birthDate in the future', (e) => e.dibao(withM((m) => { m.birthDate = '2030-01-01'; }), asOf), 'OUT_OF_RANGE', 'members[0].birthDate'],
  ['birthDate missing', (e) => e.dibao(withM((m) => { delete m.birthDate; }), asOf), 'INVALID_INPUT', 'members[0].birthDate'],
  ['birthDate 151 years ago', (e) => e.dibao(withM((m) => { m.birthDate = '1870-01-01'; }), asOf), 'OUT_OF_RANGE', 'members[0].birthDate'],
  ['incomeChangeDate after asOf', (e) => e.dibao(withH((h) => { h.incomeChangeDate = '2024-01-01'; }), asOf), 'OUT_OF_RANGE', 'incomeChangeDate'],
  ['transition impossible date', (e) => e.transition('2021-04-31'), 'INVALID_DATE', 'asOf'],
  // money
  ['money NaN', (e) => e.dibao(withH((h) => { h.income.business = NaN; }), asOf), 'INVALID_INPUT', 'income.business'],
  ['money Infinity', (e) => e.dibao(withH((h) => { h.income.business = Infinity; }), asOf), 'INVALID_INPUT', 'income.business'],
  ['money -Infinity', (e) => e.dibao(withH((h) => { h.income.business = -Infinity; }), asOf), 'INVALID_INPUT', 'income.business'],
  ['money negative', (e) => e.dibao(withH((h) => { h.income.business = -0.01; }), asOf), 'OUT_OF_RANGE', 'income.business'],
  ['money three places', (e) => e.dibao(withH((h) => { h.income.business = '1.005'; }), asOf), 'INVALID_INPUT', 'income.business'],
  ['money 0.1 + 0.2', (e) => e.dibao(withH((h) => { h.income.business = 0.1 + 0.2; }), asOf), 'INVALID_INPUT', 'income.business'],
  ['money 1e20', (e) => e.dibao(withH((h) => { h.income.business = 1e20; }), asOf), 'OUT_OF_RANGE', 'income.business'],
  ['money above 10^10', (e) => e.dibao(withH((h) => { h.income.business = '10000000000.01'; }), asOf), 'OUT_OF_RANGE', 'income.business'],
  ['money with spaces', (e) => e.dibao(withH((h) => { h.income.business = ' 100 '; }), asOf), 'INVALID_INPUT', 'income.business'],
  ['money with a comma', (e) => e.dibao(withH((h) => { h.income.business = '1,000'; }), asOf), 'INVALID_INPUT', 'income.business'],
  ['money in exponent form', (e) => e.dibao(withH((h) => { h.income.business = '1e3'; }), asOf), 'INVALID_INPUT', 'income.business'],
  ['money a boolean', (e) => e.dibao(withH((h) => { h.income.business = true; }), asOf), 'INVALID_INPUT', 'income.business'],
  ['money an object', (e) => e.dibao(withH((h) => { h.income.business = { yuan: 1 }; }), asOf), 'INVALID_INPUT', 'income.business'],
  ['money empty string', (e) => e.dibao(withH((h) => { h.income.business = ''; }), asOf), 'INVALID_INPUT', 'income.business'],
  ['money a BigInt', (e) => e.dibao(withH((h) => { h.income.business = 10n; }), asOf), 'INVALID_INPUT', 'income.business'],
  ['wages NaN', (e) => e.dibao(withM((m) => { m.wages = NaN; }), asOf), 'INVALID_INPUT', 'members[0].wages'],
  ['rigidSpending negative', (e) => e.temporary(withH((h) => { h.rigidSpending = '-5'; }), asOf), 'OUT_OF_RANGE', 'rigidSpending'],
  ['lastYearIncome fullwidth digits', (e) => e.monitoring(withH((h) => { h.lastYearIncome = '１０００'; }), asOf), 'INVALID_INPUT', 'lastYearIncome'],
  // shapes and enums
  ['no members', (e) => e.dibao(withH((h) => { h.members = []; }), asOf), 'OUT_OF_RANGE', 'members'],
  ['31 members', (e) => e.dibao(withH((h) => { h.members = Array.from({ length: 31 }, () => ({ birthDate: '1990-01-01' })); }), asOf), 'OUT_OF_RANGE', 'members'],
  ['members not an array', (e) => e.dibao(withH((h) => { h.members = { birthDate: '1990-01-01' }; }), asOf), 'INVALID_INPUT', 'members'],
  ['member not an object', (e) => e.dibao(withH((h) => { h.members = ['1990-01-01']; }), asOf), 'INVALID_INPUT', 'members[0]'],
  ['region missing', (e) => e.dibao(withH((h) => { delete h.region; }), asOf), 'INVALID_INPUT', 'region'],
  ['region unknown', (e) => e.dibao(withH((h) => { h.region = '999999'; }), asOf), 'INVALID_REGION', 'region'],
  ['region a number', (e) => e.dibao(withH((h) => { h.region = 230129; }), asOf), 'INVALID_REGION', 'region'],  // as transition(asOf, 230129) says
  ['region five digits', (e) => e.dibao(withH((h) => { h.region = '23012'; }), asOf), 'INVALID_REGION', 'region'],
  ['workRegion unknown', (e) => e.dibao(withM((m) => { m.workRegion = '239999'; }), asOf), 'INVALID_REGION', 'members[0].workRegion'],
  ['workMinimumWage in the province', (e) => e.dibao(withM((m) => { m.workRegion = '230102'; m.workMinimumWage = '2000'; }), asOf), 'INVALID_INPUT', 'members[0].workMinimumWage'],
  ['area unknown', (e) => e.dibao(withH((h) => { h.area = 'suburban'; }), asOf), 'INVALID_INPUT', 'area'],
  ['status unknown', (e) => e.monitoring(withH((h) => { h.status = 'poor'; }), asOf), 'INVALID_INPUT', 'status'],
  ['event unknown', (e) => e.monitoring(withH((h) => { h.events = ['flood']; }), asOf), 'INVALID_INPUT', 'events[0]'],
  ['events not an array', (e) => e.monitoring(withH((h) => { h.events = 'illness'; }), asOf), 'INVALID_INPUT', 'events'],
  ['laborCapacity unknown', (e) => e.dibao(withM((m) => { m.laborCapacity = 'some'; }), asOf), 'INVALID_INPUT', 'members[0].laborCapacity'],
  ['selfCare unknown', (e) => e.tekun(withM((m) => { m.selfCare = 'half'; }), asOf), 'INVALID_INPUT', 'members[0].selfCare'],
  ['schooling unknown', (e) => e.education(withM((m) => { m.schooling = 'phd'; }), asOf), 'INVALID_INPUT', 'members[0].schooling'],
  ['disabilityGrade 0', (e) => e.dibao(withM((m) => { m.disabilityGrade = 0; }), asOf), 'INVALID_INPUT', 'members[0].disabilityGrade'],
  ['disabilityGrade 5', (e) => e.dibao(withM((m) => { m.disabilityGrade = 5; }), asOf), 'INVALID_INPUT', 'members[0].disabilityGrade'],
  ['disabilityGrade 1.5', (e) => e.dibao(withM((m) => { m.disabilityGrade = 1.5; }), asOf), 'INVALID_INPUT', 'members[0].disabilityGrade'],
  ['disabilityGrade a string', (e) => e.dibao(withM((m) => { m.disabilityGrade = '2'; }), asOf), 'INVALID_INPUT', 'members[0].disabilityGrade'],
  ['boolean as a string', (e) => e.dibao(withM((m) => { m.seriousIllness = 'yes'; }), asOf), 'INVALID_INPUT', 'members[0].seriousIllness'],
  // the inputs of the household provisions (insurance, housing, orphans, disabled children, school)
  ['insured a string', (e) => e.estimate(withM((m) => { m.insured = 'no'; }), asOf), 'INVALID_INPUT', 'members[0].insured'],
  ['insured a number', (e) => e.estimate(withM((m) => { m.insured = 0; }), asOf), 'INVALID_INPUT', 'members[0].insured'],
  ['care unknown', (e) => e.estimate(withM((m) => { m.care = 'orphan'; }), asOf), 'INVALID_INPUT', 'members[0].care'],
  ['care in another case', (e) => e.estimate(withM((m) => { m.care = 'OrphanDispersed'; }), asOf), 'INVALID_INPUT', 'members[0].care'],
  ['disabilityType unknown', (e) => e.estimate(withM((m) => { m.disabilityType = 'blind'; }), asOf), 'INVALID_INPUT', 'members[0].disabilityType'],
  ['disabilityType a list', (e) => e.estimate(withM((m) => { m.disabilityType = ['visual']; }), asOf), 'INVALID_INPUT', 'members[0].disabilityType'],
  ['healthExemptFromSchool a string', (e) => e.estimate(withM((m) => { m.healthExemptFromSchool = '是'; }), asOf), 'INVALID_INPUT', 'members[0].healthExemptFromSchool'],
  ['housing appraisal lower case', (e) => e.estimate(withH((h) => { h.housing = { appraisal: 'c' }; }), asOf), 'INVALID_INPUT', 'housing.appraisal'],
  ['housing appraisal E', (e) => e.estimate(withH((h) => { h.housing = { appraisal: 'E' }; }), asOf), 'INVALID_INPUT', 'housing.appraisal'],
  ['housing unknown field', (e) => e.estimate(withH((h) => { h.housing = { grade: 'C' }; }), asOf), 'INVALID_INPUT', 'housing.grade'],
  ['housing not an object', (e) => e.estimate(withH((h) => { h.housing = 'C'; }), asOf), 'INVALID_INPUT', 'housing'],
  ['stableIncomeMonths negative', (e) => e.monitoring(withH((h) => { h.stableIncomeMonths = -1; }), asOf), 'INVALID_INPUT', 'stableIncomeMonths'],
  ['stableIncomeMonths 5000', (e) => e.monitoring(withH((h) => { h.stableIncomeMonths = 5000; }), asOf), 'OUT_OF_RANGE', 'stableIncomeMonths'],
  ['unknown field (typo)', (e) => e.dibao(withH((h) => { h.incomes = {}; }), asOf), 'INVALID_INPUT', 'incomes'],
  ['unknown member field', (e) => e.dibao(withM((m) => { m.birthdate = '1980-01-01'; }), asOf), 'INVALID_INPUT', 'members[0].birthdate'],
  ['unknown income field', (e) => e.dibao(withH((h) => { h.income.salary = 1; }), asOf), 'INVALID_INPUT', 'income.salary'],
  ['unknown guarantee', (e) => e.monitoring(withH((h) => { h.guarantees = { shelter: false }; }), asOf), 'INVALID_INPUT', 'guarantees.shelter'],
  ['duplicate member ids', (e) => e.dibao(withH((h) => { h.members = [{ id: 'A', birthDate: '1980-01-01' }, { id: 'A', birthDate: '1981-01-01' }]; }), asOf), 'INVALID_INPUT', 'members[1].id'],
  ['household an array', (e) => e.estimate([good()], asOf), 'INVALID_INPUT', ''],
  ['household null', (e) => e.estimate(null, asOf), 'INVALID_INPUT', ''],
  ['household cyclic', (e) => { const h = good(); h.self = h; return e.estimate(h, asOf); }, 'INVALID_INPUT', 'self'],
  // values JSON.stringify would drop or change: refused at their path, never read as absent
  ['income a Map', (e) => e.dibao(withH((h) => { h.income = new Map([['business', '50000']]); }), asOf), 'INVALID_INPUT', 'income'],
  ['wages a function', (e) => e.dibao(withM((m) => { m.wages = () => '50000'; }), asOf), 'INVALID_INPUT', 'members[0].wages'],
  ['events a Set', (e) => e.monitoring(withH((h) => { h.events = new Set(['illness']); }), asOf), 'INVALID_INPUT', 'events'],
  ['a symbol value', (e) => e.dibao(withH((h) => { h.area = Symbol('rural'); }), asOf), 'INVALID_INPUT', 'area'],
  ['a symbol key', (e) => e.dibao(withM((m) => { m[Symbol('x')] = 1; }), asOf), 'INVALID_INPUT', 'members[0]'],
  ['a Date for a date', (e) => e.dibao(withH((h) => { h.incomeChangeDate = new Date('2023-01-01'); }), asOf), 'INVALID_INPUT', 'incomeChangeDate'],
  ['a class instance', (e) => { class Member { constructor() { this.birthDate = '1980-01-01'; } get wages() { return '50000'; } } return e.dibao(withH((h) => { h.members = [new Member()]; }), asOf); }, 'INVALID_INPUT', 'members[0]'],
  ['a throwing getter', (e) => e.dibao(withH((h) => { Object.defineProperty(h, 'region', { enumerable: true, get() { throw new Error('gone'); } }); }), asOf), 'INVALID_INPUT', 'region'],
  ['a lone surrogate', (e) => e.dibao(withM((m) => { m.id = '王𠀀明'.slice(0, 2); }), asOf), 'INVALID_INPUT', 'members[0].id'],
  ['nested 100 deep', (e) => { const h = good(); let o = h.income; for (let i = 0; i < 100; i++) o = o.x = {}; return e.dibao(h, asOf); }, 'INVALID_INPUT', `income${'.x'.repeat(63)}`],
  // inputs carried into amounts are bounded by what the rules can pay
  ['dibaoMonthly 10^10 in a 渐退', (e) => e.dibao(withH((h) => { h.members = [{ birthDate: '1988-01-01', wages: '24000' }, { birthDate: '1990-01-01' }]; h.income = {}; h.onDibao = true; h.dibaoMonthly = '10000000000'; h.incomeChangeDate = '2023-03-15'; }), asOf), 'OUT_OF_RANGE', 'dibaoMonthly'],
  // other entry points
  ['medical inPolicy above total', (e) => e.medical(bill({ inPolicy: '1200' }), asOf), 'OUT_OF_RANGE', 'inPolicy'],
  ['medical group unknown', (e) => e.medical(bill({ group: 'vip' }), asOf), 'INVALID_INPUT', 'group'],
  ['medical level missing', (e) => e.medical(bill({ hospitalLevel: undefined }), asOf), 'INVALID_INPUT', 'hospitalLevel'],
  ['medical paidThisYear typo', (e) => e.medical(bill({ paidThisYear: { basics: 1 } }), asOf), 'INVALID_INPUT', 'paidThisYear.basics'],
  ['microcredit rate above 1', (e) => e.microcredit(loan({ rate: '1.5' }), asOf), 'OUT_OF_RANGE', 'rate'],
  ['microcredit term 0', (e) => e.microcredit(loan({ termYears: 0 }), asOf), 'OUT_OF_RANGE', 'termYears'],
  ['microcredit status unknown', (e) => e.microcredit(loan({ status: 'rich' }), asOf), 'INVALID_INPUT', 'status'],
  ['guaranteeLoan amount missing', (e) => e.guaranteeLoan({ region: '230129' }, asOf), 'INVALID_INPUT', 'amount'],
  ['insuranceFutures quantity 4 places', (e) => e.insuranceFutures({ targetPrice: 1, settlementPrice: 1, quantity: '1.0001' }, asOf), 'INVALID_INPUT', 'quantity'],
  ['workRelief region unknown', (e) => e.workRelief({ region: '000000', budget: 1 }, asOf), 'INVALID_REGION', 'region'],
  ['incomeCurve step 0', (e) => e.incomeCurve(good(), asOf, { from: 0, to: 10, step: 0 }), 'OUT_OF_RANGE', 'opts.step'],
  ['incomeCurve to before from', (e) => e.incomeCurve(good(), asOf, { from: 10, to: 0, step: 1 }), 'OUT_OF_RANGE', 'opts.to'],
  ['incomeCurve too many points', (e) => e.incomeCurve(good(), asOf, { from: 0, to: 100000, step: 1 }), 'OUT_OF_RANGE', 'opts.step'],
  ['estimateMany not an array', (e) => e.estimateMany(good(), asOf), 'INVALID_INPUT', 'households'],
  ['estimateMany huge batch', (e) => e.estimateMany(new Array(1_000_001).fill(0), asOf), 'OUT_OF_RANGE', 'households'],
  ['estimateMany explained above 20,000', (e) => e.estimateMany(new Array(20_001).fill(0), asOf, { explain: true }), 'OUT_OF_RANGE', 'households'],
  ['estimateMany unexplained above 200,000', (e) => e.estimateMany(new Array(200_001).fill(0), asOf), 'OUT_OF_RANGE', 'households'],
  ['screenMany above 1,000,000', (e) => e.screenMany(new Array(1_000_001).fill(0), asOf), 'OUT_OF_RANGE', 'households'],
  ['screenEach callback not a function', (e) => e.screenEach([], asOf, 'print'), 'INVALID_INPUT', 'onChunk'],
  ['estimateMany opts not an object', (e) => e.estimateMany([], asOf, 'fast'), 'INVALID_INPUT', 'opts'],
  ['estimateMany explain not a boolean', (e) => e.estimateMany([], asOf, { explain: 'no' }), 'INVALID_INPUT', 'opts.explain'],
  ['estimateMany opts unknown key', (e) => e.estimateMany([], asOf, { explains: false }), 'INVALID_INPUT', 'opts.explains'],
  ['screenMany not an array', (e) => e.screenMany(good(), asOf), 'INVALID_INPUT', 'households'],
  ['screenMany explain not a boolean', (e) => e.screenMany([], asOf, { explain: 'no' }), 'INVALID_INPUT', 'opts.explain'],
  ['screenText explain not a boolean', (e) => e.screenText('', asOf, { explain: 'no' }), 'INVALID_INPUT', 'opts.explain'],
  ['screenText opts unknown key', (e) => e.screenText('', asOf, { explains: false }), 'INVALID_INPUT', 'opts.explains'],
  ['compareMany explain not a boolean', (e) => e.compareMany([], asOf, e, { explain: 'no' }), 'INVALID_INPUT', 'opts.explain'],
  ['screenMany bad date', (e) => e.screenMany([], '2023-13-01'), 'INVALID_DATE', 'asOf'],
  ['screen household not an object', (e) => e.screen('230129', asOf), 'INVALID_INPUT', ''],
  // villages and counties: the county profile, the asset ledger, the county's indicators
  ['county region unknown', (e) => e.county('999999', asOf), 'INVALID_REGION', 'region'],
  ['county region a number', (e) => e.county(230129, asOf), 'INVALID_REGION', 'region'],
  ['county region missing', (e) => e.county(undefined, asOf), 'INVALID_REGION', 'region'],
  ['county impossible date', (e) => e.county('230129', '2023-02-30'), 'INVALID_DATE', 'asOf'],
  ['county asOf missing', (e) => e.county('230129'), 'INVALID_DATE', 'asOf'],
  ['assets not an array', (e) => e.assets(asset(), asOf), 'INVALID_INPUT', 'list'],
  ['screenColumns neither an array nor text', (e) => e.screenColumns(good(), asOf), 'INVALID_INPUT', 'households'],
  ['assets a Set', (e) => e.assets(new Set([asset()]), asOf), 'INVALID_INPUT', 'list'],
  ['assets above 100,000 rows', (e) => e.assets(new Array(100_001).fill(0), asOf), 'OUT_OF_RANGE', ''],
  ['assets impossible date', (e) => e.assets([asset()], '2023-13-01'), 'INVALID_DATE', 'asOf'],
  ['assets region unknown', (e) => e.assets([asset()], asOf, '999999'), 'INVALID_REGION', 'region'],
  ['assets region a number', (e) => e.assets([asset()], asOf, 230129), 'INVALID_REGION', 'region'],
  ['assets before the limits exist', (e) => e.assets([asset({ disposal: { type: 'scrap' } })], '2020-06-01'), 'OUT_OF_RANGE', 'asOf'],
  ['countyIndicators a prefecture', (e) => e.countyIndicators(indicators({ region: '230100' }), asOf), 'INVALID_REGION', 'region'],
  ['countyIndicators region unknown', (e) => e.countyIndicators(indicators({ region: '999999' }), asOf), 'INVALID_REGION', 'region'],
  ['countyIndicators last year 0', (e) => e.countyIndicators(indicators({ income: { thisYear: '100', lastYear: 0 } }), asOf), 'OUT_OF_RANGE', 'income.lastYear'],
  ['countyIndicators income missing', (e) => e.countyIndicators(indicators({ income: undefined }), asOf), 'INVALID_INPUT', 'income'],
  ['countyIndicators growth NaN', (e) => e.countyIndicators(indicators({ provinceGrowth: NaN }), asOf), 'INVALID_INPUT', 'provinceGrowth'],
  ['countyIndicators growth below -1', (e) => e.countyIndicators(indicators({ provinceGrowth: '-1.5' }), asOf), 'OUT_OF_RANGE', 'provinceGrowth'],
  // A percentage is read as one ("6.5%" is 0.065, as a what-if reads "30%"): words are not.
  ['countyIndicators growth in words', (e) => e.countyIndicators(indicators({ provinceGrowth: '六点五%' }), asOf), 'INVALID_INPUT', 'provinceGrowth'],
  ['countyIndicators no province figure', (e) => e.countyIndicators(indicators({ provinceGrowth: undefined }), asOf), 'INVALID_INPUT', 'provinceGrowth'],
  ['countyIndicators year after asOf', (e) => e.countyIndicators(indicators({ year: 2024 }), asOf), 'OUT_OF_RANGE', 'year'],
  // A year typed as text ("2022") is read as the number; not in words.
  ['countyIndicators year in words', (e) => e.countyIndicators(indicators({ year: '二〇二二' }), asOf), 'INVALID_INPUT', 'year'],
  ['countyIndicators eliminated above monitored', (e) => e.countyIndicators(indicators({ register: { households: 10, monitored: { unstable: { households: 2, riskEliminated: 3 } } } }), asOf), 'OUT_OF_RANGE', 'register.monitored.unstable.riskEliminated'],
  ['countyIndicators monitored above households', (e) => e.countyIndicators(indicators({ register: { households: 1, monitored: { marginal: { households: 2 } } } }), asOf), 'OUT_OF_RANGE', 'register.monitored'],
  ['countyIndicators households negative', (e) => e.countyIndicators(indicators({ register: { households: -1 } }), asOf), 'INVALID_INPUT', 'register.households'],
  ['countyIndicators unknown category', (e) => e.countyIndicators(indicators({ register: { households: 1, monitored: { poor: { households: 1 } } } }), asOf), 'INVALID_INPUT', 'register.monitored.poor'],
  ['countyIndicators register a Map', (e) => e.countyIndicators(indicators({ register: new Map() }), asOf), 'INVALID_INPUT', 'register'],
  ['countyIndicators an array', (e) => e.countyIndicators([indicators()], asOf), 'INVALID_INPUT', ''],
  // parameters
  ['fromParameters not JSON', () => PolicyEngine.fromParameters('{'), 'INVALID_PARAMETERS', ''],
  ['fromParameters empty object', () => PolicyEngine.fromParameters('{}'), 'INVALID_PARAMETERS', 'schema'],
  ['fromParameters a number', () => PolicyEngine.fromParameters(7), 'INVALID_PARAMETERS', 'json'],
  ['fromParameters extends something else', () => PolicyEngine.fromParameters(JSON.stringify({ schema: 'zhenxing-parameters/1', id: 'x', title: 'x', published: '2023-01-01', extends: 'beijing', parameters: [] })), 'INVALID_PARAMETERS', 'extends'],
  ['override unknown name', (e) => e.withOverrides({ 'dibao.standard.rurall': 1 }), 'UNKNOWN_PARAMETER', 'dibao.standard.rurall'],
  ['override NaN', (e) => e.withOverrides({ 'dibao.standard.rural': NaN }), 'INVALID_INPUT', 'dibao.standard.rural'],
  ['override three places', (e) => e.withOverrides({ 'dibao.standard.rural': '400.001' }), 'INVALID_INPUT', 'dibao.standard.rural'],
  ['override negative', (e) => e.withOverrides({ 'dibao.standard.rural': -1 }), 'INVALID_INPUT', 'dibao.standard.rural'],
  ['override date value not a date', (e) => e.withOverrides({ 'transition.end': '2026' }), 'INVALID_INPUT', 'transition.end'],
  ['override dated bad from', (e) => e.withOverrides({ 'dibao.standard.rural': [{ from: '2023-02-30', value: 1 }] }), 'INVALID_INPUT', 'dibao.standard.rural[0].from'],
  ['override dated unknown region', (e) => e.withOverrides({ 'dibao.standard.rural': [{ from: '2023-01-01', region: '999999', value: 1 }] }), 'INVALID_INPUT', 'dibao.standard.rural[0].region'],
  ['override dated typo', (e) => e.withOverrides({ 'dibao.standard.rural': [{ form: '2023-01-01', value: 1 }] }), 'INVALID_INPUT', 'dibao.standard.rural[0].form'],
  ['override tier 4', (e) => e.withOverrides({ 'minimumWage.tier': 4 }), 'INVALID_INPUT', 'minimumWage.tier'],
  ['overrides an array', (e) => e.withOverrides([1]), 'INVALID_INPUT', ''],
  ['overrides a Map', (e) => e.withOverrides(new Map([['dibao.standard.rural', '1']])), 'INVALID_INPUT', ''],
  ['override a bill share above 1', (e) => e.withOverrides({ 'medical.basic.rate.city': '1.5' }), 'INVALID_INPUT', 'medical.basic.rate.city'],
  ['parameters with a duplicate key', () => PolicyEngine.fromParameters('{"schema":"zhenxing-parameters/1","parameters":[],"parameters":[]}'), 'INVALID_PARAMETERS', 'parameters'],
  // misuse of the engine object
  ['a method after free()', () => { const f = new PolicyEngine(); f.free(); return f.dibao(good(), asOf); }, 'ENGINE_FREED', ''],
  ['free() twice', () => { const f = new PolicyEngine(); f.free(); return f.free(); }, 'ENGINE_FREED', ''],
  ['a method on the prototype', () => PolicyEngine.prototype.dibao(good(), asOf), 'INVALID_INPUT', ''],
  ['a method taken off the engine', (e) => { const dibao = e.dibao; return dibao(good(), asOf); }, 'INVALID_INPUT', ''],
  ['compare(undefined)', (e) => e.compare(good(), asOf, undefined), 'INVALID_INPUT', 'other'],
  ['compare with a plain object', (e) => e.compare(good(), asOf, {}), 'INVALID_INPUT', 'other'],
  ['compare with a freed engine', (e) => { const f = new PolicyEngine(); f.free(); return e.compare(good(), asOf, f); }, 'ENGINE_FREED', 'other'],
];

test(`the catalogue has as many cases as the README says (${cases.length})`, () => {
  // “More than N bad inputs over every entry point”: true while cases are added.
  const readme = readFileSync(join(process.env.ZX_REPO ?? '', 'README.md'), 'utf8');
  const said = Number(/More than (\d+) bad inputs/.exec(readme)?.[1]);
  assert.ok(said >= 60 && cases.length > said, `README: more than ${said}; the test has ${cases.length}`);
});

for (const [name, call, code, path] of cases) {
  test(`${name} → ${code} at "${path}"`, () => {
    assert.throws(() => call(engine), (e) => {
      assert.ok(e instanceof PolicyError, `${name}: ${e}`);
      assert.equal(e.code, code, `${name}: ${e.message}`);
      assert.equal(e.path, path, `${name}: ${e.message}`);
      assert.match(e.message, /[\u4e00-\u9fff]/, 'a Chinese message');
      return true;
    });
    // The same engine answers a good request right after.
    assert.equal(engine.dibao(good(), asOf).program, 'dibao');
  });
}

test('a missing argument is named, the household before the date', () => {
  const message = (call) => { try { call(); } catch (e) { return [e.code, e.path, e.message]; } return null; };
  assert.deepEqual(message(() => engine.dibao()), ['INVALID_INPUT', '', '缺少家庭（第一个参数，应为对象）']);
  assert.deepEqual(message(() => engine.estimate(null, asOf)), ['INVALID_INPUT', '', '缺少家庭（第一个参数，应为对象）']);
  assert.deepEqual(message(() => engine.dibao(good())), ['INVALID_DATE', 'asOf', '缺少测算日期 asOf（如 "2023-06-01"）']);
  assert.deepEqual(message(() => engine.transition()), ['INVALID_DATE', 'asOf', '缺少测算日期 asOf（如 "2023-06-01"）']);
});

test('a huge bad value is quoted by a short prefix only', () => {
  assert.throws(() => engine.dibao({ ...good(), region: '9'.repeat(10_000_000) }, asOf), (e) => {
    assert.equal(e.code, 'INVALID_REGION');
    assert.ok(e.message.length < 200, `message of ${e.message.length} characters`);
    return true;
  });
});

test('parameters that are each within range never make a medical part negative', () => {
  // Each figure is a valid share of a bill on its own; together they once paid more than the bill.
  const odd = engine.withOverrides({ 'medical.criticalIllness.rate': '0.95', 'medical.criticalIllness.highRate': '0.95',
    'medical.criticalIllness.tiltRateBonus': '0.1', 'medical.basic.rate.township': '1' });
  for (const group of ['general', 'dibao', 'tekun', 'alleviated']) {
    const m = odd.medical({ region: '230129', group, hospitalLevel: 'township', total: '120000', inPolicy: '90000' }, asOf);
    const parts = [m.basic, m.critical, m.assistance, m.patient].map(Number);
    for (const p of parts) assert.ok(p >= 0, `${group}: ${JSON.stringify(m)}`);
    // The what-if figures are flagged unofficial, never as due for checking.
    assert.ok(m.unofficial.includes('medical.criticalIllness.rate'));
    assert.ok(!m.stale.some((s) => s.parameter === 'medical.criticalIllness.rate'), JSON.stringify(m.stale));
    // basic + critical + assistance + patient = the bill, to the fen (in fen to stay exact).
    const fen = (s) => Math.round(Number(s) * 100);
    assert.equal(fen(m.basic) + fen(m.critical) + fen(m.assistance) + fen(m.patient), 12_000_000, group);
  }
});

test('incomeCurve names each of its two objects as its typings do: the range `opts`, the call options `options`', () => {
  const said = (call) => { try { call(); } catch (e) { return [e.code, e.path]; } return null; };
  const range = { from: 0, to: 100, step: 10 };
  assert.deepEqual(said(() => engine.incomeCurve(good(), asOf, { ...range, from: 'x' })), ['INVALID_INPUT', 'opts.from']);
  assert.deepEqual(said(() => engine.incomeCurve(good(), asOf, { ...range, explain: false })), ['INVALID_INPUT', 'opts.explain']);
  assert.deepEqual(said(() => engine.incomeCurve(good(), asOf, range, { explain: 'no' })), ['INVALID_INPUT', 'options.explain']);
  assert.deepEqual(said(() => engine.incomeCurve(good(), asOf, range, { from: 0 })), ['INVALID_INPUT', 'options.from']);
  assert.deepEqual(said(() => engine.incomeCurve(good(), asOf, range, 'lean')), ['INVALID_INPUT', 'options']);
  // The range forgotten: its name, what it holds, and what came instead.
  assert.throws(() => engine.incomeCurve(good(), asOf), (e) => e.code === 'INVALID_INPUT' && e.path === 'opts'
    && /from, to, step/.test(e.message) && /undefined/.test(e.message));
  // Every other call names its options `opts`, as its typings do.
  assert.deepEqual(said(() => engine.dibao(good(), asOf, { explain: 'no' })), ['INVALID_INPUT', 'opts.explain']);
});

test('a parameter set that is not text says what it should be and what came, at `json`', () => {
  for (const make of [(j) => new PolicyEngine(j), (j) => PolicyEngine.fromParameters(j)]) {
    assert.throws(() => make(123), (e) => e instanceof PolicyError && e.code === 'INVALID_PARAMETERS' && e.path === 'json'
      && /参数文件的 JSON 文本/.test(e.message) && /数字/.test(e.message), String(make));
    // A file already parsed: pass its text instead.
    assert.throws(() => make({ schema: 'zhenxing-parameters/1' }), (e) => e.path === 'json' && /对象/.test(e.message) && /JSON\.parse/.test(e.message));
    assert.throws(() => make(null), (e) => e.path === 'json' && /null/.test(e.message));
  }
});

test('every batch puts a bad household\'s error at the same path, in the household, with its place beside it', () => {
  // docs/api.md, BatchError: `path` is where in the household; the household's place is its index
  // in the answer (estimateMany, screenMany) or `index` (compareMany, compareDatesMany, screenColumns).
  const list = [good(), good(), good(), withH((h) => { h.region = 'x'; }), 5];
  const errors = {
    estimateMany: engine.estimateMany(list, asOf).map((r, index) => ({ index, ...r })),
    screenMany: engine.screenMany(list, asOf).map((r, index) => ({ index, ...r })),
    compareMany: engine.compareMany(list, asOf, engine).households,
    compareDatesMany: engine.compareDatesMany(list, asOf, '2024-06-01').households,
    screenColumns: engine.screenColumns(list, asOf).errors.map(({ index, ...error }) => ({ index, ok: false, error })),
  };
  for (const [call, rows] of Object.entries(errors)) {
    const bad = rows.filter((r) => !r.ok).map((r) => [r.index, r.error.code, r.error.path, r.error.message]);
    assert.deepEqual(bad.map((b) => b.slice(0, 3)), [[3, 'INVALID_REGION', 'region'], [4, 'INVALID_INPUT', '']], call);
    // A household that is not an object is at fault as a whole (path ''), and its message says what came.
    assert.equal(bad[1][3], '家庭应为对象，而不是数字', call);
  }
});
