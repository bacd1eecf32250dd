// German: what a linked provider reads in chat: requests, today, the week, blocks, /link.
import type { CatalogPart } from '../catalog-types.ts';
import type { enProvider } from '../en/provider.ts';

export const deProvider: CatalogPart<typeof enProvider> = {
  'provider.onlyProvider':
    'Das kann nur der Anbieter dieses Termins. Anbieter verknüpfen diesen Chat mit /link CODE.',
  'provider.otherProvider':
    'Dieser Termin gehört zu einem anderen Anbieter, daher können Sie ihn nicht ändern.',
  'provider.approvedBy': 'Angenommen von {by}.',
  'provider.declinedBy': 'Abgelehnt von {by}.',
  'provider.declinedByWithReason': 'Abgelehnt von {by}. Grund: {reason}',
  'provider.alreadyHandled':
    'Diese Anfrage wurde bereits bearbeitet (Status: {status}). Nichts wurde geändert.',
  'provider.yourWeekButton': 'Ihre Woche',
  'provider.waitingButton': 'Offene Anfragen ({count})',
  'provider.markedCompleted': '{service} von {client} um {clock} als erledigt markiert (von {by}).',
  'provider.markedNoShow':
    '{service} von {client} um {clock} als nicht erschienen markiert (von {by}).',
  'provider.blockUsage':
    'Verwendung: /block DATUM [HH:MM-HH:MM], z. B. /block 2026-12-24 oder /block morgen 12:00-14:00 (Ihre Zeitzone). Ohne Uhrzeiten wird der ganze Tag gesperrt.',
  'provider.unblockUsage': 'Verwendung: /unblock DATUM, z. B. /unblock 2026-12-24.',
  'provider.blockInvalid': 'Das konnte ich nicht sperren: {problem}.\n{usage}',
  'provider.blockedSpan':
    '{from}–{to} am {day} gesperrt (Zeit {city}). Bereits gebuchte Termine bleiben bestehen. Rückgängig mit /unblock {date}.',
  'provider.blockedDay':
    'Der ganze Tag am {day} ist gesperrt (Zeit {city}). Bereits gebuchte Termine bleiben bestehen. Rückgängig mit /unblock {date}.',
  'provider.nothingBlocked': 'Am {day} war nichts gesperrt.',
  'provider.unblocked':
    '{day} freigegeben: {count, plural, one {# Sperre} other {# Sperren}} entfernt; Ihre üblichen Zeiten gelten wieder.',
  'provider.requestsUsage':
    'Senden Sie /requests für die offenen Anfragen oder /requests 2 für Seite 2.',
  'provider.noRequests': 'Es warten keine Buchungsanfragen auf Sie.',
  'provider.requestsTitle':
    '{count, plural, one {# Buchungsanfrage wartet} other {# Buchungsanfragen warten}} auf Sie (Zeit {city}):',
  'provider.approveLabel': 'Annehmen {label}',
  'provider.declineLabel': 'Ablehnen {label}',
  'provider.requestLine': '{day}, {span}: {service} für {client}.',
  'provider.requestLineNotes': '{day}, {span}: {service} für {client}. Notizen: {notes}',
  'provider.profileGone': 'Ihr Anbieterprofil existiert nicht mehr.',
  'provider.todayTitle': 'Heute, {day} (Zeit {city}):',
  'provider.nothingBooked': 'Nichts gebucht.',
  'provider.dayLine': '{span} {service}, {client} ({status})',
  'provider.dayLineWaiting': '⏳ {span} {service}, {client} ({status})',
  'provider.buttonsFirst':
    '(Schaltflächen für die ersten {count}; senden Sie /today erneut für den Rest oder /requests.)',
  'provider.buttonWho': '{clock} {client}',
  'provider.completeLabel': 'Erledigt {label}',
  'provider.noShowLabel': 'Nicht erschienen {label}',
  'provider.weekUsage': 'Senden Sie /week für Ihre nächsten 7 Tage oder /week 2 für Seite 2.',
  'provider.weekTitle': 'Ihre Woche, {from} – {to} (Zeit {city}):',
  'provider.weekWaiting':
    '{count, plural, one {# wartet} other {# warten}} auf Ihre Bestätigung, markiert mit ⏳.',
  'provider.weekDay': '{day}:',
  'provider.weekButtonWhen': '{day} {clock}',
  'provider.linkUsage':
    'Senden Sie /link und den Code von Ihrem Administrator, z. B. /link ABCD2345.',
  'provider.linked':
    'Verknüpft: Dieser Chat handelt jetzt als {provider}. Buchungsanfragen und Änderungen erreichen Sie hier.\nAnbieterbefehle: {commands}; /help erklärt jeden.',
  'provider.codeUnknown':
    'Diesen Code gibt es nicht. Prüfen Sie ihn oder bitten Sie Ihren Administrator um einen neuen.',
  'provider.codeUsed':
    'Dieser Code wurde bereits verwendet. Bitten Sie Ihren Administrator um einen neuen.',
  'provider.codeExpired':
    'Dieser Code ist abgelaufen (Codes gelten 15 Minuten). Bitten Sie Ihren Administrator um einen neuen.',
} as const;
