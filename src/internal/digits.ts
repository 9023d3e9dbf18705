/**
 * `00` to `99`: the two-digit fields of dates and times, looked up instead of padded on the paths
 * that write hundreds of thousands of instants.
 */
export const TWO_DIGITS: readonly string[] = /* @__PURE__ */ Array.from({ length: 100 }, (_, i) =>
  i < 10 ? `0${i}` : `${i}`,
);
