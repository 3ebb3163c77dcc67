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
  @media (forced-colors: active) {
    .avatar {
      border: 1px solid CanvasText;
    }
  }
`;
