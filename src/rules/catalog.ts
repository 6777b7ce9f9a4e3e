import type { Severity } from '../diagnostics/diagnostic.ts';

/**
 * The rule catalogue. Ids are permanent (kebab-case, English) because secretaries, CI logs and
 * the generated docs refer to them; wording is Czech because the secretaries read it.
 * docs/pravidla.md is generated from this file (`minutes docs`), and a test keeps it in sync.
 */
export interface RuleDefinition<P> {
  severity: Severity;
  /** Which part of the archive the rule checks, for grouping the docs. */
  area: 'soubor' | 'frontmatter' | 'archiv' | 'rejstřík' | 'obsah';
  /** One line in Czech: what the rule is about. */
  title: string;
  message: (params: P) => string;
  hint: (params: P) => string;
  /** A longer Czech explanation for the docs: why the rule exists. */
  description: string;
  /** A short example of the problem and of its fix, for the docs. */
  example?: { wrong: string; right: string };
}

function rule<P = void>(definition: RuleDefinition<P>): RuleDefinition<P> {
  return definition;
}

const didYouMean = (suggestion: string | undefined): string =>
  suggestion ? ` Nemysleli jste „${suggestion}“?` : '';

export const catalog = {
  'empty-file': rule({
    severity: 'error',
    area: 'soubor',
    title: 'Prázdný soubor',
    message: () => 'Soubor je prázdný.',
    hint: () => 'Doplňte záhlaví (frontmatter) a text zápisu, nebo soubor smažte.',
    description: 'Prázdný soubor nepopisuje žádné jednání; nejspíš vznikl omylem při nahrávání.',
  }),
  'file-not-found': rule({
    severity: 'error',
    area: 'soubor',
    title: 'Zadaná cesta neexistuje',
    message: () => 'Zadaný soubor nebo složka neexistuje.',
    hint: () =>
      'Zkontrolujte cestu i velikost písmen v názvu. Bez zadané cesty se zkontroluje celý archiv (složka minutes/).',
    description:
      'Kontrola dostala cestu, na které nic není. Bez tohoto hlášení by překlep v cestě prošel jako „bez problémů“.',
  }),
  'binary-file': rule({
    severity: 'error',
    area: 'soubor',
    title: 'Soubor není text',
    message: () => 'Soubor není textový (vypadá jako dokument Word, PDF nebo obrázek).',
    hint: () =>
      'Zápis musí být textový soubor Markdown (.md). Dokument Word nebo PDF převeďte příkazem `minutes import`.',
    description:
      'Do složky se zápisy patří jen soubory Markdown. Starší zápisy ve Wordu a PDF převádí příkaz `minutes import`.',
  }),
  'not-utf8': rule<{ encoding: string }>({
    severity: 'error',
    area: 'soubor',
    title: 'Soubor není v kódování UTF-8',
    message: ({ encoding }) =>
      `Soubor není v kódování UTF-8${encoding ? ` (nejspíš ${encoding})` : ''}; české znaky by se zobrazily špatně.`,
    hint: () =>
      'Uložte soubor znovu v kódování UTF-8 (v Poznámkovém bloku: Uložit jako → Kódování: UTF-8), nebo ho převeďte příkazem `minutes import`.',
    description:
      'Starší české soubory bývají v kódování Windows-1250. Archiv čte jen UTF-8; jinak by se z „ř“ a „ů“ staly nesmyslné znaky.',
  }),
  'frontmatter-missing': rule({
    severity: 'error',
    area: 'frontmatter',
    title: 'Chybí záhlaví zápisu (frontmatter)',
    message: () => 'Zápis nezačíná záhlavím mezi dvěma řádky `---`.',
    hint: () =>
      'Na úplný začátek souboru dejte řádek `---`, pod něj údaje o jednání (date, group, venue, attendees, topics…) a uzavřete je dalším řádkem `---`.',
    description:
      'Údaje o jednání (datum, skupina, přítomní, program) stojí v záhlaví souboru ve formátu YAML, ohraničeném řádky `---`. Bez nich nelze zápis zařadit.',
    example: {
      wrong: 'Pracovní setkání skupiny pro cizince…',
      right: '---\ndate: 2021-10-25\ngroup: cizinci\ntopics:\n  - Náhradní doklady\n---\n\nText zápisu…',
    },
  }),
  'frontmatter-unterminated': rule({
    severity: 'error',
    area: 'frontmatter',
    title: 'Záhlaví zápisu není uzavřené',
    message: () => 'Záhlaví začíná řádkem `---`, ale chybí uzavírací řádek `---`.',
    hint: () => 'Za poslední údaj záhlaví (před text zápisu) vložte samostatný řádek `---`.',
    description: 'Bez uzavíracího řádku `---` nelze poznat, kde končí údaje o jednání a začíná text zápisu.',
  }),
  'frontmatter-not-mapping': rule({
    severity: 'error',
    area: 'frontmatter',
    title: 'Záhlaví musí obsahovat dvojice klíč: hodnota',
    message: () => 'Záhlaví neobsahuje dvojice `klíč: hodnota`.',
    hint: () => 'Každý údaj pište na samostatný řádek jako `klíč: hodnota`, např. `date: 2021-10-25`.',
    description: 'Záhlaví je slovník údajů o jednání; seznam nebo samotný text na jeho místě nedává smysl.',
  }),
  'yaml-syntax': rule<{ detail: string }>({
    severity: 'error',
    area: 'frontmatter',
    title: 'Chyba zápisu YAML v záhlaví',
    message: ({ detail }) => `Záhlaví nelze přečíst: ${detail}.`,
    hint: () =>
      'Zkontrolujte odsazení (mezery, ne tabulátory), dvojtečku za klíčem a uvozovky. Text s dvojtečkou dejte do uvozovek.',
    description: 'Záhlaví se zapisuje ve formátu YAML, který je citlivý na odsazení a na dvojtečky.',
    example: { wrong: 'venue: ČvT: U Tiskárny', right: 'venue: "ČvT: U Tiskárny"' },
  }),
  'yaml-duplicate-key': rule<{ key: string }>({
    severity: 'error',
    area: 'frontmatter',
    title: 'Údaj je v záhlaví dvakrát',
    message: ({ key }) => `Klíč „${key}“ je v záhlaví uveden dvakrát.`,
    hint: ({ key }) => `Ponechte jen jeden řádek „${key}:“ a hodnoty slučte do něj.`,
    description: 'Když je klíč uveden dvakrát, nebylo by jasné, která hodnota platí.',
  }),
  'unknown-key': rule<{ key: string; suggestion?: string }>({
    severity: 'error',
    area: 'frontmatter',
    title: 'Neznámý údaj v záhlaví',
    message: ({ key, suggestion }) => `Neznámý klíč „${key}“.${didYouMean(suggestion)}`,
    hint: ({ suggestion }) =>
      suggestion
        ? `Přejmenujte klíč na „${suggestion}“.`
        : 'Povolené klíče jsou popsány v průvodci psaním zápisů (docs/psani-zapisu.md).',
    description: 'Překlep v názvu klíče by údaj tiše ztratil; proto je každý neznámý klíč chyba.',
    example: { wrong: 'atendees:\n  - Lukáš Průcha', right: 'attendees:\n  - Lukáš Průcha' },
  }),
  'missing-key': rule<{ key: string; label: string }>({
    severity: 'error',
    area: 'frontmatter',
    title: 'Chybí povinný údaj',
    message: ({ key, label }) => `Chybí povinný údaj „${key}“ (${label}).`,
    hint: ({ key }) => `Doplňte do záhlaví řádek „${key}: …“.`,
    description: 'Datum, skupina a program jednání jsou povinné: podle nich se zápis řadí a hledá.',
  }),
  'invalid-type': rule<{ key: string; expected: string }>({
    severity: 'error',
    area: 'frontmatter',
    title: 'Údaj má špatný tvar',
    message: ({ key, expected }) => `Údaj „${key}“ má být ${expected}.`,
    hint: ({ expected }) => `Upravte hodnotu tak, aby byla ${expected}.`,
    description: 'Každý údaj záhlaví má daný tvar: text, seznam, nebo položka se jménem a organizací.',
    example: { wrong: 'topics: Náhradní doklady', right: 'topics:\n  - Náhradní doklady' },
  }),
  'empty-value': rule<{ key: string }>({
    severity: 'error',
    area: 'frontmatter',
    title: 'Údaj je prázdný',
    message: ({ key }) => `Údaj „${key}“ je prázdný.`,
    hint: ({ key }) => `Vyplňte „${key}“, nebo celý řádek smažte, pokud údaj není povinný.`,
    description: 'Prázdná hodnota je nejspíš nedopsaný údaj.',
  }),
  'invalid-date': rule<{ key: string; value: string }>({
    severity: 'error',
    area: 'frontmatter',
    title: 'Neplatné datum',
    message: ({ key, value }) => `„${value}“ v údaji „${key}“ není platné datum.`,
    hint: () =>
      'Datum pište jako rok-měsíc-den, např. 2021-10-25 (25. října 2021), a jen takový den, který v kalendáři existuje. U příštích jednání (next_meetings) může za datem následovat čas, např. 2022-01-10 14:00.',
    description: 'Data se zapisují ve tvaru RRRR-MM-DD, aby je šlo jednoznačně řadit; musí jít o skutečný den v kalendáři.',
    example: { wrong: 'date: 25. 10. 2021', right: 'date: 2021-10-25' },
  }),
  'invalid-time': rule<{ key: string; value: string }>({
    severity: 'error',
    area: 'frontmatter',
    title: 'Neplatný čas',
    message: ({ key, value }) => `„${value}“ v údaji „${key}“ není platný čas ve tvaru HH:MM.`,
    hint: () => 'Čas pište jako hodiny:minuty, např. 09:00 nebo 14:30.',
    description: 'Čas jednání se zapisuje ve 24hodinovém tvaru HH:MM.',
    example: { wrong: 'time: 9 hod', right: 'time: "09:00"' },
  }),
  'invalid-value': rule<{ key: string; value: string; allowed: string }>({
    severity: 'error',
    area: 'frontmatter',
    title: 'Nepovolená hodnota',
    message: ({ key, value, allowed }) => `„${value}“ není povolená hodnota údaje „${key}“ (povoleno: ${allowed}).`,
    hint: ({ allowed }) => `Použijte jednu z hodnot: ${allowed}.`,
    description: 'Některé údaje mají pevný výčet hodnot, např. stav zápisu `draft` (koncept) nebo `approved` (schválený).',
  }),
  'date-mismatch': rule<{ date: string; fileDate: string }>({
    severity: 'error',
    area: 'archiv',
    title: 'Datum nesouhlasí s názvem souboru',
    message: ({ date, fileDate }) => `Datum jednání ${date} nesouhlasí s datem v názvu souboru ${fileDate}.`,
    hint: () => 'Opravte datum v záhlaví, nebo přejmenujte soubor na RRRR-MM-DD-skupina.md se správným datem.',
    description: 'Název souboru nese datum jednání, aby se zápisy daly najít i v repozitáři; obě data se musí shodovat.',
  }),
  'file-name': rule<{ name: string }>({
    severity: 'error',
    area: 'archiv',
    title: 'Nesprávný název souboru',
    message: ({ name }) => `Název souboru „${name}“ neodpovídá tvaru RRRR-MM-DD-skupina.md.`,
    hint: () =>
      'Pojmenujte soubor podle data a skupiny, např. 2021-10-25-cizinci.md; druhé jednání téže skupiny v týž den dostane příponu -2.',
    description: 'Název souboru je zároveň adresou zápisu na webu, proto má pevný tvar.',
    example: { wrong: 'zapis rijen.md', right: '2021-10-25-cizinci.md' },
  }),
  'wrong-folder': rule<{ folder: string; year: string }>({
    severity: 'error',
    area: 'archiv',
    title: 'Zápis je ve složce jiného roku',
    message: ({ folder, year }) => `Zápis z roku ${year} je ve složce „${folder}“.`,
    hint: ({ year }) => `Přesuňte soubor do složky minutes/${year}/.`,
    description: 'Zápisy jsou ve složkách podle roku jednání, aby se v repozitáři daly snadno najít.',
  }),
  'unknown-group': rule<{ group: string; suggestion?: string }>({
    severity: 'error',
    area: 'archiv',
    title: 'Neznámá pracovní skupina',
    message: ({ group, suggestion }) => `Pracovní skupina „${group}“ není v konfiguraci.${didYouMean(suggestion)}`,
    hint: ({ suggestion }) =>
      suggestion
        ? `Napište „${suggestion}“, nebo přidejte novou skupinu do souboru minutes.config.yaml.`
        : 'Použijte id skupiny ze souboru minutes.config.yaml, nebo tam novou skupinu přidejte.',
    description: 'Každý zápis patří k jedné pracovní skupině, uvedené pod svým id v konfiguraci archivu.',
  }),
  'group-mismatch': rule<{ group: string; fileGroup: string }>({
    severity: 'error',
    area: 'archiv',
    title: 'Skupina nesouhlasí s názvem souboru',
    message: ({ group, fileGroup }) => `Skupina „${group}“ nesouhlasí se skupinou „${fileGroup}“ v názvu souboru.`,
    hint: () => 'Opravte skupinu v záhlaví, nebo přejmenujte soubor.',
    description: 'Název souboru nese id skupiny; musí odpovídat údaji `group` v záhlaví.',
  }),
  'unknown-organization': rule<{ organization: string; suggestion?: string }>({
    severity: 'error',
    area: 'archiv',
    title: 'Neznámá organizace',
    message: ({ organization, suggestion }) =>
      `Organizace „${organization}“ není v rejstříku organizací.${didYouMean(suggestion)}`,
    hint: ({ suggestion }) =>
      suggestion
        ? `Napište „${suggestion}“, nebo přidejte organizaci jako nový soubor do složky organizations/.`
        : 'Použijte id organizace (název souboru ve složce organizations/ bez .yaml), nebo organizaci do rejstříku přidejte.',
    description: 'Přítomní se propojují s organizacemi z rejstříku (složka organizations/) podle jejich id.',
    example: { wrong: '- name: Lukáš Průcha\n  organization: clovek v tisni', right: '- name: Lukáš Průcha\n  organization: clovek-v-tisni' },
  }),
  'duplicate-meeting': rule<{ other: string }>({
    severity: 'error',
    area: 'archiv',
    title: 'Jednání je zapsáno dvakrát',
    message: ({ other }) => `Stejné jednání (skupina, datum a čas) popisuje i soubor ${other}.`,
    hint: () =>
      'Jeden z obou souborů smažte, nebo u druhého jednání téhož dne uveďte jiný čas a příponu -2 v názvu souboru.',
    description: 'Každé jednání má v archivu právě jeden zápis.',
  }),
  'duplicate-attendee': rule<{ name: string; list: string }>({
    severity: 'warning',
    area: 'frontmatter',
    title: 'Osoba je v seznamu dvakrát',
    message: ({ name, list }) => `„${name}“ je v seznamu „${list}“ vícekrát.`,
    hint: () => 'Ponechte osobu v seznamu jen jednou.',
    description: 'Opakované jméno by zkreslilo přehled účasti.',
  }),
  'next-meeting-in-past': rule<{ value: string; date: string }>({
    severity: 'warning',
    area: 'frontmatter',
    title: 'Příští jednání je před tímto jednáním',
    message: ({ value, date }) => `Ohlášené jednání ${value} je dříve než toto jednání (${date}).`,
    hint: () => 'Zkontrolujte rok u data příštího jednání.',
    description: 'Údaj `next_meetings` ohlašuje budoucí jednání; datum v minulosti je nejspíš překlep v roce.',
  }),
  'duplicate-alias': rule<{ alias: string; other: string }>({
    severity: 'error',
    area: 'rejstřík',
    title: 'Stejný název má více organizací',
    message: ({ alias, other }) => `Název „${alias}“ patří i organizaci ${other}.`,
    hint: () => 'Každý název, zkratku a alias uveďte jen u jedné organizace, jinak nelze informace přiřadit.',
    description: 'Podle názvů a aliasů se v textu zápisů poznává, která organizace podává informace; musí být jednoznačné.',
  }),
  'organization-file-name': rule<{ name: string }>({
    severity: 'error',
    area: 'rejstřík',
    title: 'Nesprávný název souboru organizace',
    message: ({ name }) => `Název souboru „${name}“ není platné id organizace.`,
    hint: () =>
      'Pojmenujte soubor malými písmeny bez diakritiky, slova oddělte pomlčkou, např. most-k-nadeji.yaml. Název souboru je id organizace.',
    description: 'Název souboru organizace je její id: používá se v zápisech (`organization:`) a v adrese stránky organizace.',
  }),
  'duplicate-group': rule<{ group: string }>({
    severity: 'error',
    area: 'rejstřík',
    title: 'Skupina je v konfiguraci dvakrát',
    message: ({ group }) => `Pracovní skupina s id „${group}“ je v konfiguraci uvedena vícekrát.`,
    hint: () => 'Každá skupina musí mít jiné id; druhý výskyt přejmenujte nebo smažte.',
    description: 'Id skupiny určuje, ke které skupině zápis patří; musí být jednoznačné.',
  }),
  'unknown-organization-update': rule<{ written: string; suggestion?: string }>({
    severity: 'warning',
    area: 'obsah',
    title: 'Informace neznámé organizace',
    message: ({ written, suggestion }) =>
      `„${written}“ vypadá jako informace organizace, která není v rejstříku.${didYouMean(suggestion)}`,
    hint: ({ suggestion }) =>
      suggestion
        ? `Napište název tak, jak je v rejstříku („${suggestion}“), nebo přidejte tuto podobu názvu do „aliases“ organizace.`
        : 'Přidejte organizaci do rejstříku (nový soubor ve složce organizations/), nebo tuto podobu názvu do „aliases“ existující organizace.',
    description:
      'Informace organizací se v archivu řadí k organizacím z rejstříku. Položka, která začíná tučným názvem neznámé organizace, by jinak zůstala nepřiřazená.',
    example: {
      wrong: '- **Diakonie Liberec.** Otevřeli novou službu…',
      right: 'Přidat soubor organizations/diakonie-liberec.yaml s názvem „Diakonie Liberec“.',
    },
  }),
  'next-meetings-missing': rule<{ dates: string }>({
    severity: 'warning',
    area: 'obsah',
    title: 'Ohlášené jednání chybí v záhlaví',
    message: ({ dates }) => `Text ohlašuje příští jednání (${dates}), ale záhlaví nemá údaj „next_meetings“.`,
    hint: ({ dates }) => `Doplňte do záhlaví next_meetings: ${dates}, aby se termín objevil v kalendáři.`,
    description:
      'Termíny příštích jednání se v kalendáři a na úvodní stránce zobrazují podle údaje `next_meetings`. Archiv je umí najít i v textu, ale spolehlivý je jen údaj v záhlaví.',
    example: {
      wrong: 'Příští jednání 10.1. a 14.3. vždy ve 14 hodin',
      right: 'next_meetings:\n  - "2022-01-10 14:00"\n  - "2022-03-14 14:00"',
    },
  }),
  'invalid-task-due': rule<{ value: string }>({
    severity: 'warning',
    area: 'obsah',
    title: 'Neplatný termín úkolu',
    message: ({ value }) => `Termín úkolu „${value}“ není platné datum.`,
    hint: () => 'Termín pište za slovo „do“ jako RRRR-MM-DD nebo D. M. RRRR, např. „do 2024-02-01“.',
    description: 'Termín úkolu se zobrazuje v přehledu úkolů; musí jít o skutečné datum.',
  }),
  'config-missing': rule<{ file: string }>({
    severity: 'error',
    area: 'rejstřík',
    title: 'Chybí konfigurace archivu',
    message: ({ file }) => `Nenašel jsem konfiguraci archivu ${file}.`,
    hint: () => 'Spusťte příkaz v kořeni repozitáře archivu, kde leží minutes.config.yaml.',
    description: 'Konfigurace popisuje web a pracovní skupiny; bez ní nelze zápisy ověřit.',
  }),
  'privacy-phone': rule<{ value: string }>({
    severity: 'warning',
    area: 'obsah',
    title: 'Telefonní číslo v zápisu',
    message: ({ value }) => `Zápis obsahuje telefonní číslo „${value}“; po zveřejnění ho uvidí kdokoli.`,
    hint: () =>
      'Je-li to číslo klienta nebo soukromé číslo, smažte ho. Smí-li být zveřejněno (pracovní kontakt řečený na jednání), napište hned za něj <!-- souhlas -->, nebo ho uveďte v záhlaví v seznamu public_contacts.',
    description:
      'Zápisy jsou veřejné. Telefonní číslo klienta nebo soukromé číslo do nich nepatří; pracovní kontakt, který smí být zveřejněn, potvrdí zapisovatel(ka) značkou `<!-- souhlas -->` hned za číslem nebo údajem `public_contacts` v záhlaví. Veřejné kontakty organizací z rejstříku (`contacts` v organizations/) jsou povolené všude. Zda jde o varování, nebo chybu, určuje `privacy.phone` v minutes.config.yaml.',
    example: {
      wrong: 'Kontakt na paní Buškovou 737 278 806.',
      right: 'Kontakt na paní Buškovou 737 278 806 <!-- souhlas -->.',
    },
  }),
  'privacy-email': rule<{ value: string }>({
    severity: 'warning',
    area: 'obsah',
    title: 'E-mailová adresa v zápisu',
    message: ({ value }) => `Zápis obsahuje e-mailovou adresu „${value}“; po zveřejnění ji uvidí kdokoli.`,
    hint: () =>
      'Je-li to adresa klienta nebo soukromá adresa, smažte ji. Smí-li být zveřejněna, napište hned za ni <!-- souhlas -->, nebo ji uveďte v záhlaví v seznamu public_contacts.',
    description:
      'Zápisy jsou veřejné a e-mailové adresy z nich sbírají roboti rozesílající spam. Pracovní adresu, která smí být zveřejněna, potvrdí zapisovatel(ka) značkou `<!-- souhlas -->` nebo údajem `public_contacts`; veřejné kontakty organizací z rejstříku jsou povolené všude. Závažnost určuje `privacy.email` v minutes.config.yaml.',
    example: {
      wrong: 'napište na jana.novakova@seznam.cz',
      right: 'public_contacts:\n  - lukas.prucha@clovekvtisni.cz',
    },
  }),
  'privacy-birth-number': rule<{ masked: string }>({
    severity: 'warning',
    area: 'obsah',
    title: 'Rodné číslo v zápisu',
    message: ({ masked }) => `Zápis obsahuje rodné číslo (${masked}).`,
    hint: () =>
      'Rodné číslo do veřejného zápisu nepatří: smažte ho. Jde-li o jiné číslo, které jen vypadá jako rodné (spisová značka), uveďte ho v záhlaví v seznamu public_contacts.',
    description:
      'Rodné číslo je osobní údaj, který se nesmí zveřejnit. Kontrola pozná tvar RRMMDD/XXXX i bez lomítka: platné datum (u žen měsíc +50, od roku 2004 i +20 a +70), u desetimístných čísel kontrolní číslici (dělitelnost 11), devítimístná jen před rokem 1954. Ve zprávě se číslo neopakuje celé. Závažnost určuje `privacy.birth_number` v minutes.config.yaml.',
    example: { wrong: 'klient (r. č. 850101/1236) byl předán…', right: 'klient byl předán…' },
  }),
  'content-too-complex': rule<{ reason: string }>({
    severity: 'error',
    area: 'soubor',
    title: 'Text je příliš složitý na zpracování',
    message: ({ reason }) => `Text zápisu nelze bezpečně zpracovat: ${reason}.`,
    hint: () =>
      'Takový text nevzniká psaním zápisu, ale nejspíš chybou při kopírování nebo převodu. Zkontrolujte označené místo a zbytečné znaky smažte.',
    description:
      'Extrémně hluboké vnoření (stovky úrovní seznamů nebo citací), tisíce opakovaných značek (`*`, `[`) nebo obří soubor by zpracování textu zahltily nebo shodily. Takový soubor se nezpracuje a web se bez něj nesestaví; záhlaví se přesto zkontroluje.',
  }),
} as const;

export type Catalog = typeof catalog;
export type RuleId = keyof Catalog;
export type RuleParams<R extends RuleId> = Parameters<Catalog[R]['message']>[0];

export const ruleIds = Object.keys(catalog) as RuleId[];
