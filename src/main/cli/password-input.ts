/**
 * Passwords for the command line: from DOUDI_PASSWORD, or typed at a prompt that does not echo.
 * Never taken from an argument (it would stay in the shell history and the process list).
 */
import readline from 'node:readline';

export function promptHidden(question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    if (!process.stdin.isTTY) {
      reject(new Error('没有可交互的终端：请用环境变量 DOUDI_PASSWORD 提供密码'));
      return;
    }
    const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    const output = rl as unknown as { _writeToOutput: (s: string) => void };
    let prompted = false;
    output._writeToOutput = (s: string) => {
      if (!prompted) {
        process.stdout.write(s);
        prompted = true;
      }
    };
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    });
  });
}

export async function readPassword(options: { confirm: boolean; purpose: string }): Promise<string> {
  const fromEnv = process.env.DOUDI_PASSWORD;
  if (fromEnv) return fromEnv;
  const first = await promptHidden(`${options.purpose}：`);
  if (options.confirm) {
    const second = await promptHidden('再输入一次：');
    if (first !== second) throw new Error('两次输入的密码不一致');
  }
  return first;
}
