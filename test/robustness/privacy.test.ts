/**
 * Privacy checks: phone numbers, e-mail addresses and birth numbers in what a minute publishes,
 * each at its own line and column, with the acknowledgements a secretary can give.
 */
import { describe, expect, it } from 'vitest';
import { decodeSource } from '../../src/read/read-source.ts';
import { parseMinute } from '../../src/parse/parse-minute.ts';
import type { Registers } from '../../src/registers/load-registers.ts';
import { checkPrivacy } from '../../src/validate/privacy/check-privacy.ts';
import { findPersonalData, isBirthNumber } from '../../src/validate/privacy/detect.ts';

const kinds = (text: string) => findPersonalData(text).map((f) => `${f.kind}:${f.text}`);

describe('findPersonalData', () => {
  it.each([
    ['Kontakt na paní Buškovou 737 278 806.', ['phone:737 278 806']],
    ['volejte +420 737 278 806', ['phone:+420 737 278 806']],
    ['volejte +420737278806 nebo 00420 485 123 456', ['phone:+420737278806', 'phone:00420 485 123 456']],
    ['tel. 737278806', ['phone:737278806']],
    ['tel. 737-278-806', ['phone:737-278-806']],
    ['tel.\u00a0737\u00a0278\u00a0806', ['phone:737\u00a0278\u00a0806']],
    ['čísla 737 278 806, 608 123 456', ['phone:737 278 806', 'phone:608 123 456']],
  ])('finds phones in %j', (text, expected) => expect(kinds(text)).toEqual(expected));

  it.each([
    'Rozpočet 2 500 000 Kč na rok 2022.',
    'Dotace 250 000 000 Kč.',
    'Částka 350 500 600 Kč',
    'IČO 72745401, IČ: 00262978',
    'Jednání 25. 10. 2021 v 14:00, příští 2022-01-10.',
    'č. j. KULK 12345/2021',
    'spisová značka 1234567890123',
    'účet 2000145399/0800 a 19-2000145399/0800',
    'V roce 2021 bylo 1 234 567 klientů',
    'čísla 1 737 278 806 nejsou telefon',
    '12 737 278 806',
    'Kapacita 120 lůžek, 15 000 obyvatel, 3 pracovníci.',
    'PSČ 460 01 Liberec',
    'verze 1.2.3, 10:30–12:00',
  ])('finds nothing in %j', (text) => expect(kinds(text)).toEqual([]));

  it.each([
    ['napište na lukas.prucha@clovekvtisni.cz.', ['email:lukas.prucha@clovekvtisni.cz']],
    ['<Jana.Novakova+kpss@seznam.cz>', ['email:Jana.Novakova+kpss@seznam.cz']],
    ['e-mail: info@most-k-nadeji.cz; web www.mostknadeji.cz', ['email:info@most-k-nadeji.cz']],
  ])('finds e-mail addresses in %j', (text, expected) => expect(kinds(text)).toEqual(expected));

  it.each(['@ČvT', 'Twitter @kpss', 'a@b', 'soubor obrázek@2x.png'])('finds no e-mail in %j', (text) =>
    expect(kinds(text)).toEqual([]),
  );

  it.each([
    ['r. č. 850101/1233', 'birth-number:850101/1233'],
    ['rč 8501011233', 'birth-number:8501011233'],
    ['žena 856215/4326', 'birth-number:856215/4326'],
    ['narozena 0451010010', 'birth-number:0451010010'],
    ['2004, +70: 047301/0021', 'birth-number:047301/0021'],
    ['před 1954: 531231/123', 'birth-number:531231/123'],
  ])('finds the birth number in %j', (text, expected) => expect(kinds(text)).toEqual([expected]));

  it.each([
    '850101/1234', // wrong check digit
    '851301/1233', // month 13
    '850230/0000', // 30 February
    '541231/123', // nine digits only before 1954
    '852101/1238', // +20 only since 2004
  ])('does not take %j for a birth number', (text) => expect(findPersonalData(text).filter((f) => f.kind === 'birth-number')).toEqual([]));

  it('checks the date of a birth number in the calendar', () => {
    expect(isBirthNumber('04', '52', '29', '0000')).toBe(false); // check digit
    expect(isBirthNumber('00', '02', '29', '123')).toBe(false); // 1900 was not a leap year
    expect(isBirthNumber('20', '02', '29', '123')).toBe(true);
  });
});

const registers = (privacy?: Record<string, string>, contacts: { email?: string; phone?: string }[] = []): Registers =>
  ({
    config: privacy ? { privacy } : undefined,
    groups: new Map(),
    organizations: new Map([['org', { id: 'org', name: 'Org', aliases: [], kind: 'NNO', contacts, file: 'organizations/org.yaml' }]]),
    diagnostics: [],
  }) as unknown as Registers;

