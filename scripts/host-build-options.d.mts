import type { BuildOptions } from 'esbuild';
export declare const hostBuildOptions: BuildOptions;
