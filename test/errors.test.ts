import * as upstream from '@supabase/functions-js'
import {
  FunctionRegion,
  FunctionsError,
  FunctionsFetchError,
  FunctionsHttpError,
  FunctionsRelayError,
  FunctionsRequestError,
  FunctionsResponseError,
} from '../src'

describe('error classes match functions-js', () => {
  const context = { status: 500 }
  it.each([
    ['FunctionsFetchError', new FunctionsFetchError(context), new upstream.FunctionsFetchError(context)],
    ['FunctionsHttpError', new FunctionsHttpError(context), new upstream.FunctionsHttpError(context)],
    ['FunctionsRelayError', new FunctionsRelayError(context), new upstream.FunctionsRelayError(context)],
    ['FunctionsError', new FunctionsError('m', 'FunctionsError', context), new upstream.FunctionsError('m', 'FunctionsError', context)],
  ])('%s: same name, message, context and toJSON()', (name, ours, theirs) => {
    expect(ours.name).toBe(name)
    expect(ours.name).toBe(theirs.name)
    expect(ours.message).toBe(theirs.message)
    expect(ours.context).toBe(context)
    expect(ours.toJSON()).toEqual(theirs.toJSON())
    expect(JSON.stringify(ours)).toBe(JSON.stringify(theirs))
    expect(ours).toBeInstanceOf(Error)
    expect(ours).toBeInstanceOf(FunctionsError)
  })

  it('keeps the exact messages', () => {
    expect(new FunctionsFetchError(0).message).toBe('Failed to send a request to the Edge Function')
    expect(new FunctionsRelayError(0).message).toBe('Relay Error invoking the Edge Function')
    expect(new FunctionsHttpError(0).message).toBe('Edge Function returned a non-2xx status code')
  })

  it('FunctionRegion has the same values', () => {
    expect(Object.values(FunctionRegion).sort()).toEqual(Object.values(upstream.FunctionRegion).sort())
    expect(Object.keys(FunctionRegion).sort()).toEqual(Object.keys(upstream.FunctionRegion).sort())
  })
})

describe('codes', () => {
  it('each class carries its code; fetch errors tell network, timeout and cancel apart', () => {
    expect(new FunctionsFetchError(0).code).toBe('NETWORK_ERROR')
    expect(new FunctionsFetchError(0, 'TIMEOUT').code).toBe('TIMEOUT')
    expect(new FunctionsFetchError(0, 'ABORTED').code).toBe('ABORTED')
    expect(new FunctionsHttpError(0).code).toBe('HTTP_ERROR')
    expect(new FunctionsRelayError(0).code).toBe('RELAY_ERROR')
    expect(new FunctionsRequestError('m').code).toBe('INVALID_REQUEST')
    expect(new FunctionsResponseError('m', {} as any).code).toBe('INVALID_RESPONSE')
  })

  it('HTTP and relay errors expose status and body directly', () => {
    const error = new FunctionsHttpError({ status: 418 }, { error: 'teapot' })
    expect(error.status).toBe(418)
    expect(error.body).toEqual({ error: 'teapot' })
    const relay = new FunctionsRelayError({ status: 401 }, { message: 'Invalid JWT' })
    expect(relay.status).toBe(401)
    expect(relay.body).toEqual({ message: 'Invalid JWT' })
  })

  it('the new classes are not mistaken for the functions-js ones', () => {
    const request = new FunctionsRequestError('bad')
    expect(request).toBeInstanceOf(FunctionsError)
    expect(request).not.toBeInstanceOf(FunctionsFetchError)
    expect(request.name).toBe('FunctionsRequestError')
    expect(new FunctionsResponseError('bad', {} as any).name).toBe('FunctionsResponseError')
    expect(new FunctionsRelayError(0)).not.toBeInstanceOf(FunctionsHttpError)
  })
})
