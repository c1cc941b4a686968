import { Button, Text, View } from '@tarojs/components'
import { useInvoke } from 'mp-functions/taro/react'
import { useState } from 'react'

declare const global: { LIST_OPTIONS?: object }

/** A page calling `slow` with the options a test puts in `global.LIST_OPTIONS`. */
export default function List() {
  const [ms, setMs] = useState(300)
  const { data, error, loading, run, refresh, cancel } = useInvoke(
    'slow',
    Object.assign({ query: { ms }, deps: [ms] }, global.LIST_OPTIONS),
  )
  return (
    <View>
      <Text id='list-loading'>{loading ? 'loading' : 'idle'}</Text>
      <Text id='list-data'>{data ? JSON.stringify(data) : ''}</Text>
      <Text id='list-error'>{error ? error.code : ''}</Text>
      <Button id='list-run-fast' onClick={() => run({ query: { ms: 20 } })}>
        run fast
      </Button>
      <Button id='list-run-slow' onClick={() => run({ query: { ms: 600 } })}>
        run slow
      </Button>
      <Button id='list-deps' onClick={() => setMs(50)}>
        deps
      </Button>
      <Button id='list-refresh' onClick={refresh}>
        refresh
      </Button>
      <Button id='list-cancel' onClick={cancel}>
        cancel
      </Button>
    </View>
  )
}
