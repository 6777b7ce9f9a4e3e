import type { Document } from 'yaml';
import type { Span } from '../diagnostics/diagnostic.ts';
import { createLocator, type Locator } from '../parse/locator.ts';
import { parseYamlDocument } from '../parse/yaml-document.ts';
import type { ParsedYaml, YamlPlacement } from '../parse/yaml.ts';
import { normalizeText } from '../read/read-source.ts';
import type { CheckedMinute } from '../validate/validate-archive.ts';
import type { ValidatedMinute } from '../validate/validate-minute.ts';
import type { SavedMinute } from './analyze-file.ts';

/**
 * A CheckedMinute from its saved summary and the file's bytes. Only the id and the meeting are
 * held; the bytes, text, YAML document and locator are read and made when first asked for. A warm
 * `minutes validate` keeps 10,000 of these and reads of each only its id, meeting and path, so each
 * is a few objects with getters on their prototypes rather than a dozen closures: garbage
 * collection was a fifth of that run.
 */
export function hydrateMinute(shown: string, readBytes: () => Uint8Array, saved: SavedMinute): CheckedMinute {
  return new HydratedMinute(new SavedFile(shown, readBytes, saved), saved);
}

/** hydrateMinute with the validated frontmatter, loaded when first read (from the body cache entry). */
export function hydrateValidatedMinute(
  shown: string,
  readBytes: () => Uint8Array,
  saved: SavedMinute,
  loadFrontmatter: () => ValidatedMinute['frontmatter'],
): ValidatedMinute & CheckedMinute {
  return new HydratedValidatedMinute(new SavedFile(shown, readBytes, saved), saved, loadFrontmatter);
}

/** One minute's file as its summary describes it; everything else is derived on demand. */
class SavedFile {
  #text: string | undefined;
  #locator: Locator | undefined;
  #document: Document.Parsed | undefined;
  #data: Record<string, unknown> | undefined;

  constructor(
    readonly path: string,
    private readonly readBytes: () => Uint8Array,
    private readonly saved: SavedMinute,
  ) {}

  /** Same text as decodeSource gave the parse: TextDecoder drops the BOM, normalizeText the CRs. */
  get text(): string {
    return (this.#text ??= normalizeText(new TextDecoder().decode(this.readBytes())));
  }

  get locator(): Locator {
    return (this.#locator ??= createLocator(this.text));
  }

  get yamlText(): string {
    const { yamlText, yamlOffset, yamlLength } = this.saved;
    return yamlText ?? this.text.slice(yamlOffset, yamlOffset + yamlLength);
  }

  get document(): Document.Parsed {
    return (this.#document ??= parseYamlDocument(this.yamlText));
  }

  get data(): Record<string, unknown> {
    return (this.#data ??= (this.document.toJS() ?? {}) as Record<string, unknown>);
  }

  get offset(): number {
    return this.saved.yamlOffset;
  }

  get wholeSpan(): Span {
    return this.saved.wholeSpan;
  }
}

class SavedPlacement implements YamlPlacement {
  constructor(private readonly saved: SavedFile) {}
  get file(): string {
    return this.saved.path;
  }
  get document(): Document.Parsed {
    return this.saved.document;
  }
  get text(): string {
    return this.saved.yamlText;
  }
  get offset(): number {
    return this.saved.offset;
  }
  get wholeSpan(): Span {
    return this.saved.wholeSpan;
  }
  spanOf(range: readonly [number, number]): Span {
    return this.saved.locator.spanOf(range);
  }
}

class SavedFrontmatter implements ParsedYaml {
  readonly diagnostics = [];
  constructor(
    readonly placement: YamlPlacement,
    private readonly saved: SavedFile,
  ) {}
  get data(): Record<string, unknown> {
    return this.saved.data;
  }
}

type CheckedParse = CheckedMinute['parsed'];

class SavedParse implements CheckedParse {
  readonly diagnostics = [];
  #frontmatter: SavedFrontmatter | undefined;
  constructor(
    private readonly saved: SavedFile,
    /** The minute this is the parse of, whose placement the frontmatter shares. */
    private readonly minute: { readonly placement: YamlPlacement },
  ) {}
  /** The file itself: its path and, read when asked for, its text. */
  get source(): { path: string; text: string } {
    return this.saved;
  }
  get locator(): Locator {
    return this.saved.locator;
  }
  get frontmatter(): ParsedYaml {
    return (this.#frontmatter ??= new SavedFrontmatter(this.minute.placement, this.saved));
  }
}

class HydratedMinute implements CheckedMinute {
  readonly id: string;
  readonly meeting: CheckedMinute['meeting'];
  #parsed: SavedParse | undefined;
  #placement: SavedPlacement | undefined;

  constructor(
    private readonly saved: SavedFile,
    summary: SavedMinute,
  ) {
    this.id = summary.id;
    this.meeting = summary.meeting;
  }

  get placement(): YamlPlacement {
    return (this.#placement ??= new SavedPlacement(this.saved));
  }

  get parsed(): CheckedParse {
    return (this.#parsed ??= new SavedParse(this.saved, this));
  }
}

class HydratedValidatedMinute extends HydratedMinute implements ValidatedMinute {
  constructor(
    saved: SavedFile,
    summary: SavedMinute,
    private readonly loadFrontmatter: () => ValidatedMinute['frontmatter'],
  ) {
    super(saved, summary);
  }

  get frontmatter(): ValidatedMinute['frontmatter'] {
    return this.loadFrontmatter();
  }
}
