import { describe, expect, it } from 'vitest';
import type { MinuteFields } from '../../src/import/recognise/types.ts';
import { renderBody } from '../../src/import/write/markdown-body.ts';
import { recogniseText } from './helpers.ts';

const TITLE = 'Pracovní setkání skupiny pro cizince, národností menšiny a osoby ohrožené sociálním vyloučením.';

async function fields(text: string, group?: string): Promise<MinuteFields> {
  const result = await recogniseText(text, group);
  if (!result.ok) throw new Error(result.error);
  return result.fields;
}

async function body(text: string): Promise<string> {
  const result = await recogniseText(`${TITLE}\n25. říjen 2021, 9:00 hod, – ČvT\nTémata setkání:\n1. Bod\n\n${text}`);
  if (!result.ok) throw new Error(result.error);
  return renderBody(result.body);
}

describe('the date line', () => {
  it.each([
    ['25. říjen 2021, 9:00 hod, – ČvT', { date: '2021-10-25', time: '09:00', venue: 'ČvT' }],
    ['12. únor 2018, 15:00 hod, Tatranská 597  – MML', { date: '2018-02-12', time: '15:00', venue: 'Tatranská 597 – MML' }],
    ['8. ledna 2024 v 13:30', { date: '2024-01-08', time: '13:30' }],
    ['14. 10. 2020', { date: '2020-10-14' }],
    ['Pondělí 14. 10. 2020, 9:00–11:30, KÚLK', { date: '2020-10-14', time: '09:00', end_time: '11:30', venue: 'KÚLK' }],
    ['Datum/čas.: 8. ledna 2024, 13:30', { date: '2024-01-08', time: '13:30' }],
    ['Datum: 2. 7. 2019 od 9 do 11 hodin v zasedačce MML', { date: '2019-07-02', time: '09:00', end_time: '11:00', venue: 'zasedačce MML' }],
    ['Termín: 2019-07-02', { date: '2019-07-02' }],
    ['25. 10. 2021 (9:00 – 11:00), ČvT', { date: '2021-10-25', time: '09:00', end_time: '11:00', venue: 'ČvT' }],
  ])('%s', async (line, expected) => {
    const found = await fields(`${TITLE}\n${line}\nTémata setkání:\n1. Bod`);
    expect({ date: found.date, time: found.time, end_time: found.end_time, venue: found.venue }).toEqual({
      time: undefined,
      end_time: undefined,
      venue: undefined,
      ...expected,
    });
  });

  it('"Místo jednání:" gives the venue', async () => {
    const found = await fields(`${TITLE}\nDatum/čas.: 8. ledna 2024, 13:30\nMísto jednání: KÚLK, U Jezu 642/2a\nProgram jednání:\na) Zahájení`);
    expect(found.venue).toBe('KÚLK, U Jezu 642/2a');
  });

  it('in the title line ("… ze dne 8. 1. 2024")', async () => {
    const found = await fields('Zápis z jednání ŘPS ze dne 8. 1. 2024\nProgram:\n1. Zahájení');
    expect(found).toMatchObject({ title: 'Zápis z jednání ŘPS ze dne 8. 1. 2024', date: '2024-01-08', group: 'rps' });
  });

  it.each([
    ['missing', 'Přítomni: Novák'],
    ['not a real day', '31. 2. 2020, 9:00 hod'],
    ['without a year', '25. října, 9:00 hod'],
  ])('%s: an error for the file', async (_, line) => {
    const result = await recogniseText(`${TITLE}\n${line}\nTémata setkání:\n1. Bod`);
    expect(result).toMatchObject({ ok: false, error: expect.stringContaining('Nenalezeno datum jednání') });
  });
});

