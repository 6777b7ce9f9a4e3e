/**
 * The site's URLs. They are part of the product (people bookmark and cite them), so they live in
 * one place. Every path here is site-relative ("/zapisy/…/"); the base path is added at the very
 * end (Eleventy's `url` filter in templates, `withBase` in generated text).
 */

export const routes = {
  home: '/',
  meetings: '/zapisy/',
  meeting: (id: string) => `/zapisy/${encodeURIComponent(id)}/`,
  groups: '/skupiny/',
  group: (id: string) => `/skupiny/${encodeURIComponent(id)}/`,
  groupCalendar: (id: string) => `/skupiny/${encodeURIComponent(id)}/kalendar.ics`,
  organizations: '/organizace/',
  organization: (id: string) => `/organizace/${encodeURIComponent(id)}/`,
  years: '/roky/',
  year: (year: string) => `/roky/${encodeURIComponent(year)}/`,
  tasks: '/ukoly/',
  decisions: '/usneseni/',
  search: '/hledat/',
  notFound: '/404.html',
  feed: '/feed.xml',
  calendar: '/kalendar.ics',
  data: '/data/archive.json',
  stylesheet: '/assets/style.css',
} as const;

/** "zapisy" / "/zapisy" / "/zapisy/" → "/zapisy/"; "" → "/". */
export function normalizeBasePath(basePath: string | undefined): string {
  const trimmed = (basePath ?? '/').trim();
  if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed) || trimmed.startsWith('//')) {
    throw new Error(`Základní cesta musí být cesta na serveru, ne adresa: „${trimmed}“ (např. /zapisy/).`);
  }
  const inner = trimmed.split('/').filter(Boolean).join('/');
  return inner ? `/${inner}/` : '/';
}

/** A site-relative path under the base path: ("/zapisy/", "/skupiny/x/") → "/zapisy/skupiny/x/". */
export function withBase(basePath: string, sitePath: string): string {
  return normalizedBase(basePath) + sitePath.replace(/^\/+/, '');
}

/**
 * normalizeBasePath, remembered: the `url` filter calls withBase for every link of every page
 * (~0.4 s of a cold render of 10,000 minutes), always with the one base path of the build.
 */
function normalizedBase(basePath: string): string {
  let base = normalizedBases.get(basePath);
  if (base === undefined) normalizedBases.set(basePath, (base = normalizeBasePath(basePath)));
  return base;
}

const normalizedBases = new Map<string, string>();

/**
 * The `url` template filter: a site path under the base path; absolute URLs ("https://…",
 * "mailto:…", "//host") and in-page anchors ("#x") pass through unchanged.
 */
export function siteUrl(basePath: string, value: string): string {
  if (/^(?:[a-z][a-z0-9+.-]*:|\/\/|#)/i.test(value)) return value;
  return withBase(basePath, value.startsWith('/') ? value : `/${value}`);
}

/** An absolute URL of a site path on the public origin of `baseUrl` under `basePath`. */
export function absoluteUrl(baseUrl: string, basePath: string, sitePath: string): string {
  return new URL(withBase(basePath, sitePath), baseUrl).href;
}

/** The path part of the configured public address: "https://x.github.io/zapisy/" → "/zapisy/". */
export function basePathOf(baseUrl: string): string {
  try {
    return normalizeBasePath(new URL(baseUrl).pathname);
  } catch {
    return '/';
  }
}

/** "Upravit na GitHubu" link of a file in the repository. */
export function editUrl(repository: string, branch: string, file: string): string {
  const repo = repository.replace(/\/+$/, '');
  const encoded = file.split('/').map(encodeURIComponent).join('/');
  return `${repo}/edit/${encodeURIComponent(branch)}/${encoded}`;
}

/** A folder of the repository on GitHub. */
export function folderUrl(repository: string, branch: string, folder: string): string {
  return `${repository.replace(/\/+$/, '')}/tree/${encodeURIComponent(branch)}/${folder.split('/').map(encodeURIComponent).join('/')}`;
}

/** The register file of an organization: its id is the file name (organizations/<id>.yaml). */
export function organizationFile(id: string): string {
  return `organizations/${id}.yaml`;
}

export const CONFIG_FILE_PATH = 'minutes.config.yaml';
