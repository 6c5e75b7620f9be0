import type { ChatMessageMention } from './chat-message-resource';
import type { InputProblem } from './message-input';

const AT_TAG = /<at\b[^>]*?\bid\s*=\s*(["'])(.*?)\1[^>]*>/gi;

const problem = (message: string): InputProblem => ({ status: 400, code: 'BadRequest', message });

/**
 * `<at id="N">Name</at>` in the body and `mentions[]` must agree: every tag has a mention with
 * that id and every mention is used.
 * @see https://learn.microsoft.com/graph/api/chatmessage-post#example-2-mentions-a-user-in-a-channel-message
 */
export function checkMentions(content: string, raw: unknown): ChatMessageMention[] | InputProblem {
  const list = raw === undefined || raw === null ? [] : raw;
  if (!Array.isArray(list)) return problem('mentions must be an array.');
  const mentions: ChatMessageMention[] = [];
  for (const [index, item] of list.entries()) {
    const m = (item ?? {}) as Record<string, unknown>;
    if (typeof m.id !== 'number' || !Number.isInteger(m.id) || m.id < 0)
      return problem(`mentions[${index}].id must be a whole number.`);
    if (typeof m.mentionText !== 'string') return problem(`mentions[${index}].mentionText must be a string.`);
    if (!m.mentioned || typeof m.mentioned !== 'object')
      return problem(`mentions[${index}].mentioned is required.`);
    if (mentions.some((x) => x.id === m.id)) return problem(`Mention id ${m.id} appears more than once.`);
    mentions.push({ id: m.id, mentionText: m.mentionText, mentioned: m.mentioned });
  }
  const tagged = [...content.matchAll(AT_TAG)].map((t) => t[2] ?? '');
  for (const id of tagged) {
    if (!mentions.some((m) => String(m.id) === id))
      return problem(`The body has <at id="${id}"> but mentions has no mention with id ${id}.`);
  }
  for (const m of mentions) {
    if (!tagged.includes(String(m.id)))
      return problem(
        `Mention ${m.id} is not used in the body; put <at id="${m.id}">${m.mentionText}</at> in body.content.`,
      );
  }
  return mentions;
}
