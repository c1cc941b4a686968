export const url = __FUNCTIONS_URL__
export const anonKey = __FUNCTIONS_ANON_KEY__
/** Whether calls go through the relay cloud function (cloudfunctions/mp-functions-relay) on mp-weixin. */
export const throughRelay = __FUNCTIONS_CLOUD_RELAY__
/**
 * Where the signed-in session lives. FunctionsPlugin's default for an `http://127.0.0.1…` url is the
 * same (`sb-<first label of the host>-auth-token`, as supabase-js); given here so that sign-in
 * writes where the plugin reads.
 */
export const storageKey = 'sb-127-auth-token'
