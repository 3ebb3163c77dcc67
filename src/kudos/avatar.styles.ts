import { css } from 'lit';

/** Styles of `renderAvatar`, shared by the kudos elements and the people picker. */
export const avatarStyles = css`
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
    background: hsl(var(--kring-avatar-hue, 210) 45% 30%);
    user-select: none;
  }
  /* One class per avatar colour (AVATAR_HUES in avatar.ts), 30° apart. */
  .hue-0 {
    --kring-avatar-hue: 0;
  }
  .hue-1 {
    --kring-avatar-hue: 30;
  }
  .hue-2 {
    --kring-avatar-hue: 60;
  }
  .hue-3 {
    --kring-avatar-hue: 90;
  }
  .hue-4 {
    --kring-avatar-hue: 120;
  }
  .hue-5 {
    --kring-avatar-hue: 150;
  }
  .hue-6 {
    --kring-avatar-hue: 180;
  }
  .hue-7 {
    --kring-avatar-hue: 210;
  }
  .hue-8 {
    --kring-avatar-hue: 240;
  }
  .hue-9 {
    --kring-avatar-hue: 270;
  }
  .hue-10 {
    --kring-avatar-hue: 300;
  }
  .hue-11 {
    --kring-avatar-hue: 330;
  }
  @media (forced-colors: active) {
    .avatar {
      border: 1px solid CanvasText;
    }
  }
`;
