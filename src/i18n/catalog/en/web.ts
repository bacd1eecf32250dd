// English: the web chat page's own texts (title, picker, composer, persona names, notices).
export const enWeb = {
  'web.title': 'Slotline web chat',
  'web.chat': 'web chat',
  'web.talkAs': 'Talk as',
  'web.persona': 'Persona',
  'web.newClient': 'New client',
  'web.demoClient': 'Demo Client',
  'web.guest': 'Guest {id}',
  'web.provider': 'Provider: {name}',
  'web.placeholder': 'Type a message, or /help',
  'web.message': 'Message',
  'web.send': 'Send',
  'web.sendFailed': 'Could not send: {error}',
} as const;
