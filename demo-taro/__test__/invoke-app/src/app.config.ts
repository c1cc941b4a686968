export default { pages: ['pages/list/index', 'pages/chat/index', 'pages/other/index'] }
