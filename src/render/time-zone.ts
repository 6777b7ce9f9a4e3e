/**
 * UTC offset of Prague local time on a calendar date: +02:00 in summer time (from the last Sunday
 * of March to the last Sunday of October, the EU rule since 1996), otherwise +01:00. Meetings take
 * place in the daytime, so the hour of the switch itself does not matter here.
 */
export function pragueOffset(date: string): string {
  const [year, month, day] = date.slice(0, 10).split('-').map(Number) as [number, number, number];
  const start = lastSunday(year, 3);
  const end = lastSunday(year, 10);
  const summer = (month > 3 && month < 10) || (month === 3 && day >= start) || (month === 10 && day < end);
  return summer ? '+02:00' : '+01:00';
}

function lastSunday(year: number, month: number): number {
  const last = new Date(Date.UTC(year, month, 0)); // day 0 of the next month = last day of this one
  return last.getUTCDate() - last.getUTCDay();
}
