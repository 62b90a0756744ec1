package app

import (
	"context"
	"fmt"
	"io"
	"strings"

	"zhengxie/data"
	"zhengxie/data/composition"
	"zhengxie/export/pdf"
	"zhengxie/export/report"
	"zhengxie/export/sheet"
)

// The documents of the 报表 screen. Each lists the scopes it can be made
// for and prepares a report for one: its narrative (if the office writes
// one) and how to write the file.

// Document names, in the order the screen offers them.
const (
	docProposals   = "提案工作情况报告"
	docAnnual      = "常委会工作报告（统计部分）"
	docArchive     = "委员履职档案"
	docNotice      = "履职考核结果公示"
	docComposition = "委员构成统计"
)

var reportDocNames = []string{docProposals, docAnnual, docArchive, docNotice, docComposition}

// reportScope is one choice of the scope list.
type reportScope struct {
	label    string
	scope    report.Scope // term, session, year
	memberID int64        // 委员履职档案 of one member (0 = every member)
	ruleSet  int64        // 考核公示: the year's rule set
}

// preparedReport is a document loaded for one scope.
type preparedReport struct {
	fileName string                    // suggested file name, with extension
	kind     string                    // narrative kind for SaveReportText ("" = no narrative)
	scopeKey string                    // narrative scope
	sections []report.NarrativeSection // editable sections, report order
	text     map[string]string         // narrative being edited (shared with the report)
	pdf      bool                      // false: the file is a spreadsheet (no preview)
	write    writeFunc

	// preview, when set, writes a shorter document for the preview (the
	// first members of a whole roster's archives); previewOf says what it is.
	preview   writeFunc
	previewOf string
}

// writeFunc writes a document; one of many pages stops when ctx is
// cancelled and may report its progress.
type writeFunc func(ctx context.Context, w io.Writer, step progress) error

// reportScopes lists the scopes a document can be made for, in the term
// being viewed.
func (u *UI) reportScopes(ctx context.Context, doc string) ([]reportScope, error) {
	t := u.term
	years := termYears(t, u.store.Now().Year())
	switch doc {
	case docProposals:
		sessions, err := u.store.ListSessions(ctx, t.ID)
		if err != nil {
			return nil, err
		}
		var out []reportScope
		for i := len(sessions) - 1; i >= 0; i-- {
			sc := report.Scope{Term: t, Session: &sessions[i]}
			out = append(out, reportScope{label: sessions[i].SessionName() + "提案（" + sc.Phrase() + "）", scope: sc})
		}
		return append(out, yearScopes(t, years)...), nil
	case docAnnual:
		return yearScopes(t, years), nil
	case docArchive:
		ms, err := u.store.ListMembers(ctx, data.MemberFilter{TermID: t.ID})
		if err != nil {
			return nil, err
		}
		out := []reportScope{{label: fmt.Sprintf("全体委员（%d人，合订为一个文件）", len(ms)), scope: report.Scope{Term: t}}}
		for _, m := range ms {
			out = append(out, reportScope{label: m.Name + "（" + m.Sector + "）", scope: report.Scope{Term: t},
				memberID: m.Membership.ID})
		}
		return out, nil
	case docNotice:
		var out []reportScope
		for i := len(years) - 1; i >= 0; i-- {
			setup, err := u.store.AssessmentSetup(ctx, years[i])
			if err != nil || setup.TermID != t.ID || setup.RuleSetID == 0 {
				continue
			}
			out = append(out, reportScope{label: fmt.Sprintf("%d年度", years[i]),
				scope: report.Scope{Term: t, Year: years[i]}, ruleSet: setup.RuleSetID})
		}
		return out, nil
	}
	return []reportScope{{label: "本届在任委员", scope: report.Scope{Term: t}}}, nil
}

// termYears are the term's years up to this year.
func termYears(t data.Term, now int) []int {
	var out []int
	for y := t.StartYear; y <= min(t.EndYear, now); y++ {
		out = append(out, y)
	}
	return out
}

// yearScopes are the term's years, newest first, then the whole term.
func yearScopes(t data.Term, years []int) []reportScope {
	var out []reportScope
	for i := len(years) - 1; i >= 0; i-- {
		out = append(out, reportScope{label: fmt.Sprintf("%d年", years[i]), scope: report.Scope{Term: t, Year: years[i]}})
	}
	whole := fmt.Sprintf("整届（%s，%d—%d年）", t.TermName(), t.StartYear, t.EndYear)
	return append(out, reportScope{label: whole, scope: report.Scope{Term: t}})
}

// prepareReport loads doc for sc. It touches no widget (it runs off the UI
// thread).
func (u *UI) prepareReport(ctx context.Context, doc string, sc reportScope) (*preparedReport, error) {
	// The report's date: the figures count up to it, "截至" names it and
	// the PDF carries it.
	now := u.store.Now()
	today, info := now.Format("2006-01-02"), pdf.DocInfo{Date: now}
	tpl := pdf.GBT9704()
	switch doc {
	case docProposals:
		r, err := report.LoadProposalReport(ctx, u.store, sc.scope, today)
		if err != nil {
			return nil, err
		}
		return &preparedReport{fileName: strings.Join(r.Title(), "") + ".pdf", kind: report.ProposalReportKind,
			scopeKey: sc.scope.Key(), sections: report.ProposalReportSections, text: r.Text.Sections, pdf: true,
			write: func(_ context.Context, w io.Writer, _ progress) error { return r.Write(w, tpl, info) }}, nil
	case docAnnual:
		r, err := report.LoadAnnualReport(ctx, u.store, sc.scope, today)
		if err != nil {
			return nil, err
		}
		return &preparedReport{fileName: strings.Join(r.Title(), "") + "（" + r.ReviewHeading() + "）.pdf",
			kind: report.AnnualReportKind, scopeKey: sc.scope.Key(), sections: report.AnnualReportSections,
			text: r.Text.Sections, pdf: true,
			write: func(_ context.Context, w io.Writer, _ progress) error { return r.Write(w, tpl, info) }}, nil
	case docArchive, docNotice:
		return u.preparePrintout(ctx, doc, sc)
	}
	st, err := composition.ForTerm(ctx, u.store, sc.scope.Term)
	if err != nil {
		return nil, err
	}
	d := sheet.CompositionDoc{Title: data.CommitteeTitle(u.committee, sc.scope.Term) + "委员构成统计",
		Date: "统计日期：" + data.ChineseDate(u.store.Now()), Stats: st}
	return &preparedReport{fileName: d.Title + ".xlsx",
		write: func(_ context.Context, w io.Writer, _ progress) error { return sheet.WriteComposition(w, d) }}, nil
}
