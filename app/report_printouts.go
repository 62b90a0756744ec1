package app

import (
	"context"
	"fmt"
	"io"

	"zhengxie/data"
	"zhengxie/export/pdf"
	"zhengxie/export/report"
)

// The 委员履职档案 (one member, or the whole roster in one file with each
// member on a new page) and the 履职考核结果公示 of a year: printouts with
// nothing for the office to write here.

// unavailable says why a document cannot be made now ("" when it can).
func (r *reportScreen) unavailable(string) string { return "" }

func (u *UI) preparePrintout(ctx context.Context, doc string, sc reportScope) (*preparedReport, error) {
	if doc == docNotice {
		n, err := report.LoadAssessmentNotice(ctx, u.store, sc.scope.Year, sc.ruleSet, report.NoticeOptions{}, u.store.Now())
		if err != nil {
			return nil, err
		}
		return &preparedReport{fileName: n.Title() + ".pdf", pdf: true,
			write: func(_ context.Context, w io.Writer, _ progress) error {
				return n.Write(w, pdf.GBT9704(), pdf.DocInfo{})
			}}, nil
	}
	a, err := report.LoadArchiveSet(ctx, u.store, sc.scope.Term.ID, sc.memberID)
	if err != nil {
		return nil, err
	}
	name := data.CommitteeTitle(u.committee, sc.scope.Term) + "委员履职档案"
	if sc.memberID != 0 && len(a.Book.Members) == 1 {
		name += "（" + a.Book.Members[0].Name + "）"
	}
	rep := &preparedReport{fileName: name + ".pdf", pdf: true, write: archiveWriter(a)}
	if n := len(a.Book.Members); n > archivePreviewMembers {
		book := *a.Book
		book.Members = book.Members[:archivePreviewMembers]
		first := *a
		first.Book = &book
		rep.preview = archiveWriter(&first)
		rep.previewOf = fmt.Sprintf("预览前%d位委员的档案（保存时合订全部%d人）", archivePreviewMembers, n)
	}
	return rep, nil
}

// archiveWriter writes the archives into one PDF, reporting each member
// laid out; it stops between two members when cancelled.
func archiveWriter(a *report.ArchiveSet) writeFunc {
	return func(ctx context.Context, w io.Writer, step progress) error {
		set := *a // the set may be written again (preview, save): it keeps no reporter
		set.Progress = step
		return set.WritePDF(ctx, w)
	}
}

// archivePreviewMembers is how many members' archives the preview of a
// whole roster renders (all of them would take seconds for nothing).
const archivePreviewMembers = 2
