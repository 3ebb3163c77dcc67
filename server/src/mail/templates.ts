/**
 * Invitation and reminder e-mails in Dutch and English: plain text and HTML. Everything a person
 * wrote (names, the personal message, addresses) is escaped in the HTML; the link is the configured
 * invite URL with the token.
 */
export type MailLanguage = 'nl' | 'en';
export const MAIL_LANGUAGES: readonly MailLanguage[] = ['nl', 'en'];

export interface InviteMailInput {
  kind: 'invitation' | 'reminder';
  language: MailLanguage;
  inviterName: string;
  inviteeName?: string;
  message?: string;
  link: string;
  expiresAt: Date;
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/** The first supported language of these (BCP 47 tags such as `nl-NL`, `en_GB`), else undefined. */
export function mailLanguage(...tags: (string | null | undefined)[]): MailLanguage | undefined {
  for (const tag of tags) {
    const base = tag?.trim().toLowerCase().split(/[-_]/)[0];
    if (base && (MAIL_LANGUAGES as readonly string[]).includes(base)) return base as MailLanguage;
  }
  return undefined;
}

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const words = {
  en: {
    subject: (inviter: string) => `${inviter} invites you to the community`,
    reminderSubject: (inviter: string) => `Reminder: ${inviter} invited you to the community`,
    greeting: (name?: string) => (name ? `Hello ${name},` : 'Hello,'),
    body: (inviter: string) => `${inviter} invites you to join the community on the intranet.`,
    reminderBody: (inviter: string) =>
      `${inviter} invited you to join the community on the intranet. The invitation is still open.`,
    message: (inviter: string) => `${inviter} wrote:`,
    action: 'Accept the invitation',
    expires: (date: string) => `The invitation is valid until ${date}.`,
    footer: 'You receive this e-mail because a colleague invited you. If you do not want to join, ignore it.',
    date: 'en-GB',
  },
  nl: {
    subject: (inviter: string) => `${inviter} nodigt je uit voor de community`,
    reminderSubject: (inviter: string) => `Herinnering: ${inviter} heeft je uitgenodigd voor de community`,
    greeting: (name?: string) => (name ? `Hallo ${name},` : 'Hallo,'),
    body: (inviter: string) => `${inviter} nodigt je uit om lid te worden van de community op het intranet.`,
    reminderBody: (inviter: string) =>
      `${inviter} heeft je uitgenodigd om lid te worden van de community op het intranet. De uitnodiging staat nog open.`,
    message: (inviter: string) => `${inviter} schreef:`,
    action: 'Uitnodiging aannemen',
    expires: (date: string) => `De uitnodiging is geldig tot ${date}.`,
    footer:
      'Je krijgt deze e-mail omdat een collega je heeft uitgenodigd. Wil je geen lid worden, negeer hem dan.',
    date: 'nl-NL',
  },
} as const;

export function renderInviteMail(input: InviteMailInput): RenderedMail {
  const t = words[input.language];
  const date = input.expiresAt.toLocaleDateString(t.date, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const reminder = input.kind === 'reminder';
  const subject = (reminder ? t.reminderSubject : t.subject)(input.inviterName);
  const body = (reminder ? t.reminderBody : t.body)(input.inviterName);
  const message = input.message?.trim();
  const text = [
    t.greeting(input.inviteeName),
    '',
    body,
    ...(message ? ['', t.message(input.inviterName), ...message.split('\n').map((line) => `> ${line}`)] : []),
    '',
    `${t.action}: ${input.link}`,
    '',
    t.expires(date),
    '',
    '-- ',
    t.footer,
    '',
  ].join('\n');
  const e = escapeHtml;
  const html = `<!doctype html>
<html lang="${input.language}">
<head><meta charset="utf-8"><title>${e(subject)}</title></head>
<body style="font-family: system-ui, sans-serif; line-height: 1.5; color: #1b1b1b;">
<p>${e(t.greeting(input.inviteeName))}</p>
<p>${e(body)}</p>
${
  message
    ? `<p>${e(t.message(input.inviterName))}</p>\n<blockquote style="border-left: 3px solid #888; margin: 0; padding-left: 1em;">${e(message).replace(/\n/g, '<br>')}</blockquote>\n`
    : ''
}<p><a href="${e(input.link)}" style="font-weight: bold;">${e(t.action)}</a></p>
<p>${e(t.expires(date))}</p>
<p style="color: #555; font-size: 0.9em;">${e(t.footer)}</p>
</body>
</html>
`;
  return { subject, text, html };
}
