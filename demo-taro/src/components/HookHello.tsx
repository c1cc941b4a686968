import { useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import { useFunctions } from 'mp-functions/taro'
import { show } from '../lib/show'

/** A function component: the client comes from `useFunctions()`. */
export default function HookHello() {
  const functions = useFunctions()
  const [out, setOut] = useState('')
  const hello = async () => {
    const result = await functions.invoke('hello', { body: { name: 'Hook' } })
    setOut(await show(result, (data) => data.message))
  }
  return (
    <View className='card'>
      <Button id='btn-hook' onClick={hello}>
        useFunctions()
      </Button>
      <Text id='out-hook'>{out}</Text>
    </View>
  )
}
