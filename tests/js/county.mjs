// The households of tests/registers/county as the package's Household objects, for the JS tests
// (imported from the repository: tests/js/run.sh copies only the test files). Their figures are
// worked by hand in tests/registers/county/README.md.

const one = (ref, region, income, ...births) => ({
  ref, region, income: income ? { transfer: income } : undefined,
  members: births.map((birthDate) => ({ birthDate })),
});

/** The county register's thirteen households, in its order (H10, born 2030, is an error). */
export const households = [
  one('H01', '230129', 3600, '1950-03-01'),
  one('H02', '230129', 9000, '1950-03-01', '1952-03-01'),
  one('H03', '230129', 5448, '1950-03-01'),
  { ...one('H04', '230129', 0, '1983-03-01'), status: 'alleviated' },
  one('H05', '230129', 6000, '1950-03-01'),
  { ...one('H06', '230129', 0, '1983-03-01', '1985-03-01'), status: 'alleviated', income: { business: 10800 } },
  { ...one('H07', '230129', 8400, '1960-03-01'), status: 'monitored', monitoringCategory: 'suddenHardship' },
  one('H08', '230221', 3600, '1950-03-01'),
  one('H09', '230221', 0, '1983-03-01'),
  one('H10', '230221', 0, '2030-03-01'),
  one('H11', '230129', 12960, '1950-03-01', '1952-03-01', '1983-03-01'),
  one('H12', '230129', 5700, '1950-03-01'),
  one('H13', '230221', 5220, '1950-03-01'),
];
