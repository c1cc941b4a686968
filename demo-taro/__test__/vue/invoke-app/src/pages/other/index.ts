import { defineComponent, h } from 'vue'

/** Somewhere to navigate to. */
export default defineComponent({
  setup: () => () => h('span', { id: 'other' }, 'other page'),
})
