import { describe, expect, it } from 'vitest';
import {
  compareCzech,
  formatCzechDate,
  formatCzechDateShort,
  formatCzechMonth,
  formatCzechTime,
  formatTimeRange,
  pluralCs,
  sortCzech,
  splitDateTime,
  weekdayOf,
} from '../../src/render/czech.ts';
import { pragueOffset } from '../../src/render/time-zone.ts';

describe('Czech dates', () => {
  it('writes the day, the month in the genitive and the year', () => {
    expect(formatCzechDate('2021-10-25')).toBe('25. října 2021');
    expect(formatCzechDate('2018-02-12')).toBe('12. února 2018');
    expect(formatCzechDate('2020-01-01')).toBe('1. ledna 2020');
    expect(formatCzechDate('2022-07-31')).toBe('31. července 2022');
  });

  it('names every month correctly', () => {
    const months = Array.from({ length: 12 }, (_, i) => formatCzechDate(`2023-${String(i + 1).padStart(2, '0')}-01`).split(' ')[1]);
    expect(months).toEqual([
      'ledna', 'února', 'března', 'dubna', 'května', 'června',
      'července', 'srpna', 'září', 'října', 'listopadu', 'prosince',
    ]);
  });

  it('keeps the day with its month on screen (no-break space) and can add the weekday', () => {
    expect(formatCzechDate('2021-10-25', { nbsp: true })).toBe('25.\u00a0října 2021');
    expect(formatCzechDate('2021-10-25', { weekday: true })).toBe('pondělí 25. října 2021');
    expect(weekdayOf('2018-02-12')).toBe('pondělí');
    expect(weekdayOf('2024-02-29')).toBe('čtvrtek');
  });

  it('has a compact form and a month heading', () => {
    expect(formatCzechDateShort('2021-10-05')).toBe('5. 10. 2021');
    expect(formatCzechMonth('2021-10-25')).toBe('říjen 2021');
  });

  it('reads announced date-times and rejects what is not a date', () => {
    expect(splitDateTime('2022-01-10 14:00')).toEqual({ date: '2022-01-10', time: '14:00' });
    expect(splitDateTime('2022-01-10')).toEqual({ date: '2022-01-10' });
    expect(() => formatCzechDate('10.1.2022')).toThrow(/RRRR-MM-DD/);
    expect(() => formatCzechDate('2022-13-01')).toThrow();
  });

  it('writes hours without a leading zero', () => {
    expect(formatCzechTime('09:00')).toBe('9:00');
    expect(formatCzechTime('14:30')).toBe('14:30');
    expect(formatTimeRange('09:00', '11:30')).toBe('9:00–11:30');
    expect(formatTimeRange(undefined, '11:30')).toBeUndefined();
  });

  it('knows when Prague is on summer time', () => {
    expect(pragueOffset('2021-10-25')).toBe('+02:00'); // the last Sunday of October 2021 is the 31st
    expect(pragueOffset('2021-10-30')).toBe('+02:00');
    expect(pragueOffset('2021-10-31')).toBe('+01:00');
    expect(pragueOffset('2021-03-27')).toBe('+01:00');
    expect(pragueOffset('2021-03-28')).toBe('+02:00');
    expect(pragueOffset('2020-02-17')).toBe('+01:00');
    expect(pragueOffset('2020-07-01')).toBe('+02:00');
  });
});

describe('Czech plural', () => {
  it('chooses one, few or many', () => {
    const forms = ['zápis', 'zápisy', 'zápisů'] as const;
    expect([0, 1, 2, 4, 5, 22].map((n) => pluralCs(n, forms))).toEqual(
      ['0\u00a0zápisů', '1\u00a0zápis', '2\u00a0zápisy', '4\u00a0zápisy', '5\u00a0zápisů', '22\u00a0zápisů'],
    );
  });
});

describe('Czech alphabetical order', () => {
  it('puts Č after C and Ch after H', () => {
    const words = ['Chata', 'Čáp', 'Hora', 'Cihla', 'Ibis', 'Dům', 'Ch'];
    expect([...words].sort(compareCzech)).toEqual(['Cihla', 'Čáp', 'Dům', 'Hora', 'Ch', 'Chata', 'Ibis']);
  });

  it('orders the register the way a Czech reader expects', () => {
    const names = ['Úřad práce České republiky', 'Člověk v tísni, o.p.s.', 'CZP', 'Centrum pro integraci cizinců, o.p.s.', 'Naděje', 'Návrat, o.p.s.', 'ROMODROM o.p.s.', 'Řídicí skupina', 'Rozkoš bez rizika, z.s.', 'Statutární město Liberec', 'Šance'];
    expect(sortCzech(names, (n) => n)).toEqual([
      'Centrum pro integraci cizinců, o.p.s.',
      'CZP',
      'Člověk v tísni, o.p.s.',
      'Naděje',
      'Návrat, o.p.s.',
      'ROMODROM o.p.s.',
      'Rozkoš bez rizika, z.s.',
      'Řídicí skupina',
      'Statutární město Liberec',
      'Šance',
      'Úřad práce České republiky',
    ]);
  });

  it('is a total order: equal-looking names still sort the same way every time', () => {
    expect(compareCzech('Naděje', 'NADĚJE')).not.toBe(0);
    expect(Math.sign(compareCzech('Naděje', 'NADĚJE'))).toBe(-Math.sign(compareCzech('NADĚJE', 'Naděje')));
    expect(compareCzech('Naděje', 'Naděje')).toBe(0);
  });
});
