import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { createAbortController } from 'mp-functions'
import ClassHello from '../../components/ClassHello'
import HookHello from '../../components/HookHello'
import { signIn, signOut } from '../../lib/auth'
import { show } from '../../lib/show'

const bytes = (buffer: ArrayBuffer) => `[${Array.from(new Uint8Array(buffer)).join(',')}]`

/** One button per flow; each shows its result next to it. Elsewhere than components: `Taro.$functions`. */
export default function Index() {
  const [out, setOut] = useState<Record<string, string>>({})
  const put = (key: string, text: string) => setOut((previous) => ({ ...previous, [key]: text }))
  const run = (key: string, call: () => Promise<string>) => async () => {
    put(key, '…')
    put(key, await call())
  }

  const actions: Array<[string, string, () => Promise<string>]> = [
    ['text', "Taro.$functions: invoke('text')", async () => show(await Taro.$functions.invoke('text'), String)],
    [
      'chinese',
      '中文往返',
      async () => show(await Taro.$functions.invoke('mirror', { body: '中文往返：你好，世界🌏' }), (data) => data.bodyText),
    ],
    [
      'binary',
      '二进制往返',
      async () => show(await Taro.$functions.invoke('binary', { body: new Uint8Array([0, 1, 127, 128, 255]) }), bytes),
    ],
    ['signin', '登录 demo@example.com', async () => `已登录 ${await signIn('demo@example.com', 'password')}`],
    [
      'whoami',
      '以登录用户调用',
      async () => show(await Taro.$functions.invoke('mirror'), (data) => `${data.claims!.role} ${data.claims!.email}`),
    ],
    ['signout', '退出登录', async () => (signOut(), '已退出')],
    ['error', "invoke('status/418')", async () => show(await Taro.$functions.invoke('status/418'))],
    [
      'stream',
      '流式对话 (SSE)',
      async () => {
        const result = await Taro.$functions.invoke('sse', { query: { count: 3, interval: 20, split: 10 }, stream: true })
        if (result.error) return show(result)
        // Each event is shown as it arrives; the server ends with `data: [DONE]`.
        const texts: string[] = []
        await result.data.listen({
          onEvent(event) {
            if (event.data == '[DONE]') return
            texts.push(JSON.parse(event.data).text)
            put('stream', texts.join(' | '))
          },
        })
        return `${texts.join(' | ')} | 完成`
      },
    ],
    [
      'feed',
      '不结束的流 (取3条后取消)',
      async () => {
        // An event stream is handed over at its headers, with no option: the feed never ends by itself.
        const result = await Taro.$functions.invoke('feed', { query: { interval: 20 } })
        if (result.error) return show(result)
        const indexes: number[] = []
        for await (const event of result.data) {
          indexes.push(JSON.parse(event.data).index)
          // Leaving the loop cancels the stream, and with it the request.
          if (indexes.length == 3) break
        }
        return `${indexes.join(',')} 已取消`
      },
    ],
    [
      'retry',
      '重试 (config/index.ts)',
      async () => {
        // Fails twice with 503, then answers: the retry feature turned on in config/index.ts.
        const result = await Taro.$functions.invoke('fault/flaky', { query: { key: `demo-${Date.now()}`, failures: 2, status: 503 } })
        return show(result, (data) => `第${data.attempt}次成功`)
      },
    ],
    [
      'queue',
      '并发队列 (最多2个)',
      async () => {
        const results = await Promise.all([1, 2, 3, 4, 5].map(() => Taro.$functions.invoke('slow', { query: { ms: 200 } })))
        return `${results.filter((result) => !result.error).length} 个完成`
      },
    ],
    [
      'cancel',
      '取消请求',
      async () => {
        const controller = createAbortController()
        setTimeout(() => controller.abort(), 300)
        return show(await Taro.$functions.invoke('slow', { query: { ms: 5000 }, signal: controller.signal }))
      },
    ],
  ]

  return (
    <View className='index'>
      {/* The request hooks' pages: useInvoke / useInvokeStream. */}
      <View className='card'>
        <Button id='nav-chat' onClick={() => Taro.navigateTo({ url: '/pages/chat/index' })}>
          流式对话 (useInvokeStream)
        </Button>
        <Button id='nav-form' onClick={() => Taro.navigateTo({ url: '/pages/form/index' })}>
          表单 (useInvoke)
        </Button>
        <Button id='nav-list' onClick={() => Taro.navigateTo({ url: '/pages/list/index' })}>
          列表：缓存与刷新
        </Button>
      </View>
      <ClassHello />
      <HookHello />
      {actions.map(([key, label, call]) => (
        <View className='card' key={key}>
          <Button id={`btn-${key}`} onClick={run(key, call)}>
            {label}
          </Button>
          <Text id={`out-${key}`}>{out[key] || ''}</Text>
        </View>
      ))}
    </View>
  )
}
