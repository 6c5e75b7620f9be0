/**
 * Reads back which change a posted card is about, from what a reader sees: the headline, the
 * title, the version, the comment's text or the label. The fault suite gives every change a
 * name it can find there (see `eventIdentity` in fault-oracle.ts); anything else (a digest, a
 * redacted card, a card that lost its details) has no identity and fails the suite.
 */

interface CardText {
  blocks: Array<{ text: string; size?: string }>;
  facts: Array<{ title: string; value: string }>;
}

const collect = (node: unknown, into: CardText): CardText => {
  if (Array.isArray(node)) {
    node.forEach((item) => collect(item, into));
  } else if (node !== null && typeof node === 'object') {
    const element = node as Record<string, unknown>;
    if (element.type === 'TextBlock' && typeof element.text === 'string')
      into.blocks.push({
        text: element.text,
        ...(typeof element.size === 'string' ? { size: element.size } : {}),
      });
    if (element.type === 'FactSet' && Array.isArray(element.facts))
      into.facts.push(...(element.facts as CardText['facts']));
    Object.values(element).forEach((value) => collect(value, into));
  }
  return into;
};

/** Titles in the suite are letters, digits and spaces, which the card's Markdown escaping leaves alone. */
export const cardIdentity = (card: unknown): string | null => {
  const { blocks, facts } = collect(card, { blocks: [], facts: [] });
  const headline = blocks[0]?.text ?? '';
  const title = blocks.find((b) => b.size === 'Large')?.text ?? '';
  const all = blocks.map((b) => b.text).join('\n');
  if (/^Confluence · New (page|blog post)$/.test(headline)) return `created ${title}`;
  if (headline === 'Confluence · Page updated') {
    const version = facts.find((f) => f.title === 'Version')?.value ?? '?';
    return `updated ${title} v${version}`;
  }
  if (/^Confluence · New (inline )?comment$/.test(headline)) {
    const tokens = all.match(/FSC\d{4}/g) ?? [];
    return tokens.length === 1 ? `comment ${tokens[0] ?? ''}` : null;
  }
  if (headline === 'Confluence · Label added') {
    const label = /Label added: \*\*([a-z0-9]+)\*\*/.exec(all)?.[1];
    return label ? `label ${title} ${label}` : null;
  }
  return null;
};
