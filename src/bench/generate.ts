/**
 * A synthetic archive for the benchmark: deterministic (seeded PRNG), Czech minutes in the style of
 * the real ones in minutes/ — frontmatter with attendees, topics, next meetings; numbered and
 * bulleted points; updates of the real register's organizations in the bold convention
 * (`- **Naděje.** …`); tasks `- [ ] … — @Jméno Příjmení, do 2024-02-01`; decisions; announced
 * meetings. Sizes like the real minutes (about 3–10 KB). The real organization register is copied;
 * the config gets extra groups so the archive spreads over many groups and 2000–2025.
 */
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse, stringify } from 'yaml';

export interface GenerateOptions {
  /** Where the archive is written (created; minutes/, organizations/, minutes.config.yaml). */
  root: string;
  /** Number of minutes. */
  minutes: number;
  /** Number of groups (default 40). */
  groups?: number;
  /** PRNG seed (default 1). */
  seed?: number;
  /** The repository whose organizations/ and minutes.config.yaml are the starting point. */
  repoRoot: string;
}

export interface GeneratedArchive {
  root: string;
  /** Paths of the minutes, relative to root, in generation order. */
  files: string[];
  bytes: number;
  groups: string[];
}

/** mulberry32: small, fast, deterministic. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = ['Jana', 'Petr', 'Lukáš', 'Andrea', 'Pavel', 'Klára', 'Jiří', 'Kateřina', 'Martin', 'Michaela', 'Tomáš', 'Lenka', 'Radek', 'Eva', 'Václav', 'Hana', 'Ondřej', 'Markéta', 'Jakub', 'Zuzana', 'Robert', 'Veronika', 'David', 'Barbora'];
const LAST_M = ['Novák', 'Svoboda', 'Průcha', 'Matějka', 'Ron', 'Simeth', 'Strouhal', 'Šandor', 'Brůžek', 'Dvořák', 'Černý', 'Procházka', 'Kučera', 'Veselý', 'Horák', 'Marek', 'Pokorný', 'Král', 'Růžička', 'Beneš'];
const LAST_F = ['Nováková', 'Svobodová', 'Marcinková', 'Šťastná', 'Beranová', 'Límová', 'Kadlecová', 'Šádková', 'Hanzlíková', 'Taterová', 'Kocourová', 'Bušková', 'Dvořáková', 'Černá', 'Procházková', 'Kučerová', 'Veselá', 'Horáková', 'Sochůrková', 'Benešová'];
const FEMALE = new Set(['Jana', 'Andrea', 'Klára', 'Kateřina', 'Michaela', 'Lenka', 'Eva', 'Hana', 'Markéta', 'Zuzana', 'Veronika', 'Barbora']);

const THEMES = ['bydlení', 'dluhy', 'zaměstnanost', 'bezpečnost', 'vězeňství', 'senioři', 'duševní zdraví', 'rodina', 'závislosti', 'cizinci', 'vzdělávání', 'dotace', 'doprava', 'zdravotní péče', 'dobrovolnictví', 'prevence', 'terénní práce', 'azylové bydlení', 'sociální podnikání', 'krizová pomoc'];
const AREAS = ['sociálního začleňování', 'péče o seniory', 'podpory rodin', 'prevence kriminality', 'bydlení', 'zaměstnanosti', 'zdravotně postižených', 'duševního zdraví', 'drogové prevence', 'dětí a mládeže', 'romské menšiny', 'dluhového poradenství', 'osob bez domova', 'pečujících osob', 'terénních služeb', 'dobrovolnictví', 'krizové intervence', 'národnostních menšin', 'osob po výkonu trestu', 'integrace cizinců'];
const TOPICS = ['Informace od jednotlivých organizací', 'Plán jednání skupiny', 'Informace z ŘPS', 'Informace k financování sociálních služeb', 'Komunitní plán', 'Náhradní doklady', 'Dotační řízení města', 'Asistenti prevence kriminality', 'Milostivé léto', 'Dluhové poradenství', 'Sociální bydlení', 'Terénní programy', 'Kapacity azylových domů', 'Spolupráce s OSPOD', 'Výkon trestu a návrat do společnosti', 'Informace o zajímavých webech', 'Strategie rozvoje města', 'Katalog sociálních služeb', 'Zimní opatření', 'Zaměstnávání osob se znevýhodněním'];
const VENUES = ['Tatranská 597 – MML', 'ČvT', 'Uran, Liberec', 'KÚLK, zasedací místnost 2', 'Komunitní středisko Kontakt', 'online (MS Teams)', 'Naděje, denní centrum', 'Nám. Dr. E. Beneše 1, Liberec'];
const TOWNS = ['Liberci', 'Jablonci nad Nisou', 'Frýdlantu', 'České Lípě', 'Turnově', 'Chrastavě', 'Hrádku nad Nisou', 'Semilech'];

const OPENERS = [
  'Na jednání jsme pozvali zástupce {org}, kteří představili svou činnost v oblasti {area}.',
  'Bavili jsme se o tom, co je nového v oblasti {area} a jak se mění potřeby klientů.',
  'Informace k financování sociálních služeb ze strany města, sledujte výzvu k tématu {theme}.',
  'Debata o dalším složení a fungování pracovní skupiny, za tento rok proběhnou dvě větší setkání.',
  'Byl představen informační web krajského úřadu, který shromažďuje dokumenty k tématu {theme}.',
  'Co se týká termínů pracovních skupin, navážeme na pravidelná setkávání jednou za dva měsíce.',
];
const SENTENCES = [
  'V současnosti je kapacita plná, občas se objeví volné místo v azylovém domě.',
  'Zaznamenávají větší poptávku v {town}, souvisí to s tématem {theme}.',
  'Nevydávání náhradního dokladu je pro některé klienty problém, řešením je ztotožnění klienta.',
  'Téma {theme} bychom se měli věnovat do budoucna, prozatím nebylo mezi prioritami.',
  'Pracují ve spolupráci s OSPOD, na celý kraj jsou však pouze dvě pracovnice.',
  'Nabízejí doučování, poradenství a kurzy češtiny pro cizince každé pondělí.',
  'Připomenutí odevzdání závěrečných zpráv za uplynulý rok do poloviny února.',
  'Jedná se o samostatný problém, který by si zasloužil větší péči a koordinaci služeb.',
  'Terénní programy sociální prevence budou nově poskytovat i v {town}.',
  'Kontakt na koordinátorku je uveden na webu města, dotazy posílejte hromadně za skupinu.',
  'Prozatím se hledá zpracovatel a vše by mělo být schváleno do podzimu.',
  'Denní centrum funguje od osmi do osmnácti hodin a noclehárna od osmnácti do rána.',
  'Vypadá to, že je toto v regionu tématem a služba podpory není dostatečně zajištěna.',
  'Mají čtyři nové terénní pracovníky a zahájili službu odborného sociálního poradenství.',
  'Data za obce jsou ve fázi pilotáže dotazníku, výsledky budou představeny na příštím setkání.',
  'Sociální podnikání má dva zájemce, jeden z nich je vážný a projekt se připravuje.',
  'Skupina se shodla, že je potřeba lépe propojit služby pro {area} s ostatními službami.',
  'Na webu jsou zajímavé dokumenty, výstupy z konferencí, zákony a pozvánky na akce.',
];
const TASKS = ['Poslat pozvánku radním', 'Zjistit kapacitu azylových domů', 'Připravit podklady k dotacím', 'Rozeslat prezentaci členům skupiny', 'Oslovit zpracovatele komunitního plánu', 'Aktualizovat katalog sociálních služeb', 'Domluvit prostory pro příští setkání', 'Shromáždit data o počtu klientů', 'Připravit přehled volných kapacit', 'Zjistit podmínky dotačního řízení'];
const DECISIONS = ['Skupina schvaluje plán jednání na příští rok.', 'Skupina doporučuje zařadit téma {theme} do komunitního plánu.', 'Skupina bere na vědomí informace o financování služeb.', 'Skupina souhlasí se zřízením pracovního týmu pro oblast {area}.'];

export async function generateArchive(options: GenerateOptions): Promise<GeneratedArchive> {
  const random = prng(options.seed ?? 1);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const between = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const root = path.resolve(options.root);
  await mkdir(path.join(root, 'minutes'), { recursive: true });
  await cp(path.join(options.repoRoot, 'organizations'), path.join(root, 'organizations'), { recursive: true });
  if (await exists(path.join(options.repoRoot, 'schema'))) await cp(path.join(options.repoRoot, 'schema'), path.join(root, 'schema'), { recursive: true });

  // The register: the real organizations, each with the names a secretary would write in bold.
  const organizations: string[] = [];
  for (const name of ['Naděje', 'Návrat', 'Romodrom', 'CIC', 'ČvT', 'CZP', 'Most k naději', 'APK', 'ASZ', 'PMS', 'OSPOD', 'KÚLK', 'MP', 'OCHL', 'CPIC', 'KS Kontakt', 'ÚP', 'Rozkoš bez rizika', 'Bílý kruh bezpečí', 'D.R.A.K.', 'CBL', 'SML']) organizations.push(name);

  // The config: the real groups plus generated ones up to the requested count.
  const config = parse(await readFile(path.join(options.repoRoot, 'minutes.config.yaml'), 'utf8')) as { groups: { id: string; name: string; short?: string; aliases?: string[] }[] };
  const wanted = options.groups ?? 40;
  for (let i = config.groups.length; i < wanted; i++) {
    const area = AREAS[i % AREAS.length]!;
    const n = Math.floor(i / AREAS.length);
    const id = `ps-${slug(area)}${n ? `-${n + 1}` : ''}`;
    config.groups.push({ id, name: `Pracovní skupina ${area}${n ? ` ${n + 1}` : ''}`, short: `PS ${area}${n ? ` ${n + 1}` : ''}` });
  }
  await writeFile(path.join(root, 'minutes.config.yaml'), stringify(config));
  const groups = config.groups.map((g) => g.id);

  // Every group has its own people, so names recur the way they do in real minutes.
  const people = groups.map(() => {
    const names = new Set<string>();
    while (names.size < 14) names.add(person(pick));
    return [...names];
  });

  const files: string[] = [];
  const used = new Set<string>();
  let bytes = 0;
  for (let i = 0; i < options.minutes; i++) {
    const g = i % groups.length;
    const group = groups[g]!;
    // Dates spread over 2000–2025, unique per group and day.
    let date: string;
    do {
      const day = new Date(Date.UTC(2000, 0, 1) + Math.floor(random() * 26 * 365.25) * 86_400_000);
      date = day.toISOString().slice(0, 10);
    } while (used.has(`${group}/${date}`));
    used.add(`${group}/${date}`);
    const year = date.slice(0, 4);
    const members = people[g]!;
    const attendees = shuffle(members, random).slice(0, between(5, 13));
    const recorder = attendees[0]!;
    const fill = (text: string) =>
      text
        .replace('{org}', pick(organizations))
        .replace('{area}', pick(AREAS))
        .replace('{theme}', pick(THEMES))
        .replace('{town}', pick(TOWNS));
    const paragraph = (n: number) => Array.from({ length: n }, () => fill(pick(SENTENCES))).join(' ');
    const topics = shuffle(TOPICS, random).slice(0, between(2, 4));
    const nextDays = Array.from({ length: between(0, 2) }, (_, k) => addDays(date, 42 * (k + 1) + between(0, 14)));
    const time = pick(['09:00', '10:00', '13:00', '14:00', '15:00']);

    const lines: string[] = [];
    lines.push('---');
    lines.push(`title: Pracovní setkání skupiny ${config.groups[g]!.name.replace(/^Pracovní skupina /, '')}`);
    lines.push(`date: ${date}`);
    lines.push(`time: "${time}"`);
    lines.push(`group: ${group}`);
    lines.push(`venue: ${pick(VENUES)}`);
    lines.push('attendees:');
    for (const a of attendees) lines.push(`  - ${a}`);
    lines.push('topics:');
    for (const t of topics) lines.push(`  - ${t}`);
    lines.push(`recorder: ${recorder}`);
    lines.push('status: approved');
    if (nextDays.length) {
      lines.push('next_meetings:');
      for (const d of nextDays) lines.push(`  - "${d} ${time}"`);
    }
    lines.push('---', '');

    const target = between(3000, 9500);
    let point = 1;
    const body: string[] = [];
    const size = () => body.reduce((s, l) => s + Buffer.byteLength(l) + 1, 0);
    body.push(`${point++}. ${fill(pick(OPENERS))} ${paragraph(between(2, 5))}`, '');
    body.push(`   ${paragraph(between(1, 3))}`, '');
    body.push(`${point++}. Bavili jsme se o tom, co je nového u jednotlivých členů pracovní skupiny:`, '');
    for (const org of shuffle(organizations, random).slice(0, between(3, 8))) {
      body.push(`   - **${org}.** ${paragraph(between(1, 4))}`, '');
    }
    while (size() < target - 900) {
      body.push(`${point++}. ${fill(pick(OPENERS))} ${paragraph(between(2, 6))}`, '');
      if (random() < 0.4) body.push(`   - ${paragraph(1)}`, `   - ${paragraph(1)}`, '');
    }
    body.push('## Úkoly', '');
    for (let k = between(1, 3); k > 0; k--) {
      const who = pick(members);
      body.push(`- [${random() < 0.3 ? 'x' : ' '}] ${pick(TASKS)} — @${who}, do ${addDays(date, between(14, 60))}`);
    }
    body.push('');
    if (random() < 0.5) body.push(`**Usnesení:** ${fill(pick(DECISIONS))}`, '');
    if (nextDays.length) body.push(`Příští jednání ${nextDays.map(czechDate).join(' a ')} v ${Number(time.slice(0, 2))} hodin.`);
    const text = `${lines.join('\n')}\n${body.join('\n')}\n`;
    const file = path.join('minutes', year, `${date}-${group}.md`);
    await mkdir(path.join(root, 'minutes', year), { recursive: true });
    await writeFile(path.join(root, file), text);
    bytes += Buffer.byteLength(text);
    files.push(file);
  }
  return { root, files, bytes, groups };
}

function person(pick: <T>(list: readonly T[]) => T): string {
  const first = pick(FIRST);
  return `${first} ${pick(FEMALE.has(first) ? LAST_F : LAST_M)}`;
}

function shuffle<T>(list: readonly T[], random: () => number): T[] {
  const copy = [...list];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function czechDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${d}. ${m}. ${y}`;
}

function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

async function exists(file: string): Promise<boolean> {
  return readFile(file).then(
    () => true,
    (e: NodeJS.ErrnoException) => e.code === 'EISDIR',
  );
}
