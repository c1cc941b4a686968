import { Text } from '@tarojs/components'

/** Somewhere to navigate to. */
export default function Other() {
  return <Text id='other'>other page</Text>
}
