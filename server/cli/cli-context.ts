import type { Services } from '../services.ts';

/** Where the CLI writes: raw chunks, so commander's help and errors go through the same sink. */
export interface CliOutput {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** What the commands work with; tests build one over a temporary database. */
export interface CliDeps {
  readonly services: Services;
  /** The data directory (the demo writes its credentials file there). */
  readonly dataDir: string;
  /** VANKIEN_DEMO_PASSWORD, read by the caller from the configuration. */
  readonly demoPassword?: string | undefined;
  readonly output: CliOutput;
}

/** The dependencies plus line-based printing, as each command file receives them. */
export interface CliContext extends CliDeps {
  /** A result line on stdout (what a script captures). */
  print(line: string): void;
  /** A note for the person at the terminal, on stderr so it never pollutes captured output. */
  note(line: string): void;
}

/** An expected failure of a command: printed as `error: <message>`, exit code 1, no stack trace. */
export class CliError extends Error {
  override readonly name = 'CliError';
}

/** Adds line printing to the dependencies. */
export function cliContext(deps: CliDeps): CliContext {
  return {
    ...deps,
    print: (line) => deps.output.stdout(`${line}\n`),
    note: (line) => deps.output.stderr(`${line}\n`),
  };
}
