import * as z from 'zod';
import { clockTime, dateOrDateTime, isoDate, nonEmptyText } from './primitives.ts';

const personEntry = z.union([
  nonEmptyText.meta({ description: 'Jméno osoby, např. „Lukáš Průcha“ nebo jen „Průcha“.' }),
  z
    .strictObject({
      name: nonEmptyText.meta({ description: 'Jméno osoby.' }),
      organization: nonEmptyText.optional().meta({ description: 'Id organizace z rejstříku (název souboru ve složce organizations/).' }),
      role: nonEmptyText.optional().meta({ description: 'Funkce nebo role, např. „vedoucí“, „metodička APK“.' }),
    })
    .meta({ description: 'Osoba s organizací z rejstříku.' }),
]);

const people = (description: string) => z.array(personEntry).meta({ description });

/** Keys in English (stable for tools), values in Czech (written by the secretary). */
export const minuteFrontmatterSchema = z
  .strictObject({
    title: nonEmptyText.optional().meta({ description: 'Nadpis zápisu, jak ho uvádí dokument (nepovinné).' }),
    date: isoDate.meta({ description: 'Datum jednání (RRRR-MM-DD); musí souhlasit s názvem souboru.' }),
    time: clockTime.optional().meta({ description: 'Čas začátku jednání (HH:MM).' }),
    end_time: clockTime.optional().meta({ description: 'Čas konce jednání (HH:MM).' }),
    group: nonEmptyText.meta({ description: 'Id pracovní skupiny z minutes.config.yaml, např. cizinci.' }),
    venue: nonEmptyText.optional().meta({ description: 'Místo jednání, např. „ČvT, U Tiskárny 81/1“ nebo „online“.' }),
    attendees: people('Přítomní: jména, nebo položky {name, organization}.').optional(),
    guests: people('Hosté jednání.').optional(),
    excused: people('Omluvení.').optional(),
    topics: z
      .array(nonEmptyText)
      .min(1)
      .meta({ description: 'Program (témata setkání): neprázdný seznam bodů.' }),
    recorder: nonEmptyText.optional().meta({ description: 'Kdo zápis zpracoval (Zpracoval/a, Zapsal/a).' }),
    verifier: nonEmptyText.optional().meta({ description: 'Kdo zápis ověřil (Ověřil/a).' }),
    status: z
      .enum(['draft', 'approved'])
      .default('approved')
      .meta({ description: 'Stav zápisu: draft (koncept) nebo approved (schválený, výchozí).' }),
    next_meetings: z
      .array(dateOrDateTime)
      .optional()
      .meta({ description: 'Ohlášená příští jednání: data, případně s časem (RRRR-MM-DD HH:MM).' }),
    source: nonEmptyText
      .optional()
      .meta({ description: 'Původní dokument, ze kterého byl zápis převeden (u importovaných zápisů).' }),
    public_contacts: z
      .array(nonEmptyText)
      .optional()
      .meta({
        description:
          'Telefony a e-maily, které smějí být v tomto zápisu zveřejněny (pracovní kontakt řečený na jednání); kontrola soukromí je pak neohlásí.',
      }),
  })
  .meta({
    title: 'Záhlaví zápisu z jednání KPSS',
    description: 'Údaje o jednání pracovní skupiny komunitního plánování sociálních služeb.',
  });

export type MinuteFrontmatter = z.output<typeof minuteFrontmatterSchema>;
export type PersonEntry = z.output<typeof personEntry>;

/** What each required key means, for the missing-key message. */
export const REQUIRED_KEY_LABELS: Record<string, string> = {
  date: 'datum jednání',
  group: 'pracovní skupina',
  topics: 'program jednání',
  name: 'jméno',
  title: 'název',
  id: 'identifikátor',
};
