// @ts-check
// The household form: member cards, reading the form into a Household (API.md), filling it back.
// Empty fields are left out, so the engine applies the contract's defaults. Options come from the
// engine's labels(), in its order (the order of their definition); the page adds only the empty choice.

export const GUARANTEES = [['food', '不愁吃'], ['clothing', '不愁穿'], ['education', '义务教育有保障'],
  ['medical', '基本医疗有保障'], ['housing', '住房安全有保障'], ['water', '饮水安全有保障']];
/** Households the form can hold; larger imports are refused before any card is built. */
export const MAX_MEMBERS = 30;
const MONITORED = new Set(['monitored', 'returned']);

/** The fields of a member card, in the order they show. */
const MEMBER_FIELDS = [
  { name: 'id', label: '姓名或称谓', kind: 'text', help: '如 户主、妻子、长子；结果中用它称呼该成员。' },
  { name: 'birthDate', label: '出生日期', kind: 'date', required: true },
  { name: 'disabilityGrade', label: '残疾等级', kind: 'select', options: 'disabilityGrade', empty: '无残疾' },
  { name: 'disabilityType', label: '残疾类别', kind: 'select', options: 'disabilityType', empty: '无或未登记' },
  { name: 'laborCapacity', label: '劳动能力', kind: 'select', options: 'laborCapacity', empty: '按年龄判断',
    help: '60周岁以上、未满16周岁和第五条所列残疾的，不论所选都按无劳动能力；其他成员不选时按有劳动能力。' },
  { name: 'selfCare', label: '生活自理能力', kind: 'select', initial: 'full', options: 'selfCare' },
  { name: 'wages', label: '本人年工资（元/年）', kind: 'money' },
  { name: 'workRegion', label: '务工地', kind: 'select', options: 'regions', help: '就业成本按务工地的最低工资档次扣除。' },
  { name: 'schooling', label: '在校情况', kind: 'select', options: 'schooling', empty: '不在校' },
  { name: 'care', label: '孤儿或事实无人抚养儿童', kind: 'select', options: 'care', empty: '否' },
  { name: 'seriousIllness', label: '患重病', kind: 'check' },
  { name: 'boarding', label: '在校寄宿', kind: 'check' },
  { name: 'hasSupporter', label: '有能履行义务的法定赡养、抚养、扶养义务人', kind: 'check', initial: true,
    help: '特困供养的条件之一：没有，或义务人无履行能力时，不勾选。' },
  { name: 'insured', label: '参加基本医疗保险', kind: 'check', initial: true,
    help: '未参保的脱贫人口、监测对象会被提示动员参保；资助参保只算已参保的成员。' },
  { name: 'healthExemptFromSchool', label: '因身体原因不具备学习条件', kind: 'check',
    help: '义务教育阶段适龄儿童经认定免于入学的，不提示失学辍学。' },
];

/** @type {{ labels: any, regionTemplate: DocumentFragment | null, nextUid: number }} */
const state = { labels: null, regionTemplate: null, nextUid: 1 };

/**
 * An element of the page the form is on (the ids of index.html).
 * @param {string} id
 */
const byId = (id) => /** @type {HTMLElement} */ (document.getElementById(id));

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') node.className = v; else node.setAttribute(k, v === true ? '' : v);
  }
  node.append(...children.filter((c) => c !== null && c !== undefined && c !== false));
  return node;
}

/**
 * [id, label] pairs of one of labels()'s maps, in the engine's order.
 * @param {string} kind
 * @returns {[string, string][]}
 */
function ordered(kind) {
  return Object.entries(state.labels?.[kind] ?? {});
}

