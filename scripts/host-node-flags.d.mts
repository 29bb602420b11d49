export declare const hostNodeFlags: string[];
export declare const hostMallocEnv: Record<string, string>;
