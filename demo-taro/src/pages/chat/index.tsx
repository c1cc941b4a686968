import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { line, muted } from '../../lib/styles'
import { useInvokeStream } from 'mp-functions/taro/react'

/**
 * An AI-chat-like answer, shown as it is written: useInvokeStream over the gateway's `sse` function.
 * Leaving the page while it streams aborts the request (the page's useUnload).
 */
export default function Chat() {
  const { text, events, loading, error, run, cancel } = useInvokeStream('sse', {
    query: { count: 6, interval: 300 },
    // Each event's text on a line of its own; the closing `[DONE]` adds nothing.
    pick: (event) => (event.data == '[DONE]' ? '' : JSON.parse(event.data).text + '\n'),
  })
  return (
    <View className='chat'>
      <Button id='chat-send' onClick={() => run()}>
        提问
      </Button>
      <Button id='chat-cancel' onClick={cancel}>
        停止
      </Button>
      <Button id='chat-back' onClick={() => Taro.navigateBack()}>
        返回
      </Button>
      <Text id='chat-state' style={muted}>
        {loading ? '回答中…' : error ? `出错了 ${error.code}` : events.length ? '完成' : ''}
      </Text>
      <Text id='chat-count' style={muted}>
        {events.length}
      </Text>
      <Text id='chat-text' style={line}>
        {text}
      </Text>
    </View>
  )
}
