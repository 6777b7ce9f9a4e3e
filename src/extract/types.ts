import type { RootContent } from 'mdast';
import type { SourcePosition } from '../model/types.ts';

/** A piece of a minute's body that the model renders: the nodes of the one parse, and their source. */
export interface ExtractedContent {
  nodes: RootContent[];
  markdown: string;
  text: string;
}

export interface ExtractedUpdate {
  organization: string;
  written: string;
  content: ExtractedContent;
  position: SourcePosition;
}

export interface ExtractedMention {
  organization: string;
  written: string;
  context: string;
  position: SourcePosition;
}

export interface ExtractedTask {
  explicitId?: string;
  text: string;
  owner?: string;
  due?: string;
  checked: boolean;
  position: SourcePosition;
}

export interface ExtractedDecision {
  label?: string;
  content: ExtractedContent;
  position: SourcePosition;
}

export interface AnnouncedMeeting {
  group: string;
  date: string;
  time?: string;
  from: 'frontmatter' | 'text';
}

/** What one minute says, as data. */
export interface ExtractedMinute {
  updates: ExtractedUpdate[];
  mentions: ExtractedMention[];
  tasks: ExtractedTask[];
  decisions: ExtractedDecision[];
  announced: AnnouncedMeeting[];
}
