// The household this example estimates, and the date of the estimate.
export const asOf = '2023-06-01';

export const household = {
  region: '230129', // 延寿县
  status: 'alleviated', // 脱贫户
  members: [
    { id: '父亲', birthDate: '1983-01-01' },
    { id: '孩子', birthDate: '2013-01-01', schooling: 'primary' },
  ],
  income: { business: '6000' }, // a year, yuan
};
