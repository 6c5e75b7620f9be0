import { Inline, Stack, Text } from '@atlaskit/primitives';
import type { TenantSettingsView } from '../../../../src/contracts/tenant';
import { TEST_IDS } from '../testids';
import { CopyButton } from '../ui/copy-button';

/**
 * What to register in Microsoft Entra (ARCHITECTURE.md D2): the redirect URI and the delegated
 * permissions, each copyable, because Entra takes them one at a time. The permissions are the
 * server's one list (src/domain/microsoft-permissions.ts, through the tenant view), each with why.
 */
export const RegistrationSteps = ({ tenant }: { tenant: TenantSettingsView }) => (
  <ol className="steps-list">
    <li>
      <Text>
        In the Microsoft Entra admin center, register an application for accounts in this organization only.
      </Text>
    </li>
    <li>
      <Stack space="space.050">
        <Text>Add this redirect URI, of the Web platform:</Text>
        <Inline space="space.100" alignBlock="center" shouldWrap>
          <code className="copyable" data-testid={TEST_IDS.redirectUri}>
            {tenant.redirectUri}
          </code>
          <CopyButton text={tenant.redirectUri} what="redirect URI" testId={TEST_IDS.copyRedirectUri} />
        </Inline>
      </Stack>
    </li>
    <li>
      <Stack space="space.050">
        <Inline space="space.100" alignBlock="center" shouldWrap>
          <Text>
            Under API permissions, add these Microsoft Graph delegated permissions, and nothing else:
          </Text>
          <CopyButton
            text={tenant.permissions.map((p) => p.name).join(' ')}
            what="all permissions"
            testId={TEST_IDS.copyPermissions}
          />
        </Inline>
        <ul
          className="plain-list"
          data-testid={TEST_IDS.permissionList}
          aria-label="Microsoft Graph delegated permissions"
        >
          {tenant.permissions.map(({ name, why }) => (
            <li key={name}>
              <Inline space="space.100" alignBlock="center" shouldWrap>
                <code className="copyable">{name}</code>
                <CopyButton text={name} what={name} testId={TEST_IDS.copyPermission(name)} />
                <Text size="small" color="color.text.subtle">
                  {why}
                </Text>
              </Inline>
            </li>
          ))}
        </ul>
      </Stack>
    </li>
    <li>
      <Text>
        Under Certificates &amp; secrets, create a client secret. Note its value and the date it expires.
      </Text>
    </li>
  </ol>
);
