// Every target (mini-programs, browsers, Node) has timers; nothing else is assumed global.
declare function setTimeout(callback: () => void, ms?: number): any
declare function clearTimeout(handle: any): void
