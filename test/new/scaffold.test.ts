/**
 * `minutes new`, the pure part (src/scaffold/): which file, prefilled from what, refusing what.
 * The texts it makes are also run through the real pipeline (validate + extract) in a temporary
 * archive with the real registers: a scaffold must pass `minutes validate` as it is.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTasks } from '../../src/model/tasks.ts';
import { analyzeArchive, type AnalyzedArchive } from '../../src/pipeline/analyze-archive.ts';
import { scaffoldArchiveOf, type PastMeeting, type ScaffoldArchive } from '../../src/scaffold/archive.ts';
import { scaffoldDefaults, scaffoldMinute, type ScaffoldWritten } from '../../src/scaffold/scaffold-minute.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

const GROUPS = [
  { id: 'cizinci', name: 'Pracovní skupina pro cizince', short: 'PS cizinci' },
  { id: 'rps', name: 'Řídicí pracovní skupina', short: 'ŘPS' },
];

function meeting(fields: Partial<PastMeeting> & Pick<PastMeeting, 'date' | 'group'>): PastMeeting {
  const id = fields.id ?? `${fields.date}-${fields.group}`;
  return {
    id,
    file: `minutes/${fields.date.slice(0, 4)}/${id}.md`,
    attendees: [],
    topics: ['Různé'],
    updates: [],
    announced: [],
    ...fields,
  };
}

function archiveOf(meetings: PastMeeting[], extra: Partial<ScaffoldArchive> = {}): ScaffoldArchive {
  return { groups: GROUPS, organizations: {}, meetings, openTasks: [], files: meetings.map((m) => m.file), ...extra };
}

function written(result: ReturnType<typeof scaffoldMinute>): ScaffoldWritten {
  if (!result.ok) throw new Error(`refused: ${result.message}`);
  return result;
}

function frontmatterOf(text: string): Record<string, unknown> {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (!match) throw new Error('no frontmatter');
  return parseYaml(match[1]!) as Record<string, unknown>;
}

const upd = (organization: string, name = organization) => ({ organization, written: name });

describe('scaffoldMinute', () => {
  const history = [
    meeting({
      date: '2024-01-15',
      group: 'cizinci',
      updates: [upd('asz', 'ASZ'), upd('romodrom', 'Romodrom')],
      attendees: ['Stará Sestava'],
    }),
    meeting({
      date: '2024-03-11',
      group: 'cizinci',
      updates: [upd('nadeje', 'Naděje'), upd('cic', 'CIC')],
    }),
    meeting({
      date: '2024-05-13',
      group: 'cizinci',
      time: '14:00',
      venue: 'ČvT',
      recorder: 'Lukáš Průcha',
      attendees: ['Lukáš Průcha', { name: 'Jana Nováková', organization: 'nadeje', role: 'vedoucí' }],
      topics: ['Náhradní doklady', 'Informace členů'],
      updates: [upd('navrat', 'Návrat'), upd('nadeje', 'Naděje'), upd('most-k-nadeji', 'Most k Naději')],
      announced: [{ group: 'cizinci', date: '2024-09-09', time: '13:30' }],
    }),
    meeting({ date: '2024-06-01', group: 'rps', updates: [upd('sml', 'SML')], attendees: ['Jiná Skupina'] }),
  ];
  const archive = archiveOf(history);

  it('places the minute in minutes/<year>/<date>-<group>.md', () => {
    const result = written(scaffoldMinute(archive, { group: 'cizinci', date: '2024-09-09' }));
    expect(result.file).toBe('minutes/2024/2024-09-09-cizinci.md');
  });

  it("prefills attendees, venue and recorder from the group's last meeting, status draft", () => {
    const result = written(scaffoldMinute(archive, { group: 'cizinci', date: '2024-09-09' }));
    const fm = frontmatterOf(result.text);
    expect(fm).toMatchObject({
      date: '2024-09-09',
      group: 'cizinci',
      venue: 'ČvT',
      recorder: 'Lukáš Průcha',
      status: 'draft',
      attendees: ['Lukáš Průcha', { name: 'Jana Nováková', organization: 'nadeje', role: 'vedoucí' }],
    });
    expect(result.basedOn).toBe('2024-05-13-cizinci');
    // Not the other group's people.
    expect(result.text).not.toContain('Jiná Skupina');
  });

  it('takes the time announced for that day, and says where from', () => {
    const result = written(scaffoldMinute(archive, { group: 'cizinci', date: '2024-09-09' }));
    expect(frontmatterOf(result.text).time).toBe('13:30');
    expect(result.text).toContain('time: "13:30"');
    expect(result.notes.join('\n')).toContain('2024-05-13-cizinci');
    // An announced time for another day is not taken.
    const other = written(scaffoldMinute(archive, { group: 'cizinci', date: '2024-09-16' }));
    expect(frontmatterOf(other.text).time).toBeUndefined();
  });

  it('takes what was said over the defaults; null means none', () => {
    const result = written(scaffoldMinute(archive, { group: 'cizinci', date: '2024-09-09', time: '09:00', venue: 'online' }));
    expect(frontmatterOf(result.text)).toMatchObject({ time: '09:00', venue: 'online' });
    const none = written(scaffoldMinute(archive, { group: 'cizinci', date: '2024-09-09', time: null, venue: null }));
    expect(frontmatterOf(none.text)).not.toHaveProperty('time');
    expect(frontmatterOf(none.text)).not.toHaveProperty('venue');
  });

  it('gives a slot to each organization of the last 3 meetings, in the order of the last one', () => {
    const result = written(scaffoldMinute(archive, { group: 'cizinci', date: '2024-09-09' }));
    // Last meeting: navrat, nadeje, most-k-nadeji; before it: cic (nadeje already listed); ASZ and
    // Romodrom reported three meetings ago, which is still "recent".
    expect(result.organizations).toEqual(['navrat', 'nadeje', 'most-k-nadeji', 'cic', 'asz', 'romodrom']);
    expect(result.text).toContain('- **Návrat.** …\n- **Naděje.** …\n- **Most k Naději.** …\n- **CIC.** …');
    const fourth = archiveOf([...history, meeting({ date: '2024-07-01', group: 'cizinci', updates: [upd('czp', 'CZP')] })]);
    // One meeting later, the meeting of January is no longer among the last three.
    expect(written(scaffoldMinute(fourth, { group: 'cizinci', date: '2024-09-09' })).organizations).toEqual([
      'czp', 'navrat', 'nadeje', 'most-k-nadeji', 'cic',
    ]);
  });

  it('names each slot by a register name: as last written, unless declined, else the short name', () => {
    const organizations = {
      navrat: { name: 'Návrat, o.p.s.', short: 'Návrat', aliases: [] },
      'rozkos-bez-rizika': { name: 'Rozkoš bez rizika, z.s.', short: 'R-R', aliases: ['Rozkoš bez rizika'] },
      czp: { name: 'CZP', aliases: [] },
    };
    const declined = archiveOf(
      [
        meeting({ date: '2024-01-15', group: 'rps', updates: [upd('czp', 'Czp')] }),
        meeting({ date: '2024-03-11', group: 'rps', updates: [upd('navrat', 'Návratu'), upd('rozkos-bez-rizika', 'Rozkoš bez rizika')] }),
      ],
      { organizations },
    );
    const result = written(scaffoldMinute(declined, { group: 'rps', date: '2024-05-13' }));
    expect(result.text).toContain('- **Návrat.** …\n- **Rozkoš bez rizika.** …\n- **Czp.** …');
  });

  it("names the organizations' round as the last meeting did, under a heading of the programme", () => {
    const result = written(scaffoldMinute(archive, { group: 'cizinci', date: '2024-09-09' }));
    expect(frontmatterOf(result.text).topics).toEqual(['Informace členů']);
    expect(result.text).toContain('\n## Informace členů\n');
    const fresh = written(scaffoldMinute(archive, { group: 'rps', date: '2024-09-09' }));
    expect(frontmatterOf(fresh.text).topics).toEqual(['Informace od jednotlivých organizací']);
  });

  it('bases a minute older than every meeting of the group on its earliest one', () => {
    const result = written(scaffoldMinute(archive, { group: 'cizinci', date: '2023-06-01' }));
    expect(result.basedOn).toBe('2024-01-15-cizinci');
    expect(frontmatterOf(result.text).attendees).toEqual(['Stará Sestava']);
  });

  it('starts a group without minutes with empty slots and no attendees', () => {
    const empty = archiveOf([]);
    const result = written(scaffoldMinute(empty, { group: 'rps', date: '2025-01-13' }));
    expect(result.basedOn).toBeUndefined();
    expect(result.organizations).toEqual([]);
    expect(frontmatterOf(result.text)).toEqual({
      date: '2025-01-13',
      group: 'rps',
      topics: ['Informace od jednotlivých organizací'],
      status: 'draft',
    });
  });

  it('has a tasks section with an example, and lists the open tasks of the group to tick off', () => {
    const tasks = archiveOf(history, {
      openTasks: [
        { group: 'cizinci', text: 'Poslat pozvánku radním', owner: 'Jana Nováková', due: '2024-10-01', explicitId: 'pozvanka', meeting: 'x' },
        { group: 'cizinci', text: 'Zjistit kapacitu', meeting: 'x' },
        { group: 'rps', text: 'Úkol jiné skupiny', meeting: 'y' },
      ],
    });
    const result = written(scaffoldMinute(tasks, { group: 'cizinci', date: '2024-09-09' }));
    expect(result.tasks).toBe(2);
    expect(result.text).toContain('\n## Úkoly\n');
    expect(result.text).toContain('- [ ] Poslat pozvánku radním — @Jana Nováková, do 2024-10-01 #pozvanka\n- [ ] Zjistit kapacitu\n');
    expect(result.text).not.toContain('Úkol jiné skupiny');
    expect(result.text).toMatch(/<!-- Nový úkol: - \[ \] .* — @Jméno Příjmení, do RRRR-MM-DD -->/);
  });

  describe('one meeting, one file', () => {
    const sameDay = archiveOf(history);

    it('refuses to write over a minute of the same group and day', () => {
      const result = scaffoldMinute(sameDay, { group: 'cizinci', date: '2024-05-13' });
      expect(result).toMatchObject({ ok: false, reason: 'exists' });
      expect(!result.ok && result.message).toContain('minutes/2024/2024-05-13-cizinci.md');
      expect(!result.ok && result.message).toContain('--time');
    });

    it('refuses a second meeting at the same time', () => {
      expect(scaffoldMinute(sameDay, { group: 'cizinci', date: '2024-05-13', time: '14:00' })).toMatchObject({
        ok: false,
        reason: 'same-time',
      });
    });

    it('gives a second meeting of the day, at another time, the -2 suffix (and then -3)', () => {
      const second = written(scaffoldMinute(sameDay, { group: 'cizinci', date: '2024-05-13', time: '16:00' }));
      expect(second.file).toBe('minutes/2024/2024-05-13-cizinci-2.md');
      const withSecond = archiveOf([...history, meeting({ id: '2024-05-13-cizinci-2', date: '2024-05-13', group: 'cizinci', time: '16:00' })]);
      expect(written(scaffoldMinute(withSecond, { group: 'cizinci', date: '2024-05-13', time: '18:00' })).file).toBe(
        'minutes/2024/2024-05-13-cizinci-3.md',
      );
    });

    it('counts a file that did not validate as taken, too', () => {
      const broken = archiveOf([], { files: ['minutes/2024/2024-05-13-cizinci.md'] });
      expect(scaffoldMinute(broken, { group: 'cizinci', date: '2024-05-13' })).toMatchObject({ ok: false, reason: 'exists' });
    });

    it('does not mistake another group whose id starts the same for the same group', () => {
      const groups = [...GROUPS, { id: 'cizinci-a-mladez', name: 'x', short: 'x' }];
      const other = { ...archiveOf([]), groups, files: ['minutes/2024/2024-05-13-cizinci-a-mladez.md'] };
      expect(written(scaffoldMinute(other, { group: 'cizinci', date: '2024-05-13' })).file).toBe('minutes/2024/2024-05-13-cizinci.md');
    });
  });

  it.each([
    [{ group: 'neexistuje', date: '2024-09-09' }, 'unknown-group', 'cizinci, rps'],
    [{ group: 'cizinci', date: '2024-02-30' }, 'invalid-date', 'RRRR-MM-DD'],
    [{ group: 'cizinci', date: '9. 9. 2024' }, 'invalid-date', 'RRRR-MM-DD'],
    [{ group: 'cizinci', date: '2024-09-09', time: '9:00' }, 'invalid-time', 'HH:MM'],
  ])('refuses %o (%s)', (options, reason, message) => {
    const result = scaffoldMinute(archive, options);
    expect(result).toMatchObject({ ok: false, reason });
    expect(!result.ok && result.message).toContain(message);
  });

  it('is deterministic', () => {
    const options = { group: 'cizinci', date: '2024-09-09' };
    expect(scaffoldMinute(archive, options)).toEqual(scaffoldMinute(archive, options));
  });

  it('defaults: the previous meeting, the announced time, the venue, the same-day files', () => {
    expect(scaffoldDefaults(archive, 'cizinci', '2024-09-09')).toMatchObject({
      previous: { id: '2024-05-13-cizinci' },
      time: '13:30',
      timeFrom: '2024-05-13-cizinci',
      venue: 'ČvT',
      sameDay: [],
    });
  });
});

/**
 * The scaffold through the real pipeline: a temporary archive with the real registers and a few
 * minutes of one group, among them tasks written in every way the guide allows.
 */
