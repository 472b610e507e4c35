import { createInterface } from 'node:readline';

/**
 * Reads the password from stdin, never from argv (argv shows in `ps` and shell history).
 * Piped input: the first line. A terminal: a prompt with echo off.
 */
export async function readPasswordFromStdin(prompt = 'Mật khẩu: '): Promise<string> {
  const input = process.stdin;
  if (!input.isTTY) {
    let text = '';
    for await (const chunk of input) text += String(chunk);
    return text.split(/\r?\n/)[0] ?? '';
  }
  process.stderr.write(prompt);
  input.setRawMode(true);
  return new Promise((resolve) => {
    const rl = createInterface({ input, terminal: false });
    let password = '';
    const onData = (chunk: Buffer) => {
      for (const char of chunk.toString('utf8')) {
        if (char === '\r' || char === '\n') {
          input.off('data', onData);
          input.setRawMode(false);
          rl.close();
          process.stderr.write('\n');
          resolve(password);
          return;
        }
        if (char === '\u0003') process.exit(130);
        password = char === '\u007f' ? password.slice(0, -1) : password + char;
      }
    };
    input.on('data', onData);
  });
}
