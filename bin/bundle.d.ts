/** The file URL of the bundled CLI entry, built first when src/ changed (see bundle.js). */
export function bundledMain(): Promise<string>;
