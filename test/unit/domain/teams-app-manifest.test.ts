import {
  buildTeamsAppManifest,
  FIRST_TEAMS_APP_VERSION,
  nextTeamsAppVersion,
  TEAMS_MANIFEST_SCHEMA_URL,
  TEAMS_MANIFEST_VERSION,
  teamsSiteHost,
  type TeamsAppManifestInput,
} from '../../../src/domain/teams-app-manifest';
import { AppError } from '../../../src/domain/app-error';
import { bundledTeamsSchema, validateTeamsManifest } from '../../../scripts/teams-manifest-schema';

const input = (overrides: Partial<TeamsAppManifestInput> = {}): TeamsAppManifestInput => ({
  siteUrl: 'https://acme.atlassian.net',
  appId: '0c3a1f6e-5b2d-5e4f-9a8b-7c6d5e4f3a2b',
  botId: 'b0b0b0b0-1111-4222-8333-444455556666',
  clientId: 'a7c9e1f3-2b4d-4c6e-8f0a-1b3d5f7a9c2e',
  version: '1.0.3',
  ...overrides,
});

describe('Teams app manifest', () => {
  it(`validates against Microsoft's bundled v${TEAMS_MANIFEST_VERSION} schema`, async () => {
    const manifest = buildTeamsAppManifest(input());
    expect(manifest.manifestVersion).toBe(TEAMS_MANIFEST_VERSION);
    expect(manifest.$schema).toBe(TEAMS_MANIFEST_SCHEMA_URL);
    expect(TEAMS_MANIFEST_SCHEMA_URL).toContain(`/v${TEAMS_MANIFEST_VERSION}/`);
    // The schema pins the version: a manifest that claims another one fails it.
    expect(
      (bundledTeamsSchema() as { properties: { manifestVersion: { const: string } } }).properties
        .manifestVersion.const,
    ).toBe(TEAMS_MANIFEST_VERSION);
    await expect(validateTeamsManifest(manifest)).resolves.toEqual([]);
  });

  it('the validation can fail: a manifest with a field too long or missing is refused', async () => {
    const manifest = buildTeamsAppManifest(input());
    const broken = { ...manifest, name: { short: 'x'.repeat(31) }, developer: undefined };
    const errors = await validateTeamsManifest(broken);
    expect(errors.join('\n')).toMatch(/name\/short/);
    expect(errors.join('\n')).toMatch(/developer/);
  });

  it('still validates for the longest host a site can have', async () => {
    const host = `${'a'.repeat(63)}.${'b'.repeat(63)}.atlassian.net`;
    await expect(
      validateTeamsManifest(buildTeamsAppManifest(input({ siteUrl: `https://${host}` }))),
    ).resolves.toEqual([]);
  });

  it('has the bot in personal, team and group chat with help, status and disconnect', () => {
    const [bot] = buildTeamsAppManifest(input()).bots;
    expect(bot?.botId).toBe(input().botId);
    expect(bot?.scopes).toEqual(['personal', 'team', 'groupChat']);
    expect(bot?.isNotificationOnly).toBe(false);
    const commands = bot?.commandLists.flatMap((list) => list.commands.map((c) => c.title));
    expect(commands).toEqual(['help', 'status', 'disconnect']);
  });

  it('has the search and comment commands the message extension answers', () => {
    const [extension] = buildTeamsAppManifest(input()).composeExtensions;
    expect(extension?.botId).toBe(input().botId);
    const [search, comment] = extension?.commands ?? [];
    expect(search).toMatchObject({ id: 'searchConfluence', type: 'query', initialRun: true });
    expect(search?.parameters?.map((p) => p.name)).toEqual(['query', 'space']);
    expect(search?.parameters?.[1]).toMatchObject({ isRequired: false });
    expect(comment).toMatchObject({
      id: 'commentOnMessage',
      type: 'action',
      context: ['message'],
      fetchTask: true,
    });
  });

  it("claims only the site's exact host: no wildcard, no scheme, no path", () => {
    const manifest = buildTeamsAppManifest(input({ siteUrl: 'https://acme.atlassian.net/wiki/' }));
    expect(manifest.validDomains).toEqual(['acme.atlassian.net']);
    expect(manifest.composeExtensions[0]?.messageHandlers).toEqual([
      { type: 'link', value: { domains: ['acme.atlassian.net'] } },
    ]);
    expect(JSON.stringify(manifest)).not.toContain('*.');
  });

  it('names the Entra app for SSO and asks for no resource-specific permission', () => {
    const manifest = buildTeamsAppManifest(input());
    expect(manifest.webApplicationInfo).toEqual({
      id: input().clientId,
      resource: `api://${input().clientId}`,
    });
    expect(manifest).not.toHaveProperty('authorization');
    expect(manifest).not.toHaveProperty('permissions');
  });

  it('says which site the app is for and links back to it', () => {
    const manifest = buildTeamsAppManifest(
      input({ websiteUrl: 'https://acme.atlassian.net/wiki/apps/a/b/microsoft-teams' }),
    );
    expect(manifest.name.full).toContain('acme.atlassian.net');
    expect(manifest.developer.websiteUrl).toBe('https://acme.atlassian.net/wiki/apps/a/b/microsoft-teams');
    expect(buildTeamsAppManifest(input()).developer.websiteUrl).toBe('https://acme.atlassian.net/wiki');
    expect(manifest.id).toBe(input().appId);
    expect(manifest.version).toBe('1.0.3');
  });

  it('refuses ids that are not GUIDs rather than build a package Teams rejects', () => {
    expect(() => buildTeamsAppManifest(input({ botId: 'not-a-guid' }))).toThrow(AppError);
    expect(() => buildTeamsAppManifest(input({ clientId: '' }))).toThrow(/client id/i);
    expect(() => buildTeamsAppManifest(input({ version: 'v1' }))).toThrow(/version/i);
  });
});

