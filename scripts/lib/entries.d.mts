export declare const projectRoot: string;
export declare function elementNames(root?: string): string[];
export declare function libraryEntries(root?: string): Record<string, string>;