/** Options grouped by prefecture: `first` is the option with the empty value. */
export function regionOptions(regions, first, { prefectureSuffix = '（市级）', markAlleviated = false, counties: countiesOnly = false } = {}) {
  const frag = document.createDocumentFragment();
  frag.append(new Option(first, ''));
  const counties = new Map();
  for (const r of regions.filter((r) => r.level === 'county')) {
    if (!counties.has(r.parent)) counties.set(r.parent, []);
    counties.get(r.parent).push(r);
  }
  for (const city of regions.filter((r) => r.level === 'prefecture')) {
    const group = el('optgroup', { label: city.name }, countiesOnly ? null : new Option(`${city.name}${prefectureSuffix}`, city.code));
    for (const c of counties.get(city.code) ?? []) group.append(new Option(markAlleviated && c.alleviatedCounty ? `${c.name}（脱贫县）` : c.name, c.code));
    frag.append(group);
  }
  return frag;
}

/** Fill the selects and check boxes whose options come from the engine. */
export function setupForm(form, labels, regions) {
  state.labels = labels;
  // Wages are earned in a county: minimum-wage tiers are set by county.
  state.regionTemplate = regionOptions(regions, '本地（同户籍地）', { counties: true });
  const region = form.elements.namedItem('region');
  region.replaceChildren(regionOptions(regions, '请选择', { markAlleviated: true }));
  const fill = (select, pairs) => select.append(...pairs.map(([v, t]) => new Option(t, v)));
  fill(form.elements.namedItem('area'), ordered('area'));
  fill(form.elements.namedItem('status'), ordered('status'));
  fill(form.elements.namedItem('monitoringCategory'), ordered('category'));
  const appraisal = form.elements.namedItem('housing.appraisal');
  appraisal.append(new Option('未鉴定', ''));
  fill(appraisal, ordered('appraisal'));
  const check = (name, label, checked) => {
    const id = name.replace('.', '-');
    const input = el('input', { type: 'checkbox', id, name, 'data-label': label });
    input.checked = checked;
    input.defaultChecked = checked;
    return el('div', { class: 'field check' }, input, el('label', { for: id }, label));
  };
  byId('guarantees').replaceChildren(...GUARANTEES.map(([k, label]) => check(`guarantees.${k}`, label, true)));
  byId('events').replaceChildren(...ordered('event').map(([k, label]) => check(`events.${k}`, label, false)));
  for (const c of form.querySelectorAll('input, select, textarea')) {
    if (!c.dataset.label) c.dataset.label = form.querySelector(`label[for="${c.id}"]`)?.textContent.trim() ?? c.name;
  }
  form.elements.namedItem('status').addEventListener('change', () => syncCategory(form));
  syncCategory(form);
}

/** The registered monitoring category is asked only of monitored and returned households. */
export function syncCategory(form) {
  const monitored = MONITORED.has(form.elements.namedItem('status').value);
  byId('category-field').hidden = !monitored;
}

function memberField(uid, f) {
  const id = `${uid}-${f.name}`;
  const help = f.help ? el('p', { class: 'help', id: `${id}-help` }, f.help) : null;
  const common = { id, name: f.name, 'data-label': f.label.replace(/（.*）$/, ''), 'aria-describedby': help ? `${id}-help` : null };
  if (f.kind === 'check') {
    const input = el('input', { type: 'checkbox', ...common });
    input.checked = input.defaultChecked = Boolean(f.initial);
    return el('div', { class: 'field check' }, input, el('label', { for: id }, f.label), help);
  }
  let control;
  if (f.kind === 'select') {
    control = el('select', common);
    if (f.options === 'regions') control.append(/** @type {DocumentFragment} */ (state.regionTemplate).cloneNode(true));
    else {
      if (f.empty !== undefined) control.append(new Option(f.empty, ''));
      control.append(...ordered(f.options).map(([v, t]) => new Option(t, v)));
    }
    if (f.initial) control.value = f.initial;
  } else {
    control = el('input', {
      ...common, type: f.kind === 'date' ? 'date' : 'text', required: f.required, maxlength: f.kind === 'text' ? 64 : null,
      inputmode: f.kind === 'money' ? 'decimal' : null, min: f.kind === 'date' ? '1850-01-01' : null, max: f.kind === 'date' ? '2200-12-31' : null,
    });
  }
  return el('div', { class: `field${f.name === 'workRegion' ? ' wide' : ''}` }, el('label', { for: id }, f.label), control, help);
}