function check(text: string, r = registers()) {
  const read = decodeSource('minutes/2021/2021-10-25-cizinci.md', Buffer.from(text));
  if (!read.ok) throw new Error('not read');
  return checkPrivacy(parseMinute(read.source), r).map((d) => `${d.rule} ${d.severity} ${d.line}:${d.column}-${d.endLine}:${d.endColumn}`);
}

const HEAD = '---\ndate: 2021-10-25\ngroup: cizinci\ntopics:\n  - Program\n---\n\n';

describe('checkPrivacy', () => {
  it('reports each occurrence at its own line and column, in body and frontmatter', () => {
    const text =
      '---\ndate: 2021-10-25\ngroup: cizinci\nvenue: "ČvT, tel. 737 278 806"\nattendees:\n  - name: Jana\n    role: jana@seznam.cz\ntopics:\n  - Program\n---\n\n' +
      'Kontakt na paní Buškovou 737 278 806.\n\n> citace\n> volejte 608 123 456\n\n- **ČvT.** napište na <info@example.cz>\n\n[Pište](mailto:tajne@example.cz)\n\nr. č. 850101/1233\n\n`605 111 222`\n';
    expect(check(text)).toEqual([
      'privacy-phone warning 4:19-4:30',
      'privacy-email warning 7:11-7:25',
      'privacy-phone warning 12:26-12:37',
      'privacy-phone warning 15:11-15:22',
      'privacy-email warning 17:24-17:39',
      'privacy-email warning 19:16-19:32',
      'privacy-birth-number warning 21:7-21:18',
      'privacy-phone warning 23:2-23:13',
    ]);
  });

  it('maps positions through escapes and entities', () => {
    expect(check(`${HEAD}napište na jana\\_novak@seznam.cz\n`)).toEqual(['privacy-email warning 8:12-8:33']);
  });

  it('masks the birth number in the message', () => {
    const read = decodeSource('m.md', Buffer.from(`${HEAD}r. č. 850101/1233\n`));
    if (!read.ok) throw new Error();
    const [d] = checkPrivacy(parseMinute(read.source), registers());
    expect(d!.message).toContain('850101/****');
    expect(`${d!.message} ${d!.hint}`).not.toContain('1233');
  });

  it('accepts the inline marker right after the occurrence, and only there', () => {
    expect(check(`${HEAD}Kontakt 737 278 806 <!-- souhlas -->. Jiný 608 123 456.\n`)).toEqual(['privacy-phone warning 8:44-8:55']);
    expect(check(`${HEAD}Kontakt 737 278 806 a 608 123 456 <!-- souhlas -->\n`)).toEqual(['privacy-phone warning 8:9-8:20']);
    expect(check(`${HEAD}Kontakt 737 278 806 <!--souhlas--> ok\n`)).toEqual([]);
  });

  it('accepts the frontmatter list, in any spelling of the number', () => {
    const head = '---\ndate: 2021-10-25\ngroup: cizinci\ntopics:\n  - Program\npublic_contacts:\n  - "+420 737278806"\n  - Lukas.Prucha@ClovekVTisni.cz\n---\n\n';
    expect(check(`${head}Tel. 737 278 806, lukas.prucha@clovekvtisni.cz, 608 123 456\n`)).toEqual(['privacy-phone warning 11:49-11:60']);
  });

  it('accepts a YAML comment marker in the frontmatter', () => {
    expect(check('---\ndate: 2021-10-25\nvenue: ČvT, tel. 737 278 806 # souhlas\n---\n')).toEqual([]);
  });

  it('allows the public contacts of organizations in the register everywhere', () => {
    const r = registers(undefined, [{ email: 'info@example.cz', phone: '+420 485 123 456' }]);
    expect(check(`${HEAD}info@example.cz, 485123456, 608 123 456\n`, r)).toEqual(['privacy-phone warning 8:29-8:40']);
  });

  it('makes a kind an error where the config says so', () => {
    const r = registers({ birth_number: 'error', phone: 'warning' });
    expect(check(`${HEAD}850101/1233 a 608 123 456 a x@example.cz\n`, r)).toEqual([
      'privacy-birth-number error 8:1-8:12',
      'privacy-phone warning 8:15-8:26',
      'privacy-email warning 8:29-8:41',
    ]);
  });

  it('does not report what raw HTML holds (it never reaches the site)', () => {
    expect(check(`${HEAD}<div>737 278 806</div>\n`)).toEqual([]);
  });
});
