/** DynamoDB Local needs Java 17+; say so in one line instead of a stack trace. */
import { spawnSync } from 'node:child_process';

export const javaInstallHint = "install it with 'apt-get install openjdk-17-jre-headless'";

/** Returns a one-line problem, or undefined when a usable Java is on the PATH. */
export const javaProblem = (): string | undefined => {
  const result = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) return `Java 17 or newer is needed for DynamoDB Local: ${javaInstallHint}.`;
  const version = /version "(\d+)/.exec(`${result.stderr}${result.stdout}`)?.[1];
  if (version && Number(version) < 17) {
    return `Java ${version} found, but DynamoDB Local needs Java 17 or newer: ${javaInstallHint}.`;
  }
  return undefined;
};
