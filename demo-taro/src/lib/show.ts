import type { FunctionsResponse } from 'mp-functions'
import { FunctionsHttpError } from 'mp-functions'

/** What a call shows the user: its data, or the error with the function's own message. */
export async function show(
  result: FunctionsResponse<any>,
  format: (data: any) => string = (data) => JSON.stringify(data),
): Promise<string> {
  const { data, error } = result
  if (!error) return format(data)
  if (error instanceof FunctionsHttpError) {
    const body = await error.context.json().catch(() => null)
    return `出错了 ${error.status}: ${(body && body.error) || error.message}`
  }
  return `出错了 ${error.code}: ${error.message}`
}
