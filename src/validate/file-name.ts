import path from 'node:path';

export interface MinuteFileName {
  id: string;
  date: string;
  /** Group id and suffix together ("cizinci", "cizinci-2"): the group is known only with the frontmatter. */
  rest: string;
}

const NAME = /^(\d{4}-\d{2}-\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)\.md$/;

export function parseMinuteFileName(file: string): MinuteFileName | undefined {
  const match = NAME.exec(path.basename(file));
  if (!match) return undefined;
  return { id: path.basename(file, '.md'), date: match[1]!, rest: match[2]! };
}

/** The group a file name names, given the group the frontmatter claims (ids may contain digits). */
export function groupOfFileName(name: MinuteFileName, claimedGroup: string): string {
  // The claimed group is the secretary's text, not a pattern: compared as a string (`cizinci (` once crashed the run).
  if (name.rest === claimedGroup || (name.rest.startsWith(`${claimedGroup}-`) && /^\d+$/.test(name.rest.slice(claimedGroup.length + 1)))) {
    return claimedGroup;
  }
  return name.rest.replace(/-\d+$/, '');
}
