// Strings of the specialist desk (乡村数字专员). Part of the one zh-CN catalogue (see zh-CN.ts).
export const specialistStrings = {} as const;