describe('the agenda', () => {
  const agenda = async (lines: string) => (await fields(`${TITLE}\n14. 10. 2020\n${lines}`)).topics;

  it.each([
    ['numbered, indented, blank line after the label', 'Témata setkání:\n\n1. Asistenti\n 2. Doklady\n 3. Informace\n-\n\nPřítomni: Novák'],
    ['lettered', 'Program jednání:\na) Asistenti\nb) Doklady\nc) Informace'],
    ['bulleted', 'Program:\n- Asistenti;\n- Doklady;\n- Informace.'],
    ['on the label’s line', 'Program jednání: a) Asistenti, b) Doklady, c) Informace'],
    ['without markers', 'Témata:\nAsistenti\nDoklady\nInformace\n\nText zápisu.'],
  ])('%s', async (_, lines) => {
    expect(await agenda(lines)).toEqual(['Asistenti', 'Doklady', 'Informace']);
  });

  it('ends where the numbering starts again: the body’s "1."', async () => {
    const result = await recogniseText(`${TITLE}\n14. 10. 2020\nProgram:\n1. Úvod\n2. Různé\n1. Úvod proběhl.`);
    expect(result.ok && result.fields.topics).toEqual(['Úvod', 'Různé']);
    expect(result.ok && renderBody(result.body)).toBe('1. Úvod proběhl.');
  });

  it('missing: the review says topics must be filled in', async () => {
    const result = await recogniseText(`${TITLE}\n14. 10. 2020\nText.`);
    expect(result.ok && result.fields.topics).toBeUndefined();
    expect(result.review[0]).toMatch(/Nenalezen program jednání/);
  });
});

describe('people', () => {
  const people = async (lines: string) => fields(`${TITLE}\n14. 10. 2020\nTémata:\n1. Bod\n${lines}`);

  it.each([
    ['on the same line', 'Přítomni: Průcha, Brůžek, Mgr. Jana Nováková\n\nText.'],
    ['on the next line', 'Přítomni: \nPrůcha, Brůžek, Mgr. Jana Nováková\n1. Byl představen web. Jedná se o web.'],
    ['after a blank line', 'Přítomni:\n\nPrůcha, Brůžek, Mgr. Jana Nováková\n\n- Na jednání jsme pozvali metodičku.'],
    ['one a line', 'Přítomní:\nPrůcha\nBrůžek\nMgr. Jana Nováková\n\nText.'],
    ['as points, under a qualified label', 'Přítomni (členové PS):\n- Průcha\n- Brůžek\n- Mgr. Jana Nováková\n\nText.'],
  ])('%s', async (_, lines) => {
    expect((await people(lines)).attendees).toEqual(['Průcha', 'Brůžek', 'Mgr. Jana Nováková']);
  });

  it('a person with an organization of the register is linked to it; other brackets stay in the name', async () => {
    const found = await people('Přítomni: Jana Nováková (Naděje), Petr Svoboda – Člověk v tísni, Eva Malá (host)\nOmluveni: Karel Novák\nHosté: Bušková (APK)');
    expect(found.attendees).toEqual([
      { name: 'Jana Nováková', organization: 'nadeje' },
      { name: 'Petr Svoboda', organization: 'clovek-v-tisni' },
      'Eva Malá (host)',
    ]);
    expect(found.excused).toEqual(['Karel Novák']);
    expect(found.guests).toEqual([{ name: 'Bušková', organization: 'apk' }]);
  });

  it('what does not read as names, and a name written twice, go to the review', async () => {
    const result = await recogniseText(`${TITLE}\n14. 10. 2020\nTémata:\n1. Bod\nPřítomni: Novák, viz prezenční listina, Novák`);
    expect(result.ok && result.fields.attendees).toEqual(['Novák']);
    expect(result.review).toEqual(
      expect.arrayContaining([
        'Seznam přítomných: nerozpoznaná jména „viz prezenční listina“ (nezapsána).',
        'Seznam přítomných: „Novák“ je uveden dvakrát, zapsán jednou.',
      ]),
    );
  });
});

