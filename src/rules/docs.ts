import { catalog, type RuleDefinition } from './catalog.ts';

/**
 * docs/pravidla.md, generated from the rule catalogue: `minutes docs` writes it, `minutes docs
 * --check` and test/rule-docs.test.ts keep the committed file in sync with catalog.ts.
 */
export const RULE_DOCS_FILE = 'docs/pravidla.md';

/** The command that regenerates the file, for messages about a stale one. */
export const RULE_DOCS_COMMAND = 'npm run docs';

// Rules take different parameters; the docs only read their shared shape.
type AnyRule = RuleDefinition<any>;
type Area = RuleDefinition<unknown>['area'];

/** Areas in the order a secretary meets the problems: the file, its header, its place, the registers, the text. */
export const AREA_TITLES: Record<Area, string> = {
  soubor: 'Soubor zápisu',
  frontmatter: 'Záhlaví zápisu (frontmatter)',
  archiv: 'Zařazení v archivu',
  rejstřík: 'Rejstříky a konfigurace',
  obsah: 'Text zápisu',
};

export const SEVERITY_LABELS: Record<AnyRule['severity'], string> = {
  error: 'chyba',
  warning: 'varování',
};

/** Czech names of the message parameters, shown as ‹placeholders› in the docs. */
const PARAM_LABELS: Record<string, string> = {
  key: 'klíč',
  value: 'hodnota',
  allowed: 'povolené hodnoty',
  expected: 'očekávaný tvar',
  label: 'popis údaje',
  detail: 'popis chyby',
  encoding: 'kódování',
  date: 'datum',
  fileDate: 'datum z názvu souboru',
  name: 'název',
  folder: 'složka',
  year: 'rok',
  group: 'skupina',
  fileGroup: 'skupina z názvu souboru',
  organization: 'organizace',
  other: '…',
  list: 'seznam',
  alias: 'název',
  file: 'soubor',
  written: 'napsaný název',
  dates: 'termíny',
};

/**
 * Parameters for rendering a rule's message or hint without a concrete problem: every parameter
 * reads as a ‹placeholder›, except the optional `suggestion`, which is left out so the docs show
 * the general wording rather than the "did you mean" one.
 */
export function placeholderParams(): Record<string, string | undefined> {
  return new Proxy({} as Record<string, string | undefined>, {
    get: (_target, property) => {
      if (typeof property !== 'string' || property === 'suggestion') return undefined;
      return `‹${PARAM_LABELS[property] ?? property}›`;
    },
  });
}

/** The Markdown of docs/pravidla.md. Pure: the same catalogue always gives the same text. */
export function renderRuleDocs(rules: Readonly<Record<string, AnyRule>> = catalog): string {
  const entries = Object.entries(rules);
  const areas = (Object.keys(AREA_TITLES) as Area[])
    .map((area) => ({ area, rules: entries.filter(([, rule]) => rule.area === area) }))
    .filter((group) => group.rules.length > 0);

  const lines: string[] = [
    `<!-- Vygenerováno příkazem \`${RULE_DOCS_COMMAND}\` ze souboru src/rules/catalog.ts; neupravujte ručně. -->`,
    '',
    '# Pravidla kontroly zápisů',
    '',
    'Příkaz `minutes validate` (v repozitáři `npm run validate`) kontroluje zápisy, rejstřík organizací',
    'a konfiguraci archivu. Každý nalezený problém ve výpisu nese **id pravidla**, např. `unknown-key`;',
    'podle něj pravidlo najdete na této stránce i s vysvětlením a radou, jak problém opravit. Id se',
    'nikdy nemění, takže na ně mohou odkazovat i návody a záznamy z kontroly na GitHubu.',
    '',
    `- **${SEVERITY_LABELS.error}**: zápis je potřeba opravit; dokud chyba trvá, kontrola (i na GitHubu) neprojde.`,
    `- **${SEVERITY_LABELS.warning}**: nejspíš jde o překlep; zkontrolujte ho, kontrola ale projde.`,
    '',
    'Údaje v lomených závorkách, např. ‹klíč›, doplní kontrola podle konkrétního zápisu.',
    '',
    '## Přehled',
    '',
    '| id | závažnost | pravidlo |',
    '| --- | --- | --- |',
  ];
  for (const { rules: group } of areas) {
    for (const [id, rule] of group) {
      lines.push(`| [\`${id}\`](#${id}) | ${SEVERITY_LABELS[rule.severity]} | ${escapeTableCell(rule.title)} |`);
    }
  }

  for (const { area, rules: group } of areas) {
    lines.push('', `## ${AREA_TITLES[area]}`);
    for (const [id, rule] of group) lines.push('', ...renderRule(id, rule));
  }
  return `${lines.join('\n')}\n`;
}

function renderRule(id: string, rule: AnyRule): string[] {
  const params = placeholderParams();
  const lines = [
    `### \`${id}\``,
    '',
    `**${rule.title}** · ${SEVERITY_LABELS[rule.severity]}`,
    '',
    rule.description,
    '',
    `Kontrola hlásí: ${rule.message(params)}`,
    '',
    `**Jak opravit:** ${rule.hint(params)}`,
  ];
  if (rule.example) {
    lines.push('', 'Špatně:', '', ...fenced(rule.example.wrong), '', 'Správně:', '', ...fenced(rule.example.right));
  }
  return lines;
}

/** A fenced code block that stays closed even if the example itself contains backticks. */
function fenced(code: string): string[] {
  const longestRun = Math.max(0, ...(code.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longestRun + 1));
  return [fence, ...code.split('\n'), fence];
}

function escapeTableCell(text: string): string {
  return text.replace(/\|/g, '\\|');
}
