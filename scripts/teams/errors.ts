/**
 * The error teams:package raises when a package must not be built. It carries every problem found, not just
 * the first, so that whoever builds the package can fix them all in one go: the command line prints the
 * message (one line, or a list), and the tests read the problems one by one.
 */

/** A package that must not be built; the message lists every problem found. */
export class PackagingError extends Error {
    constructor(readonly problems: string[]) {
        super(
            problems.length === 1
                ? (problems[0] as string)
                : `The Teams package has ${problems.length} problems:\n- ${problems.join('\n- ')}`,
        );
        this.name = 'PackagingError';
    }
}
