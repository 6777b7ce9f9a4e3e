import * as z from 'zod';
import { entityId, nonEmptyText } from './primitives.ts';

const group = z
  .strictObject({
    id: entityId.meta({ description: 'Id skupiny: používá se v názvech souborů a adresách, neměňte ho.' }),
    name: nonEmptyText.meta({ description: 'Úplný český název skupiny.' }),
    short: nonEmptyText.meta({ description: 'Krátký název, např. ŘPS.' }),
    aliases: z.array(nonEmptyText).default([]).meta({ description: 'Jiné podoby názvu, jak je uvádějí zápisy.' }),
    description: nonEmptyText.optional(),
  })
  .meta({ description: 'Pracovní skupina.' });

const privacyLevel = z
  .enum(['warning', 'error'])
  .optional()
  .meta({ description: 'warning (varování, výchozí) nebo error (chyba: web se nesestaví).' });

export const configSchema = z
  .strictObject({
    site: z.strictObject({
      title: nonEmptyText.meta({ description: 'Název webu archivu.' }),
      description: nonEmptyText.optional(),
      base_url: z.url({ protocol: /^https?$/ }).meta({ description: 'Adresa, na které je web zveřejněn.' }),
      language: z.literal('cs').default('cs'),
      repository: z.url({ protocol: /^https?$/ }).meta({ description: 'Adresa repozitáře na GitHubu (pro odkazy „Upravit na GitHubu“).' }),
      branch: nonEmptyText.default('main'),
    }),
    groups: z.array(group).min(1).meta({ description: 'Pracovní skupiny komunitního plánování.' }),
    privacy: z
      .strictObject({
        phone: privacyLevel,
        email: privacyLevel,
        birth_number: privacyLevel,
      })
      .optional()
      .meta({ description: 'Jak závažné je telefonní číslo, e-mail a rodné číslo v zápisu (výchozí: varování).' }),
  })
  .meta({ title: 'Konfigurace archivu zápisů KPSS' });

export type Config = z.output<typeof configSchema>;
export type GroupConfig = Config['groups'][number];
