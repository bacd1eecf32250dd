// The slash commands the Slack app declares (manifest.json) and the adapter listens for.

/** Without the slash; the engine also knows `start`, which Slack replaces with the App Home. */
export const SLACK_COMMANDS = [
  'book',
  'mybookings',
  'today',
  'block',
  'unblock',
  'connect',
  'disconnect',
  'link',
  'timezone',
  'email',
  'help',
] as const;
