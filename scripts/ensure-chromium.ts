/**
 * Before `npm test`: the browser tests need Debian's Chromium (test/support/browser.ts). On a
 * fresh Debian machine, run as root (CI, a container), this installs it from Debian's packages;
 * otherwise it says what to do. Nothing downloads a browser build of its own.
 */
import { execFileSync } from 'node:child_process';
import { findChromium } from '../test/support/browser';

const found = findChromium();
if (found) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = (() => {
  try {
    execFileSync('apt-get', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

if (!isRoot || !hasApt) {
  console.error(
    'The browser tests need Chromium. Install Debian\'s "chromium" package (sudo apt-get install chromium) or set CHROMIUM_PATH.',
  );
  process.exit(1);
}

console.log('Chromium is missing: installing Debian\'s "chromium" package for the browser tests…');
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium'], {
  stdio: 'inherit',
  env,
});
if (!findChromium()) {
  console.error('apt-get finished, but no Chromium is at /usr/bin/chromium.');
  process.exit(1);
}
