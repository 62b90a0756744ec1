package app

// TEMPORARY contract stub: H4 (events-import helper) replaces this file.

// showEventImport opens the events import: pick an Excel file, preview
// (events found, participants matched, row problems), apply in one
// transaction; done runs after a successful import.
func (u *UI) showEventImport(termID int64, done func()) {}
