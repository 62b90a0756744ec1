//go:build race

package data_test

// raceEnabled: the crash test runs once, in the run without the race
// detector (its child processes would be ten times slower here).
const raceEnabled = true
