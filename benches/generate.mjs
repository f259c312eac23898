// Generated households for the benchmarks: varied sizes, ages, incomes, statuses and events,
// deterministic (a fixed-seed generator), all valid on 2023-06-01.
const REGIONS = ['230129', '230102', '230113', '230221', '230183', '230624', '231283', '230123'];
const STATUS = ['general', 'alleviated', 'monitored'];
const EVENTS = [[], [], [], ['illness'], ['disaster'], ['accident']];

export function generator(seed = 42) {
  let s = seed >>> 0;
  const next = () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  const pick = (xs) => xs[Math.floor(next() * xs.length)];
  return function household() {
    const n = 1 + Math.floor(next() * 5);
    const members = Array.from({ length: n }, () => {
      const year = 1935 + Math.floor(next() * 85);
      const m = { birthDate: `${year}-0${1 + Math.floor(next() * 9)}-1${Math.floor(next() * 9)}` };
      if (year < 2005 && year > 1965 && next() < 0.5) m.wages = String(Math.floor(next() * 30000));
      if (next() < 0.08) m.disabilityGrade = 1 + Math.floor(next() * 4);
      if (next() < 0.05) m.seriousIllness = true;
      if (year > 2005 && year < 2018) m.schooling = pick(['primary', 'junior', 'senior']);
      return m;
    });
    return {
      region: pick(REGIONS), status: pick(STATUS), members,
      income: { business: String(Math.floor(next() * 20000)), transfer: String(Math.floor(next() * 5000)) },
      rigidSpending: String(Math.floor(next() * 20000)), events: pick(EVENTS),
    };
  };
}
