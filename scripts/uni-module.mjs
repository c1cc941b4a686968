// The files besides the code that make uni_modules/mp-functions (written by `npm run build`, not committed)
// a uni_modules package in DCloud's format
// (https://uniapp.dcloud.net.cn/plugin/uni_modules.html): package.json with the `uni_modules` and `dcloudext`
// fields, readme.md and changelog.md. HBuilderX users copy the folder into their project's uni_modules/ and import
// `@/uni_modules/mp-functions/js_sdk/uniapp` (and `…/js_sdk/index` for retry(), queue(), errors…).
import { readFileSync } from 'fs'

const root = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))

// "y": proven by the tests in npm test; "u": not tested (DCloud's value for unknown); "n": does not work.
const platforms = {
  cloud: { tcb: 'u', aliyun: 'u', alipay: 'u' },
  client: {
    Vue: { vue2: 'u', vue3: 'y' },
    App: { 'app-vue': 'u', 'app-nvue': 'u' },
    'H5-mobile': { Safari: 'u', 'Android Browser': 'u', '微信浏览器(Android)': 'u', 'QQ浏览器(Android)': 'u' },
    'H5-pc': { Chrome: 'y', IE: 'n', Edge: 'u', Firefox: 'u', Safari: 'u' },
    小程序: { 微信: 'y', 阿里: 'u', 百度: 'u', 字节跳动: 'u', QQ: 'u', 钉钉: 'u', 快手: 'u', 飞书: 'u', 京东: 'u' },
    快应用: { 华为: 'u', 联盟: 'u' },
  },
}

const packageJson = {
  id: 'mp-functions',
  displayName: 'mp-functions 云函数客户端（Supabase Edge Functions / MemFire Cloud）',
  version: root.version,
  description: root.description,
  keywords: ['supabase', 'memfire', 'edge-functions', '云函数', 'functions-js'],
  repository: root.repository.url.replace(/^git\+/, ''),
  engines: { HBuilderX: '^3.1.0' },
  dcloudext: {
    type: 'sdk-js',
    sale: { regular: { price: '0.00' }, sourcecode: { price: '0.00' } },
    contact: { qq: '' },
    declaration: { ads: '无', data: '无', permissions: '无' },
    npmurl: 'https://www.npmjs.com/package/mp-functions',
  },
  uni_modules: { dependencies: [], encrypt: [], platforms },
}

const readme = `# mp-functions（uni_modules）

与 npm 包 mp-functions 相同的代码，给 HBuilderX 项目用：把本目录放进项目的 \`uni_modules/\`，然后

\`\`\`js
// main.js / main.ts
import { FunctionsPlugin } from '@/uni_modules/mp-functions/js_sdk/uniapp'

app.use(FunctionsPlugin, { url: 'https://<ref>.supabase.co', anonKey: '<anon key>' }) // Vue 2：Vue.use(FunctionsPlugin, …)
\`\`\`

\`retry()\`、\`queue()\`、\`hooks()\`、错误类等从 \`@/uni_modules/mp-functions/js_sdk/index\` 导入。
完整说明：${root.homepage.replace(/#readme$/, '')}/blob/main/plugins/uniapp/README.md
`

/** A Rollup plugin: emits the package's own files beside js_sdk/. */
export function uniModuleFiles() {
  return {
    name: 'uni-module-files',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'package.json', source: `${JSON.stringify(packageJson, null, 2)}\n` })
      this.emitFile({ type: 'asset', fileName: 'readme.md', source: readme })
      this.emitFile({ type: 'asset', fileName: 'changelog.md', source: readFileSync(new URL('../CHANGELOG.md', import.meta.url), 'utf8') })
    },
  }
}
