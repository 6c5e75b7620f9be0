import { adaptiveCard, footer, SUBTLE, textBlock, type AdaptiveCard } from './card-elements';
import { escapeCardMarkdown } from './card-markdown';
import type { EventKind } from './content-event';

interface RedactedCardInput {
  kind: EventKind;
  contentType: 'page' | 'blogpost';
  spaceKey: string;
  ruleOwnerName: string;
}

const WHAT: Record<EventKind, string> = {
  page_created: 'was created',
  page_updated: 'was updated',
  blogpost_created: 'was published',
  blogpost_updated: 'was updated',
  comment_created: 'has a new comment',
  comment_updated: 'has an edited comment',
  label_added: 'has a new label',
};

/**
 * The card a rule set to "redact" sends for content its owner cannot view: that something
 * happened in a space, and nothing else. No title, author, excerpt, label or link: those are
 * exactly what the restriction protects, and the space is all the rule itself reveals.
 */
export const buildRedactedCard = (input: RedactedCardInput): AdaptiveCard => {
  const noun = input.contentType === 'blogpost' ? 'A blog post' : 'A page';
  return adaptiveCard([
    textBlock('Confluence · Restricted content', SUBTLE),
    textBlock(`${noun} in ${escapeCardMarkdown(input.spaceKey)} you cannot see here ${WHAT[input.kind]}.`, {
      weight: 'Bolder',
    }),
    textBlock('Its details are hidden because the owner of this rule may not view it.', SUBTLE),
    footer(input.ruleOwnerName),
  ]);
};
