import Button from '@atlaskit/button/new';
import { useState } from 'react';
import { useAnnounce } from './announcer';

/**
 * The async clipboard API needs the host to grant `clipboard-write` to the iframe, which Forge
 * does not promise; a hidden textarea with execCommand works in a sandboxed frame on a click.
 */
const copyText = async (text: string): Promise<boolean> => {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.className = 'visually-hidden';
    document.body.appendChild(area);
    area.select();
    try {
      return document.execCommand('copy');
    } finally {
      area.remove();
    }
  }
};

/** "Copy" with the thing it copies in its accessible name; says "Copied" for a moment. */
export const CopyButton = ({ text, what, testId }: { text: string; what: string; testId?: string }) => {
  const announce = useAnnounce();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    const ok = await copyText(text);
    announce(ok ? `Copied ${what}` : `Couldn't copy. Select the ${what} and copy it yourself.`);
    if (!ok) return;
    setCopied(true);
    window.setTimeout(() => setCopied(false), 2000);
  };
  return (
    <Button spacing="compact" aria-label={`Copy ${what}`} testId={testId} onClick={() => void copy()}>
      {copied ? 'Copied' : 'Copy'}
    </Button>
  );
};
