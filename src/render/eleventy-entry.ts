/** Where Eleventy is installed, and a require that finds packages as Eleventy does (its nunjucks). */
import { createRequire } from 'node:module';

export const ELEVENTY_ENTRY = createRequire(import.meta.url).resolve('@11ty/eleventy');

export const eleventyRequire = createRequire(ELEVENTY_ENTRY);
