import type { UserConfig } from 'vite';
export declare const sharedBuildOptions: UserConfig & { build: NonNullable<UserConfig['build']> };
