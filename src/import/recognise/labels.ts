/** The labelled lines of a minute's head and signature, as secretaries write them. */
export type LabelKind =
  | 'date'
  | 'time'
  | 'venue'
  | 'topics'
  | 'attendees'
  | 'excused'
  | 'guests'
  | 'group'
  | 'recorder'
  | 'verifier';

const SLASH_A = String.raw`(?:a|\/a|\(a\))?`;

// Each label ends with its colon; the signatures may go without one ("Zapsala Jana Nováková").
const LABELS: ReadonlyArray<[LabelKind, RegExp]> = [
  ['date', /^(?:datum(?:\s*(?:\/|a|,)\s*(?:čas|hodina)\.?)?|termín(?:\s+(?:jednání|konání|setkání))?|konáno\s+dne|dne)\s*\.?\s*:\s*/iu],
  ['time', /^(?:čas(?:\s+(?:jednání|konání|setkání|zahájení))?|začátek)\s*\.?\s*:\s*/iu],
  ['venue', /^(?:místo(?:\s+(?:jednání|konání|setkání))?|kde)\s*\.?\s*:\s*/iu],
  ['topics', /^(?:témata?(?:\s+(?:setkání|jednání))?|program(?:\s+(?:jednání|setkání))?|body\s+jednání|pořad\s+jednání)\s*:\s*/iu],
  // "Přítomni (členové PS):", "Přítomní členové:".
  ['attendees', /^(?:přítomn[iíý]|přítomen|přítomna|účastníci|zúčastnění|zúčastnili\s+se)(?:\s+členové)?(?:\s*\([^)]*\))?\s*:\s*/iu],
  ['excused', /^(?:omluven[iíaý]?|omluvili\s+se|nepřítomn[iíý])(?:\s*\([^)]*\))?\s*:\s*/iu],
  ['guests', /^(?:hosté|host)(?:\s*\([^)]*\))?\s*:\s*/iu],
  ['group', /^(?:pracovní\s+skupina|skupina)\s*:\s*/iu],
  ['recorder', new RegExp(String.raw`^(?:zpracoval${SLASH_A}|zapsal${SLASH_A}|zapisovatel(?:ka)?|zápis\s+(?:zpracoval|zapsal)${SLASH_A})(?:\s*:\s*|\s+|$)`, 'iu')],
  ['verifier', new RegExp(String.raw`^(?:ověřil${SLASH_A}|ověřovatel(?:ka|é)?(?:\s+zápisu)?)(?:\s*:\s*|\s+|$)`, 'iu')],
];

export interface Label {
  kind: LabelKind;
  /** What follows the label on the same line. */
  rest: string;
}

export function labelOf(plain: string): Label | undefined {
  for (const [kind, pattern] of LABELS) {
    const match = pattern.exec(plain);
    if (!match) continue;
    const rest = plain.slice(match[0].length).trim();
    // Without a colon a signature is only a name: "Zapsala Jana Nováková", not "Zapsala jsem, že…".
    if (!match[0].includes(':') && rest && !(/^\p{Lu}/u.test(rest) && rest.split(/\s+/).length <= 5)) continue;
    return { kind, rest };
  }
  return undefined;
}
