/** The stderr line rss-hook.js writes and measure.ts reads: `<marker> <peak RSS in kB>`. */
export const RSS_MARKER = 'bench-max-rss-kb';
