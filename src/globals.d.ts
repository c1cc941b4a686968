// Every target (mini-programs, browsers, Node) has timers; nothing else is assumed global. The handle's
// type differs by platform (a number, Node's Timeout): only clearTimeout reads it.
type TimerHandle = { readonly __timerHandle?: never } | number
declare function setTimeout(callback: () => void, ms?: number): TimerHandle
declare function clearTimeout(handle: TimerHandle | undefined): void
