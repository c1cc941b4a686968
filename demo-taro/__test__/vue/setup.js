// What a Taro Vue 3 H5 build has: Taro's platform constant.
process.env.TARO_PLATFORM = 'web'
