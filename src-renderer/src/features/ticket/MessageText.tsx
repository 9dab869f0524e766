// A message's text with its Telegram formatting, as React elements only (never raw HTML).
// Links open outside the app, after the person confirms where they lead.
import type { ReactNode } from 'react';
import type { MessageEntity } from '../../../../src-preload/contract';
import { linkFor, segmentText, type Segment } from './entities';

const wrappers: Partial<Record<MessageEntity['type'], (child: ReactNode, key: number) => ReactNode>> = {
  bold: (c, k) => <strong key={k}>{c}</strong>,
  italic: (c, k) => <em key={k}>{c}</em>,
  underline: (c, k) => <u key={k}>{c}</u>,
  strike: (c, k) => <s key={k}>{c}</s>,
  code: (c, k) => <code key={k}>{c}</code>,
  pre: (c, k) => <pre key={k}>{c}</pre>,
  spoiler: (c, k) => <span key={k} className="spoiler">{c}</span>,
  blockquote: (c, k) => <blockquote key={k}>{c}</blockquote>,
};

function openLink(url: string): void {
  if (window.confirm(`Open this link in your browser?\n\n${url}`)) window.open(url, '_blank', 'noopener,noreferrer');
}

function renderSegment(segment: Segment, key: number): ReactNode {
  let node: ReactNode = segment.text;
  for (const mark of segment.marks) node = wrappers[mark.type]?.(node, key) ?? node;
  const url = linkFor(segment);
  if (!url) return <span key={key}>{node}</span>;
  return (
    <a key={key} href={url} onClick={(event) => { event.preventDefault(); openLink(url); }}>
      {node}
    </a>
  );
}

export function MessageText({ text, entities }: { text: string; entities: MessageEntity[] }) {
  return <div className="message-text">{segmentText(text, entities).map(renderSegment)}</div>;
}
