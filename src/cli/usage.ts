export class UsageError extends Error {}

const USAGE = `Použití: minutes <příkaz> [volby]

Příkazy:
  validate [cesty…]   zkontroluje zápisy (bez cest celý archiv)
      --format stylish|github|json   tvar výpisu (výchozí stylish)
      --root <složka>                kořen archivu (výchozí: nejbližší složka s minutes.config.yaml)

Návratový kód: 0 bez chyb (varování nevadí), 1 nalezeny chyby, 2 chybné použití.
`;

export function printUsage(stream: NodeJS.WritableStream): void {
  stream.write(USAGE);
}
