package report

import (
	"context"
	"fmt"
	"io"
	"strings"

	"zhengxie/data"
	"zhengxie/data/proposal"
	"zhengxie/data/proposalstats"
	"zhengxie/export/pdf"
)

// Scope is the period a report covers: one session of a term (the
// proposals of that 次会议, 大会 and 平时), one year of a term, or the
// whole term.
type Scope struct {
	Term    data.Term
	Session *data.Session // nil for a year or the whole term
	Year    int           // proposals submitted in that year (Session nil); 0 = whole term
}

// Key names the scope where its narrative is stored: "term11.session4",
// "term11.year2025" or "term11".
func (sc Scope) Key() string {
	k := fmt.Sprintf("term%d", sc.Term.Number)
	switch {
	case sc.Session != nil:
		k += fmt.Sprintf(".session%d", sc.Session.Number)
	case sc.Year != 0:
		k += fmt.Sprintf(".year%d", sc.Year)
	}
	return k
}

// Phrase is how report sentences name the scope: "十一届四次会议以来",
// "2025年", "十一届以来".
func (sc Scope) Phrase() string {
	term := data.ChineseNumber(sc.Term.Number) + "届"
	switch {
	case sc.Session != nil:
		return term + data.ChineseNumber(sc.Session.Number) + "次会议以来"
	case sc.Year != 0:
		return fmt.Sprintf("%d年", sc.Year)
	}
	return term + "以来"
}

// Filter selects the scope's proposals.
func (sc Scope) Filter() data.ProposalFilter {
	f := data.ProposalFilter{TermID: sc.Term.ID, Year: sc.Year}
	if sc.Session != nil {
		f.SessionID, f.Year = sc.Session.ID, 0
	}
	return f
}

// ProposalReport is everything the 提案工作情况报告 prints: the figures of
// data.Store.ProposalStats for the scope (the same as the 统计 tab and
// `zhengxie stats proposals`), the key proposals with their 督办领导, and
// the office's narrative.
type ProposalReport struct {
	Committee  data.Committee
	Scope      Scope
	At         *data.Session // the plenary the report is given at, when known (subtitle)
	Today      string        // YYYY-MM-DD: the figures are as of this day
	Stats      proposalstats.Report
	Paragraphs proposalstats.Paragraphs
	Key        []data.Proposal // 立案 key proposals, 案号 order
	Sessions   []data.Session  // the term's sessions
	Config     proposal.Config
	Text       data.ReportText // narrative; sections never saved hold the defaults
}

// LoadProposalReport gathers the report for scope from the store, as of
// today (YYYY-MM-DD).
func LoadProposalReport(ctx context.Context, s *data.Store, sc Scope, today string) (*ProposalReport, error) {
	r := &ProposalReport{Scope: sc, Today: today}
	var err error
	if r.Committee, err = s.GetCommittee(ctx); err != nil {
		return nil, err
	}
	if r.Config, err = s.ProposalConfig(ctx); err != nil {
		return nil, err
	}
	if r.Stats, err = s.ProposalStats(ctx, sc.Filter(), today); err != nil {
		return nil, err
	}
	r.Paragraphs = r.Stats.Paragraphs(sc.Phrase(), data.CommitteeLevel(r.Committee), r.Config.ClassLabel)
	key := sc.Filter()
	key.KeyOnly = true
	keyed, err := s.ListProposals(ctx, key)
	if err != nil {
		return nil, err
	}
	for _, p := range keyed {
		if proposal.Counted(p.Status) {
			r.Key = append(r.Key, p)
		}
	}
	if r.Sessions, err = s.ListSessions(ctx, sc.Term.ID); err != nil {
		return nil, err
	}
	r.At = plenaryOf(r.Sessions, sc)
	if r.Text, err = s.ReportText(ctx, ProposalReportKind, sc.Key()); err != nil {
		return nil, err
	}
	r.Text = withDefaults(r.Text, sc.Key(), defaultProposalNarrative(r.Committee, r.nextYear()))
	return r, nil
}

