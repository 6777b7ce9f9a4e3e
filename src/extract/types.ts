import type { RootContent } from 'mdast';
import type { SourcePosition } from '../model/types.ts';

/** A piece of a minute's body that the model renders: the nodes of the one parse, and their source. */
export interface ExtractedContent {
  nodes: RootContent[];
  markdown: string;
  text: string;
}

export interface ExtractedUpdate<Content = ExtractedContent> {
  organization: string;
  written: string;
  content: Content;
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

export interface ExtractedDecision<Content = ExtractedContent> {
  label?: string;
  content: Content;
  position: SourcePosition;
}

export interface AnnouncedMeeting {
  group: string;
  date: string;
  time?: string;
  from: 'frontmatter' | 'text';
}

/**
 * What one minute says, as data. Extraction gives content as mdast nodes (Content =
 * ExtractedContent); the model stage turns them into HTML per file (model/minute-part.ts), so the
 * tree need not outlive its file.
 */
export interface ExtractedMinute<Content = ExtractedContent> {
  updates: ExtractedUpdate<Content>[];
  mentions: ExtractedMention[];
  tasks: ExtractedTask[];
  decisions: ExtractedDecision<Content>[];
  announced: AnnouncedMeeting[];
}
