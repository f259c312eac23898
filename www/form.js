// The household form: build member rows, read the form into a Household (API.md), fill it back.
// Empty fields are left out, so the engine applies the contract's defaults.

const MEMBER_FIELDS = `
  <td><input name="id" size="5"></td>
  <td><input type="date" name="birthDate" required></td>
  <td><select name="disabilityGrade"><option value="">无</option><option>1</option><option>2</option><option>3</option><option>4</option></select></td>
  <td><input type="checkbox" name="seriousIllness"></td>
  <td><select name="laborCapacity"><option value="">按年龄</option><option value="full">有</option><option value="partial">部分</option><option value="none">无</option></select></td>
  <td><select name="selfCare"><option value="full">全自理</option><option value="partial">半护理</option><option value="none">全护理</option></select></td>
  <td><input type="checkbox" name="hasSupporter" checked></td>
  <td><input name="wages" size="8" inputmode="decimal"></td>
  <td><select name="workRegion"><option value="">本地</option></select></td>
  <td><select name="schooling"><option value="">否</option><option value="preschool">学前</option><option value="primary">小学</option><option value="junior">初中</option><option value="senior">高中</option><option value="vocational">中职</option><option value="college">大学</option></select></td>
  <td><input type="checkbox" name="boarding"></td>
  <td><button type="button" class="remove" aria-label="删除成员">✕</button></td>`;

let regionOptions = [];

/** Remember the regions for the work-region selects. */
export function setRegions(regions) {
  regionOptions = regions.filter((r) => r.level !== 'province');
}

export function addMember(values = {}) {
  const row = document.createElement('tr');
  row.className = 'member';
  row.innerHTML = MEMBER_FIELDS;
  const work = row.querySelector('[name=workRegion]');
  for (const r of regionOptions) work.append(new Option(r.name, r.code));
  row.querySelector('.remove').addEventListener('click', () => {
    row.remove();
    row.ownerDocument.getElementById('household-form').dispatchEvent(new Event('input', { bubbles: true }));
  });
  document.getElementById('members').append(row);
  fillMember(row, values);
  return row;
}

function fillMember(row, m) {
  for (const el of row.querySelectorAll('[name]')) {
    const v = m[el.name];
    if (el.type === 'checkbox') el.checked = v ?? (el.name === 'hasSupporter');
    else el.value = v ?? (el.name === 'selfCare' ? 'full' : '');
  }
}

const text = (el) => el.value.trim();

/** The form as a Household object. */
export function readHousehold(form) {
  const h = {};
  const get = (name) => form.elements.namedItem(name);
  h.region = text(get('region'));
  // Defaults are left out: the export is what was entered.
  if (get('area').value !== 'rural') h.area = get('area').value;
  if (get('status').value !== 'general') h.status = get('status').value;
  h.members = [...form.querySelectorAll('#members tr.member')].map((row) => {
    const m = {};
    for (const el of row.querySelectorAll('[name]')) {
      if (el.type === 'checkbox') {
        if (el.name === 'hasSupporter' ? !el.checked : el.checked) m[el.name] = el.name === 'hasSupporter' ? false : true;
      } else if (el.name === 'selfCare' && el.value === 'full') {
        // the default
      } else if (text(el) !== '') {
        m[el.name] = el.name === 'disabilityGrade' ? Number(el.value) : text(el);
      }
    }
    return m;
  });
  const income = {};
  for (const k of ['business', 'property', 'transfer', 'other']) {
    const v = text(get(`income.${k}`));
    if (v !== '') income[k] = v;
  }
  if (Object.keys(income).length) h.income = income;
  for (const k of ['lastYearIncome', 'rigidSpending', 'dibaoMonthly', 'incomeChangeDate']) {
    const v = text(get(k));
    if (v !== '') h[k] = v;
  }
  const months = text(get('stableIncomeMonths'));
  if (months !== '') h.stableIncomeMonths = /^\d+$/.test(months) ? Number(months) : months;
  if (!get('assetTestPassed').checked) h.assetTestPassed = false;
  if (get('onDibao').checked) h.onDibao = true;
  const guarantees = {};
  for (const k of ['food', 'clothing', 'education', 'medical', 'housing', 'water']) {
    if (!get(`guarantees.${k}`).checked) guarantees[k] = false;
  }
  if (Object.keys(guarantees).length) h.guarantees = guarantees;
  const events = ['illness', 'disaster', 'accident', 'familyChange'].filter((k) => get(`events.${k}`).checked);
  if (events.length) h.events = events;
  return h;
}

/** Put a Household object into the form. */
export function fillHousehold(form, h) {
  const get = (name) => form.elements.namedItem(name);
  get('region').value = h.region ?? '';
  get('area').value = h.area ?? 'rural';
  get('status').value = h.status ?? 'general';
  document.getElementById('members').replaceChildren();
  for (const m of h.members ?? []) addMember(m);
  for (const k of ['business', 'property', 'transfer', 'other']) get(`income.${k}`).value = h.income?.[k] ?? '';
  for (const k of ['lastYearIncome', 'rigidSpending', 'dibaoMonthly', 'incomeChangeDate', 'stableIncomeMonths']) get(k).value = h[k] ?? '';
  get('assetTestPassed').checked = h.assetTestPassed ?? true;
  get('onDibao').checked = h.onDibao ?? false;
  for (const k of ['food', 'clothing', 'education', 'medical', 'housing', 'water']) get(`guarantees.${k}`).checked = h.guarantees?.[k] ?? true;
  for (const k of ['illness', 'disaster', 'accident', 'familyChange']) get(`events.${k}`).checked = (h.events ?? []).includes(k);
}
