/**
 * Compiled Nunjucks strings, kept per environment. Eleventy 3.1 leaves caching Nunjucks templates to
 * Nunjucks, whose cache holds only what its loader reads (includes, layouts). The strings of a
 * paginated template (its body, its permalink and the templated values of its front matter) are
 * compiled anew for every page: 6,538 compiles for 1,000 minutes, ~3 s of the main thread in a cold
 * build of 10,000. Compiling is a function of the string, its template's name and the environment
 * (its options, async filters and extensions), and the compiled code takes the environment as an
 * argument; a Template given compiled code (`tmplProps`) is exactly how Nunjucks runs precompiled
 * templates. So a string compiled once in an environment is not compiled again there.
 */
import { eleventyRequire } from './eleventy-entry.ts';

/** The members of nunjucks' Template this relies on (nunjucks 3.2, src/environment.js). */
interface NunjucksTemplate {
  env: object;
  path: string | null | undefined;
  tmplStr?: string;
  tmplProps?: CompiledProps;
  blocks: Record<string, unknown>;
  rootRenderFunc: unknown;
  _compile(): void;
}

/** What compiled code gives: `root` and `b_<name>` for each block. */
type CompiledProps = Record<string, unknown>;

const INSTALLED = Symbol.for('kpss-minutes.nunjucks-compile-cache');

/** Installs the cache on the nunjucks that Eleventy uses; once per process. */
export function cacheNunjucksCompiles(): void {
  const { Template } = eleventyRequire()('nunjucks') as { Template?: { prototype: NunjucksTemplate & { [INSTALLED]?: true } } };
  // Another nunjucks than the one this was written for: it compiles as it always did.
  if (!Template || typeof Template.prototype._compile !== 'function' || Template.prototype[INSTALLED]) return;
  const compile = Template.prototype._compile;
  const compiled = new WeakMap<object, Map<string, CompiledProps>>();
  Template.prototype._compile = function (this: NunjucksTemplate) {
    if (this.tmplProps !== undefined || typeof this.tmplStr !== 'string') return compile.call(this);
    let known = compiled.get(this.env);
    if (!known) compiled.set(this.env, (known = new Map()));
    const key = `${this.path ?? ''}\0${this.tmplStr}`;
    const props = known.get(key);
    if (props) this.tmplProps = props;
    compile.call(this);
    if (!props) known.set(key, propsOf(this));
  };
  Template.prototype[INSTALLED] = true;
}

function propsOf(template: NunjucksTemplate): CompiledProps {
  const props: CompiledProps = { root: template.rootRenderFunc };
  for (const [name, block] of Object.entries(template.blocks)) props[`b_${name}`] = block;
  return props;
}
