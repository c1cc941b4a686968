// What an H5 build has: Taro's platform constant, and the React runtime the CLI plugin injects.
process.env.TARO_PLATFORM = 'web'
require('mp-functions/taro/react')
