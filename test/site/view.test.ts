import { describe, expect, it } from 'vitest';
import { attendanceChart, meetingsPerYearChart, niceTicks, updatesGridChart } from '../../src/render/charts.ts';
import { openDataJson } from '../../src/render/open-data.ts';
import { pagedView } from '../../src/render/paged-view.ts';
import { basePathOf, editUrl, normalizeBasePath, siteUrl, withBase } from '../../src/render/urls.ts';
import { buildView } from '../../src/render/view/build-view.ts';
import { dedupeUpcoming } from '../../src/render/view/upcoming.ts';
import { excerpt } from '../../src/render/view/updates.ts';
import { sampleModel } from '../fixtures/site/sample-model.ts';

const view = buildView(sampleModel(), { basePath: '/' });

describe('view of the archive', () => {
  it('lists minutes newest first, grouped by year, with Czech labels', () => {
    expect(view.meetings.map((m) => m.id)).toEqual(['2021-10-25-cizinci', '2020-02-17-cizinci', '2018-02-12-cizinci']);
    expect(view.meetingsByYear.map((y) => [y.year, y.items.length])).toEqual([['2021', 1], ['2020', 1], ['2018', 1]]);
    const meeting = view.meetings[0]!;
    expect(meeting.dateLabel).toBe('25.\u00a0října 2021');
    expect(meeting.weekday).toBe('pondělí');
    expect(meeting.timeLabel).toBe('9:00');
    expect(meeting.url).toBe('/zapisy/2021-10-25-cizinci/');
    expect(meeting.editUrl).toBe('https://github.com/kpss-liberec/zapisy/edit/main/minutes/2021/2021-10-25-cizinci.md');
    expect(meeting.previous?.id).toBe('2020-02-17-cizinci');
    expect(meeting.next).toBeUndefined();
    expect(view.meetings[1]!.next?.id).toBe('2021-10-25-cizinci');
  });

  it('does not depend on the order of the model (the open data mirrors the model as it is)', () => {
    const model = sampleModel();
    model.meetings.reverse();
    model.organizations.reverse();
    model.upcoming.reverse();
    model.tasks.reverse();
    const withoutOpenData = (v: typeof view) => JSON.stringify({ ...v, files: { ...v.files, archiveJson: '' } });
    expect(withoutOpenData(buildView(model, { basePath: '/' }))).toBe(withoutOpenData(view));
  });

  it('gives a page other data when a group or organization it links is renamed (what its hash covers, render/incremental.ts)', () => {
    // Only the links carry these: the page's search data and title use the group's and the organization's other names.
    const pageData = (model: ReturnType<typeof sampleModel>) => JSON.stringify(pagedView(buildView(model, { basePath: '/' })).meetings[0]);
    const renamedOrganization = sampleModel();
    renamedOrganization.organizations.find((o) => o.id === 'most-k-nadeji')!.short = 'Přejmenovaná';
    const renamedGroup = sampleModel();
    renamedGroup.groups.find((g) => g.id === 'cizinci')!.name = 'Přejmenovaná pracovní skupina';
    expect(pageData(renamedOrganization)).not.toBe(pageData(sampleModel()));
    expect(pageData(renamedGroup)).not.toBe(pageData(sampleModel()));
    expect(pageData(sampleModel())).toBe(pageData(sampleModel()));
  });

  it('sets off the updates of a meeting with the organization and an excerpt, in the order of the text', () => {
    const updates = view.meetings[0]!.updates;
    expect(updates.map((u) => u.organization.id)).toEqual([
      'most-k-nadeji', 'navrat', 'nadeje', 'czp', 'rozkos-bez-rizika', 'cic', 'clovek-v-tisni', 'romodrom',
    ]);
    expect(updates[0]!.excerpt).toBe('Novinkou je otevření k-centra v Jablonci nad Nisou.');
    expect(updates[0]!.organization.url).toBe('/organizace/most-k-nadeji/');
  });

  it('links attendees to their organization when the minute names it', () => {
    const [first, second] = view.meetings[0]!.attendees;
    expect(first).toMatchObject({ name: 'Průcha', organization: { id: 'clovek-v-tisni', label: 'ČvT' } });
    expect(second).toEqual({ name: 'Brůžek', role: undefined, organization: undefined, organizationText: undefined });
  });

  it('gives Pagefind the group, year and organizations of a meeting', () => {
    expect(view.meetings[0]!.search).toMatchObject({ group: 'PS cizinci a sociální vyloučení', year: '2021', sort: '2021-10-25' });
    expect(view.meetings[0]!.search.organizations).toContain('Člověk v tísni, o.p.s.');
    expect(view.meetings[0]!.search.organizations).toContain('Městská policie Liberec');
  });

  it('shows each announced meeting once; the home page only those still to come', () => {
    expect(view.upcomingAll).toHaveLength(7);
    expect(view.home.upcoming.map((u) => [u.date, u.timeLabel])).toEqual([['2022-01-10', '14:00'], ['2022-03-14', '14:00']]);
    expect(view.groups.find((g) => g.id === 'cizinci')!.upcoming).toHaveLength(2);
  });

  it('shows a task and an announced meeting on every page as one object, which a page hash takes as its digest', () => {
    const meeting = view.meetings.find((m) => m.tasks.length && m.announced.length)!;
    const data = JSON.parse(JSON.stringify(meeting)) as { tasks: unknown[]; announced: unknown[] };
    for (const shown of [...data.tasks, ...data.announced]) expect(shown).toMatch(/^#/);
    for (const task of meeting.tasks) expect([...view.tasks.open, ...view.tasks.done]).toContain(task);
    for (const announced of meeting.announced) expect(view.upcomingAll).toContain(announced);
    const pending = view.home.upcoming[0]!;
    expect(view.groups.find((g) => g.id === pending.group.id)!.upcoming).toContain(pending);
    // An announced meeting moved to another hour is another digest.
    const moved = sampleModel();
    const first = moved.upcoming.find((u) => u.time)!;
    first.time = '07:30';
    const key = `${first.date}-${first.group}`;
    const digestOf = (shown: ReturnType<typeof buildView>) => JSON.stringify(shown.upcomingAll.find((u) => u.key === key));
    expect(digestOf(buildView(moved, { basePath: '/' }))).not.toBe(digestOf(view));
  });

  it('sorts organizations in Czech order and builds their timelines', () => {
    const names = view.organizationRows.map((o) => o.name);
    expect(names.slice(0, 9)).toEqual([
      'Agentura pro sociální začleňování',
      'Asistenti prevence kriminality',
      'Bílý kruh bezpečí, z.s.',
      'CBL',
      'Centrum na podporu integrace cizinců',
      'Centrum pro integraci cizinců, o.p.s.',
      'CZP',
      'Člověk v tísni, o.p.s.',
      'D.R.A.K. z.s.',
    ]);
    const most = view.organizations.find((o) => o.id === 'most-k-nadeji')!;
    expect(most.updatesByYear.map((y) => [y.year, y.items.length])).toEqual([['2021', 1], ['2018', 1]]);
    expect(most.editUrl).toBe('https://github.com/kpss-liberec/zapisy/edit/main/organizations/most-k-nadeji.yaml');
    const cvt = view.organizations.find((o) => o.id === 'clovek-v-tisni')!;
    expect(cvt.attended.map((a) => [a.meeting.id, a.people])).toEqual([
      ['2021-10-25-cizinci', ['Průcha']],
      ['2020-02-17-cizinci', ['Lukáš Průcha']],
      ['2018-02-12-cizinci', ['Lukáš Průcha']],
    ]);
    expect(view.organizations.find((o) => o.id === 'kulk')!.mentions.map((m) => m.written)).toEqual(['KÚLK', 'KÚ']);
  });

  it('separates open and done tasks and groups decisions by year', () => {
    expect(view.tasks.open.map((t) => t.id)).toEqual(['cizinci-komunitni-plan', 'cizinci-tema-vezenstvi']);
    expect(view.tasks.done.map((t) => [t.id, t.doneIn?.id])).toEqual([['cizinci-objednavka-webu-ku', '2020-02-17-cizinci']]);
    expect(view.decisionsByYear.map((y) => y.year)).toEqual(['2020', '2018']);
    const meeting2020 = view.meetings.find((m) => m.id === '2020-02-17-cizinci')!;
    // A meeting page lists the tasks given or checked off there, each as the task lists show it.
    expect(meeting2020.tasks.map((t) => t.id)).toEqual(['cizinci-objednavka-webu-ku', 'cizinci-tema-vezenstvi']);
    expect(meeting2020.tasks[0]).toBe(view.tasks.done[0]);
    expect(meeting2020.tasks[1]).toBe(view.tasks.open[1]);
  });

  it('makes the organization × year grid and the per-year counts', () => {
    expect(view.updatesGrid.columns).toEqual(['2018', '2020', '2021']);
    const row = view.updatesGrid.rows.find((r) => r.org.id === 'nadeje')!;
    expect(row.cells).toEqual([1, 0, 1]);
    expect(view.yearsChart.rows.map((r) => [r.year, r.total])).toEqual([['2021', 1], ['2020', 1], ['2018', 1]]);
  });

  it('publishes the model as open data without html', () => {
    const json = openDataJson(sampleModel());
    expect(json).not.toContain('"html"');
    const data = JSON.parse(json);
    expect(data.version).toBe(1);
    expect(data.meetings[0]).toMatchObject({ id: '2021-10-25-cizinci', body: { markdown: expect.any(String), text: expect.any(String) } });
  });
});

describe('charts', () => {
  const charts = [
    attendanceChart('a', [{ date: '2018-02-12', label: '12. 2. 2018', count: 11 }, { date: '2020-02-17', label: '17. 2. 2020', count: 9 }], 'PS cizinci'),
    meetingsPerYearChart('b', [{ year: '2021', segments: [{ key: 'x', label: 'PS X', count: 3 }, { key: 'y', label: 'PS Y', count: 1 }] }], [{ key: 'x', label: 'PS X' }, { key: 'y', label: 'PS Y' }]),
    updatesGridChart('c', [{ label: 'Naděje', cells: [1, 0, 4] }], ['2019', '2020', '2021']),
  ];

  it('are static, accessible SVG: role img, title and desc referenced by aria-labelledby', () => {
    for (const [index, chart] of charts.entries()) {
      const id = 'abc'[index]!;
      expect(chart.svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" class="chart" viewBox="0 0 \d+ \d+"/);
      expect(chart.svg).toContain(`role="img" aria-labelledby="${id}-title ${id}-desc"`);
      expect(chart.svg).toContain(`<title id="${id}-title">`);
      expect(chart.svg).toContain(`<desc id="${id}-desc">${chart.summary}</desc>`);
      expect(chart.svg).not.toMatch(/<script|style=|on\w+=/i);
    }
  });

  it('summarize their data in Czech', () => {
    expect(charts[0]!.summary).toBe('2\u00a0jednání od 12. 2. 2018 do 17. 2. 2020; přítomno 9 až 11 lidí, v průměru 10.');
    expect(charts[1]!.summary).toBe('Celkem 4\u00a0jednání v letech 2021–2021; nejvíce 4\u00a0jednání za rok.');
    expect(charts[2]!.summary).toBe('1\u00a0organizace podala celkem 5\u00a0informací v letech 2019–2021.');
  });

  it('pick round axis steps', () => {
    expect(niceTicks(11)).toEqual([0, 5, 10, 15]);
    expect(niceTicks(3)).toEqual([0, 1, 2, 3]);
    expect(niceTicks(40)).toEqual([0, 20, 40]);
  });
});

describe('helpers', () => {
  it('normalize and apply the base path', () => {
    expect(normalizeBasePath(undefined)).toBe('/');
    expect(normalizeBasePath('zapisy')).toBe('/zapisy/');
    expect(normalizeBasePath('/zapisy//')).toBe('/zapisy/');
    expect(() => normalizeBasePath('https://x.cz/')).toThrow();
    expect(withBase('/zapisy/', '/skupiny/x/')).toBe('/zapisy/skupiny/x/');
    // The normalised base is remembered per base path, and a bad one is refused every time.
    expect(withBase('zapisy', 'a')).toBe('/zapisy/a');
    expect(withBase('zapisy', '/b/')).toBe('/zapisy/b/');
    expect(withBase('/jinde//', '/b/')).toBe('/jinde/b/');
    for (let i = 0; i < 2; i++) expect(() => withBase('https://x.cz/', 'a')).toThrow();
    expect(siteUrl('/zapisy/', '/')).toBe('/zapisy/');
    expect(siteUrl('/zapisy/', 'assets/style.css')).toBe('/zapisy/assets/style.css');
    expect(siteUrl('/zapisy/', 'https://example.org/')).toBe('https://example.org/');
    expect(siteUrl('/zapisy/', 'mailto:a@b.cz')).toBe('mailto:a@b.cz');
    expect(siteUrl('/zapisy/', '#obsah')).toBe('#obsah');
    expect(basePathOf('https://kpss-liberec.github.io/zapisy/')).toBe('/zapisy/');
    expect(basePathOf('https://example.org')).toBe('/');
    expect(editUrl('https://github.com/o/r/', 'main', 'minutes/2021/a b.md')).toBe('https://github.com/o/r/edit/main/minutes/2021/a%20b.md');
  });

  it('cut excerpts at the first sentence or a word boundary', () => {
    expect(excerpt('První věta. Druhá věta.')).toBe('První věta.');
    expect(excerpt('slovo '.repeat(40), 30)).toBe('slovo slovo slovo slovo slovo…');
    expect(excerpt('Tel. 737 278 806 bez tečky na konci')).toBe('Tel.');
  });

  it('dedupe announced meetings, preferring the frontmatter with a time', () => {
    const result = dedupeUpcoming([
      { group: 'g', date: '2022-01-10', announcedIn: 'm', from: 'text', pending: true },
      { group: 'g', date: '2022-01-10', time: '14:00', announcedIn: 'm', from: 'frontmatter', pending: true },
    ]);
    expect(result).toEqual([{ group: 'g', date: '2022-01-10', time: '14:00', announcedIn: 'm', from: 'frontmatter', pending: true }]);
  });
});

describe('markBareLinks', () => {
  it('marks links that show their own address, and nothing else', async () => {
    const { markBareLinks } = await import('../../src/render/meeting-text.ts');
    expect(markBareLinks('<p><a href="https://a.cz/">https://a.cz/</a> a <a href="https://b.cz/">web B</a></p>')).toBe(
      '<p><a href="https://a.cz/" class="bare-link">https://a.cz/</a> a <a href="https://b.cz/">web B</a></p>',
    );
    expect(markBareLinks('<a href="mailto:x@y.cz">x@y.cz</a>')).toBe('<a href="mailto:x@y.cz" class="bare-link">x@y.cz</a>');
  });
});
