export declare const DEMO_PHOTO_TYPE: 'image/svg+xml';
export declare function demoPhotoSvg(key: string): string;
export declare function demoPhotoBase64(key: string): string;
export declare function sharePointPhotoPath(email: string): string;
export declare function emailFromSharePointPhotoPath(pathname: string): string | undefined;
