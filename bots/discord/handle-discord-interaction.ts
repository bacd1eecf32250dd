// The interactionCreate listener: routes each interaction and turns faults into apologies.

import type { Interaction } from 'discord.js';
import { MessageFlags } from 'discord.js';
import { describeErrorSafely } from '../../src/logging/describe-error-safely.ts';
import type { Logger } from '../../src/ports/logger.ts';
import type { ChatHandler } from '../bot-adapter.ts';
import { hintTranslator } from '../reader-translator.ts';
import { answerCommand } from './answer-command.ts';
import { answerComponent } from './answer-component.ts';
import { type AnsweredInteraction, interactionToEvent } from './interaction-to-event.ts';

/** The apology in the language of the user's Discord client (the interaction's locale). */
export function apologyFor(locale: string | null | undefined): string {
  return hintTranslator(locale).t('bots.apologyShort');
}

/**
 * A listener that never rejects: slash commands, buttons and string selects go to the engine;
 * other interactions are logged and ignored. Any fault (engine or Discord) is logged with the
 * interaction id only and answered with a short ephemeral apology where Discord still allows one.
 */
export function createInteractionListener(
  handle: ChatHandler,
  logger: Logger,
): (interaction: Interaction) => Promise<void> {
  return async (interaction) => {
    if (!isAnswered(interaction)) {
      logger.warn(
        { interactionId: interaction.id, type: interaction.type },
        'discord interaction ignored',
      );
      return;
    }
    const event = interactionToEvent(interaction);
    if (event === null) {
      logger.warn({ interactionId: interaction.id }, 'discord select without a value ignored');
      return;
    }
    try {
      if (interaction.isChatInputCommand()) await answerCommand(interaction, event, handle);
      else await answerComponent(interaction, event, handle);
    } catch (error) {
      logger.error(
        { interactionId: interaction.id, input: event.input.kind, err: describeErrorSafely(error) },
        'discord interaction failed',
      );
      await apologise(interaction, logger);
    }
  };
}

function isAnswered(interaction: Interaction): interaction is AnsweredInteraction {
  return (
    interaction.isChatInputCommand() || interaction.isButton() || interaction.isStringSelectMenu()
  );
}

// Never overwrite what the user has already been shown: a component's message or an answer.
async function apologise(interaction: AnsweredInteraction, logger: Logger): Promise<void> {
  const content = apologyFor(interaction.locale);
  const apology = { content, components: [], flags: MessageFlags.Ephemeral } as const;
  try {
    if (!interaction.deferred && !interaction.replied) await interaction.reply(apology);
    else if (interaction.isChatInputCommand() && !interaction.replied)
      await interaction.editReply({ content, components: [] });
    else await interaction.followUp(apology);
  } catch (error) {
    logger.warn(
      { interactionId: interaction.id, err: describeErrorSafely(error) },
      'discord apology not delivered',
    );
  }
}
