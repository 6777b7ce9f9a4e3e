import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { diagnose } from '../diagnostics/create.ts';
import type { YamlPlacement } from '../parse/yaml.ts';
import type { Config } from '../schema/config.ts';
import { fold } from '../text/normalize.ts';
import { spanAt } from '../validate/yaml-node.ts';
import type { Organization } from './load-registers.ts';

/** Every name by which an organization is recognised in the text of minutes, with where it is written. */
export function namesOf(named: { name: string; short?: string | undefined; aliases: readonly string[] }): string[] {
  return [named.name, ...(named.short ? [named.short] : []), ...named.aliases];
}

function namePaths(organization: Organization): Array<[string, (string | number)[]]> {
  return [
    [organization.name, ['name']],
    ...(organization.short ? [[organization.short, ['short']] as [string, string[]]] : []),
    ...organization.aliases.map((alias, i): [string, (string | number)[]] => [alias, ['aliases', i]]),
  ];
}

export interface LoadedOrganization {
  organization: Organization;
  placement: YamlPlacement;
}

/**
 * Names must be unambiguous: an update that says "ČvT" can belong to one organization only.
 */
export function checkOrganizationNames(loaded: readonly LoadedOrganization[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const owner = new Map<string, string>();
  for (const { organization, placement } of loaded) {
    const seenHere = new Set<string>();
    for (const [name, path] of namePaths(organization)) {
      const key = fold(name);
      if (seenHere.has(key)) continue;
      seenHere.add(key);
      const other = owner.get(key);
      if (other) {
        diagnostics.push(
          diagnose('duplicate-alias', organization.file, spanAt(placement, path, 'value'), { alias: name, other }),
        );
      } else owner.set(key, organization.id);
    }
  }
  return diagnostics;
}

export function checkGroupIds(config: Config | undefined, placement: YamlPlacement | undefined): Diagnostic[] {
  const seen = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  config?.groups.forEach((group, i) => {
    if (seen.has(group.id) && placement) {
      diagnostics.push(diagnose('duplicate-group', placement.file, spanAt(placement, ['groups', i, 'id'], 'value'), { group: group.id }));
    }
    seen.add(group.id);
  });
  return diagnostics;
}