describe('a scaffold passes minutes validate as it is', () => {
  let root: string;
  let archive: AnalyzedArchive;

  const minute = (file: string, text: string) => {
    const target = path.join(root, file);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, text);
  };

  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'minutes-scaffold-'));
    cpSync(path.join(ROOT, 'minutes.config.yaml'), path.join(root, 'minutes.config.yaml'));
    cpSync(path.join(ROOT, 'organizations'), path.join(root, 'organizations'), { recursive: true });
    minute(
      'minutes/2024/2024-01-15-rps.md',
      [
        '---',
        'date: 2024-01-15',
        'group: rps',
        'attendees:',
        '  - name: Jana Nováková',
        '    organization: nadeje',
        '  - Petr Svoboda',
        'topics:',
        '  - Informace organizací',
        '---',
        '',
        '## Informace organizací',
        '',
        '- **Romodrom.** Mají nové terénní pracovníky.',
        '- **Rozkoš bez rizika.** Větší poptávka.',
        '',
        '## Úkoly',
        '',
        '- [ ] Poslat pozvánku radním — @Jana Nováková, do 2024-02-01 #pozvanka-radnim',
        '- [ ] Zjistit kapacitu azylových domů — @Petr Svoboda, do 15. 3. 2024',
        '- [ ] Připravit podklady k dotacím',
        '- [ ] Úkol, který se splní',
        '',
      ].join('\n'),
    );
    minute(
      'minutes/2024/2024-03-11-rps.md',
      [
        '---',
        'date: 2024-03-11',
        'time: "13:30"',
        'group: rps',
        'venue: "KÚLK: zasedačka"',
        'attendees:',
        '  - name: Jana Nováková',
        '    organization: nadeje',
        '    role: vedoucí denního centra',
        '  - Eva Dvořáková',
        'topics:',
        '  - Informace organizací',
        'recorder: Eva Dvořáková',
        'next_meetings:',
        '  - "2024-05-13 09:00"',
        '---',
        '',
        '## Informace organizací',
        '',
        '- **Naděje.** Beze změn.',
        '- **Most k naději.** Otevřeli k-centrum.',
        '- **Návratu** se daří.',
        '',
        '## Úkoly',
        '',
        '- [x] Úkol, který se splní',
        '',
      ].join('\n'),
    );
    archive = await analyzeArchive(root);
    expect(archive.diagnostics).toEqual([]);
  });

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('validates with no error and no warning, finds every slot as an update, keeps the open tasks open', async () => {
    const files = archive.minutes.map((m) => m.parsed.source.path);
    const result = written(scaffoldMinute(scaffoldArchiveOf(archive, files), { group: 'rps', date: '2024-05-13' }));
    expect(result.file).toBe('minutes/2024/2024-05-13-rps.md');
    minute(result.file, result.text);

    const after = await analyzeArchive(root);
    expect(after.diagnostics).toEqual([]);
    const created = after.analyzed.find((a) => a.minute.id === '2024-05-13-rps')!;
    expect(created.minute.frontmatter).toMatchObject({
      time: '09:00',
      venue: 'KÚLK: zasedačka',
      recorder: 'Eva Dvořáková',
      status: 'draft',
      attendees: [{ name: 'Jana Nováková', organization: 'nadeje', role: 'vedoucí denního centra' }, 'Eva Dvořáková'],
    });
    // The slots, as the archive reads them: the organizations of the last meeting first.
    expect(created.extracted.updates.map((u) => u.organization)).toEqual(result.organizations);
    expect(result.organizations).toEqual(['nadeje', 'most-k-nadeji', 'navrat', 'romodrom', 'rozkos-bez-rizika']);
    // „Návratu“ was written declined; the slot has the nominative.
    expect(result.text).toContain('- **Naděje.** …\n- **Most k naději.** …\n- **Návrat.** …\n- **Romodrom.** …\n- **Rozkoš bez rizika.** …\n');
    // The open tasks are listed again, each still the same task (not a new one) and still open.
    expect(created.extracted.tasks.map((t) => t.text)).toEqual([
      'Poslat pozvánku radním',
      'Zjistit kapacitu azylových domů',
      'Připravit podklady k dotacím',
    ]);
    const chronological = [...after.analyzed].sort((a, b) => a.minute.frontmatter.date.localeCompare(b.minute.frontmatter.date));
    const tasks = buildTasks(chronological);
    expect(tasks).toHaveLength(4);
    expect(tasks.filter((t) => !t.done).map((t) => [t.text, t.owner, t.due, t.history.length])).toEqual([
      ['Poslat pozvánku radním', 'Jana Nováková', '2024-02-01', 2],
      ['Zjistit kapacitu azylových domů', 'Petr Svoboda', '2024-03-15', 2],
      ['Připravit podklady k dotacím', undefined, undefined, 2],
    ]);
  });

  it('validates for the bundled archive too, for every group', async () => {
    const real = await analyzeArchive(ROOT);
    const scaffoldArchive = scaffoldArchiveOf(real, real.minutes.map((m) => m.parsed.source.path));
    const tmp = mkdtempSync(path.join(tmpdir(), 'minutes-scaffold-real-'));
    try {
      cpSync(path.join(ROOT, 'minutes.config.yaml'), path.join(tmp, 'minutes.config.yaml'));
      cpSync(path.join(ROOT, 'organizations'), path.join(tmp, 'organizations'), { recursive: true });
      cpSync(path.join(ROOT, 'minutes'), path.join(tmp, 'minutes'), { recursive: true });
      const created: string[] = [];
      for (const group of scaffoldArchive.groups) {
        const result = written(scaffoldMinute(scaffoldArchive, { group: group.id, date: '2030-01-14' }));
        const target = path.join(tmp, result.file);
        mkdirSync(path.dirname(target), { recursive: true });
        writeFileSync(target, result.text);
        created.push(target);
      }
      const checked = await analyzeArchive(tmp, created);
      expect(checked.diagnostics).toEqual([]);
      expect(checked.analyzed).toHaveLength(scaffoldArchive.groups.length);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});
