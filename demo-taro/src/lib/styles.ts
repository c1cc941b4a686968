import type { CSSProperties } from 'react'

// The hook pages' few styles, inline so the demo needs no style files: one line per result, long text wrapped.
export const line: CSSProperties = { display: 'block', padding: '8px 16px', whiteSpace: 'pre-wrap', wordBreak: 'break-all' }
export const muted: CSSProperties = Object.assign({}, line, { color: '#888', fontSize: '14px' })
