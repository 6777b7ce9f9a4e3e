import type { ArchiveModel } from '../model/types.ts';
import { formatCzechDate } from '../text/czech-date.ts';
import { czechCount } from './summary.ts';

/** `minutes extract` for people: what the archive holds, in a few Czech lines. */
export function formatModelSummary(model: ArchiveModel): string {
  const lines: string[] = [];
  const groupName = new Map(model.groups.map((g) => [g.id, g.short]));
  lines.push(`${model.site.title}`);
  lines.push(
    `${czechCount(model.meetings.length, 'zápis', 'zápisy', 'zápisů')}, ` +
      `${czechCount(model.groups.filter((g) => g.meetings.length).length, 'skupina', 'skupiny', 'skupin')}, ` +
      `${czechCount(model.organizations.length, 'organizace', 'organizace', 'organizací')} v rejstříku.`,
  );
  lines.push('', 'Skupiny:');
  for (const group of model.groups) {
    lines.push(`  ${group.short}: ${czechCount(group.meetings.length, 'zápis', 'zápisy', 'zápisů')}`);
  }
  lines.push('', 'Informace organizací:');
  const reporting = model.organizations.filter((o) => o.updates.length || o.mentions.length);
  for (const organization of reporting) {
    const last = organization.updates.at(-1);
    lines.push(
      `  ${organization.short ?? organization.name}: ${czechCount(organization.updates.length, 'informace', 'informace', 'informací')}` +
        `, ${czechCount(organization.mentions.length, 'zmínka', 'zmínky', 'zmínek')}` +
        (last ? ` (naposledy ${formatCzechDate(last.date)})` : ''),
    );
  }
  const open = model.tasks.filter((t) => !t.done);
  lines.push('', `Úkoly: ${czechCount(open.length, 'otevřený', 'otevřené', 'otevřených')} z ${model.tasks.length}.`);
  for (const task of open) {
    lines.push(`  [ ] ${task.text}${task.owner ? ` — ${task.owner}` : ''}${task.due ? `, do ${formatCzechDate(task.due)}` : ''} (${groupName.get(task.group) ?? task.group})`);
  }
  lines.push(`Usnesení: ${model.decisions.length}.`);
  const pending = model.upcoming.filter((u) => u.pending);
  lines.push('', pending.length ? 'Ohlášená jednání:' : 'Žádné ohlášené jednání.');
  for (const meeting of pending) {
    lines.push(`  ${formatCzechDate(meeting.date)}${meeting.time ? ` v ${meeting.time}` : ''} — ${groupName.get(meeting.group) ?? meeting.group}`);
  }
  return `${lines.join('\n')}\n`;
}