/** A member's title: 第2位成员（妻子）. */
export function memberTitle(card) {
  const index = [...card.parentNode.children].indexOf(card);
  const name = card.querySelector('[name=id]').value.trim();
  return `第${index + 1}位成员${name ? `（${name}）` : ''}`;
}

/** Renumber the cards' titles and the remove buttons' names; one member cannot be removed. */
export function renumber() {
  const cards = [...document.querySelectorAll('#members .member')];
  for (const card of cards) {
    const title = memberTitle(card);
    /** @type {HTMLElement} */ (card.querySelector('.member-title')).textContent = title;
    const remove = /** @type {HTMLButtonElement} */ (card.querySelector('.remove'));
    remove.textContent = `删除${title}`;
    remove.disabled = cards.length === 1;
  }
  /** @type {HTMLButtonElement} */ (document.getElementById('add-member')).disabled = cards.length >= MAX_MEMBERS;
}

/** Add a member card (filled with `values`) and return it. */
export function addMember(values = {}) {
  const uid = `m${state.nextUid++}`;
  const fields = MEMBER_FIELDS.map((f) => memberField(uid, f));
  const card = el('fieldset', { class: 'member', 'data-uid': uid },
    el('legend', {}, el('span', { class: 'member-title' }, '')),
    el('div', { class: 'grid' }, ...fields.filter((f) => !f.classList.contains('check'))),
    el('div', { class: 'checks' }, ...fields.filter((f) => f.classList.contains('check'))),
    el('p', { class: 'actions' }, el('button', { type: 'button', class: 'remove secondary' }, '删除')));
  byId('members').append(card);
  fillMember(card, values);
  card.querySelector('[name=id]').addEventListener('input', renumber);
  renumber();
  return card;
}

const isPlainObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Put one value into a control, only when it has the control's type; otherwise the control's default. */
function put(control, v) {
  if (control.type === 'checkbox') {
    control.checked = typeof v === 'boolean' ? v : control.defaultChecked;
  } else if (control.tagName === 'SELECT') {
    const s = typeof v === 'string' || typeof v === 'number' ? String(v) : '';
    const fallback = control.querySelector('option[selected]')?.value ?? control.options[0]?.value ?? '';
    control.value = [...control.options].some((o) => o.value === s) && s !== '' ? s : fallback;
  } else {
    control.value = typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)) ? String(v) : '';
  }
}

function fillMember(card, m) {
  const values = isPlainObject(m) ? m : {};
  for (const f of MEMBER_FIELDS) {
    const control = card.querySelector(`[name=${f.name}]`);
    if (f.initial !== undefined && values[f.name] === undefined) {
      if (control.type === 'checkbox') control.checked = f.initial; else control.value = f.initial;
    } else {
      put(control, values[f.name]);
    }
  }
}

const text = (el) => el.value.trim();

/**
 * The form as a Household object, as typed (trimmed): the page hands it to `engine.readForm`, which
 * normalises full-width digits, thousands separators and 元.
 * @param {HTMLFormElement} form
 * @returns {Record<string, any>} the fields as typed: not yet a Household
 */
