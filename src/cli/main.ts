import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError, printUsage } from './usage.ts';

type Command = (args: string[]) => Promise<number>;

// Loaded on demand: `validate` in a pull request should not pay for Eleventy, Pagefind, mammoth
// and pdf.js, which only build, serve and import need.
const COMMANDS: Record<string, () => Promise<Command>> = {
  validate: async () => (await import('./validate.ts')).runValidate,
  import: async () => (await import('./import.ts')).runImport,
  extract: async () => (await import('./extract.ts')).runExtract,
  schema: async () => (await import('./schema.ts')).runSchema,
  docs: async () => (await import('./docs.ts')).runDocs,
  build: async () => (await import('./build.ts')).runBuild,
  serve: async () => (await import('./serve.ts')).runServe,
  new: async () => (await import('./new.ts')).runNew,
  prepare: async () => (await import('./prepare.ts')).runPrepare,
};

/** Entry of the `minutes` bin: returns the exit code (0 ok, 1 problems found, 2 wrong usage). */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    printUsage(process.stdout);
    return name ? 0 : 2;
  }
  const load = COMMANDS[name];
  if (!load) {
    process.stderr.write(`Neznámý příkaz „${name}“.\n\n`);
    printUsage(process.stderr);
    return 2;
  }
  try {
    const command = await load();
    return await command(rest);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n\nNápověda: minutes --help\n`);
      return 2;
    }
    // Whoever read the output has what they wanted and closed it (`minutes extract --format json | head`).
    if ((error as NodeJS.ErrnoException)?.code === 'EPIPE') return 0;
    // A secretary never sees a stack trace; a developer can ask for it.
    process.stderr.write(
      `Vnitřní chyba programu: ${error instanceof Error ? error.message : String(error)}\n` +
        'Prosím nahlaste ji správcům archivu (spusťte s MINUTES_DEBUG=1 pro podrobnosti).\n',
    );
    if (process.env.MINUTES_DEBUG) process.stderr.write(`${(error as Error)?.stack ?? ''}\n`);
    return 1;
  }
}

/** parseArgs that reports unknown options in Czech as a usage error (exit 2). */
export function parseOptions<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(`Chybné použití: ${czechParseArgsError(error as NodeJS.ErrnoException)}`);
  }
}

/** node:util parseArgs speaks English; the secretary reads Czech. */
function czechParseArgsError(error: NodeJS.ErrnoException): string {
  const option = /'([^']+)'/.exec(error.message)?.[1] ?? '';
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `neznámá volba „${option}“.`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return `volba „${option.replace(/ <value>$/, '')}“ potřebuje hodnotu.`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `nečekaný argument „${option}“.`;
    default:
      return error.message;
  }
}
