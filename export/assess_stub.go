package export

// TEMPORARY contract stub: H8 (result-sheet helper) replaces this file with
// export/assess_sheet.go and deletes it.

import (
	"zhengxie/data"
	"zhengxie/data/assess"
)

// AssessmentOptions chooses what the 履职考核结果表 workbook holds.
type AssessmentOptions struct {
	Detail bool // add a 明细 sheet: one block per member, item → records → points
}

// AssessmentFile writes the 履职考核结果表 (print-ready; title from the
// committee, year and rule set) to path atomically.
func AssessmentFile(path string, c data.Committee, rs assess.RuleSet, res assess.Result, opts AssessmentOptions) error {
	return errRulesTODO
}
