'use strict'
// Timing helpers shared by the measurements. The machine is shared and noisy, so candidates are
// measured in interleaved rounds (A B C, B C A, …) and compared by their medians in the same run.

const now = () => process.hrtime.bigint()

function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

/**
 * Runs `measure(candidate)` for every candidate, `warmup` rounds unrecorded, then `rounds` rounds,
 * each starting with the next candidate so no one always goes first. `measure(candidate, name)` returns one figure.
 * Gives each candidate's median figure, and `ratio(a, b)`: the median of a / b within each round,
 * which cancels the load that other processes put on the machine for a while.
 */
async function interleave(candidates, { rounds, warmup }, measure) {
  const names = Object.keys(candidates)
  const figures = Object.fromEntries(names.map((name) => [name, []]))
  for (let round = -warmup; round < rounds; round++) {
    for (let i = 0; i < names.length; i++) {
      const name = names[(i + Math.max(round, 0)) % names.length]
      const figure = await measure(candidates[name], name)
      if (round >= 0) figures[name].push(figure)
    }
  }
  return {
    medians: Object.fromEntries(names.map((name) => [name, median(figures[name])])),
    ratio: (a, b) => median(figures[a].map((figure, round) => figure / figures[b][round])),
  }
}

/** A ratio row: `value` against the goal `limit`, met when at most (`atMost`) or at least it. */
function goal(label, value, limit, atMost = true) {
  const met = (figure) => (atMost ? figure <= limit : figure >= limit)
  return {
    label,
    // Two decimals, unless rounding would show a miss on the target: then three, rounded away from it.
    value:
      (met(value) == met(+value.toFixed(2)) ? value.toFixed(2) : ((atMost ? Math.ceil : Math.floor)(value * 1000) / 1000).toFixed(3)) + '×',
    goal: (atMost ? '≤ ' : '≥ ') + limit + '×',
    met: met(value),
  }
}

module.exports = { now, median, interleave, goal }
