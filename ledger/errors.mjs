/**
 * A problem with how the ledger was set up (an option, DATABASE_URL, the database file), raised
 * by the ledger itself. Its message is complete and names what to change, so the command line
 * prints it alone; a stack trace is kept for errors nobody anticipated.
 */
export class SetupError extends Error {}
