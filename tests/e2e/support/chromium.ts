import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const candidates = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** The system Chromium to drive: CHROME_PATH, else the usual Debian locations. Never a silent pass. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.CHROME_PATH;
  if (configured) {
    if (existsSync(configured)) return configured;
    throw new Error(`CHROME_PATH=${configured} does not exist. Install Chromium (apt-get install chromium) or fix CHROME_PATH.`);
  }
  const found = candidates.find((path) => existsSync(path));
  if (!found) {
    throw new Error(
      'No Chromium found for the E2E tests. Install it with `apt-get update && apt-get install -y chromium` or set CHROME_PATH to a Chromium/Chrome binary.',
    );
  }
  return found;
}

/** Flags that keep Chromium quiet on a machine without a network or a GPU. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: findChromium(), args: [...chromiumArgs, ...extraArgs], headless: true });
}

/**
 * A camera that films `y4mPath` (fake-camera.ts makes one), granted without a prompt: the
 * document camera of issue 22, for tests.
 */
export function fakeCameraArgs(y4mPath: string): string[] {
  return ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${y4mPath}`];
}
