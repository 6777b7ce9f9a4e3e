/**
 * A published stylesheet or script, minified by esbuild (which already bundles the search script):
 * the site's CSS and Pagefind's module, both downloaded by every first search.
 */
export async function minify(source: string, loader: 'css' | 'js', file?: string): Promise<string> {
  const { transform } = await import('esbuild');
  const options = loader === 'js' ? { format: 'esm' as const } : {};
  return (await transform(source, { loader, minify: true, charset: 'utf8', sourcefile: file, ...options })).code;
}
