import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MICROSOFT_PERMISSIONS } from '../../src/domain/microsoft-permissions';

/*
 * The README's deploy section tells a site admin what to add to the Entra app registration. It
 * must name exactly the permissions the app asks for (src/domain/microsoft-permissions.ts), in
 * the same order, so neither can drift from the other.
 */
const README = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');

const deploySection = (markdown: string): string => {
  const start = markdown.indexOf('\n## Deploying to a real Confluence site');
  if (start < 0) throw new Error('README has no "Deploying to a real Confluence site" section');
  const end = markdown.indexOf('\n## ', start + 1);
  return markdown.slice(start, end < 0 ? undefined : end);
};

/** The code-formatted names between "Under _API permissions_" and the next "Under _…_". */
const listedPermissions = (section: string): string[] => {
  const from = section.indexOf('Under _API permissions_');
  if (from < 0) throw new Error('The deploy section does not say what to add under API permissions');
  const to = section.indexOf('Under _', from + 1);
  const text = section.slice(from, to < 0 ? undefined : to);
  return [...text.matchAll(/`([^`]+)`/g)].map((match) => match[1] ?? '');
};

describe("README's deploy section and the app's Microsoft permissions", () => {
  it('lists exactly the permissions the app asks for, in the same order', () => {
    expect(listedPermissions(deploySection(README))).toEqual(MICROSOFT_PERMISSIONS.map((p) => p.name));
  });

  it('notices a permission missing from the README', () => {
    const drifted = README.replace('`ChatMessage.Read`', 'ChatMessage.Read');
    expect(listedPermissions(deploySection(drifted))).not.toEqual(MICROSOFT_PERMISSIONS.map((p) => p.name));
  });
});