export function readHousehold(form) {
  const h = {};
  /** @type {(name: string) => HTMLInputElement} a field by its name (an input or a select: value, checked) */
  const get = (name) => /** @type {HTMLInputElement} */ (form.elements.namedItem(name));
  const ref = text(get('ref'));
  if (ref !== '') h.ref = ref;
  h.region = text(get('region'));
  // Defaults are left out: the export is what was entered.
  if (get('area').value !== 'rural') h.area = get('area').value;
  if (get('status').value !== 'general') h.status = get('status').value;
  if (!byId('category-field').hidden && get('monitoringCategory').value !== '') {
    h.monitoringCategory = get('monitoringCategory').value;
  }
  h.members = [...form.querySelectorAll('#members .member')].map((card) => {
    const m = {};
    for (const f of MEMBER_FIELDS) {
      const c = /** @type {HTMLInputElement} */ (card.querySelector(`[name=${f.name}]`));
      if (f.kind === 'check') {
        if (c.checked !== Boolean(f.initial)) m[f.name] = c.checked;
      } else if (f.initial !== undefined && c.value === f.initial) {
        // the default
      } else if (text(c) !== '') {
        const v = text(c);
        m[f.name] = f.name === 'disabilityGrade' ? Number(v) : v;
      }
    }
    return m;
  });
  const income = {};
  for (const k of ['business', 'property', 'transfer', 'other', 'exempt']) {
    const v = text(get(`income.${k}`));
    if (v !== '') income[k] = v;
  }
  if (Object.keys(income).length) h.income = income;
  for (const k of ['lastYearIncome', 'rigidSpending']) {
    const v = text(get(k));
    if (v !== '') h[k] = v;
  }
  if (!get('assetTestPassed').checked) h.assetTestPassed = false;
  const guarantees = {};
  for (const [k] of GUARANTEES) if (!get(`guarantees.${k}`).checked) guarantees[k] = false;
  if (Object.keys(guarantees).length) h.guarantees = guarantees;
  const events = ordered('event').map(([k]) => k).filter((k) => get(`events.${k}`).checked);
  if (events.length) h.events = events;
  const months = text(get('stableIncomeMonths'));
  if (months !== '') h.stableIncomeMonths = /^\d{1,6}$/.test(months) ? Number(months) : months;
  if (get('onDibao').checked) h.onDibao = true;
  const dibaoMonthly = text(get('dibaoMonthly'));
  if (dibaoMonthly !== '') h.dibaoMonthly = dibaoMonthly;
  const changed = text(get('incomeChangeDate'));
  if (changed !== '') h.incomeChangeDate = changed;
  const appraisal = get('housing.appraisal').value;
  if (appraisal !== '') h.housing = { appraisal };
  return h;
}

/**
 * Put a Household object into the form. Values of the wrong type (a check box given "false", a
 * member given 5) leave the control at its default: the engine's reader reports them.
 */
export function fillHousehold(form, h) {
  const v = isPlainObject(h) ? h : {};
  /** @type {(name: string) => HTMLInputElement} a field by its name (an input or a select: value, checked) */
  const get = (name) => /** @type {HTMLInputElement} */ (form.elements.namedItem(name));
  const obj = (x) => (isPlainObject(x) ? x : {});
  put(get('ref'), v.ref);
  put(get('region'), v.region);
  put(get('area'), v.area);
  put(get('status'), v.status);
  syncCategory(form);
  put(get('monitoringCategory'), v.monitoringCategory);
  byId('members').replaceChildren();
  const members = Array.isArray(v.members) ? v.members.slice(0, MAX_MEMBERS) : [];
  for (const m of members.length ? members : [{}]) addMember(m);
  for (const k of ['business', 'property', 'transfer', 'other', 'exempt']) put(get(`income.${k}`), obj(v.income)[k]);
  for (const k of ['lastYearIncome', 'rigidSpending', 'dibaoMonthly', 'incomeChangeDate', 'stableIncomeMonths']) put(get(k), v[k]);
  put(get('housing.appraisal'), obj(v.housing).appraisal);
  put(get('assetTestPassed'), v.assetTestPassed);
  put(get('onDibao'), v.onDibao);
  for (const [k] of GUARANTEES) put(get(`guarantees.${k}`), obj(v.guarantees)[k]);
  const events = Array.isArray(v.events) ? v.events : [];
  for (const [k] of ordered('event')) get(`events.${k}`).checked = events.includes(k);
}

/** The label of a member field's option (e.g. selfCare 'partial' → 部分丧失生活自理能力; '' its empty choice). */
export function optionLabel(field, value) {
  if (value === '' && field.empty !== undefined) return field.empty;
  return state.labels?.[field.options]?.[value] ?? value;
}

export { MEMBER_FIELDS };
