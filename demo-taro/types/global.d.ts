/// <reference types="@tarojs/taro" />
// mp-functions: `Taro.$functions`, and `this.$functions` in class components.
/// <reference types="mp-functions/taro" />
/// <reference types="mp-functions/taro/react" />

declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV: 'weapp' | 'swan' | 'alipay' | 'h5' | 'rn' | 'tt' | 'qq' | 'jd' | 'harmony' | 'jdrn'
  }
}
