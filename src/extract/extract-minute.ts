import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { diagnose } from '../diagnostics/create.ts';
import { splitDateTime } from '../schema/primitives.ts';
import type { ValidatedParse } from '../validate/validate-minute.ts';
import { extractAnnouncements } from './announcements.ts';
import { extractDecisions } from './decisions.ts';
import { extractMentions } from './mentions.ts';
import type { NameMatcher } from './name-matcher.ts';
import { extractTasks } from './tasks.ts';
import type { AnnouncedMeeting, ExtractedMinute } from './types.ts';
import { extractUpdates } from './updates.ts';
import { blocksOf } from './walk.ts';

/** What extraction needs from the registers, prepared once per run. */
export interface ExtractionContext {
  organizations: NameMatcher;
  groups: NameMatcher;
  /** Every organization name, for "did you mean" on unknown updates. */
  organizationNames: readonly string[];
}

/** Walks the one mdast of a minute: updates, mentions, tasks, decisions, announced meetings. */
export function extractMinute(
  minute: ValidatedParse,
  context: ExtractionContext,
): { extracted: ExtractedMinute; diagnostics: Diagnostic[] } {
  const { tree, source } = minute.parsed;
  const { updates, tasks, announced, diagnostics } = reportedParts(minute, context);
  const mentions = extractMentions(tree, context.organizations, updates.updateBlocks, { text: source.text, locator: minute.parsed.locator });
  const decisions = extractDecisions(tree, source.text);
  return {
    extracted: { updates: updates.updates, mentions, tasks: tasks.tasks, decisions, announced },
    diagnostics,
  };
}

/**
 * What extraction reports about a minute, without what only the web shows: mentions and decisions
 * report nothing, and finding mentions (every word against every organization's names) was about a
 * sixth of a cold check's analysis.
 */
export function extractionDiagnostics(minute: ValidatedParse, context: ExtractionContext): Diagnostic[] {
  return reportedParts(minute, context).diagnostics;
}

/** The parts of extraction that can report a problem: updates, tasks and announced meetings. */
function reportedParts(minute: ValidatedParse, context: ExtractionContext) {
  const { tree, source } = minute.parsed;
  const file = source.path;
  const { date, group, next_meetings } = minute.frontmatter;
  const updates = extractUpdates(tree, source.text, file, context.organizations, context.organizationNames, context.groups);
  const blocks = blocksOf(tree);
  const tasks = extractTasks(blocks.listItems, file, date);
  const diagnostics = [...updates.diagnostics, ...tasks.diagnostics];

  const fromFrontmatter: AnnouncedMeeting[] = (next_meetings ?? []).map((value) => {
    const { date: day, time } = splitDateTime(value);
    return { group, date: day, ...(time ? { time } : {}), from: 'frontmatter' };
  });
  const fromText = extractAnnouncements(blocks.paragraphs, date, group, context.groups);
  const announced = [...fromFrontmatter];
  for (const { meetings, position } of fromText) {
    const ownGroup = meetings.filter((m) => m.group === group);
    if (fromFrontmatter.length === 0 && ownGroup.length > 0) {
      const dates = ownGroup.map((m) => (m.time ? `"${m.date} ${m.time}"` : m.date)).join(', ');
      diagnostics.push(
        diagnose(
          'next-meetings-missing',
          file,
          { start: { line: position.line, column: position.column }, end: { line: position.endLine, column: position.endColumn } },
          { dates },
        ),
      );
    }
    // The frontmatter is the secretary's word for the own group; the text adds what it does not say.
    for (const meeting of meetings) {
      const known = announced.some((a) => a.group === meeting.group && a.date === meeting.date);
      if (!known && (meeting.group !== group || fromFrontmatter.length === 0)) announced.push(meeting);
    }
  }
  return { updates, tasks, announced, diagnostics };
}
