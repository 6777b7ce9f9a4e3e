const MONTHS_GENITIVE = [
  'ledna', 'února', 'března', 'dubna', 'května', 'června',
  'července', 'srpna', 'září', 'října', 'listopadu', 'prosince',
];

/** "2021-10-25" → "25. října 2021", as Czech writes dates in running text. */
export function formatCzechDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  return `${day}. ${MONTHS_GENITIVE[month - 1]} ${year}`;
}
