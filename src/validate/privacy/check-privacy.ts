import type { Link, Nodes, Parent, Root } from 'mdast';
import { isScalar, visit as visitYaml } from 'yaml';
import { visit } from 'unist-util-visit';
import type { Diagnostic, Severity } from '../../diagnostics/diagnostic.ts';
import { diagnose, withSeverity } from '../../diagnostics/create.ts';
import type { ParsedMinute } from '../../parse/parse-minute.ts';
import { mapRange } from '../../parse/value-range.ts';
import type { Registers } from '../../registers/load-registers.ts';
import type { RuleId } from '../../rules/catalog.ts';
import { findPersonalData, normalizePersonalData, type Found, type PersonalDataKind } from './detect.ts';

/** The frontmatter key listing what this minute may publish (a methodologist's work phone said in the meeting). */
export const ACKNOWLEDGEMENT_KEY = 'public_contacts';

/** `737 278 806 <!-- souhlas -->`: the comment right after an occurrence acknowledges it (and never reaches the site). */
const INLINE_MARKER = /^<!--\s*souhlas\s*-->$/i;
/** The same in the frontmatter: `venue: Tel. 737 278 806 # souhlas`. */
const YAML_MARKER = /^[^\n]*?#\s*souhlas\b/i;

const RULE_OF: Record<PersonalDataKind, RuleId> = {
  phone: 'privacy-phone',
  email: 'privacy-email',
  'birth-number': 'privacy-birth-number',
};

const CONFIG_KEY_OF: Record<PersonalDataKind, 'phone' | 'email' | 'birth_number'> = {
  phone: 'phone',
  email: 'email',
  'birth-number': 'birth_number',
};

/** Everything allowed everywhere: the public contacts of the organizations in the register. */
export function registerContacts(registers: Registers): Set<string> {
  const allowed = new Set<string>();
  for (const organization of registers.organizations.values()) {
    for (const contact of organization.contacts ?? []) {
      for (const value of [contact.email, contact.phone]) {
        if (value) for (const form of normalizePersonalData(value)) allowed.add(form);
      }
    }
  }
  return allowed;
}

interface Occurrence {
  found: Found;
  /** Offsets of the occurrence in the file. */
  start: number;
  end: number;
  acknowledged: boolean;
}

/**
 * Phone numbers, e-mail addresses and birth numbers in what a minute publishes: the text of the one
 * mdast (text, code, link targets) and the frontmatter's string values, each at its own position.
 * Warnings unless minutes.config.yaml (`privacy:`) makes a kind an error.
 */
export function checkPrivacy(parsed: ParsedMinute, registers: Registers, allowed = registerContacts(registers)): Diagnostic[] {
  const text = parsed.source.text;
  const occurrences: Occurrence[] = [];
  const acknowledged = new Set(allowed);
  const frontmatter = parsed.frontmatter;
  const listed = frontmatter?.data?.[ACKNOWLEDGEMENT_KEY];
  if (Array.isArray(listed)) {
    for (const item of listed) if (typeof item === 'string') for (const form of normalizePersonalData(item)) acknowledged.add(form);
  }

  // One pre-order walk with a stack of ancestors (as unist-util-visit-parents, without copying the
  // ancestors for every node): most nodes hold nothing to report, so nothing is computed for them.
  const ancestors: Parent[] = [];
  const visitNode = (node: Nodes): void => {
    if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code') {
      const found = findPersonalData(node.value);
      if (found.length === 0) return;
      const [start, end] = placedRange(node, ancestors, text.length);
      const parent = ancestors.at(-1);
      const index = parent ? parent.children.indexOf(node as never) : -1;
      const next = parent && index >= 0 ? parent.children[index + 1] : undefined;
      const marked = next?.type === 'html' && INLINE_MARKER.test(next.value.trim());
      for (const one of found) {
        const [from, to] = mapRange(node.value, text, start, end, one.start, one.end);
        // The marker acknowledges the occurrence it follows, with nothing but punctuation between them.
        const last = marked && /^[\s.,;:)]*$/.test(node.value.slice(one.end));
        occurrences.push({ found: one, start: from, end: to, acknowledged: last });
      }
    } else if (node.type === 'link' || node.type === 'image' || node.type === 'definition') {
      const [start, end] = placedRange(node, ancestors, text.length);
      addTarget(node as Link, text, start, end, occurrences);
    }
    if ('children' in node) {
      ancestors.push(node);
      for (const child of node.children) visitNode(child as Nodes);
      ancestors.pop();
    }
  };
  visitNode(parsed.tree as Root);

  // The YAML nodes (for the ranges) only when some text of the frontmatter holds something to report:
  // the usual frontmatter is read without them (parse/fast-yaml.ts).
  if (frontmatter?.placement && frontmatter.data && mayHoldPersonalData(frontmatter.data)) {
    const { placement } = frontmatter;
    visitYaml(placement.document, {
      Pair(_, pair) {
        // The acknowledgement list is the secretary's permission, not a publication.
        if (isScalar(pair.key) && pair.key.value === ACKNOWLEDGEMENT_KEY) return visitYaml.SKIP;
        return undefined;
      },
      Scalar(key, node) {
        if (key === 'key' || typeof node.value !== 'string' || !node.range) return;
        const [rangeStart, rangeEnd] = node.range;
        const source = placement.text.slice(rangeStart, rangeEnd);
        for (const found of findPersonalData(node.value)) {
          const [from, to] = mapRange(node.value, placement.text, rangeStart, rangeEnd, found.start, found.end);
          const lineRest = placement.text.slice(to, placement.text.indexOf('\n', to) === -1 ? undefined : placement.text.indexOf('\n', to));
          occurrences.push({
            found,
            start: placement.offset + from,
            end: placement.offset + to,
            acknowledged: YAML_MARKER.test(lineRest) && source.length > 0,
          });
        }
      },
    });
  }

  const levels = registers.config?.privacy;
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<number>();
  for (const occurrence of occurrences.sort((a, b) => a.start - b.start)) {
    const { found } = occurrence;
    if (seen.has(occurrence.start)) continue;
    seen.add(occurrence.start);
    if (occurrence.acknowledged || acknowledged.has(found.normalized)) continue;
    const span = parsed.locator.spanOf([occurrence.start, occurrence.end]);
    const diagnostic =
      found.kind === 'birth-number'
        ? diagnose('privacy-birth-number', parsed.source.path, span, { masked: maskBirthNumber(found.text) })
        : diagnose(RULE_OF[found.kind] as 'privacy-phone', parsed.source.path, span, { value: found.text });
    const level: Severity | undefined = levels?.[CONFIG_KEY_OF[found.kind]];
    diagnostics.push(level ? withSeverity(diagnostic, level) : diagnostic);
  }
  return diagnostics;
}

