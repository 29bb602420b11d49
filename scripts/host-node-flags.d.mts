export declare const hostNodeFlags: string[];
