package data

import "slices"

// Partial imports (SkipBad): every import (roster, proposals, events, and
// each kind added later) can import the rows without problems and leave
// the others out, in one transaction. The rule is the same for all kinds
// and lives here once: plan, leave out every row a problem names (with the
// other rows of its group, such as the participants of one event), and
// plan the rest again, until the rest plans without problems — a row can
// depend on one left out (a 并案 proposal on its master). A problem of the
// whole sheet (Row 0) cannot be skipped.

// RowRef names one row of a workbook: its worksheet ("" when the import
// reads one sheet) and its 1-based number as Excel shows it.
type RowRef struct {
	Sheet string
	Row   int
}

// Ref is the row an issue names.
func (i ImportIssue) Ref() RowRef { return RowRef{Sheet: i.Sheet, Row: i.Row} }

// LeftRow is a row a partial import leaves out, with the problems that
// keep it out (for the sheet of rows to fix and import again).
type LeftRow struct {
	RowRef
	Issues []ImportIssue
}

// Reasons joins the row's problems into one cell's text: "身份证号：校验位不正确；…".
func (l LeftRow) Reasons() string {
	var s string
	for i, is := range l.Issues {
		if i > 0 {
			s += "；"
		}
		if is.Field != "" {
			s += is.Field + "："
		}
		s += is.Msg
	}
	return s
}

// groupLeftMsg is the reason of a row left out only because another row of
// its group has a problem.
const groupLeftMsg = "同一活动的其他行有问题，本行随该活动一并未导入"

// keepGood returns the rows of a partial import and the rows it leaves
// out, in sheet order. plan checks a set of rows (writing nothing) and
// returns its problems; group, when not nil, names the rows that are
// imported or left out together. ErrImportHasIssues when a problem names
// no row (or a row not among rows): then nothing can be imported.
func keepGood[R any](rows []R, ref func(R) RowRef, group func(R) string,
	plan func([]R) ([]ImportIssue, error)) ([]R, []LeftRow, error) {
	kept := rows
	left := map[RowRef][]ImportIssue{}
	for {
		issues, err := plan(kept)
		if err != nil {
			return nil, nil, err
		}
		if len(issues) == 0 {
			break
		}
		bad := map[RowRef]bool{}
		for _, is := range issues {
			if is.Row == 0 {
				return nil, nil, ErrImportHasIssues
			}
			bad[is.Ref()] = true
			left[is.Ref()] = append(left[is.Ref()], is)
		}
		badGroup := map[string]bool{}
		if group != nil {
			for _, r := range kept {
				if bad[ref(r)] {
					badGroup[group(r)] = true
				}
			}
		}
		next := make([]R, 0, len(kept))
		for _, r := range kept {
			switch at := ref(r); {
			case bad[at]:
			case group != nil && badGroup[group(r)]:
				left[at] = append(left[at], ImportIssue{Sheet: at.Sheet, Row: at.Row, Msg: groupLeftMsg})
			default:
				next = append(next, r)
			}
		}
		if len(next) == len(kept) {
			return nil, nil, ErrImportHasIssues
		}
		kept = next
	}
	var out []LeftRow
	for _, r := range rows {
		at := ref(r)
		if is, ok := left[at]; ok {
			out = append(out, LeftRow{RowRef: at, Issues: is})
			delete(left, at)
		}
	}
	return slices.Clip(kept), out, nil
}
