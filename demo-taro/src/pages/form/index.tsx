import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Input, Text, View } from '@tarojs/components'
import { line, muted } from '../../lib/styles'
import { useInvoke } from 'mp-functions/taro/react'

/**
 * A form whose call shows loading and error states: nothing is sent until it is submitted
 * (`immediate: false`); the platform's loading indicator and error toast come from the hook's options.
 */
export default function Form() {
  const [name, setName] = useState('表单')
  const greeting = useInvoke('hello', { immediate: false, loading: '提交中', errorToast: true })
  // A function that always fails, to show the error state.
  const failing = useInvoke('status/422', { immediate: false, errorToast: (error) => `提交失败：${error.code}` })
  const state = (call: typeof greeting | typeof failing, shown: string) =>
    call.loading ? '提交中…' : call.error ? `出错了 ${call.error.code}` : shown
  return (
    <View className='form'>
      <Input id='form-name' style={line} value={name} onInput={(event) => setName(event.detail.value)} />
      <Button id='form-submit' onClick={() => greeting.run({ body: { name } })}>
        提交
      </Button>
      <Text id='form-state' style={muted}>
        {state(greeting, greeting.data ? greeting.data.message : '')}
      </Text>
      <Button id='form-fail' onClick={() => failing.run()}>
        提交（会失败）
      </Button>
      <Text id='form-fail-state' style={muted}>
        {state(failing, '')}
      </Text>
      <Button id='form-back' onClick={() => Taro.navigateBack()}>
        返回
      </Button>
    </View>
  )
}
