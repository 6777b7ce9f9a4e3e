/** A stylesheet as published: minified by esbuild, which already bundles the search script. */
export async function minifyCss(css: string, file: string): Promise<string> {
  const { transform } = await import('esbuild');
  return (await transform(css, { loader: 'css', minify: true, sourcefile: file, charset: 'utf8' })).code;
}
