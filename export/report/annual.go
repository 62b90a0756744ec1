package report

import (
	"context"
	"fmt"
	"io"
	"strings"

	"zhengxie/data"
	"zhengxie/data/composition"
	"zhengxie/data/proposalstats"
	"zhengxie/export/pdf"
)

// AnnualReport is the statistics part of the 常委会工作报告 (shared/domain.md
// §4.1) for one year of a term or the whole term: every figure comes from
// data.Store.AnnualStats (proposals from ProposalStats, as in the
// 提案工作情况报告) and the roster composition from TermComposition (as in
// the 委员构成统计); the office's narrative is stored like the proposals
// report's, under AnnualReportKind.
type AnnualReport struct {
	Committee   data.Committee
	Scope       Scope         // Session is nil: a year (Year) or the whole term (Year 0)
	At          *data.Session // the plenary the report is given at, when registered (subtitle)
	Today       string        // YYYY-MM-DD: the figures are as of this day
	Stats       data.AnnualStats
	Proposals   proposalstats.Paragraphs // the proposal figures in the words of the proposals report
	Composition composition.Stats
	Text        data.ReportText // narrative; sections never saved hold the defaults
}

// LoadAnnualReport gathers the report for a year (sc.Year) or the whole
// term (sc.Year 0) from the store, as of today (YYYY-MM-DD).
func LoadAnnualReport(ctx context.Context, s *data.Store, sc Scope, today string) (*AnnualReport, error) {
	sc.Session = nil
	r := &AnnualReport{Scope: sc, Today: today}
	var err error
	if r.Committee, err = s.GetCommittee(ctx); err != nil {
		return nil, err
	}
	if r.Stats, err = s.AnnualStats(ctx, sc.Term.ID, sc.Year, today); err != nil {
		return nil, err
	}
	cfg, err := s.ProposalConfig(ctx)
	if err != nil {
		return nil, err
	}
	r.Proposals = r.Stats.Proposals.Paragraphs(r.periodPhrase(), data.CommitteeLevel(r.Committee), cfg.ClassLabel)
	if r.Composition, err = composition.ForTerm(ctx, s, sc.Term); err != nil {
		return nil, err
	}
	if r.At, err = annualPlenary(ctx, s, sc); err != nil {
		return nil, err
	}
	if r.Text, err = s.ReportText(ctx, AnnualReportKind, sc.Key()); err != nil {
		return nil, err
	}
	r.Text = withDefaults(r.Text, sc.Key(), DefaultAnnualNarrative(r.Committee, sc, r.nextYear()))
	return r, nil
}

// annualPlenary is the session a year's report is given at: the term's
// first session held the next year, if registered.
func annualPlenary(ctx context.Context, s *data.Store, sc Scope) (*data.Session, error) {
	if sc.Year == 0 {
		return nil, nil
	}
	sessions, err := s.ListSessions(ctx, sc.Term.ID)
	if err != nil {
		return nil, err
	}
	next := fmt.Sprint(sc.Year + 1)
	for i := range sessions {
		if strings.HasPrefix(sessions[i].StartDate, next) {
			return &sessions[i], nil
		}
	}
	return nil, nil
}

// nextYear is the year the 工作安排 section plans for: the year after a
// year's report; 0 for the whole 届, whose plan section speaks to the next 届.
func (r *AnnualReport) nextYear() int {
	if r.Scope.Year != 0 {
		return r.Scope.Year + 1
	}
	return 0
}

// periodPhrase opens the figures' sentences: "一年来", "本届以来".
func (r *AnnualReport) periodPhrase() string {
	if r.Scope.Year != 0 {
		return "一年来"
	}
	return "本届以来"
}

// Title is the report's title lines.
func (r *AnnualReport) Title() []string {
	head := data.CommitteeTitle(r.Committee, r.Scope.Term) + "常务委员会"
	return []string{head, "工作报告（统计部分）"}
}

// ReviewHeading is section 一's heading: "2025年工作回顾" or "十一届政协工作回顾".
func (r *AnnualReport) ReviewHeading() string {
	if r.Scope.Year != 0 {
		return fmt.Sprintf("%d年工作回顾", r.Scope.Year)
	}
	return data.ChineseNumber(r.Scope.Term.Number) + "届政协工作回顾"
}

// Write lays the report out with tpl and writes the PDF.
func (r *AnnualReport) Write(w io.Writer, tpl pdf.PageTemplate, info pdf.DocInfo) error {
	d, err := r.Build(tpl, info)
	if err != nil {
		return err
	}
	return d.Write(w)
}

// Build lays the report out (Write writes it; tests look at the Doc).
func (r *AnnualReport) Build(tpl pdf.PageTemplate, info pdf.DocInfo) (*pdf.Doc, error) {
	d, err := reportHead(tpl, info, r.Title(), r.Committee, r.Scope.Term, r.At, r.Text.Sections[SectionSpeaker])
	if err != nil {
		return nil, err
	}
	d.Paragraph(fmt.Sprintf("现在，我代表%s常务委员会，向大会报告工作，请予审议，并请列席会议的同志提出意见。",
		data.CommitteeTitle(r.Committee, r.Scope.Term)))
	n := 1
	heading := func(title string) {
		d.Heading1(data.ChineseNumber(n) + "、" + title)
		n++
	}
	heading(r.ReviewHeading())
	narrative(d, r.Text.Sections[SectionReview])
	r.appendFigures(d)
	for _, sec := range []struct{ key, title string }{
		{SectionExperience, "主要体会"},
		{SectionShortcomings, "存在的不足"},
		{SectionPlan, r.planHeading()},
	} {
		if strings.TrimSpace(r.Text.Sections[sec.key]) != "" {
			heading(sec.title)
			narrative(d, r.Text.Sections[sec.key])
		}
	}
	narrative(d, r.Text.Sections[SectionClosing])
	return d, nil
}

func (r *AnnualReport) planHeading() string {
	if y := r.nextYear(); y != 0 {
		return fmt.Sprintf("%d年工作安排", y)
	}
	return fmt.Sprintf("对%s届政协工作的建议", data.ChineseNumber(r.Scope.Term.Number+1))
}

// narrative sets one stored section: lines like "（一）…" without a full
// stop become 楷体 headings, the rest body paragraphs.
func narrative(d *pdf.Doc, text string) {
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		switch {
		case line == "":
		case isSubheading(line):
			d.Heading2(line)
		default:
			d.Paragraph(line)
		}
	}
}
