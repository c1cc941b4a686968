import { Component } from 'react'
import { Button, Text, View } from '@tarojs/components'
import { show } from '../lib/show'

/** A class component: the client is `this.$functions`. */
export default class ClassHello extends Component<{}, { out: string }> {
  state = { out: '' }

  hello = async () => {
    const result = await this.$functions.invoke('hello', { body: { name: '类组件' } })
    this.setState({ out: await show(result, (data) => data.message) })
  }

  render() {
    return (
      <View className='card'>
        <Button id='btn-class' onClick={this.hello}>
          this.$functions
        </Button>
        <Text id='out-class'>{this.state.out}</Text>
      </View>
    )
  }
}
