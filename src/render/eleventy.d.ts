/**
 * The part of Eleventy 3's programmatic API this project uses (the package ships no types for its
 * main entry).
 */
declare module '@11ty/eleventy' {
  export interface EleventyUserConfig {
    addGlobalData(name: string, data: unknown): EleventyUserConfig;
    addFilter(name: string, filter: (...args: any[]) => unknown): void;
    addPlugin(plugin: (eleventyConfig: EleventyUserConfig) => void, options?: Record<string, unknown>): void;
    addPassthroughCopy(paths: string | Record<string, string>): EleventyUserConfig;
    addTemplateFormats(formats: string | string[]): void;
    /** A template language of its own: `compile` returns the render function of one file. */
    addExtension(
      extension: string,
      options: { outputFileExtension?: string; compile: (content: string, inputPath: string) => (data: unknown) => Promise<string> },
    ): void;
    /** `false` from the callback leaves the template out of the build. */
    addPreprocessor(name: string, extensions: string, callback: (data: Record<string, unknown>, content: string) => unknown): void;
    setNunjucksEnvironmentOptions(options: Record<string, unknown>): void;
    setTemplateFormats(formats: string | string[]): void;
    setUseGitIgnore(enabled: boolean): void;
    setUseTemplateCache(enabled: boolean): void;
    setQuietMode(quiet: boolean): void;
    setIncludesDirectory(dir: string): EleventyUserConfig;
    setDataDirectory(dir: string): EleventyUserConfig;
    setLayoutsDirectory(dir: string): EleventyUserConfig;
    ignores: { add(glob: string): void; delete(glob: string): void };
    benchmarkManager: {
      setVerboseOutput(verbose: boolean): void;
      getAll(): Record<string, { setIsVerbose(verbose: boolean): void }>;
    };
  }

  export interface EleventyOptions {
    source?: 'cli' | 'script';
    runMode?: 'build' | 'serve' | 'watch';
    dryRun?: boolean;
    /** '' (empty) skips looking for an eleventy.config.js. */
    configPath?: string;
    pathPrefix?: string;
    quietMode?: boolean;
    config?: (eleventyConfig: EleventyUserConfig) => void | Promise<void>;
  }

  export default class Eleventy {
    constructor(input?: string, output?: string, options?: EleventyOptions);
    /** Eleventy's console logger; `overrideLogger` replaces the console it writes to. */
    readonly logger: {
      overrideLogger(logger: false | { log(message: string): void; warn(message: string): void; error(message: string): void }): void;
    };
    init(): Promise<void>;
    write(): Promise<unknown>;
    toJSON(): Promise<{ url: string; inputPath: string; outputPath: string; content: string }[]>;
  }
}
