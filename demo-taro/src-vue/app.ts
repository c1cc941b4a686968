import { createApp } from 'vue'
import { functionsPlugin } from 'mp-functions/taro/vue'

// `this.$functions` in every component, `$functions` in templates.
const App = createApp({})
App.use(functionsPlugin)

export default App
