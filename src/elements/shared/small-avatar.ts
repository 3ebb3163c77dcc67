import { css, html, unsafeCSS, type TemplateResult } from 'lit';
import type { Person } from '../../model.js';
import { AVATAR_PALETTE, avatarClass, avatarColorStyles, initials, safeImageUrl } from './avatar.js';

/*
 * The small avatar of lists, feeds and pickers, apart from `avatar.ts`: the profile card (in the script-tag
 * core) draws its own, so a page of cards does not load this one (issue 18).
 */

/** Styles of `renderAvatar`: a round photo or initials circle, plus the colour classes. */
export const avatarStyles = [
  css`
    .avatar {
      display: inline-grid;
      place-items: center;
      flex: none;
      inline-size: var(--kring-avatar-size, 2rem);
      block-size: var(--kring-avatar-size, 2rem);
      border-radius: 50%;
      object-fit: cover;
      font-size: calc(var(--kring-avatar-size, 2rem) * 0.4);
      font-weight: 600;
      line-height: 1;
      color: #fff;
      background-color: ${unsafeCSS(AVATAR_PALETTE[8])};
      user-select: none;
    }
    .avatar.photo-pending {
      background-color: var(--_skeleton);
    }
    @media (forced-colors: active) {
      .avatar {
        border: 1px solid CanvasText;
      }
    }
  `,
  avatarColorStyles,
];

/**
 * A small avatar: the photo when there is a safe one, otherwise initials on the name's colour.
 * Decorative: the name is always next to it, so it is hidden from assistive technology.
 */
export function renderAvatar(
  person: Pick<Person, 'name' | 'photoUrl' | 'photoPending'> | undefined,
  part = 'avatar',
): TemplateResult {
  const name = person?.name ?? '?';
  // The photo is on its way (names come first): a plain circle, not initials that flip to a photo.
  if (person?.photoPending) {
    return html`<span part=${part} class="avatar photo-pending" aria-hidden="true"></span>`;
  }
  const photo = safeImageUrl(person?.photoUrl);
  if (photo) {
    return html`<img
      part=${part}
      class="avatar"
      src=${photo}
      alt=""
      aria-hidden="true"
      loading="lazy"
      referrerpolicy="no-referrer"
    />`;
  }
  return html`<span part=${part} class="avatar ${avatarClass(name)}" aria-hidden="true"
    >${initials(name)}</span
  >`;
}
