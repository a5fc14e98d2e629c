import { Command, type CommanderError } from 'commander';

/** Bad input found by a subcommand's own checks: the message is shown as is. */
export class ArgError extends Error {}

/** What parsing the command line comes to when it does not name something to run. */
export type ParseStop =
  | { kind: 'help'; text: string }
  | { kind: 'version' }
  | { kind: 'error'; message: string; usage: string; exitCode: number };

/**
 * A subcommand: defines its options on a command made by `quietCommand` and hands its parsed, checked options to
 * `done`. Adding a subcommand is writing one of these and listing it in cli-args.ts.
 */
export type Subcommand<T> = (done: (parsed: T) => void) => Command;

/** Thrown by exitOverride: commander never prints and never exits, parseCommandLine turns this into a ParseStop. */
class Stopped extends Error {
  constructor(readonly stop: ParseStop) {
    super(stop.kind);
  }
}

/**
 * A commander command that prints nothing and never exits: help, version and bad input come back from
 * `parseCommandLine` as values, so the CLI decides what to print and which exit code to use. `badInputExit` is this
 * command's exit code for bad input (serve 2; send and replay 3, so CI can tell it from an outcome: product.md §2).
 */
export function quietCommand(name: string, badInputExit: number): Command {
  const cmd = new Command(name);
  return (
    cmd
      .exitOverride((error) => {
        throw new Stopped(stopFor(cmd, error, badInputExit));
      })
      .configureOutput({ writeOut: () => undefined, writeErr: () => undefined, outputError: () => undefined })
      .helpOption('-h, --help', 'show this help')
      // Checked by the action instead, so the message can name the extra argument.
      .allowExcessArguments(true)
  );
}

/** Runs `parse` as `cmd`'s action: an ArgError becomes a bad-input stop for `cmd` (with its help and exit code). */
export function act<T>(cmd: Command, parse: () => T, done: (parsed: T) => void): Command {
  return cmd.action(() => {
    let parsed: T;
    try {
      parsed = parse();
    } catch (error) {
      if (error instanceof ArgError) cmd.error(error.message);
      throw error;
    }
    done(parsed);
  });
}

/** Parses `argv` (without node and the script) with `program`: what its action handed over, or why it stopped. */
export function parseCommandLine<T>(program: Command, argv: readonly string[], result: () => T | null): T | ParseStop {
  try {
    program.parse([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof Stopped) return error.stop;
    throw error;
  }
  return result() ?? { kind: 'help', text: program.helpInformation() };
}

/** Throws the first extra argument as an error (commander's own message does not name it). */
export function noMoreArguments(args: readonly string[], expected: number): void {
  if (args.length > expected) throw new ArgError(`unexpected argument "${args[expected]}"`);
}

function stopFor(cmd: Command, error: CommanderError, exitCode: number): ParseStop {
  if (error.code === 'commander.helpDisplayed' || error.code === 'commander.help') {
    return { kind: 'help', text: cmd.helpInformation() };
  }
  if (error.code === 'commander.version') return { kind: 'version' };
  return { kind: 'error', message: shortMessage(cmd, error), usage: cmd.helpInformation(), exitCode };
}

/** Commander's messages for the common mistakes, in the words the CLI has always used; ours pass through. */
function shortMessage(cmd: Command, error: CommanderError): string {
  const option = /'(-[^' ]+)/.exec(error.message)?.[1];
  if (error.code === 'commander.optionMissingArgument' && option) return `option ${option} needs a value`;
  if (error.code === 'commander.unknownOption' && option) {
    // `--no-ui=yes`: commander splits `=` only for options that take a value.
    const [name] = option.split('=');
    const flag = cmd.options.find((o) => o.long === name || o.short === name);
    if (flag && option.includes('=') && !flag.required && !flag.optional) return `option ${name} takes no value`;
    const hint = /\(Did you mean (\S+)\?\)/.exec(error.message)?.[1];
    return hint ? `unknown option ${option} (did you mean ${hint}?)` : `unknown option ${option}`;
  }
  return error.message.replace(/^error: /, '');
}
