// Strings of the query services (社保查询, 办件进度, 证明打印, 政策问答). Part of the one zh-CN catalogue (see zh-CN.ts).
export const queryStrings = {} as const;
