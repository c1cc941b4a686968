/**
 * `this.$functions` in every React class component of a Taro app (imported by the plugin in React projects).
 * @module mp-functions/taro/react
 */
import { Component } from 'react'
import type { AppFunctions } from '../../src/registry'
import type { FunctionsClient } from '../../src/client'
import { getFunctions } from './runtime'

// Every class component (PureComponent too) reads the app's client as `this.$functions`.
Object.defineProperty(Component.prototype, '$functions', { get: getFunctions, configurable: true })

declare module 'react' {
  interface Component {
    /** The app's functions client (mp-functions). */
    readonly $functions: FunctionsClient<AppFunctions>
  }
}

export { useInvoke, useInvokeStream, type UseInvokeResult, type UseInvokeStreamResult } from './react-hooks'
export { configureInvoke, clearInvokeCache } from '../use-invoke/index'
export type { CacheOptions, HookOptions, InvokeBehaviour, StreamHookOptions } from '../use-invoke/options'
export type {
  HookCallOptions,
  HookData,
  HookName,
  InvokeMethods,
  InvokeState,
  InvokeStreamState,
  UseInvokeOptions,
  UseInvokeStreamOptions,
} from '../use-invoke/typed'
