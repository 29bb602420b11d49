import type { Plugin } from 'esbuild';
export declare function viaRequire(commonJsPackages: string[]): Plugin;
