/**
 * E-mail validation for invitations. Pragmatic, not RFC 5322: it accepts what company mail
 * systems hand out (dots, plus-addressing, hyphens) and rejects what a person mistypes.
 */

export const EMAIL_PROBLEMS = ['empty', 'format', 'domain'] as const;
export type EmailProblem = (typeof EMAIL_PROBLEMS)[number];

export type EmailValidation =
  | { valid: true; /** Trimmed and lower-cased. */ email: string; domain: string }
  | { valid: false; problem: EmailProblem };

const LOCAL_PART = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const DOMAIN_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const TOP_LEVEL = /^[a-z]{2,63}$/;

/**
 * Reads an `allowed-domains` attribute: comma- or space-separated, case-insensitive,
 * a leading `@` tolerated (`@acme.nl, Acme.be` → `['acme.nl', 'acme.be']`).
 */
export function parseAllowedDomains(value: string | null | undefined): string[] {
  if (!value) return [];
  return value
    .split(/[\s,;]+/)
    .map((domain) => domain.trim().toLowerCase().replace(/^@/, ''))
    .filter((domain) => domain.length > 0);
}

/** Whether the domain is one of the allowed ones or a subdomain of one (`mail.acme.nl` under `acme.nl`). */
export function isDomainAllowed(domain: string, allowedDomains: readonly string[]): boolean {
  if (allowedDomains.length === 0) return true;
  const normalized = domain.toLowerCase();
  return allowedDomains.some((allowed) => normalized === allowed || normalized.endsWith(`.${allowed}`));
}

/**
 * Validates an address typed by a member. Upper case is folded (company mail is case-insensitive
 * in practice, and it keeps duplicates out); plus-addressing (`jan+kring@acme.nl`) is valid.
 * With `allowedDomains`, only those domains (and their subdomains) pass.
 */
export function validateInviteEmail(raw: string, allowedDomains: readonly string[] = []): EmailValidation {
  const email = raw.trim().toLowerCase();
  if (email === '') return { valid: false, problem: 'empty' };
  if (email.length > 254) return { valid: false, problem: 'format' };
  const at = email.lastIndexOf('@');
  if (at <= 0 || email.indexOf('@') !== at) return { valid: false, problem: 'format' };
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  if (local.length > 64 || !LOCAL_PART.test(local)) return { valid: false, problem: 'format' };
  const labels = domain.split('.');
  if (labels.length < 2 || !labels.every((label) => DOMAIN_LABEL.test(label))) {
    return { valid: false, problem: 'format' };
  }
  if (!TOP_LEVEL.test(labels[labels.length - 1])) return { valid: false, problem: 'format' };
  if (!isDomainAllowed(domain, allowedDomains)) return { valid: false, problem: 'domain' };
  return { valid: true, email, domain };
}

/**
 * The mailbox an address delivers to, for spotting duplicates: lower case, plus-tag removed
 * (`Jan+Kring@Acme.nl` and `jan@acme.nl` are one colleague).
 */
export function canonicalEmail(email: string): string {
  const lower = email.trim().toLowerCase();
  const at = lower.lastIndexOf('@');
  if (at <= 0) return lower;
  const local = lower.slice(0, at).split('+')[0];
  return `${local}@${lower.slice(at + 1)}`;
}
