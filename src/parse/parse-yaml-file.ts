import type { SourceFile } from '../read/read-source.ts';
import { createLocator } from './locator.ts';
import { parseYamlText, type ParsedYaml } from './yaml.ts';

/** A register file (organizations/*.yaml, minutes.config.yaml), parsed once with its positions. */
export function parseYamlFile(source: SourceFile): ParsedYaml {
  const locator = createLocator(source.text);
  const whole = locator.spanOf([0, Math.min(source.text.indexOf('\n') + 1 || source.text.length, source.text.length)]);
  return parseYamlText(source.path, source.text, 0, whole, locator.spanOf);
}
