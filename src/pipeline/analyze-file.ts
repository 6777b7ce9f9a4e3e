/**
 * read → parse → validate → extract → the file-local part of the model, for one minute. A pure
 * function of the file's bytes and the registers whose result is plain data: it can run in a
 * worker thread, be stored in the cache, and its mdast tree is gone when it returns.
 */
import type { Diagnostic, Span } from '../diagnostics/diagnostic.ts';
import { extractMinute, extractionDiagnostics, type ExtractionContext } from '../extract/extract-minute.ts';
import { modelMinutePart, type MinutePart } from '../model/minute-part.ts';
import type { RenderedText } from '../model/types.ts';
import { parseMinute } from '../parse/parse-minute.ts';
import { decodeSource } from '../read/read-source.ts';
import type { Registers } from '../registers/load-registers.ts';
import type { ProjectPaths } from '../registers/project.ts';
import type { CheckedMinute } from '../validate/validate-archive.ts';
import { validateMinute, type ValidatedMinute } from '../validate/validate-minute.ts';

/** What `minutes validate` needs of a file: its diagnostics and the meeting it records. */
export interface FileSummary {
  /** read, parse and validate diagnostics, in the order they are found. */
  check: Diagnostic[];
  extract: Diagnostic[];
  minute?: SavedMinute;
}

/** A CheckedMinute without its parse: enough to rebuild it (hydrate-minute.ts). */
export interface SavedMinute {
  id: string;
  /** The meeting, which the archive-wide check reads of every minute. */
  meeting: CheckedMinute['meeting'];
  /** Where the frontmatter's YAML stands in the file's text, which is read again if it is needed. */
  yamlOffset: number;
  yamlLength: number;
  /** The YAML itself, only when it is not that stretch of the text (never seen; kept to be safe). */
  yamlText?: string;
  wholeSpan: Span;
}

/**
 * What only the model needs of a file; present when the file has a valid minute. The validated
 * frontmatter is here, not in the summary: a warm `minutes validate` reads every summary from the
 * archive index, which without the frontmatters is half the size (4.3 instead of 8.9 MB at 10,000
 * minutes) and makes far fewer objects.
 */
export interface FileBody {
  extracted: MinutePart['extracted'];
  frontmatter: ValidatedMinute['frontmatter'];
}

export interface FileAnalysis {
  summary: FileSummary;
  body?: FileBody;
  /** The minute's text, present with `body`; cached apart from it (see cache.ts). */
  text?: RenderedText;
}

/** What every file is analysed against, prepared once per run (and per worker). */
export interface AnalysisEnvironment {
  registers: Registers;
  paths: ProjectPaths;
  context: ExtractionContext;
}

export interface FileInput {
  /** Absolute path: the file name and folder are checked. */
  file: string;
  /** Path as shown in diagnostics. */
  shown: string;
  bytes: Uint8Array;
}

export interface AnalyzeFileOptions {
  /**
   * Only the summary is made (`minutes validate`): the body and the text are left for a build to
   * make. Their HTML, plain text and digests are a seventh of a minute's analysis, and their cache
   * entries most of what a cold check wrote. Of extraction only what can report a problem is done
   * (extractionDiagnostics).
   */
  summaryOnly?: boolean;
}

export function analyzeFile(
  { file, shown, bytes }: FileInput,
  { registers, paths, context }: AnalysisEnvironment,
  { summaryOnly = false }: AnalyzeFileOptions = {},
): FileAnalysis {
  const read = decodeSource(shown, bytes);
  if (!read.ok) return { summary: { check: read.diagnostics, extract: [] } };
  const parsed = parseMinute(read.source);
  const { minute, diagnostics } = validateMinute(parsed, registers, paths, file);
  const check = [...parsed.diagnostics, ...diagnostics];
  if (!minute) return { summary: { check, extract: [] } };
  const extraction = summaryOnly ? undefined : extractMinute(minute, context);
  const extract = extraction?.diagnostics ?? extractionDiagnostics(minute, context);
  const { text, offset, wholeSpan } = minute.placement;
  const { group, date, time } = minute.frontmatter;
  const saved: SavedMinute = {
    id: minute.id,
    meeting: { group, date, ...(time === undefined ? {} : { time }) },
    yamlOffset: offset,
    yamlLength: text.length,
    wholeSpan,
  };
  if (read.source.text.slice(offset, offset + text.length) !== text) saved.yamlText = text;
  if (!extraction) return { summary: { check, extract, minute: saved } };
  const part = modelMinutePart(parsed, extraction.extracted);
  return {
    summary: { check, extract, minute: saved },
    body: { extracted: part.extracted, frontmatter: minute.frontmatter },
    text: part.body,
  };
}
