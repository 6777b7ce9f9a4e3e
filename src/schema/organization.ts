import * as z from 'zod';
import { nonEmptyText } from './primitives.ts';

export const ORGANIZATION_KINDS = ['NNO', 'město', 'kraj', 'stát', 'projekt', 'církev', 'jiné'] as const;

const contact = z
  .strictObject({
    label: nonEmptyText.optional().meta({ description: 'Co kontakt je, např. „Kontaktní centrum“.' }),
    name: nonEmptyText.optional().meta({ description: 'Jméno kontaktní osoby.' }),
    email: z.email().optional().meta({ description: 'Veřejný e-mail.' }),
    phone: nonEmptyText.optional().meta({ description: 'Veřejný telefon.' }),
    address: nonEmptyText.optional().meta({ description: 'Adresa.' }),
  })
  .meta({ description: 'Veřejný kontakt organizace.' });

/** One member organization; its id is the file name (organizations/<id>.yaml). */
export const organizationSchema = z
  .strictObject({
    name: nonEmptyText.meta({ description: 'Úplný název organizace.' }),
    short: nonEmptyText.optional().meta({ description: 'Zkratka nebo krátký název, např. ČvT.' }),
    aliases: z
      .array(nonEmptyText)
      .default([])
      .meta({ description: 'Všechny podoby názvu, jak se objevují v zápisech (např. „Most k Naději“).' }),
    kind: z.enum(ORGANIZATION_KINDS).meta({ description: 'Druh: NNO, město, kraj, stát, projekt, církev, jiné.' }),
    website: z.url({ protocol: /^https?$/ }).optional().meta({ description: 'Webová stránka.' }),
    description: nonEmptyText.optional().meta({ description: 'Krátký popis činnosti.' }),
    contacts: z.array(contact).default([]).meta({ description: 'Veřejné kontakty.' }),
  })
  .meta({ title: 'Organizace v rejstříku KPSS' });

export type OrganizationData = z.output<typeof organizationSchema>;
