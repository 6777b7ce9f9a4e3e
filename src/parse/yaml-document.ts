import { parseDocument, type Document } from 'yaml';

/** The document with every node's range (the `yaml` package, not a plain JSON loader), so validation can point at the exact value. */
export function parseYamlDocument(yamlText: string): Document.Parsed {
  return parseDocument(yamlText, { prettyErrors: false, uniqueKeys: true });
}
