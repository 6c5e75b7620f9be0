import { escapeCardMarkdown, isSafeHttpUrl } from './card-markdown';
import type { EventKind } from './content-event';

export interface ContentCardInput {
  kind: EventKind;
  title: string;
  spaceName: string;
  spaceKey: string;
  authorName: string;
  version: number;
  versionMessage?: string;
  pageUrl: string;
  ruleOwnerName: string;
}

export type AdaptiveCard = Record<string, unknown> & { type: 'AdaptiveCard'; version: string };

const HEADLINE: Record<EventKind, string> = {
  page_created: 'New page',
  page_updated: 'Page updated',
  blogpost_created: 'New blog post',
  blogpost_updated: 'Blog post updated',
};

/**
 * The card for a page or blog post event. Adaptive Card 1.4: Teams renders it in channels and
 * chats; a user posting through Graph may use Action.OpenUrl but not Action.Submit.
 */
export const buildContentCard = (input: ContentCardInput): AdaptiveCard => {
  const facts = [
    {
      title: 'Space',
      value: `${escapeCardMarkdown(input.spaceName)} (${escapeCardMarkdown(input.spaceKey)})`,
    },
    { title: 'By', value: escapeCardMarkdown(input.authorName) },
    { title: 'Version', value: String(input.version) },
  ];
  if (input.versionMessage) facts.push({ title: 'Note', value: escapeCardMarkdown(input.versionMessage) });
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.4',
    body: [
      {
        type: 'TextBlock',
        text: `Confluence · ${HEADLINE[input.kind]}`,
        size: 'Small',
        isSubtle: true,
        wrap: true,
      },
      {
        type: 'TextBlock',
        text: escapeCardMarkdown(input.title),
        size: 'Large',
        weight: 'Bolder',
        wrap: true,
      },
      { type: 'FactSet', facts },
      {
        type: 'TextBlock',
        text: `Sent by Teams for Confluence for a rule set up by ${escapeCardMarkdown(input.ruleOwnerName)}`,
        size: 'Small',
        isSubtle: true,
        wrap: true,
      },
    ],
    actions: isSafeHttpUrl(input.pageUrl)
      ? [{ type: 'Action.OpenUrl', title: 'Open in Confluence', url: input.pageUrl }]
      : [],
  };
};

/** The Graph chatMessage body that carries one card; the `<attachment id>` must match. */
export const cardMessage = (card: AdaptiveCard, attachmentId: string) => ({
  body: { contentType: 'html', content: `<attachment id="${attachmentId}"></attachment>` },
  attachments: [
    {
      id: attachmentId,
      contentType: 'application/vnd.microsoft.card.adaptive',
      content: JSON.stringify(card),
    },
  ],
});
