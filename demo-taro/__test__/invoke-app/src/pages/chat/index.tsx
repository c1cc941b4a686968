import { Button, Text, View } from '@tarojs/components'
import { useInvokeStream } from 'mp-functions/taro/react'

/** A chat answer streamed from `sse`, as it is written. */
export default function Chat() {
  const { events, text, loading, error, run, cancel } = useInvokeStream('sse', {
    query: { count: 4, interval: 150 },
    pick: (event) => (event.data === '[DONE]' ? '' : JSON.parse(event.data).text),
  })
  return (
    <View>
      <Text id='chat-events'>{events.length}</Text>
      <Text id='chat-text'>{text}</Text>
      <Text id='chat-loading'>{loading ? 'loading' : 'idle'}</Text>
      <Text id='chat-error'>{error ? error.code : ''}</Text>
      <Button id='chat-send' onClick={() => run()}>
        send
      </Button>
      <Button id='chat-feed' onClick={() => run({ query: { forever: 1, interval: 30 } })}>
        feed
      </Button>
      <Button id='chat-cancel' onClick={cancel}>
        cancel
      </Button>
    </View>
  )
}
