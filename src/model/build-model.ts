import type { AnalyzedMinute } from '../pipeline/analyze-archive.ts';
import type { Registers } from '../registers/load-registers.ts';
import type { Config } from '../schema/config.ts';
import { czechCollator } from '../text/normalize.ts';
import { renderedText } from './minute-part.ts';
import { madeFrom, minuteSource } from './provenance.ts';
import { buildPeople, personRef } from './people.ts';
import { buildTasks } from './tasks.ts';
import { buildUpcoming } from './upcoming.ts';
import {
  MODEL_VERSION,
  type ArchiveModel,
  type DecisionModel,
  type GroupModel,
  type MeetingModel,
  type MentionModel,
  type OrganizationModel,
  type UpdateModel,
} from './types.ts';

export interface ModelInput {
  config: Config;
  registers: Pick<Registers, 'groups' | 'organizations'>;
  analyzed: readonly AnalyzedMinute[];
}

/**
 * The whole archive as one typed model: a pure function of the validated, extracted minutes
 * and the registers. Orderings are total, so the same input always gives the same model.
 */
export function buildModel({ config, registers, analyzed }: ModelInput): ArchiveModel {
  const chronological = [...analyzed].sort(
    (a, b) =>
      compare(a.minute.frontmatter.date, b.minute.frontmatter.date) ||
      compare(a.minute.frontmatter.time ?? '', b.minute.frontmatter.time ?? '') ||
      compare(a.minute.id, b.minute.id),
  );
  const meetings = chronological.map(meetingOf);
  linkNeighbours(meetings);

  const groups: GroupModel[] = config.groups.map((group) => ({
    id: group.id,
    name: group.name,
    short: group.short,
    aliases: group.aliases,
    ...(group.description ? { description: group.description } : {}),
    meetings: meetings.filter((m) => m.group === group.id).map((m) => m.id),
  }));

  const people = buildPeople(chronological);
  const organizations: OrganizationModel[] = [...registers.organizations.values()]
    .map((organization) => ({
      id: organization.id,
      name: organization.name,
      ...(organization.short ? { short: organization.short } : {}),
      aliases: organization.aliases,
      kind: organization.kind,
      ...(organization.website ? { website: organization.website } : {}),
      ...(organization.description ? { description: organization.description } : {}),
      contacts: organization.contacts,
      updates: [],
      mentions: [],
      people: people.filter((p) => p.organizations.includes(organization.id)).map((p) => p.id),
    }))
    .sort((a, b) => czechCollator.compare(a.name, b.name) || compare(a.id, b.id)) as OrganizationModel[];
  const organizationById = new Map(organizations.map((o) => [o.id, o]));

  const decisions: DecisionModel[] = [];
  for (const { minute, extracted } of chronological) {
    const { date, group } = minute.frontmatter;
    // An update or mention is its extracted self, which its digest names, and these of its minute (provenance.ts).
    const within = minuteSource(minute.id, date, group);
    for (const update of extracted.updates) {
      const made: UpdateModel = {
        organization: update.organization,
        meeting: minute.id,
        date,
        group,
        content: renderedText(update.content),
        position: update.position,
      };
      organizationById.get(update.organization)?.updates.push(madeFrom(made, update.digest, within));
    }
    for (const mention of extracted.mentions) {
      const made: MentionModel = {
        organization: mention.organization,
        meeting: minute.id,
        date,
        group,
        written: mention.written,
        context: mention.context,
        position: mention.position,
      };
      organizationById.get(mention.organization)?.mentions.push(madeFrom(made, mention.digest, within));
    }
    extracted.decisions.forEach((decision, i) => {
      decisions.push({
        id: `${minute.id}-usneseni-${i + 1}`,
        meeting: minute.id,
        date,
        group,
        ...(decision.label ? { label: decision.label } : {}),
        content: renderedText(decision.content),
        position: decision.position,
      });
    });
  }

  return {
    version: MODEL_VERSION,
    site: {
      title: config.site.title,
      ...(config.site.description ? { description: config.site.description } : {}),
      baseUrl: config.site.base_url,
      language: config.site.language,
      repository: config.site.repository,
      branch: config.site.branch,
    },
    groups,
    meetings: [...meetings].reverse(),
    organizations,
    people,
    tasks: buildTasks(chronological),
    decisions,
    upcoming: buildUpcoming(chronological),
  };
}

function meetingOf({ minute, body }: AnalyzedMinute): MeetingModel {
  const f = minute.frontmatter;
  return {
    id: minute.id,
    file: minute.parsed.source.path,
    date: f.date,
    ...(f.time ? { time: f.time } : {}),
    ...(f.end_time ? { endTime: f.end_time } : {}),
    group: f.group,
    ...(f.title ? { title: f.title } : {}),
    ...(f.venue ? { venue: f.venue } : {}),
    attendees: (f.attendees ?? []).map(personRef),
    guests: (f.guests ?? []).map(personRef),
    excused: (f.excused ?? []).map(personRef),
    topics: f.topics,
    ...(f.recorder ? { recorder: f.recorder } : {}),
    ...(f.verifier ? { verifier: f.verifier } : {}),
    status: f.status,
    nextMeetings: f.next_meetings ?? [],
    ...(f.source ? { source: f.source } : {}),
    body,
  };
}

function linkNeighbours(chronological: MeetingModel[]): void {
  const lastOfGroup = new Map<string, MeetingModel>();
  for (const meeting of chronological) {
    const previous = lastOfGroup.get(meeting.group);
    if (previous) {
      meeting.previous = previous.id;
      previous.next = meeting.id;
    }
    lastOfGroup.set(meeting.group, meeting);
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
