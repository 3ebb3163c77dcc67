import { isBackendError } from '../errors.js';
import { MAX_RECEIVERS } from './fairness.js';
import { MESSAGE_MAX_LENGTH } from './message.js';
import type { KudosStringKey } from '../i18n/kudos.js';

/** Which `kudosStrings` key explains a failed send to the user: one of its `error.*` keys. */
export type KudosErrorKey = Extract<KudosStringKey, `error.${string}`>;

const keysByCode: Record<string, KudosErrorKey> = {
  'kudos.no-receiver': 'error.noReceivers',
  'kudos.too-many': 'error.tooManyReceivers',
  'kudos.unknown-person': 'error.unknownReceiver',
  'kudos.self': 'error.self',
  'kudos.message': 'error.message',
  'kudos.value': 'error.unknownValue',
  'kudos.daily-limit': 'error.dailyLimit',
};

export interface KudosErrorExplanation {
  key: KudosErrorKey;
  /** The backend's own message, shown for `invalid` rejections without a known code. */
  reason?: string;
  /** Whether the user can fix it by changing the form (rather than retrying). */
  fixable: boolean;
  /** Whether retrying the same send may work (network, throttled, server). */
  transient: boolean;
  /** Values for the string's placeholders. */
  params: { reason: string; max: number };
}

/** Explains a rejected send in terms the composer can show inline. */
export function explainKudosError(error: unknown): KudosErrorExplanation {
  const explanation = explain(error);
  const max = explanation.key === 'error.tooManyReceivers' ? MAX_RECEIVERS : MESSAGE_MAX_LENGTH;
  return { ...explanation, params: { reason: explanation.reason ?? '', max } };
}

function explain(error: unknown): Omit<KudosErrorExplanation, 'params'> {
  if (!isBackendError(error)) return { key: 'error.generic', fixable: false, transient: false };
  if (error.code && keysByCode[error.code]) {
    return { key: keysByCode[error.code], fixable: true, transient: false };
  }
  switch (error.kind) {
    case 'invalid':
      return { key: 'error.invalid', reason: error.message, fixable: true, transient: false };
    case 'forbidden':
      return { key: 'error.forbidden', fixable: false, transient: false };
    case 'auth':
      return { key: 'error.auth', fixable: false, transient: false };
    default:
      return { key: 'error.generic', fixable: false, transient: error.transient };
  }
}
