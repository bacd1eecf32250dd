// English: the language messages.
export const enLanguage = {
  'language.description': 'Choose the language I speak with you',
  'language.help': '/language: choose the language I speak with you, e.g. /language de',
  'language.argument': 'A language, e.g. Deutsch or en',
  'language.hint': '[language]',
  'language.current': 'I speak {name} with you. Pick a language:',
  'language.saved': "I'll speak {name} with you now.",
  'language.unknown': "I don't speak “{typed}”. Pick a language:",
} as const;
