/**
 * Where Eleventy is installed, and a require that finds packages as Eleventy does (its nunjucks).
 * Resolved when first asked, not on import: a worker bundle in the temp folder (the spare survey)
 * imports modules that import this one, and no Eleventy can be found from there.
 */
import { createRequire } from 'node:module';

let entry: string | undefined;
let required: NodeJS.Require | undefined;

export function eleventyEntry(): string {
  return (entry ??= createRequire(import.meta.url).resolve('@11ty/eleventy'));
}

export function eleventyRequire(): NodeJS.Require {
  return (required ??= createRequire(eleventyEntry()));
}
