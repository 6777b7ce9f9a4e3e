import { RULE_DOCS_COMMAND, RULE_DOCS_FILE, renderRuleDocs } from '../rules/docs.ts';
import { parseGenerateOptions, syncGeneratedFiles } from './schema.ts';

/** `minutes docs [--check]`: docs/pravidla.md, generated from the rule catalogue. */
export async function runDocs(args: string[]): Promise<number> {
  const { check, root } = parseGenerateOptions(args, 'docs');
  return syncGeneratedFiles(root, [{ fileName: RULE_DOCS_FILE, text: renderRuleDocs() }], {
    check,
    command: RULE_DOCS_COMMAND,
  });
}
