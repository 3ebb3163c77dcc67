export declare const projectRoot: string;
export declare function elementNames(root?: string): string[];
export declare function libraryEntries(root?: string): Record<string, string>;
export declare const BACKEND_NAMES: string[];
export declare function bundlerEntries(root?: string): Record<string, string>;