describe('signatures', () => {
  const signed = async (lines: string) => fields(`${TITLE}\n14. 10. 2020\nTémata:\n1. Bod\n\nText.\n\n${lines}`);

  it.each([
    ['Zpracoval: Lukáš Průcha ', { recorder: 'Lukáš Průcha' }],
    ['Zapsala: Jana Nováková, 10. 1. 2024\nOvěřil: Petr Svoboda', { recorder: 'Jana Nováková', verifier: 'Petr Svoboda' }],
    ['Zapsal/a: Jana Nováková, ověřila: Eva Malá', { recorder: 'Jana Nováková', verifier: 'Eva Malá' }],
    ['Zapsala Jana Nováková', { recorder: 'Jana Nováková' }],
    ['Ověřila:\nEva Malá', { verifier: 'Eva Malá' }],
  ])('%s', async (lines, expected) => {
    const found = await signed(lines);
    expect({ recorder: found.recorder, verifier: found.verifier }).toEqual({ recorder: undefined, verifier: undefined, ...expected });
  });

  it('are not part of the body', async () => {
    expect(await body('Text.\n\nZpracoval: Lukáš Průcha')).toBe('Text.');
  });
});

describe('the group', () => {
  it('from the title, with inflection', async () => {
    expect((await fields('Zápis z jednání Řídící pracovní skupiny\n8. 1. 2024\nProgram:\n1. Bod')).group).toBe('rps');
  });

  it('from a heading broken over two lines', async () => {
    const found = await fields('ZÁPIS Z JEDNÁNÍ\nPS pro děti a mládež\n8. 1. 2024\nProgram:\n1. Bod');
    expect(found).toMatchObject({ group: 'deti-a-mladez', title: 'ZÁPIS Z JEDNÁNÍ PS pro děti a mládež' });
  });

  it('from the name under the letterhead', async () => {
    const found = await fields('KOMUNITNÍ\nPLÁNOVÁNÍ\nSOCIÁLNÍCH\nSLUŽEB\nŘídicí pracovní skupina\n\nZápis z jednání\n8. 1. 2024\nProgram:\n1. Bod');
    expect(found).toMatchObject({ group: 'rps', title: 'Zápis z jednání' });
  });

  it('several groups named: an error, not a guess', async () => {
    const result = await recogniseText('Zápis ze společného jednání ŘPS a PS duševní zdraví\n8. 1. 2024\nProgram:\n1. Bod');
    expect(result).toMatchObject({ ok: false, error: expect.stringContaining('několik skupin (rps, dusevni-zdravi)') });
  });

  it('--group wins, and the review says when the document names another', async () => {
    const result = await recogniseText(`${TITLE}\n8. 1. 2024\nProgram:\n1. Bod`, 'rps');
    expect(result.ok && result.fields.group).toBe('rps');
    expect(result.review).toContain('Dokument uvádí skupinu cizinci, zapsána je skupina rps podle --group.');
  });
});

describe('announced meetings', () => {
  const announced = async (text: string, date = '25. říjen 2021') => recogniseText(`${TITLE}\n${date}, 9:00 hod\nTémata:\n1. Bod\n\n${text}`);

  it.each([
    ['- Příští jednání 10.1. a 14.3. vždy ve 14 hodin', ['2022-01-10 14:00', '2022-03-14 14:00']],
    ['Další termíny jednání: 18.3.; 10.6.; 9.9.; 11.11. vždy v 13:30', ['2022-03-18 13:30', '2022-06-10 13:30', '2022-09-09 13:30', '2022-11-11 13:30']],
    ['Setkání je naplánováno na 9. 12. 2021.', ['2021-12-09']],
    ['Příští jednání 6. 12. 2021 v 14 hodin.', ['2021-12-06 14:00']],
  ])('%s', async (text, expected) => {
    const result = await announced(text);
    expect(result.ok && result.fields.next_meetings).toEqual(expected);
    expect(result.review.filter((note) => note.startsWith('Ohlášen'))).toEqual([]);
  });

  it('another group’s meeting, or a date before this one, stays out, and the review says so', async () => {
    const result = await announced('Příští jednání ŘPS 5. 12. 2021.\nPříští jednání 6. 4. 2020 v 14 hodin.');
    expect(result.ok && result.fields.next_meetings).toBeUndefined();
    expect(result.review.filter((note) => note.startsWith('Ohlášen'))).toEqual([
      'Ohlášené jednání skupiny rps (2021-12-05) nepatří do next_meetings tohoto zápisu.',
      'Ohlášený termín 2020-04-06 14:00 není po tomto jednání; do next_meetings nezapsán.',
    ]);
  });
});