/**
 * Whether a text of the frontmatter's data may hold personal data: its keys too (a complex key's
 * texts end up in its string), not what the acknowledgement list holds, as the walk over the nodes.
 */
function mayHoldPersonalData(value: unknown): boolean {
  if (typeof value === 'string') return findPersonalData(value).length > 0;
  if (Array.isArray(value)) return value.some(mayHoldPersonalData);
  if (typeof value !== 'object' || value === null) return false;
  return Object.entries(value).some(([key, inner]) => mayHoldPersonalData(key) || (key !== ACKNOWLEDGEMENT_KEY && mayHoldPersonalData(inner)));
}

/**
 * A node's range in the file. A GFM autolink across an escape (`jana\_novak@…`) comes without
 * positions: the nearest placed ancestor's range is used then.
 */
function placedRange(node: Nodes, ancestors: readonly Parent[], textLength: number): [number, number] {
  let placed: Nodes | Parent | undefined = node;
  for (let i = ancestors.length - 1; placed && !isPlaced(placed); i--) placed = ancestors[i];
  return [placed?.position?.start.offset ?? 0, placed?.position?.end.offset ?? textLength];
}

function isPlaced(node: Nodes | Parent): boolean {
  return node.position?.start.offset !== undefined && node.position.end.offset !== undefined;
}

/** A mailto:/tel: target (or an address in any URL) that its link text does not already show. */
function addTarget(node: Link, text: string, start: number, end: number, occurrences: Occurrence[]): void {
  const url = safeDecode(node.url.replace(/^(?:mailto|tel):/i, ' '));
  const shown = new Set<string>();
  visit(node, 'text', (child) => {
    for (const found of findPersonalData(child.value)) shown.add(found.normalized);
  });
  const source = text.slice(start, end);
  for (const found of findPersonalData(url)) {
    if (shown.has(found.normalized)) continue;
    const at = source.lastIndexOf(found.text);
    const from = at >= 0 ? start + at : start;
    occurrences.push({ found, start: from, end: at >= 0 ? from + found.text.length : end, acknowledged: false });
  }
}

function safeDecode(url: string): string {
  try {
    return decodeURIComponent(url);
  } catch {
    return url;
  }
}

/** A birth number is not repeated in full in a report (CI logs are public too): 850101/1234 → 850101/****. */
function maskBirthNumber(text: string): string {
  return text.replace(/(\d{6})(\/?)(\d{3,4})$/, (_, date: string, slash: string, serial: string) => `${date}${slash}${'*'.repeat(serial.length)}`);
}

