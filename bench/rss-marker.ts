/** The stderr line rss-hook.js writes and measure.ts reads: `<marker> <peak RSS kB> <CPU time µs>`. */
export const RSS_MARKER = 'bench-resource-usage';
