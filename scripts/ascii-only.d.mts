export declare function escapeNonAscii(text: string): string;
export declare function makeAsciiOnly(dir: string): void;
