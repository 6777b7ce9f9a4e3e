import path from 'node:path';

/** Where an archive keeps its parts; every command works from one project root. */
export interface ProjectPaths {
  root: string;
  config: string;
  minutes: string;
  organizations: string;
}

export const CONFIG_FILE = 'minutes.config.yaml';

export function projectPaths(root: string): ProjectPaths {
  const absolute = path.resolve(root);
  return {
    root: absolute,
    config: path.join(absolute, CONFIG_FILE),
    minutes: path.join(absolute, 'minutes'),
    organizations: path.join(absolute, 'organizations'),
  };
}

/** Paths shown to people are relative to the project root with forward slashes, like git shows them. */
export function displayPath(root: string, file: string): string {
  // The common case without path.relative, which costs more than the rest of a warm check's step per file.
  const prefix = root.endsWith(path.sep) ? root : `${root}${path.sep}`;
  if (file.startsWith(prefix) && !file.includes(`${path.sep}..`) && !file.includes(`${path.sep}.${path.sep}`)) {
    return file.slice(prefix.length).split(path.sep).join('/');
  }
  const relative = path.relative(root, file);
  return (relative.startsWith('..') ? file : relative).split(path.sep).join('/');
}
