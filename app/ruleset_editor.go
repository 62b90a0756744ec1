package app

// TEMPORARY contract stub: H6 replaces this file with the rule-set editor.

import "zhengxie/data"

// showRuleSetEditor edits a stored rule set in a dialog: the set's own
// fields, a form per item and rule, grades, gates and consequences, with a
// live preview of the effect on a chosen member. onSaved runs after a save.
func (u *UI) showRuleSetEditor(rs data.StoredRuleSet, onSaved func(data.StoredRuleSet)) {}
