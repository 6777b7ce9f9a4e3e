export class UsageError extends Error {}

const USAGE = `Použití: minutes <příkaz> [volby]

Příkazy:
  validate [cesty…]   zkontroluje zápisy (bez cest celý archiv)
      --format stylish|github|json   tvar výpisu (výchozí stylish)
      --root <složka>                kořen archivu (výchozí: nejbližší složka s minutes.config.yaml)
  new                 založí nový zápis (koncept) podle posledního jednání skupiny a vypíše jeho cestu;
                      v terminálu se zeptá na chybějící údaje, jinak bere jen volby; nic nepřepíše
      --group <id>                   pracovní skupina z minutes.config.yaml
      --date <RRRR-MM-DD>            datum jednání (lze i 13. 1. 2025)
      --time <HH:MM>                 čas začátku (výchozí: čas ohlášený v minulém zápisu)
      --venue <místo>                místo jednání (výchozí: místo minulého jednání)
      --root <složka>                kořen archivu, jako u validate
  schema              vygeneruje JSON Schema pro editory do složky schema/ (ze schémat v src/schema/)
  docs                vygeneruje přehled pravidel kontroly docs/pravidla.md (z katalogu pravidel)
      --check                        nic nezapíše; kód 1, pokud uložené soubory nejsou aktuální (pro CI)
      --root <složka>                kořen archivu, jako u validate
  extract             vypíše, co zápisy obsahují: informace organizací, úkoly, usnesení, termíny
      --format summary|json          přehled pro lidi, nebo otevřená data (JSON, verze modelu v poli version)
  build               sestaví web archivu: kontrola → data → stránky → vyhledávací index
      --out <složka>                 kam web zapsat (výchozí _site; nahradí se celý, až když se vše povede)
      --base <cesta>                 cesta webu na serveru, např. /zapisy/ (výchozí: cesta z site.base_url)
      --no-index                     bez vyhledávacího indexu
  serve               sestaví web, spustí ho na http://localhost:8080/ a při změně zápisů ho obnoví
      --port <číslo>                 port serveru (výchozí 8080)
      --base <cesta>                 cesta webu na serveru (výchozí /)
  import <soubory nebo složky…>   převede staré zápisy (.txt, .md, .docx, .pdf) na zápisy archivu
      --group <id>                   skupina, když ji dokument neuvádí (přebije to, co uvádí)
      --out <složka>                 kam zápisy zapsat (výchozí minutes/), do <složka>/<rok>/<datum>-<skupina>.md
      --dry-run                      nic nezapíše, jen vypíše, co by zapsal, a zkontroluje to
      --force                        přepíše existující zápis
      --root <složka>                kořen archivu, jako u validate
  prepare             sbalí nástroj pro rychlé spuštění (spouští ho npm ci; jinak se sbalí při prvním běhu)

Návratový kód: 0 bez chyb (varování nevadí), 1 nalezeny chyby, 2 chybné použití.
`;

export function printUsage(stream: NodeJS.WritableStream): void {
  stream.write(USAGE);
}
