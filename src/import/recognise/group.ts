import type { NameMatcher } from '../../extract/name-matcher.ts';

export interface GroupEvidence {
  /** `--group`. */
  override?: string | undefined;
  /** "Pracovní skupina: …". */
  label?: string | undefined;
  /** The title ("Pracovní setkání skupiny pro cizince…", "Zápis z jednání Řídicí pracovní skupiny"). */
  title?: string | undefined;
  /** Group names under the letterhead. */
  header: readonly string[];
}

export interface DetectedGroup {
  id?: string;
  error?: string;
  review: string[];
}

/**
 * Which working group met, from the document's own words against the groups' names and aliases
 * in minutes.config.yaml: a "Pracovní skupina:" line, else the title, else the letterhead.
 * A document that names no group, or several, is not guessed: `--group` must tell.
 */
export function detectGroup(evidence: GroupEvidence, groups: NameMatcher): DetectedGroup {
  const sources = [evidence.label, evidence.title, evidence.header.join('\n')].filter((text): text is string => Boolean(text));
  let named: string[] = [];
  for (const text of sources) {
    named = [...new Set(groups.findAll(text).map((match) => match.id))];
    if (named.length) break;
  }
  if (evidence.override) {
    const review = named.length && !named.includes(evidence.override)
      ? [`Dokument uvádí skupinu ${named.join(', ')}, zapsána je skupina ${evidence.override} podle --group.`]
      : [];
    return { id: evidence.override, review };
  }
  if (named.length === 1) return { id: named[0]!, review: [] };
  if (named.length > 1) {
    return { error: `Nelze určit pracovní skupinu: dokument jmenuje několik skupin (${named.join(', ')}). Zadejte ji volbou --group <id>.`, review: [] };
  }
  return {
    error: 'Nelze určit pracovní skupinu: dokument nejmenuje žádnou ze skupin z minutes.config.yaml. Zadejte ji volbou --group <id>.',
    review: [],
  };
}
