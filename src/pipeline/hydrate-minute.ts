import { parseDocument, type Document } from 'yaml';
import { createLocator, type Locator } from '../parse/locator.ts';
import type { ParsedYaml, YamlPlacement } from '../parse/yaml.ts';
import { normalizeText } from '../read/read-source.ts';
import type { CheckedMinute } from '../validate/validate-archive.ts';
import type { SavedMinute } from './analyze-file.ts';

/**
 * A CheckedMinute from its saved summary and the file's bytes. The bytes, text, YAML document
 * and locator are read and made only when asked for: an archive-wide stage (duplicate
 * meetings, the model) reads little of them, and 10,000 minutes must not each keep a tree and a
 * YAML document.
 */
export function hydrateMinute(shown: string, readBytes: () => Uint8Array, saved: SavedMinute): CheckedMinute {
  let text: string | undefined;
  // Same text as decodeSource gave the parse: TextDecoder drops the BOM, normalizeText the CRs.
  const getText = () => (text ??= normalizeText(new TextDecoder().decode(readBytes())));
  let locator: Locator | undefined;
  const getLocator = () => (locator ??= createLocator(getText()));
  let document: Document.Parsed | undefined;
  const yamlText = () => saved.yamlText ?? getText().slice(saved.yamlOffset, saved.yamlOffset + saved.yamlLength);
  const placement: YamlPlacement = {
    file: shown,
    get document() {
      return (document ??= parseDocument(yamlText(), { prettyErrors: false, uniqueKeys: true }));
    },
    get text() {
      return yamlText();
    },
    offset: saved.yamlOffset,
    wholeSpan: saved.wholeSpan,
    spanOf: (range) => getLocator().spanOf(range),
  };
  let data: Record<string, unknown> | undefined;
  const frontmatter: ParsedYaml = {
    placement,
    get data() {
      return (data ??= (placement.document.toJS() ?? {}) as Record<string, unknown>);
    },
    diagnostics: [],
  };
  const source = {
    path: shown,
    get text() {
      return getText();
    },
  };
  const parsed: CheckedMinute['parsed'] = {
    source,
    frontmatter,
    get locator() {
      return getLocator();
    },
    diagnostics: [],
  };
  return { id: saved.id, parsed, placement, meeting: saved.meeting };
}
