import type { Registers } from '../registers/load-registers.ts';
import { namesOf } from '../registers/register-names.ts';
import type { ExtractionContext } from './extract-minute.ts';
import { NameMatcher } from './name-matcher.ts';

export function extractionContext(registers: Registers): ExtractionContext {
  const organizations = [...registers.organizations.values()];
  return {
    organizations: new NameMatcher(organizations),
    groups: new NameMatcher(registers.groups.values()),
    organizationNames: organizations.flatMap((o) => namesOf(o)),
  };
}