// plenaryOf is the session at which a session's report is given: the next
// one of the term, if it is registered.
func plenaryOf(sessions []data.Session, sc Scope) *data.Session {
	if sc.Session == nil {
		return nil
	}
	for i := range sessions {
		if sessions[i].Number == sc.Session.Number+1 {
			return &sessions[i]
		}
	}
	return nil
}

// nextYear is the year the 工作安排 section plans for: the year after the
// scope. A whole-届 report plans no year (0): its plan section speaks to
// the next 届, as the 届's last report does.
func (r *ProposalReport) nextYear() int {
	switch {
	case r.Scope.Session == nil && r.Scope.Year == 0:
		return 0
	case r.At != nil && len(r.At.StartDate) >= 4:
		return atoi(r.At.StartDate[:4])
	case r.Scope.Year != 0:
		return r.Scope.Year + 1
	case r.Scope.Session != nil && len(r.Scope.Session.StartDate) >= 4:
		return atoi(r.Scope.Session.StartDate[:4]) + 1
	case len(r.Today) >= 4:
		return atoi(r.Today[:4]) + 1
	}
	return 0
}

func atoi(s string) int {
	n := 0
	for _, c := range s {
		if c < '0' || c > '9' {
			return 0
		}
		n = n*10 + int(c-'0')
	}
	return n
}

// Title is the report's title lines.
func (r *ProposalReport) Title() []string {
	head := data.CommitteeTitle(r.Committee, r.Scope.Term) + "常务委员会"
	return []string{head, "关于" + r.Scope.Phrase() + "提案工作情况的报告"}
}

// Write lays the report out with tpl and writes the PDF.
func (r *ProposalReport) Write(w io.Writer, tpl pdf.PageTemplate, info pdf.DocInfo) error {
	d, err := r.Build(tpl, info)
	if err != nil {
		return err
	}
	return d.Write(w)
}

// Build lays the report out (Write writes it; tests look at the Doc).
func (r *ProposalReport) Build(tpl pdf.PageTemplate, info pdf.DocInfo) (*pdf.Doc, error) {
	d, err := reportHead(tpl, info, r.Title(), r.Committee, r.Scope.Term, r.At, r.Text.Sections[SectionSpeaker])
	if err != nil {
		return nil, err
	}
	d.Paragraph(r.opening())
	r.appendFigures(d)
	d.Heading1("二、主要做法")
	r.narrative(d, SectionPractice)
	d.Heading1("三、存在的不足")
	r.narrative(d, SectionShortcomings)
	d.Heading1("四、" + r.planHeading())
	r.narrative(d, SectionPlan)
	r.narrative(d, SectionClosing)
	return d, nil
}

// planHeading names section 四: the year after a year's or session's
// scope; for the whole 届, the next 届.
func (r *ProposalReport) planHeading() string {
	if y := r.nextYear(); y != 0 {
		return fmt.Sprintf("%d年提案工作安排", y)
	}
	return fmt.Sprintf("对%s届政协提案工作的建议", data.ChineseNumber(r.Scope.Term.Number+1))
}

func (r *ProposalReport) opening() string {
	return fmt.Sprintf("我受%s常务委员会的委托，向大会报告%s提案工作情况，请予审议，并请列席会议的同志提出意见。",
		data.CommitteeTitle(r.Committee, r.Scope.Term), r.Scope.Phrase())
}

// narrative sets one stored section: lines like "（一）…" without a full
// stop become 楷体 headings, the rest body paragraphs.
func (r *ProposalReport) narrative(d *pdf.Doc, key string) {
	for _, line := range strings.Split(r.Text.Sections[key], "\n") {
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

// isSubheading reports whether a narrative line is a "（一）…" heading.
func isSubheading(line string) bool {
	rest, ok := strings.CutPrefix(line, "（")
	if !ok {
		return false
	}
	num, title, ok := strings.Cut(rest, "）")
	return ok && num != "" && strings.Trim(num, "一二三四五六七八九十") == "" &&
		!strings.ContainsAny(strings.TrimRight(title, "。"), "。；") && len([]rune(title)) <= 26
}
