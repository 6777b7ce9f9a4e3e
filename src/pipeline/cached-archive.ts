/**
 * analyzeArchive with the per-file cache (cache.ts): a file whose bytes, path, registers and tool
 * are unchanged is neither parsed nor checked again. Its diagnostics come from the summary entry;
 * its Markdown tree and extracted data are loaded from the body entry only when something reads
 * them (the model), so `minutes validate` on a warm cache reads small summaries and nothing else.
 * The result — diagnostics in the same order, the same minutes, the same extracted data — is the
 * one analyzeArchive computes without a cache.
 */
import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Root } from 'mdast';
import { parseDocument, type Document } from 'yaml';
import { FILE_START, compareDiagnostics, type Diagnostic, type Span } from '../diagnostics/diagnostic.ts';
import { diagnose } from '../diagnostics/create.ts';
import { extractionContext } from '../extract/context.ts';
import { extractMinute, type ExtractionContext } from '../extract/extract-minute.ts';
import type { ExtractedMinute } from '../extract/types.ts';
import { createLocator, type Locator } from '../parse/locator.ts';
import { parseMinute, type ParsedMinute } from '../parse/parse-minute.ts';
import type { ParsedYaml, YamlPlacement } from '../parse/yaml.ts';
import { decodeSource, normalizeText } from '../read/read-source.ts';
import { loadRegisters, type Registers } from '../registers/load-registers.ts';
import { displayPath, projectPaths, type ProjectPaths } from '../registers/project.ts';
import { validateArchive } from '../validate/validate-archive.ts';
import { validateMinute, type ValidatedMinute } from '../validate/validate-minute.ts';
import type { AnalyzedArchive, AnalyzedMinute } from './analyze-archive.ts';
import { FileCache, registersHash, toolVersion } from './cache.ts';
import { archiveTargets } from './check-archive.ts';

interface Summary {
  /** read, parse and validate diagnostics, in the order they are found. */
  check: Diagnostic[];
  extract: Diagnostic[];
  minute?: { id: string; frontmatter: ValidatedMinute['frontmatter']; yamlText: string; yamlOffset: number; wholeSpan: Span };
}

interface Body {
  tree: Root;
  extracted: ExtractedMinute;
}

interface Fresh {
  summary: Summary;
  body?: Body;
  minute?: ValidatedMinute;
}

export async function analyzeArchiveCached(
  root: string,
  files: readonly string[] | undefined,
  options: { cacheDir: string; needBodies: boolean },
): Promise<AnalyzedArchive> {
  const paths = projectPaths(root);
  const registers = await loadRegisters(paths);
  const context = extractionContext(registers);
  const cache = new FileCache(options.cacheDir, `${toolVersion()}\0${await registersHash(registerFiles(paths))}`);
  const targets = await archiveTargets(paths, files);

  const check: Diagnostic[] = [...registers.diagnostics];
  const extract: Diagnostic[] = [];
  const minutes: ValidatedMinute[] = [];
  const analyzed: AnalyzedMinute[] = [];
  for (const file of targets) {
    const shown = displayPath(paths.root, file);
    let bytes: Uint8Array;
    try {
      bytes = await readFile(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      check.push(diagnose('file-not-found', shown, FILE_START));
      continue;
    }
    const key = cache.keyOf(shown, bytes);
    let summary = await cache.get<Summary>(key, 's');
    let fresh: Fresh | undefined;
    if (!summary) {
      fresh = analyzeFile(file, shown, bytes, registers, paths, context);
      summary = fresh.summary;
      await cache.put(key, 's', fresh.summary);
      if (fresh.body) await cache.put(key, 'b', fresh.body);
    }
    check.push(...summary.check);
    extract.push(...summary.extract);
    if (!summary.minute) continue;
    if (fresh?.minute && fresh.body) {
      minutes.push(fresh.minute);
      analyzed.push({ minute: fresh.minute, extracted: fresh.body.extracted });
      continue;
    }
    // A hit: the minute as validateMinute made it, with its tree and extracted data loaded on first use.
    let body: Body | undefined;
    const loadBody = (): Body => {
      if (body) return body;
      body = cache.getSync<Body>(key, 'b');
      if (!body) {
        const again = analyzeFile(file, shown, bytes, registers, paths, context);
        if (!again.body) throw new Error(`${shown}: the cached analysis does not match the file`);
        body = again.body;
        void cache.put(key, 'b', body);
      }
      return body;
    };
    const minute = hydrate(shown, new TextDecoder().decode(bytes), summary.minute, loadBody);
    if (options.needBodies) loadBody();
    minutes.push(minute);
    analyzed.push({
      minute,
      get extracted() {
        return loadBody().extracted;
      },
    });
  }
  check.push(...validateArchive(minutes));
  check.sort(compareDiagnostics);
  const diagnostics = [...check, ...extract].sort(compareDiagnostics);
  return { paths, registers, minutes, diagnostics, analyzed };
}

/** Exactly what checkArchive and analyzeArchive do for one file. */
function analyzeFile(
  file: string,
  shown: string,
  bytes: Uint8Array,
  registers: Registers,
  paths: ProjectPaths,
  context: ExtractionContext,
): Fresh {
  const read = decodeSource(shown, bytes);
  if (!read.ok) return { summary: { check: read.diagnostics, extract: [] } };
  const parsed = parseMinute(read.source);
  const { minute, diagnostics } = validateMinute(parsed, registers, paths, file);
  const check = [...parsed.diagnostics, ...diagnostics];
  if (!minute) return { summary: { check, extract: [] } };
  const { extracted, diagnostics: extract } = extractMinute(minute, context);
  const placement = minute.placement;
  return {
    summary: {
      check,
      extract,
      minute: { id: minute.id, frontmatter: minute.frontmatter, yamlText: placement.text, yamlOffset: placement.offset, wholeSpan: placement.wholeSpan },
    },
    body: { tree: parsed.tree, extracted },
    minute,
  };
}

/** A ValidatedMinute from its summary; the YAML document, locator and tree are built only if used. */
function hydrate(shown: string, rawText: string, saved: NonNullable<Summary['minute']>, loadBody: () => Body): ValidatedMinute {
  const text = normalizeText(rawText);
  let locator: Locator | undefined;
  const getLocator = () => (locator ??= createLocator(text));
  let document: Document.Parsed | undefined;
  const placement: YamlPlacement = {
    file: shown,
    get document() {
      return (document ??= parseDocument(saved.yamlText, { prettyErrors: false, uniqueKeys: true }));
    },
    text: saved.yamlText,
    offset: saved.yamlOffset,
    wholeSpan: saved.wholeSpan,
    spanOf: (range) => getLocator().spanOf(range),
  };
  let data: Record<string, unknown> | undefined;
  const frontmatter: ParsedYaml = {
    placement,
    get data() {
      return (data ??= (placement.document.toJS() ?? {}) as Record<string, unknown>);
    },
    diagnostics: [],
  };
  const parsed: ParsedMinute = {
    source: { path: shown, text },
    get tree() {
      return loadBody().tree;
    },
    frontmatter,
    get locator() {
      return getLocator();
    },
    diagnostics: [],
  };
  return { id: saved.id, parsed, frontmatter: saved.frontmatter, placement };
}

/** The files the registers are read from; any change to them changes every file's key. */
function registerFiles(paths: ProjectPaths): string[] {
  const files = [paths.config];
  const walk = (dir: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.isFile()) files.push(full);
    }
  };
  walk(paths.organizations);
  return files;
}
