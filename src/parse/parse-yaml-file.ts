import type { SourceFile } from '../read/read-source.ts';
import { createLocator } from './locator.ts';
import { parseYamlText, type ParsedYaml } from './yaml.ts';

/** A register file (organizations/*.yaml, minutes.config.yaml), parsed once with its positions. */
export function parseYamlFile(source: SourceFile): ParsedYaml {
  const locator = createLocator(source.text);
  // The first line stands for the whole file (a register file's name is at fault, say).
  const firstLineEnd = source.text.indexOf('\n');
  const whole = locator.spanOf([0, firstLineEnd === -1 ? source.text.length : firstLineEnd]);
  return parseYamlText(source.path, source.text, 0, whole, locator.spanOf);
}
