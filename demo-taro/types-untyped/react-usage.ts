// Type-checked only (`tsc -p tsconfig.untyped.json`, run by the repo's tests): in a project that does not augment
// `AppFunctions`, the plugin's clients stay untyped (any name, `data: any` or the type given) yet checked.
import { Component } from 'react'
import Taro from '@tarojs/taro'
import { type createTaroFunctions, useFunctions } from 'mp-functions/taro'
import type { FunctionsClient, FunctionsResponse } from 'mp-functions'
import { useInvoke } from 'mp-functions/taro/react'

export class Probe extends Component {
  async run(): Promise<string | undefined> {
    const result: FunctionsResponse<{ message: string }> = await this.$functions.invoke<{ message: string }>('hello', {
      body: { name: '世界' },
    })
    // @ts-expect-error invoke needs a function name
    this.$functions.invoke()
    // @ts-expect-error the client is the app's: not replaced through a component
    this.$functions = Taro.$functions
    return result.data?.message
  }
}

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false
const exact = <A, B>(_proof: Equal<A, B>) => _proof

export async function untyped() {
  const { data } = await Taro.$functions.invoke('any-name?x=1', { body: { anything: 1 }, query: { page: 2 } })
  exact<typeof data, any>(true)
  exact<typeof Taro.$functions, FunctionsClient>(true)
  exact<ReturnType<typeof useFunctions>, FunctionsClient>(true)
  exact<ReturnType<typeof createTaroFunctions>, FunctionsClient>(true)
}

export async function hook(): Promise<number | undefined> {
  const { data } = await useFunctions().invoke<ArrayBuffer>('binary', { timeout: 1000 })
  // @ts-expect-error an unknown option
  await Taro.$functions.invoke('hello', { bodyy: 1 })
  return data?.byteLength
}

// useInvoke without a registry: any name; `data` of the type given, else `any`; options still checked.
export function UntypedHook(): string {
  const { data } = useInvoke<string, { message: string }>('anything', { body: { name: 1 } })
  const loose = useInvoke('other')
  // @ts-expect-error an unknown option
  useInvoke('hello', { bodyy: 1 })
  // @ts-expect-error a name is needed
  useInvoke()
  return (data ? data.message : '') + loose.data
}
