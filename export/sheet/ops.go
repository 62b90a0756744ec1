package sheet

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"time"

	"zhengxie/data"
	"zhengxie/data/savefile"
)

// This file holds the whole-file operations the GUI and the command line
// share, so that "export the roster" or "preview an import" means exactly
// the same thing wherever it is started.

// RosterTitle is the title printed above a term's roster.
func RosterTitle(c data.Committee, t data.Term) string {
	return data.CommitteeTitle(c, t) + "委员名册"
}

// RosterOptions choose what a roster file holds.
type RosterOptions struct {
	// AllFields writes every field (a sheet that imports back without loss,
	// given FullID); otherwise the printable columns.
	AllFields bool
	// FullID writes 身份证号 and phone numbers unmasked (see RosterDoc.FullID).
	FullID bool
}

// RosterFile writes the given members of a term to an xlsx at path.
func RosterFile(path string, c data.Committee, t data.Term, members []data.Member, now time.Time, opts RosterOptions) error {
	doc := RosterDoc{Title: RosterTitle(c, t), Members: members, Date: "制表日期：" + data.ChineseDate(now), FullID: opts.FullID}
	if opts.AllFields {
		doc.Fields = data.RosterFields
	}
	return savefile.Write(path, func(w io.Writer) error { return WriteRoster(w, doc) })
}

// TemplateFile writes the blank roster import template to path.
func TemplateFile(path string) error {
	return savefile.Write(path, WriteRosterTemplate)
}

// ImportPreview is what importing a roster file into a term would do: the
// sheet as read, the store's plan, and every problem of both, by row.
type ImportPreview struct {
	Path   string
	Sheet  *RosterSheet
	Plan   data.ImportPlan
	Issues []data.ImportIssue
}

// OK reports whether the import can be applied.
func (p *ImportPreview) OK() bool { return len(p.Issues) == 0 }

// Counts returns how many rows would be created and updated.
func (p *ImportPreview) Counts() (created, updated int) {
	for _, r := range p.Plan.Rows {
		if r.Action == data.ActionUpdate {
			updated++
		} else {
			created++
		}
	}
	return created, updated
}

// PreviewRosterFile reads a roster sheet and plans its import into a term,
// writing nothing.
func PreviewRosterFile(ctx context.Context, s *data.Store, termID int64, path string) (*ImportPreview, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("无法打开文件“%s”：%w", filepath.Base(path), err)
	}
	defer f.Close()
	sheet, err := ReadRoster(f)
	if err != nil {
		return nil, err
	}
	plan, err := s.PlanRosterImport(ctx, termID, sheet.Rows)
	if err != nil {
		return nil, err
	}
	p := &ImportPreview{Path: path, Sheet: sheet, Plan: plan}
	p.Issues = append(slices.Clone(sheet.Issues), plan.Issues...)
	slices.SortStableFunc(p.Issues, func(a, b data.ImportIssue) int { return a.Row - b.Row })
	return p, nil
}

// Apply imports the previewed rows in one transaction. It refuses when the
// preview has problems; then nothing is written.
func (p *ImportPreview) Apply(ctx context.Context, s *data.Store, termID int64) (data.ImportResult, error) {
	if !p.OK() {
		return data.ImportResult{}, data.ErrImportHasIssues
	}
	return s.ImportRoster(ctx, termID, p.Sheet.Rows)
}