describe('the body', () => {
  it('organization updates open with the name in bold, punctuation included', async () => {
    expect(
      await body(
        [
          '- Most k Naději. Novinkou je k-centrum.',
          '- Centrum na integraci cizinců (CIC). Jedná se o NNO.',
          '- Romodrom má 4 nové pracovníky.',
          '- Informace z ŘPS. Financování.',
          '- V současnosti se nevydává náhradní doklad.',
          '- **Naděje DC + noclehárna Kateřinky** - po materiální stránce…',
        ].join('\n'),
      ),
    ).toBe(
      [
        '- **Most k Naději.** Novinkou je k-centrum.',
        '- **Centrum na integraci cizinců (CIC).** Jedná se o NNO.',
        '- **Romodrom** má 4 nové pracovníky.',
        '- Informace z ŘPS. Financování.',
        '- V současnosti se nevydává náhradní doklad.',
        '- **Naděje DC + noclehárna Kateřinky** - po materiální stránce…',
      ].join('\n'),
    );
  });

  it('an update written as a paragraph becomes a point; "Informace ASZ:" takes the list under it', async () => {
    expect(await body('Návrat se chystá na azylové bydlení.\nInformace ASZ:\n- ASZ je pod MMR.\n- Připravuje se TAP.\n- Romodrom má nové pracovníky.')).toBe(
      [
        '- **Návrat** se chystá na azylové bydlení.',
        '- **Informace ASZ:**',
        '  - ASZ je pod MMR.',
        '  - Připravuje se TAP.',
        '- **Romodrom** má nové pracovníky.',
      ].join('\n'),
    );
  });

  it('points nested in an update are its own, never updates of their own', async () => {
    expect(await body('- Informace ASZ:\n - ASZ je pod MMR.\n - Bydlení – KÚLK – data')).toBe(
      '- **Informace ASZ:**\n  - ASZ je pod MMR.\n  - Bydlení – KÚLK – data',
    );
  });

  it('paragraphs under a numbered point are its discussion; blank lines between points are kept', async () => {
    expect(await body('1. Byl představen web.\nDále byl představen další web.\n2. Termíny.\n\n3. Členové:\n\nNaděje vytvořila pokoj.\n\nRomodrom má pracovníky.')).toBe(
      [
        '1. Byl představen web.',
        '',
        '   Dále byl představen další web.',
        '',
        '2. Termíny.',
        '',
        '3. Členové:',
        '',
        '   - **Naděje** vytvořila pokoj.',
        '',
        '   - **Romodrom** má pracovníky.',
      ].join('\n'),
    );
  });

  it('a paragraph after dash points ends the list; links in <…> stay links', async () => {
    expect(await body('- Bod.\n\nOdkaz <https://www.liberec.cz/>.')).toBe('- Bod.\n\nOdkaz <https://www.liberec.cz/>.');
  });

  it('text that Markdown would read as structure is escaped', async () => {
    expect(await body('6. 4. 2020 proběhne školení.\n# není nadpis\n---')).toBe('6\\. 4. 2020 proběhne školení.\n\n\\# není nadpis\n\n\\---');
  });
});

describe('labels', () => {
  it('a sentence that opens like a signature is body text', async () => {
    const result = await recogniseText(`${TITLE}\n14. 10. 2020\nTémata:\n1. Bod\n\nZapsala jsem se do kurzu.\n\nZapsala: Jana Nováková`);
    expect(result.ok && result.fields.recorder).toBe('Jana Nováková');
    expect(result.ok && renderBody(result.body)).toBe('Zapsala jsem se do kurzu.');
  });
});
