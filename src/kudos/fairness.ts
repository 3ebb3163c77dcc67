import type { Kudos, KudosInput } from '../model.js';
import { MESSAGE_MAX_LENGTH } from './message.js';
import { DAY_MS } from '../time.js';

/**
 * The fairness and validation rules every backend applies to a new kudos (see docs/kudos.md).
 * Pure, so the demo backend, tests and other adapters share one definition.
 */

/**
 * Machine-readable codes, sent as `BackendError.code` with kind `invalid` (the REST contract uses
 * the same strings). `kudos.message` covers an empty and a too-long message alike.
 */
export const KUDOS_RULE_CODES = [
  'kudos.no-receiver',
  'kudos.too-many',
  'kudos.unknown-person',
  'kudos.self',
  'kudos.message',
  'kudos.value',
  'kudos.daily-limit',
] as const;
export type KudosRuleCode = (typeof KUDOS_RULE_CODES)[number];

/** Most receivers of one kudos: recognition of a whole department belongs elsewhere. */
export const MAX_RECEIVERS = 10;

/** Default: at most 3 kudos from one person to the same person per 24 hours. */
export const DEFAULT_DAILY_LIMIT = 3;

export interface FairnessContext {
  giverId: string;
  /** Kudos the giver gave before; only the last 24 hours matter. */
  givenByGiver: readonly Pick<Kudos, 'to' | 'createdAt'>[];
  /** Now, ms since the epoch. */
  now: number;
  /** Per giver → receiver pair, per rolling 24 hours. Default 3. */
  dailyLimit?: number;
  /** Known company values; when given, a value must be one of them. */
  values?: readonly string[];
  /** Whether a person id exists; when given, every receiver must. */
  personExists?: (id: string) => boolean;
  maxLength?: number;
  /** Most receivers per kudos. Default 10. */
  maxReceivers?: number;
}

export interface KudosViolation {
  code: KudosRuleCode;
  /** Receivers the rule is about (self, daily limit, unknown receiver). */
  receivers?: string[];
}

/**
 * The English message for a refused kudos, for logs and API answers (elements show their own, translated
 * text for the code). One wording for the demo backend and Kring Server.
 */
export function kudosRuleMessage(
  code: KudosRuleCode,
  details: { receiverNames: string; value?: string; dailyLimit: number },
): string {
  const messages: Record<KudosRuleCode, string> = {
    'kudos.no-receiver': 'Choose at least one colleague.',
    'kudos.too-many': `Kudos can go to at most ${MAX_RECEIVERS} colleagues at once.`,
    'kudos.unknown-person': `There is no colleague "${details.receiverNames}".`,
    'kudos.self': 'You cannot give kudos to yourself.',
    'kudos.message': `Write a message of 1 to ${MESSAGE_MAX_LENGTH} characters.`,
    'kudos.value': `"${details.value}" is not one of the company values.`,
    'kudos.daily-limit': `You already gave ${details.receiverNames} ${details.dailyLimit} kudos in the last 24 hours; thank someone else, or try again later.`,
  };
  return messages[code];
}

/** Receivers without duplicates and surrounding spaces, in order. */
export function normaliseReceivers(to: readonly string[]): string[] {
  return [...new Set(to.map((id) => id.trim()).filter(Boolean))];
}

/** How many kudos the giver gave each receiver within the last 24 hours. */
export function recentCountsByReceiver(
  givenByGiver: FairnessContext['givenByGiver'],
  now: number,
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const kudos of givenByGiver) {
    const age = now - Date.parse(kudos.createdAt);
    if (age < 0 || age >= DAY_MS) continue;
    for (const receiver of new Set(kudos.to)) counts.set(receiver, (counts.get(receiver) ?? 0) + 1);
  }
  return counts;
}

/** Every rule the input breaks, most fundamental first; empty when the kudos may be given. */
export function checkKudos(input: KudosInput, context: FairnessContext): KudosViolation[] {
  const violations: KudosViolation[] = [];
  const receivers = normaliseReceivers(input.to ?? []);
  const message = (input.message ?? '').trim();
  const maxLength = context.maxLength ?? MESSAGE_MAX_LENGTH;

  if (receivers.length === 0) violations.push({ code: 'kudos.no-receiver' });
  if (receivers.length > (context.maxReceivers ?? MAX_RECEIVERS)) violations.push({ code: 'kudos.too-many' });
  if (receivers.includes(context.giverId))
    violations.push({ code: 'kudos.self', receivers: [context.giverId] });
  if (context.personExists) {
    const unknown = receivers.filter((id) => !context.personExists!(id));
    if (unknown.length) violations.push({ code: 'kudos.unknown-person', receivers: unknown });
  }
  if (!message || [...message].length > maxLength) violations.push({ code: 'kudos.message' });
  if (input.value && context.values && !context.values.includes(input.value)) {
    violations.push({ code: 'kudos.value' });
  }

  const limit = context.dailyLimit ?? DEFAULT_DAILY_LIMIT;
  const counts = recentCountsByReceiver(context.givenByGiver, context.now);
  const atLimit = receivers.filter((id) => id !== context.giverId && (counts.get(id) ?? 0) >= limit);
  if (atLimit.length) violations.push({ code: 'kudos.daily-limit', receivers: atLimit });
  return violations;
}