describe('the site host', () => {
  it.each([
    ['https://acme.atlassian.net', 'acme.atlassian.net'],
    ['https://ACME.Atlassian.NET/wiki', 'acme.atlassian.net'],
    ['https://acme.atlassian.net:443/', 'acme.atlassian.net'],
    ['https://acme.atlassian.net./wiki', 'acme.atlassian.net'],
    ['http://127.0.0.1:5200', '127.0.0.1:5200'],
    ['https://wiki.bücher.example', 'wiki.xn--bcher-kva.example'],
    ['https://wiki.xn--bcher-kva.example', 'wiki.xn--bcher-kva.example'],
  ])('%s → %s', (siteUrl, host) => {
    expect(teamsSiteHost(siteUrl)).toBe(host);
  });

  it.each(['', 'acme.atlassian.net', 'ftp://acme.atlassian.net', 'https://user:pw@acme.atlassian.net'])(
    'refuses %j',
    (siteUrl) => {
      expect(() => teamsSiteHost(siteUrl)).toThrow(AppError);
    },
  );
});

describe('the package version', () => {
  it('starts at 1.0.0, stays while the content is the same, and bumps the patch when it changes', () => {
    const first = nextTeamsAppVersion(null, 'hash-a');
    expect(first).toEqual({ contentHash: 'hash-a', version: FIRST_TEAMS_APP_VERSION });
    expect(FIRST_TEAMS_APP_VERSION).toBe('1.0.0');
    expect(nextTeamsAppVersion(first, 'hash-a')).toBe(first);
    expect(nextTeamsAppVersion(first, 'hash-b')).toEqual({ contentHash: 'hash-b', version: '1.0.1' });
    expect(nextTeamsAppVersion({ contentHash: 'x', version: '2.4.9' }, 'y').version).toBe('2.4.10');
  });

  it('starts over from 1.0.0 when the stored version is unreadable', () => {
    expect(nextTeamsAppVersion({ contentHash: 'x', version: 'garbage' }, 'y').version).toBe('1.0.0');
  });
});
