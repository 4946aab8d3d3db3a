import { execFile } from 'node:child_process';

export class GitReadError extends Error {}

interface GitOutput {
  stdout: Buffer;
  stderr: string;
  code: number;
}

function git(cwd: string, args: string[], maxBytes: number): Promise<GitOutput> {
  return new Promise((resolvePromise, reject) => {
    execFile(
      'git',
      args,
      { cwd, encoding: 'buffer', maxBuffer: maxBytes, windowsHide: true },
      (error, stdout, stderr) => {
        const errorCode = (error as (NodeJS.ErrnoException & { code?: string | number }) | null)?.code;
        if (errorCode === 'ENOENT')
          return reject(
            new GitReadError(
              'git is not installed or not on PATH; install git, or give the base-file and head-file options.',
            ),
          );
        if (errorCode === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER')
          return reject(new GitReadError(`git output exceeded ${maxBytes} bytes`));
        resolvePromise({
          stdout: stdout as Buffer,
          stderr: (stderr as Buffer).toString('utf8').trim(),
          code: typeof errorCode === 'number' ? errorCode : error ? 1 : 0,
        });
      },
    );
  });
}

/** Names a missing ref or path in words a workflow author can act on. */
function explain(stderr: string, ref: string, path: string): string {
  if (/not a git repository/i.test(stderr))
    return `cannot read ${path} at ${ref}: the working directory is not a git repository; check out the repository, or give the base-file and head-file options.`;
  if (/does not exist in|exists on disk, but not in/i.test(stderr))
    return `${path} does not exist at ${ref}; check the changelog option, or the ref.`;
  if (/invalid object name|unknown revision|bad revision|not a valid object name|ambiguous argument/i.test(stderr)) {
    return `ref '${ref}' does not exist in this repository; fetch it first (actions/checkout with fetch-depth: 0, or git fetch origin <branch>) or pass a commit SHA.`;
  }
  return `cannot read ${path} at ${ref}: ${stderr || 'git failed'}`;
}

/** A file's bytes at a git ref (`git show REF:path`), refusing files over `maxBytes` before reading them. */
export async function readFileAtRef(cwd: string, ref: string, path: string, maxBytes: number): Promise<Uint8Array> {
  if (ref.startsWith('-')) throw new GitReadError(`ref '${ref}' is not a ref name`);
  // `./` makes the path relative to the working directory, as on the command line.
  let spec = `${ref}:./${path.replace(/^\.\//, '')}`;
  let size = await git(cwd, ['cat-file', '-s', spec], 1024);
  if (size.code !== 0 && /relative path syntax/i.test(size.stderr)) {
    // A bare repository has no working directory to be relative to: the path is from the root.
    spec = `${ref}:${path.replace(/^\.\//, '')}`;
    size = await git(cwd, ['cat-file', '-s', spec], 1024);
  }
  if (size.code !== 0) throw new GitReadError(explain(size.stderr, ref, path));
  const bytes = Number(size.stdout.toString('utf8').trim());
  if (bytes > maxBytes)
    throw new GitReadError(
      `${path} at ${ref} is ${bytes.toLocaleString('en-US')} bytes, over the ${(maxBytes / 1024 / 1024).toFixed(0)} MiB limit for a changelog; nothing was checked.`,
    );
  const shown = await git(cwd, ['cat-file', 'blob', spec], maxBytes + 1);
  if (shown.code !== 0) throw new GitReadError(explain(shown.stderr, ref, path));
  return shown.stdout;
}

/** Paths of the files at a ref under `folder` (`git ls-tree -r --name-only`). */
export async function listFilesAtRef(cwd: string, ref: string, folder: string): Promise<string[]> {
  const listed = await git(
    cwd,
    ['ls-tree', '-r', '-z', '--name-only', ref, '--', folder === '' ? '.' : folder],
    64 * 1024 * 1024,
  );
  if (listed.code !== 0) throw new GitReadError(explain(listed.stderr, ref, folder));
  return listed.stdout
    .toString('utf8')
    .split('\0')
    .filter((p) => p !== '');
}
