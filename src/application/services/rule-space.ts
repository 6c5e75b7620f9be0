import { scopeRefOf, type Rule } from '../../domain/rule';
import type { Caller } from './authority';
import type { ContentReader } from '../ports/confluence';

/**
 * A page rule is stored with its space's rules so the trigger finds it in the space's one index
 * query (kvs-rule-store.adapter.ts): it must know its space. Read as the caller, who has just been
 * checked to edit the page. A rule saved before page rules knew their space gets it on its next
 * save; if the page is gone it stays as it is.
 */
export const withSpaceKey = async (
  reader: Pick<ContentReader, 'getContentAs'>,
  caller: Caller,
  rule: Rule,
): Promise<Rule> => {
  const { contentId } = scopeRefOf(rule);
  if (rule.scope !== 'content' || rule.spaceKey || !contentId) return rule;
  const content = await reader.getContentAs(caller.accountId, contentId);
  return content ? { ...rule, spaceKey: content.spaceKey } : rule;
};
