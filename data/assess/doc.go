// Package assess is the annual member assessment (委员履职考核) as pure,
// deterministic computation: a rule set (data, never code) applied to one
// year's facts gives every member's items, points, total, grade, gate
// results and consequences, with every point traced to the records it came
// from. No SQL, no Fyne: the store builds Facts, the GUI and the exports show
// Results.
package assess
