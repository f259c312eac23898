// Villages and counties through the package: the county profile, the 扶贫项目资产 ledger (a bad row,
// even one JavaScript cannot send, is that row's error and the rest go on) and the county's
// indicators. The golden cases check the figures; these check what only JavaScript can get wrong.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PolicyEngine, PolicyError } from 'zhenxing';

const engine = new PolicyEngine();
const asset = (id, extra = {}) => ({ id, name: `资产${id}`, village: '前进村', fundingSource: 'specialFund', year: 2019,
  value: '100000', kind: 'photovoltaic', ownerLevel: 'village', ...extra });

test('a county profile: 延寿县 is a 脱贫县 in the pilot, the key-county measures wait for the list', () => {
  const p = engine.county('230129', '2023-06-01');
  assert.equal(p.region.name, '延寿县');
  assert.equal(p.county.alleviatedCounty, true);
  assert.equal(p.county.keyCounty, 'notPublished');
  assert.equal(p.keyCountyList.status, 'notPublished');
  assert.ok(p.county.measures.includes('fundIntegrationPilot'));
  assert.deepEqual(p.pending.map((m) => m.id), ['keyCountySupport', 'specialFundTilt', 'extensionStaff', 'talentFlow']);
  assert.equal(p.transition.year, 3);
  for (const m of p.measures) assert.match(m.citation, /^[一二三四五六七]\(/);
});

test('the province lists its county-level units with 20 脱贫县', () => {
  const p = engine.county('230000', '2022-01-01');
  assert.equal(p.summary.alleviated, 20);
  // 121 县级行政区 and, listed beside them, 6 statistical units that are not administrative
  // divisions (the 4 大兴安岭 区, 大庆高新区, 牡丹江经开区 until 2023): not counted as 县级行政区.
  assert.equal(p.summary.counties, 121);
  assert.equal(p.summary.statisticalUnits, 6);
  assert.equal(p.counties.length, p.summary.counties + p.summary.statisticalUnits);
  assert.equal(p.counties.filter((c) => c.alleviatedCounty).length, 20);
  assert.equal(p.summary.keyCounties, undefined, 'no key-county count while the list is not published');
});

test('rows JavaScript cannot send are their own errors; the ledger goes on', () => {
  const rows = [
    asset('A1'),
    asset('A2', { value: () => '1' }),
    asset('A3', { annualIncome: NaN }),
    asset('A4', { disposal: new Map([['type', 'scrap']]) }),
    asset('A5', { year: new Date('2019-01-01') }),
    null,
    asset('A7', { kind: 'road', disposal: { type: 'scrap', approvals: ['villageMeeting', 'township', 'countyDepartment'] } }),
  ];
  const ledger = engine.assets(rows, '2023-06-01');
  assert.deepEqual(ledger.items.map((i) => i.ok), [true, false, false, false, false, false, true]);
  assert.deepEqual(ledger.items.filter((i) => !i.ok).map((i) => i.error.path), ['[1].value', '[2].annualIncome', '[3].disposal', '[4].year', '[5]']);
  for (const i of ledger.items.filter((i) => !i.ok)) {
    assert.equal(i.error.code, 'INVALID_INPUT');
    assert.match(i.error.message, /[\u4e00-\u9fff]/);
  }
  assert.equal(ledger.totals.rows, 7);
  assert.equal(ledger.totals.errors, 5);
  // 100000 > 50000 (the illustrative township limit): the county department approves; all obtained.
  const road = ledger.items[6].asset;
  assert.equal(road.disposal.authority, 'countyDepartment');
  assert.equal(road.disposal.allowed, true);
  assert.deepEqual(ledger.unofficial, ['assets.disposal.countyDepartmentLimit', 'assets.disposal.townshipLimit', 'assets.scopeFrom']);
});

test('a county can set its own approval limits in a what-if', () => {
  const own = engine.withOverrides({ 'assets.disposal.townshipLimit': [{ from: '2021-01-01', region: '230129', value: '200000' }] });
  const row = asset('A1', { disposal: { type: 'scrap', approvals: ['villageMeeting', 'township'] } });
  assert.equal(own.assets([row], '2023-06-01', '230129').items[0].asset.disposal.allowed, true);
  assert.equal(own.assets([row], '2023-06-01').items[0].asset.disposal.allowed, false);
  assert.deepEqual(own.assets([row], '2023-06-01').items[0].asset.disposal.missing, ['countyDepartment']);
});

test('county indicators: money and rates as decimal strings, exact comparison', () => {
  const r = engine.countyIndicators({ region: '230129', year: 2022, income: { thisYear: 16800, lastYear: 15600 }, provinceGrowth: 0.065 }, '2023-03-01');
  assert.equal(r.incomeGrowth.thisYear, '16800.00');
  assert.equal(r.incomeGrowth.growth, '0.0769');
  assert.equal(r.incomeGrowth.met, true);
  // 1014 / 15600 is exactly 6.5%: not higher, so not met, although both show as 6.5%.
  const tie = engine.countyIndicators({ region: '230129', year: 2022, income: { thisYear: '16614', lastYear: '15600' }, provinceGrowth: '0.065' }, '2023-03-01');
  assert.equal(tie.incomeGrowth.growth, '0.065');
  assert.equal(tie.incomeGrowth.met, false);
  assert.throws(() => engine.countyIndicators({ region: '230129' }, '2023-03-01'), PolicyError);
});

test('county indicators read figures as an officer types them, as the staff page does', () => {
  const plain = { region: '230129', year: 2022, income: { thisYear: '16800', lastYear: '15600' }, provinceGrowth: '0.065',
    register: { households: 12000, dibaoGaps: 0, cashAnnual: '1234.50' } };
  const typed = { region: '230129', year: '２０２２', income: { thisYear: '16,800元', lastYear: '15600' }, provinceGrowth: '6.5%',
    register: { households: '12,000', dibaoGaps: '0', cashAnnual: '1,234.50' } };
  assert.deepEqual(engine.countyIndicators(typed, '2023-03-01'), engine.countyIndicators(plain, '2023-03-01'));
});

test('assetsText reads a CSV ledger as the command-line tool does: Chinese headers and words, lines in errors', () => {
  // Row 2 of the text is A01, a 光伏电站 of the village collective: 经营性资产. Row 3 has 2 cells under a
  // 7-column header: its own error, named by its line; row 4 reads in English words.
  const text = '\uFEFF资产编号,资产名称,资产类型,资金来源,产权归属,账面价值,形成年度\r\n'
    + 'A01,光伏,光伏电站,财政专项扶贫资金,村集体经济组织,800000,2019年\r\n'
    + 'A02,道路\r\n'
    + 'A03,光伏,photovoltaic,specialFund,village,800000,2019\r\n';
  const l = engine.assetsText(text, '2024-06-01');
  assert.deepEqual(l.items.map((i) => i.ok), [true, false, true]);
  assert.equal(l.items[1].error.path, '[1]');
  assert.match(l.items[1].error.message, /^第 3 行：这一行有 2 格，表头有 7 列/);
  const { id, ...zh } = l.items[0].asset;
  const { id: id3, ...en } = l.items[2].asset;
  assert.deepEqual([id, id3], ['A01', 'A03']);
  assert.deepEqual(zh, en);
  assert.equal(l.items[0].asset.classLabel, '经营性资产');
  // An error the ledger finds (a year after the date) names its line too; a wrong value names the
  // Chinese column and the words it takes.
  const later = engine.assetsText('资产编号,资产名称,资产类型,资金来源,产权归属,账面价值,形成年度\n'
    + 'B1,光伏,光伏电站,财政专项扶贫资金,村集体经济组织,"12,000元",2030\n'
    + 'B2,路,道路桥梁,财政专项扶贫资金,村集体经济组织,1000,2019\n'
    + 'B3,路,道路、桥梁,贫困县统筹整合使用的财政涉农资金,村集体经济组织,1000,2019\n', '2026-06-01');
  assert.match(later.items[0].error.message, /^第 2 行：形成年度 2030 晚于测算日期所在年度 2026/);
  // The words it takes, “／” between them: a word may hold 、 itself (道路、桥梁 is one).
  assert.match(later.items[1].error.message, /^第 3 行：“资产类型”（kind）：.*（台账中写作：种植养殖基地、设施农业／光伏电站／帮扶车间、厂房／.*／道路、桥梁／/);
  // docs/county.md's words, as its tables quote them, are read.
  assert.deepEqual([later.items[2].asset.kind, later.items[2].asset.fundingSource, later.items[2].asset.ownerLevel],
    ['road', 'integratedFund', 'village']);
  // A row with several faults has them all, each on its line and named by its column.
  const faults = engine.assetsText('资产编号,资产名称,资金来源,形成年度,账面价值,资产类型,产权归属\n'
    + 'A1,水泵,中央,1900,一万,公益性,村级\n', '2023-06-01');
  const { problems } = faults.items[0].error;
  assert.deepEqual(problems.map((p) => p.path), ['[0].year', '[0].fundingSource', '[0].value', '[0].kind', '[0].ownerLevel']);
  assert.ok(problems.every((p) => p.message.startsWith('第 2 行：')));
  assert.match(faults.items[0].error.message, /（共 5 处问题）$/);
  assert.throws(() => engine.assetsText('资产编号,身份证号\n', '2024-06-01'),
    (e) => e instanceof PolicyError && /未知的列“身份证号”/.test(e.message));
});
