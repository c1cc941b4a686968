import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { line, muted } from '../../lib/styles'
import { useInvoke } from 'mp-functions/taro/react'

/**
 * A list with cache and refresh: opened again, it shows the page it had at once and refreshes behind it;
 * shown again after another page, it refreshes; hidden mid-call, the call is aborted and made again on show.
 */
export default function List() {
  const [page, setPage] = useState(1)
  const { data, error, loading, refresh } = useInvoke('list', {
    query: { page, ms: 800 },
    deps: [page],
    cache: { staleTime: 0 },
    pauseOnHide: true,
    refreshOnShow: true,
  })
  return (
    <View className='list'>
      <Text id='list-state' style={muted}>
        {loading ? (data ? '刷新中…' : '加载中…') : error ? `出错了 ${error.code}` : '已是最新'}
      </Text>
      <Text id='list-items' style={line}>
        {data ? data.items.map((item) => item.title).join(',') : ''}
      </Text>
      <Text id='list-at' style={muted}>
        {data ? data.at : ''}
      </Text>
      <Button id='list-next' onClick={() => setPage(page + 1)}>
        下一页
      </Button>
      <Button id='list-refresh' onClick={() => refresh()}>
        刷新
      </Button>
      <Button id='list-back' onClick={() => Taro.navigateBack()}>
        返回
      </Button>
    </View>
  )
}
