// The one source of "now": the composition root passes the real one, tests pass a fixed instant.

/** Returns the current instant; never read Date.now() or new Date() in code that takes a Clock. */
export type Clock = () => Date;
