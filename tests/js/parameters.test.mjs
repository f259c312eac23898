// A portal's parameter value without a region is the whole province's from its date: in a file
// (fromParameters) and in a what-if (withOverrides) it replaces the embedded set's values, the
// province's (230000) and Harbin's districts' among them, which a lookup would otherwise find first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PolicyEngine, PolicyError } from 'zhenxing';

const engine = new PolicyEngine();
const portal = (values) => PolicyEngine.fromParameters(JSON.stringify({
  schema: 'zhenxing-parameters/1', id: 'province-2024', title: '全省2024年农村低保标准', published: '2024-01-15',
  extends: 'heilongjiang', parameters: [{ name: 'dibao.standard.rural', values }],
}));
// 延寿县, one person of 74 with no income: 低保 is the standard, plus 0.10 × the standard for an
// elderly member (dibao.supplement.elderly): 530 + 53.00 = 583.00 a month.
const elderly = { region: '230129', members: [{ birthDate: '1950-01-01' }] };

test('a value without a region answers for every county from its date, in a file and a what-if', () => {
  const fromFile = portal([{ from: '2024-01-01', value: '530', source: '省民政厅2024年通知', status: 'official' }]);
  const whatIf = engine.withOverrides({ 'dibao.standard.rural': [{ from: '2024-01-01', value: 530 }] });
  for (const e of [fromFile, whatIf]) {
    for (const region of ['230129', '230102', '230221']) {
      assert.equal(e.parameterValue('dibao.standard.rural', '2024-06-01', region).value.value, '530', region);
    }
    // Before its date the embedded values stand: 441 for the province, 625 in Harbin's districts.
    assert.equal(e.parameterValue('dibao.standard.rural', '2023-06-01', '230129').value.value, '441');
    assert.equal(e.parameterValue('dibao.standard.rural', '2023-06-01', '230102').value.value, '625');
    assert.equal(e.dibao(elderly, '2024-06-01').monthly, '583.00');
  }
  // The default engine is unchanged: 441 + 44.10 = 485.10.
  assert.equal(engine.dibao(elderly, '2024-06-01').monthly, '485.10');
  fromFile.free();
  whatIf.free();
});

test('a transition that starts after it ends is refused at load and as a what-if', () => {
  assert.throws(() => PolicyEngine.fromParameters(JSON.stringify({
    schema: 'zhenxing-parameters/1', id: 'x', title: 'x', published: '2024-01-15', extends: 'heilongjiang',
    parameters: [{ name: 'transition.start', values: [{ from: '2021-01-01', value: '2026-01-01', source: 's', status: 'official' }] }],
  })), (e) => e instanceof PolicyError && e.code === 'INVALID_PARAMETERS' && e.path === 'parameters[0]' && /过渡期起始日不能晚于结束日/.test(e.message));
  assert.throws(() => engine.withOverrides({ 'transition.start': '2026-01-01' }),
    (e) => e instanceof PolicyError && e.code === 'INVALID_INPUT' && e.path === 'transition.start');
});
