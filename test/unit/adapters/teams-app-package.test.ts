import { strFromU8, unzipSync } from 'fflate';
import { teamsAppPackager, uuidV5 } from '../../../src/adapters/teams-app-package.adapter';
import { TEAMS_ICONS } from '../../../src/adapters/teams-icons';
import { buildTeamsAppManifest, type TeamsAppManifestInput } from '../../../src/domain/teams-app-manifest';
import { decodePng, pixelAt } from './png-pixels';

const input = (overrides: Partial<TeamsAppManifestInput> = {}): TeamsAppManifestInput => ({
  siteUrl: 'https://acme.atlassian.net',
  appId: teamsAppPackager.appIdFor('acme.atlassian.net'),
  botId: 'b0b0b0b0-1111-4222-8333-444455556666',
  clientId: 'a7c9e1f3-2b4d-4c6e-8f0a-1b3d5f7a9c2e',
  version: '1.0.0',
  ...overrides,
});

const icon = (name: keyof typeof TEAMS_ICONS) => decodePng(Buffer.from(TEAMS_ICONS[name], 'base64'));

describe('UUIDv5', () => {
  it("gives RFC 4122's value for a name in the DNS namespace", () => {
    // The example most UUID libraries test against (Python's uuid.uuid5(NAMESPACE_DNS, ...)).
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
  });
});

describe('the Teams app id', () => {
  it('is the same for one site every time and different for another site', () => {
    const acme = teamsAppPackager.appIdFor('acme.atlassian.net');
    expect(teamsAppPackager.appIdFor('acme.atlassian.net')).toBe(acme);
    expect(teamsAppPackager.appIdFor('globex.atlassian.net')).not.toBe(acme);
    expect(acme).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('the package zip', () => {
  it('holds exactly manifest.json and the two icons', () => {
    const manifest = buildTeamsAppManifest(input());
    const files = unzipSync(teamsAppPackager.zip(manifest));
    expect(Object.keys(files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    expect(JSON.parse(strFromU8(files['manifest.json']))).toEqual(manifest);
    expect(Buffer.from(files['color.png']).toString('base64')).toBe(TEAMS_ICONS.color);
    expect(Buffer.from(files['outline.png']).toString('base64')).toBe(TEAMS_ICONS.outline);
  });

  it('is the same bytes for the same manifest, so a download twice is one package', () => {
    const manifest = buildTeamsAppManifest(input());
    expect(Buffer.from(teamsAppPackager.zip(manifest))).toEqual(Buffer.from(teamsAppPackager.zip(manifest)));
  });
});

describe('the content hash', () => {
  it('ignores the version and follows everything else', () => {
    const hash = teamsAppPackager.contentHash(buildTeamsAppManifest(input()));
    expect(teamsAppPackager.contentHash(buildTeamsAppManifest(input({ version: '3.1.4' })))).toBe(hash);
    expect(
      teamsAppPackager.contentHash(
        buildTeamsAppManifest(input({ botId: 'c0c0c0c0-1111-4222-8333-444455556666' })),
      ),
    ).not.toBe(hash);
  });
});

describe('the icons', () => {
  it('color.png is 192×192 RGBA with a solid background around the symbol', () => {
    const color = icon('color');
    expect([color.width, color.height, color.colorType, color.bitDepth]).toEqual([192, 192, 6, 8]);
    const background = pixelAt(color, 0, 0);
    expect(background[3]).toBe(255);
    // The 48-pixel frame around the 96×96 symbol is the background, every pixel of it.
    const offFrame: string[] = [];
    for (let y = 0; y < 192; y++) {
      for (let x = 0; x < 192; x++) {
        if (x >= 48 && x < 144 && y >= 48 && y < 144) continue;
        if (pixelAt(color, x, y).join() !== background.join()) offFrame.push(`${x},${y}`);
      }
    }
    expect(offFrame).toEqual([]);
    const symbol = new Set<string>();
    for (let y = 48; y < 144; y++) for (let x = 48; x < 144; x++) symbol.add(pixelAt(color, x, y).join());
    expect(symbol.size).toBeGreaterThan(3);
  });

  it('outline.png is 32×32, white where it is drawn and fully transparent elsewhere', () => {
    const outline = icon('outline');
    expect([outline.width, outline.height, outline.colorType, outline.bitDepth]).toEqual([32, 32, 6, 8]);
    let drawn = 0;
    let transparent = 0;
    for (let y = 0; y < 32; y++) {
      for (let x = 0; x < 32; x++) {
        const [r, g, b, a] = pixelAt(outline, x, y);
        if (a === 0) transparent++;
        else {
          drawn++;
          expect([r, g, b]).toEqual([255, 255, 255]);
        }
      }
    }
    expect(pixelAt(outline, 0, 0)[3]).toBe(0);
    expect(pixelAt(outline, 31, 31)[3]).toBe(0);
    // A symbol, not an empty or a full square.
    expect(drawn).toBeGreaterThan(150);
    expect(transparent).toBeGreaterThan(150);
  });
});
