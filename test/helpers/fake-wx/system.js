'use strict'
// System, window, device and app information as a WeChat DevTools iPhone reports it (enough for the
// frameworks' runtimes to start); `options.systemInfo` overrides getSystemInfoSync().

/** Adds the system/app info APIs. */
function installSystemInfo(wx, { options, makeAsync }) {
  const safeArea = { left: 0, right: 375, top: 44, bottom: 778, width: 375, height: 734 }
  const windowInfo = () => ({
    pixelRatio: 2,
    screenWidth: 375,
    screenHeight: 812,
    windowWidth: 375,
    windowHeight: 812,
    statusBarHeight: 44,
    safeArea: Object.assign({}, safeArea),
    screenTop: 0,
  })
  const deviceInfo = () => ({
    abi: 'arm64',
    benchmarkLevel: 1,
    brand: 'devtools',
    model: 'iPhone 15',
    system: 'iOS 17.0',
    platform: 'devtools',
    memorySize: 8192,
  })
  const appBaseInfo = () => ({
    SDKVersion: '3.5.0',
    enableDebug: false,
    host: { appId: 'wxtest' },
    language: 'zh_CN',
    version: '8.0.50',
    theme: 'light',
    fontSizeSetting: 16,
  })
  const systemSetting = () => ({
    bluetoothEnabled: true,
    locationEnabled: true,
    wifiEnabled: true,
    deviceOrientation: 'portrait',
  })
  const authorizeSetting = () => ({
    albumAuthorized: 'authorized',
    bluetoothAuthorized: 'authorized',
    cameraAuthorized: 'authorized',
    locationAuthorized: 'authorized',
    locationReducedAccuracy: false,
    microphoneAuthorized: 'authorized',
    notificationAuthorized: 'authorized',
    phoneCalendarAuthorized: 'authorized',
  })

  wx.getSystemInfoSync = () =>
    Object.assign(
      {},
      deviceInfo(),
      appBaseInfo(),
      windowInfo(),
      systemSetting(),
      authorizeSetting(),
      { fontSizeSetting: 16 },
      options.systemInfo || {},
    )
  wx.getSystemInfo = makeAsync('getSystemInfo', () => wx.getSystemInfoSync())
  wx.getSystemInfoAsync = wx.getSystemInfo
  wx.getWindowInfo = windowInfo
  wx.getDeviceInfo = deviceInfo
  wx.getAppBaseInfo = appBaseInfo
  wx.getSystemSetting = systemSetting
  wx.getAppAuthorizeSetting = authorizeSetting
  wx.canIUse = () => true
  wx.getLaunchOptionsSync = () => ({ path: 'pages/index/index', query: {}, scene: 1001, referrerInfo: {} })
  wx.getEnterOptionsSync = () => ({ path: 'pages/index/index', query: {}, scene: 1001, referrerInfo: {} })
  wx.getAccountInfoSync = () => ({ miniProgram: { appId: 'wxtest', envVersion: 'develop', version: '' } })
  wx.getMenuButtonBoundingClientRect = () => ({ width: 87, height: 32, top: 48, right: 368, bottom: 80, left: 281 })
  wx.env = { USER_DATA_PATH: 'http://usr' }
}

module.exports = { installSystemInfo }
