// Type-checked only (`tsc -p .`, run by the repo's tests): what the plugin's shipped types accept and refuse.
import { Component } from 'react'
import Taro from '@tarojs/taro'
import { useFunctions } from 'mp-functions/taro'
import type { FunctionsResponse } from 'mp-functions'

export class Probe extends Component {
  async run(): Promise<string | undefined> {
    const result: FunctionsResponse<{ message: string }> = await this.$functions.invoke<{ message: string }>('hello', { body: { name: '世界' } })
    // @ts-expect-error invoke needs a function name
    this.$functions.invoke()
    // @ts-expect-error the client is the app's: not replaced through a component
    this.$functions = Taro.$functions
    return result.data?.message
  }
}

export async function hook(): Promise<number | undefined> {
  const { data } = await useFunctions().invoke<ArrayBuffer>('binary', { timeout: 1000 })
  // @ts-expect-error an unknown option
  await Taro.$functions.invoke('hello', { bodyy: 1 })
  return data?.byteLength
}
