/** True when dist/'s harness or renderer build is missing or older than electron/, renderer/ or shared/. */
export function isHarnessBuildStale(): boolean;
