import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { FILE_START } from '../diagnostics/diagnostic.ts';
import { diagnose } from '../diagnostics/create.ts';
import { parseYamlFile } from '../parse/parse-yaml-file.ts';
import type { YamlPlacement } from '../parse/yaml.ts';
import { discoverFiles } from '../read/discover.ts';
import { readSource } from '../read/read-source.ts';
import { ID_PATTERN } from '../schema/primitives.ts';
import { configSchema, type Config, type GroupConfig } from '../schema/config.ts';
import { organizationSchema, type OrganizationData } from '../schema/organization.ts';
import { validateWithSchema } from '../validate/schema-diagnostics.ts';
import { checkGroupIds, checkOrganizationNames, type LoadedOrganization } from './register-names.ts';
import { displayPath, type ProjectPaths } from './project.ts';

export interface Organization extends OrganizationData {
  id: string;
  file: string;
}

/** The archive's registers: what minutes are checked against. */
export interface Registers {
  config: Config | undefined;
  groups: Map<string, GroupConfig>;
  organizations: Map<string, Organization>;
  diagnostics: Diagnostic[];
}

export async function loadRegisters(paths: ProjectPaths): Promise<Registers> {
  const diagnostics: Diagnostic[] = [];
  const { config, placement } = await loadConfig(paths, diagnostics);
  const files = existsSync(paths.organizations)
    ? await discoverFiles([paths.organizations], (name) => /\.ya?ml$/i.test(name))
    : [];
  const loaded: LoadedOrganization[] = [];
  for (const file of files) {
    const organization = await loadOrganization(paths, file, diagnostics);
    if (organization) loaded.push(organization);
  }
  diagnostics.push(...checkOrganizationNames(loaded), ...checkGroupIds(config, placement));
  const organizations = new Map(loaded.map(({ organization }) => [organization.id, organization]));
  const groups = new Map((config?.groups ?? []).map((group) => [group.id, group]));
  return { config, groups, organizations, diagnostics };
}

async function loadConfig(
  paths: ProjectPaths,
  diagnostics: Diagnostic[],
): Promise<{ config: Config | undefined; placement: YamlPlacement | undefined }> {
  const shown = displayPath(paths.root, paths.config);
  if (!existsSync(paths.config)) {
    diagnostics.push(diagnose('config-missing', shown, FILE_START, { file: shown }));
    return { config: undefined, placement: undefined };
  }
  const parsed = await readYaml(paths.config, shown, diagnostics);
  if (!parsed) return { config: undefined, placement: undefined };
  const { value, diagnostics: problems } = validateWithSchema(configSchema, parsed.data, parsed.placement);
  diagnostics.push(...problems);
  return { config: value, placement: parsed.placement };
}

async function loadOrganization(
  paths: ProjectPaths,
  file: string,
  diagnostics: Diagnostic[],
): Promise<LoadedOrganization | undefined> {
  const shown = displayPath(paths.root, file);
  const parsed = await readYaml(file, shown, diagnostics);
  if (!parsed) return undefined;
  // The file name is the id whatever the content says, so it is checked even when the content fails.
  const id = path.basename(file).replace(/\.ya?ml$/i, '');
  if (!ID_PATTERN.test(id)) {
    diagnostics.push(diagnose('organization-file-name', shown, parsed.placement.wholeSpan, { name: path.basename(file) }));
  }
  const { value, diagnostics: problems } = validateWithSchema(organizationSchema, parsed.data, parsed.placement);
  diagnostics.push(...problems);
  if (!value) return undefined;
  return { organization: { ...value, id, file: shown }, placement: parsed.placement };
}

async function readYaml(file: string, shown: string, diagnostics: Diagnostic[]) {
  const read = await readSource(file, shown);
  if (!read.ok) {
    diagnostics.push(...read.diagnostics);
    return undefined;
  }
  const parsed = parseYamlFile(read.source);
  diagnostics.push(...parsed.diagnostics);
  return parsed.data ? parsed : undefined;
}
