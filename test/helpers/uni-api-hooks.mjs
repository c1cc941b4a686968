// Node module hooks for loading uni-app's mp-weixin API layer (uni.api.esm.js) outside a uni build:
// its one import from 'vue' (injectHook, for page lifecycles) is aliased to uni's own Vue runtime in
// a build; the request and interceptor code under test never calls it.
export async function resolve(specifier, context, next) {
  if (specifier === 'vue') return { url: 'data:text/javascript,export const injectHook = () => {}', shortCircuit: true }
  return next(specifier, context)
}
