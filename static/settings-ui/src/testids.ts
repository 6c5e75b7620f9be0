/**
 * Stable `data-testid`s for browser tests. Atlaskit adds suffixes to some of them:
 * - Checkbox `x`: the input is `x--hidden-checkbox`, its label `x--checkbox-label`.
 * - Toggle `x`: the wrapper is `x`, the input `x--input`.
 * - Radio option `x`: the input is `x--radio-input`, its label `x--radio-label`.
 * - Textfield `x`: the input itself is `x` (its wrapper `x-container`); TextArea `x` is the textarea.
 * - Button `x`: the button itself.
 * - Pickers (Atlaskit Select cannot carry a test id): `x` is a wrapper div around the select; click
 *   it, type to search, press Enter. Its input also has the id `x-input`.
 * - Confirmations `x` open in a Forge modal over the whole page (its own iframe, in the host's
 *   `dialog[data-forge-modal]`): the dialog is `x`, its buttons `x-confirm` and `x-cancel`.
 * The app's root element carries `data-surface` (global, space, content or personal).
 */
export const TEST_IDS = {
  app: 'teams-app',
  loading: 'loading',
  errorMessage: 'error-message',
  announcer: 'announcer',

  // Connection (every surface)
  loginButton: 'login-button',
  loginWaiting: 'login-waiting',
  loginMessage: 'login-message',
  signInFinished: 'sign-in-finished',
  connectEmptyState: 'connect-empty-state',
  connectionStatus: 'connection-status',
  connectionDetails: 'connection-details',
  disconnectButton: 'disconnect-button',
  disconnectModal: 'disconnect-modal',
  tenantMissing: 'tenant-missing',
  noAuthority: 'no-authority',

  // Rule lists
  rulesSection: 'rules-section',
  ruleList: 'rule-list',
  ruleRow: 'rule-row',
  ruleStatus: 'rule-status',
  rulePaused: 'rule-paused',
  ruleLocation: 'rule-location',
  ruleHistory: 'rule-history',
  ruleEdit: 'rule-edit',
  ruleDelete: 'rule-delete',
  deleteRuleModal: 'delete-rule-modal',
  addRule: 'add-rule',
  noRules: 'no-rules',
  rulesMessage: 'rules-message',
  coveringRules: 'covering-rules',
  coveringRule: 'covering-rule',

  // Rule editor
  ruleEditor: 'rule-editor',
  ruleOwner: 'rule-owner',
  ruleEvent: (kind: string) => `rule-event-${kind}`,
  ruleContentType: (type: string) => `rule-content-type-${type}`,
  labelsAny: 'rule-labels-any',
  labelsAll: 'rule-labels-all',
  labelsNone: 'rule-labels-none',
  authorsInclude: 'rule-authors-include',
  authorsExclude: 'rule-authors-exclude',
  skipMinorEdits: 'rule-skip-minor-edits',
  skipOwnChanges: 'rule-skip-own-changes',
  cql: 'rule-cql',
  restrictedContent: (mode: string) => `rule-restricted-${mode}`,
  ruleMentions: 'rule-mentions',
  includeDescendants: 'rule-include-descendants',
  destinationKind: (kind: string) => `destination-${kind}`,
  teamPicker: 'team-picker',
  channelPicker: 'channel-picker',
  chatPicker: 'chat-picker',
  ruleEnabled: 'rule-enabled',
  catchUpToggle: 'rule-catch-up',
  catchUpSince: 'rule-catch-up-since',
  credentialExpiry: 'credential-expiry',
  connectionOverview: 'connection-overview',
  pausedRulesSummary: 'paused-rules-summary',
  ruleSave: 'rule-save',
  ruleCancel: 'rule-cancel',
  ruleEditorMessage: 'rule-editor-message',
  ruleReload: 'rule-reload',

  // Content action. The share form's destination controls are the editor's with a `share-` prefix:
  // share-destination-channel, share-team-picker, share-channel-picker, share-chat-picker.
  shareSection: 'share-section',
  shareNote: 'share-note',
  shareSend: 'share-send',
  shareResult: 'share-result',
  shareOpenInTeams: 'share-open-in-teams',
  closeApp: 'close-app',

  // Global settings: Microsoft connection
  tenantSection: 'tenant-section',
  tenantStatus: 'tenant-status',
  tenantSummary: 'tenant-summary',
  editConnection: 'edit-connection',
  tenantDone: 'tenant-done',
  tenantForm: 'tenant-form',
  tenantTenantId: 'tenant-tenant-id',
  tenantClientId: 'tenant-client-id',
  tenantClientSecret: 'tenant-client-secret',
  tenantSecretStored: 'tenant-secret-stored',
  tenantSecretExpiresOn: 'tenant-secret-expires-on',
  tenantSave: 'tenant-save',
  tenantMessage: 'tenant-message',
  secretExpiry: 'secret-expiry',
  redirectUri: 'redirect-uri',
  copyRedirectUri: 'copy-redirect-uri',
  permissionList: 'permission-list',
  copyPermission: (name: string) => `copy-permission-${name}`,
  copyPermissions: 'copy-permissions',
  consentStatus: 'consent-status',
  grantConsent: 'grant-consent',
  consentMessage: 'consent-message',

  // Global settings: Teams app. The bot choice's radios are botKind('tenant-app') and botKind('separate').
  teamsAppSection: 'teams-app-section',
  linkPreviewsSwitch: 'link-previews-switch',
  linkPreviewsResult: 'link-previews-result',
  botEndpoint: 'bot-endpoint',
  copyBotEndpoint: 'copy-bot-endpoint',
  botIdShown: 'bot-id-shown',
  botForm: 'bot-form',
  botKind: (kind: 'tenant-app' | 'separate') => `bot-kind-${kind}`,
  botId: 'bot-id',
  botSecret: 'bot-secret',
  botSecretStored: 'bot-secret-stored',
  botSecretExpiresOn: 'bot-secret-expires-on',
  botSave: 'bot-save',
  botMessage: 'bot-message',
  downloadPackage: 'download-package',
  packageDetails: 'package-details',
  packageMessage: 'package-message',
  botHealth: 'bot-health',
  botSecretExpiry: 'bot-secret-expiry',
  sendTestMessage: 'send-test-message',
  testMessageResult: 'test-message-result',

  // Global settings: delivery health
  healthSection: 'health-section',
  healthCount: (kind: 'sent' | 'failed' | 'retried' | 'skipped') => `health-${kind}`,
  healthFailure: 'health-failure',
  healthRetry: 'health-retry',
  healthRefresh: 'health-refresh',
  healthExplanation: 'health-explanation',
  healthStatus: 'health-status',

  // Personal page
  preferencesForm: 'preferences-form',
  preference: (name: string) => `pref-${name}`,
  quietHours: 'pref-quiet-hours',
  quietStart: 'pref-quiet-start',
  quietEnd: 'pref-quiet-end',
  timeZonePicker: 'pref-time-zone',
  dailyDigest: 'pref-daily-digest',
  dailyDigestTime: 'pref-daily-digest-time',
  savePreferences: 'pref-save',
  preferencesMessage: 'pref-message',
  myRules: 'my-rules',

  // Global settings: people mapped from Atlassian's user export
  userMappingSection: 'user-mapping-section',
  userExportFile: 'user-export-file',
  userImportMessage: 'user-import-message',
  importCount: (outcome: string) => `import-count-${outcome}`,
  importPreviewRow: 'import-preview-row',
  confirmImport: 'confirm-import',
  cancelImport: 'cancel-import',
  userMappingRow: 'user-mapping-row',
  removeUserMapping: 'remove-user-mapping',
  userMappingsMore: 'user-mappings-more',
} as const;
