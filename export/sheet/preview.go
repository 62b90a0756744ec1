package sheet

import (
	"cmp"
	"context"
	"fmt"
	"slices"

	"zhengxie/data"
)

// Preview is what importing one workbook would do, whatever kind of record
// it brings in. Every import kind's preview implements it, and the
// window's one import dialog and the command line show and apply any
// Preview the same way: a new kind gets the preview, 导出问题清单, the choice
// 只导入没有问题的行 (--skip-bad) and the sheet of rows left out without code
// of its own (the window adds the columns of its rows table). A kind
// implements it in four steps: its reader keeps a *Source (Source.keep for
// each data row), its planner takes SkipBad (data.keepGood), its preview
// embeds Base and sets Good from a SkipBad plan when there are problems,
// and it writes Info, Summary, Writes and Import.
type Preview interface {
	// File is the path of the workbook read.
	File() string
	// Info is the lines above the table: file, sheet and target, the
	// columns understood and ignored, what will be added to lists.
	Info() []string
	// Summary says in one sentence what importing the whole file does,
	// or why it cannot.
	Summary() string
	// Problems block importing the whole file (a partial import leaves
	// their rows out); Hints never block.
	Problems() []data.ImportIssue
	Hints() []data.ImportIssue
	// Writes reports whether importing the whole file would write anything.
	Writes() bool
	// Partial is what importing only the rows without problems would do;
	// the zero Partial when there are no problems.
	Partial() Partial
	// Import writes in one transaction, re-planned inside it: the whole
	// file (refused while it has problems), or with skipBad the rows
	// without problems, returning the others in Outcome.Left.
	Import(ctx context.Context, s *data.Store, skipBad bool) (Outcome, error)
	// Sources are the sheets as read, to write the rows left out (LeftFile).
	Sources() []*Source
}

// The imports.
var (
	_ Preview = (*ImportPreview)(nil)
	_ Preview = (*ProposalImportPreview)(nil)
	_ Preview = (*EventImportPreview)(nil)
)

// Partial is what importing only the rows without problems would do.
type Partial struct {
	Summary string         // one sentence: what is written, how many rows are left out
	Left    []data.LeftRow // the rows left out, with their problems
	Writes  bool           // something would be written
}

// Outcome is what an import did.
type Outcome struct {
	Message string         // the sentence the user reads
	Left    []data.LeftRow // rows left out by a partial import
}

// Base is what every kind's preview holds: embed it, set its fields, and
// File, Problems, Hints, Partial and Sources are done.
type Base struct {
	Path     string
	Issues   []data.ImportIssue // problems, sorted by sheet and row
	Warnings []data.ImportIssue // hints, sorted by sheet and row
	Good     Partial            // set when Issues is not empty
	Source   []*Source
}

func (b *Base) File() string                 { return b.Path }
func (b *Base) Problems() []data.ImportIssue { return b.Issues }
func (b *Base) Hints() []data.ImportIssue    { return b.Warnings }
func (b *Base) Partial() Partial             { return b.Good }
func (b *Base) Sources() []*Source           { return b.Source }

// OK reports whether the whole file can be imported (hints do not block).
func (b *Base) OK() bool { return len(b.Issues) == 0 }

// refuseHasIssues is the error of importing a whole file with problems.
func (b *Base) refuseHasIssues(skipBad bool) error {
	if !skipBad && !b.OK() {
		return data.ErrImportHasIssues
	}
	return nil
}

// partialSummary is Partial.Summary: "只导入没有问题的行：新增 5 人，更新 1 人；
// 有问题的 3 行不导入，另存为表格，改正后可再导入。"
func partialSummary(what string, left int) string {
	return fmt.Sprintf("只导入没有问题的行：%s；有问题的 %d 行不导入，另存为表格，改正后可再导入。", what, left)
}

// LeftMessage is what the user reads after a partial import about the rows
// left out and where they went.
func LeftMessage(left int, path string) string {
	if left == 0 {
		return ""
	}
	return fmt.Sprintf("有问题的 %d 行未导入，已连同原因另存到：\n%s\n改正后可再导入。", left, path)
}

// sortIssues orders issues by sheet (in the order given) and row.
func sortIssues(issues []data.ImportIssue, sheets []string) {
	at := func(name string) int { return slices.Index(sheets, name) }
	slices.SortStableFunc(issues, func(a, b data.ImportIssue) int {
		return cmp.Or(at(a.Sheet)-at(b.Sheet), a.Row-b.Row)
	})
}

// leaveOut takes the rows the reader itself found problems in out of
// rows, for a partial import: they are left out with those problems.
func leaveOut[R any](rows []R, ref func(R) data.RowRef, issues []data.ImportIssue) ([]R, []data.LeftRow) {
	bad := map[data.RowRef][]data.ImportIssue{}
	for _, is := range issues {
		bad[is.Ref()] = append(bad[is.Ref()], is)
	}
	if len(bad) == 0 {
		return rows, nil
	}
	var kept []R
	var left []data.LeftRow
	for _, r := range rows {
		at := ref(r)
		if is, ok := bad[at]; ok {
			left = append(left, data.LeftRow{RowRef: at, Issues: is})
			delete(bad, at)
			continue
		}
		kept = append(kept, r)
	}
	return kept, left
}

// mergeLeft joins two lists of rows left out, by row; a row in both keeps
// all its problems.
func mergeLeft(a, b []data.LeftRow) []data.LeftRow {
	out := slices.Clone(a)
	for _, l := range b {
		if i := slices.IndexFunc(out, func(x data.LeftRow) bool { return x.RowRef == l.RowRef }); i >= 0 {
			out[i].Issues = append(out[i].Issues, l.Issues...)
			continue
		}
		out = append(out, l)
	}
	slices.SortStableFunc(out, func(x, y data.LeftRow) int { return cmp.Compare(x.Row, y.Row) })
	return out
}
