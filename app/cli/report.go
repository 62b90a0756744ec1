package cli

import (
	"flag"
	"fmt"
	"io"
	"maps"
	"os"
	"strconv"
	"strings"
	"time"

	"zhengxie/data"
	"zhengxie/data/savefile"
	"zhengxie/export/pdf"
	"zhengxie/export/report"
)

const (
	reportUsage = "用法：zhengxie report proposals [--term N] [--session N | --year 年份] --out 文件.pdf [--date 年-月-日]\n" +
		"      zhengxie report text [--term N] [--session N | --year 年份] [--set 文件.txt]\n" +
		"      zhengxie report form --proposal 案号 [--session N] [--term N] [--kind assign|feedback|all] --out 文件.pdf\n" +
		reportAnnualUsage
)

// runReport writes a printed document as PDF: the 提案工作情况报告 of a
// session, a year or the whole term, or the forms of one proposal.
func runReport(env Env, s *data.Store, args []string) error {
	if len(args) == 0 {
		return usageError{reportUsage}
	}
	switch args[0] {
	case "proposals":
		return runReportProposals(env, s, args[1:])
	case "annual":
		return runReportAnnual(env, s, args[1:])
	case "form", "forms":
		return runReportForm(env, s, args[1:])
	case "text":
		return runReportText(env, s, args[1:])
	case "archive":
		return runReportArchive(env, s, args[1:])
	case "notice":
		return runReportNotice(env, s, args[1:])
	}
	return usageError{reportUsage}
}

// reportFlags are the options both reports take.
type reportFlags struct {
	fs                *flag.FlagSet
	termNo, sessionNo *int
	out, date         *string
}

func newReportFlags(name string) reportFlags {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	return reportFlags{fs: fs, termNo: fs.Int("term", 0, ""), sessionNo: fs.Int("session", 0, ""),
		out: fs.String("out", "", ""), date: fs.String("date", "", "")}
}

// docInfo is the PDF metadata; --date fixes the creation date (the same
// data then gives the same file, byte for byte).
func (f reportFlags) docInfo() (pdf.DocInfo, error) {
	if *f.date == "" {
		return pdf.DocInfo{}, nil
	}
	d, err := time.Parse("2006-01-02", *f.date)
	if err != nil {
		return pdf.DocInfo{}, usageError{fmt.Sprintf("--date 应为 年-月-日，如 2026-01-05，而不是“%s”", *f.date)}
	}
	return pdf.DocInfo{Date: d}, nil
}

// asOf is the report's date as YYYY-MM-DD: --date, else today. The figures
// are counted up to it and every "截至" names it.
func (f reportFlags) asOf(s *data.Store, info pdf.DocInfo) string {
	if !info.Date.IsZero() {
		return info.Date.Format("2006-01-02")
	}
	return s.Now().Format("2006-01-02")
}

func runReportProposals(env Env, s *data.Store, args []string) error {
	f := newReportFlags("report proposals")
	year := f.fs.Int("year", 0, "")
	pos, err := parse(f.fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 || *f.out == "" || (*f.sessionNo != 0 && *year != 0) {
		return usageError{reportUsage}
	}
	info, err := f.docInfo()
	if err != nil {
		return err
	}
	r, err := loadProposalReport(env, s, *f.termNo, *f.sessionNo, *year, f.asOf(s, info))
	if err != nil {
		return err
	}
	if err := savefile.Write(*f.out, func(w io.Writer) error { return r.Write(w, pdf.GBT9704(), info) }); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "已生成%s：收到提案 %d 件，立案 %d 件，立案率 %s，办复率 %s，满意率 %s。文件：%s\n",
		strings.Join(r.Title(), ""), r.Stats.Received, r.Stats.Filed, r.Stats.FiledRate, r.Stats.AnswerRate,
		r.Stats.SatisfactionRate, *f.out)
	return nil
}

// loadProposalReport gathers the 提案工作情况报告 of a session, a year or
// the whole term.
func loadProposalReport(env Env, s *data.Store, termNo, sessionNo, year int, asOf string) (*report.ProposalReport, error) {
	t, err := term(env, s, termNo)
	if err != nil {
		return nil, err
	}
	session, err := sessionByNumber(env, s, t, sessionNo)
	if err != nil {
		return nil, err
	}
	sc := report.Scope{Term: t, Session: session, Year: year}
	return report.LoadProposalReport(env.Ctx, s, sc, asOf)
}

// runReportText prints the narrative of the 提案工作情况报告 (做法, 不足,
// 安排 …) as an editable text, or with --set saves an edited one.
func runReportText(env Env, s *data.Store, args []string) error {
	f := newReportFlags("report text")
	year := f.fs.Int("year", 0, "")
	set := f.fs.String("set", "", "")
	pos, err := parse(f.fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 || *f.out != "" || (*f.sessionNo != 0 && *year != 0) {
		return usageError{reportUsage}
	}
	r, err := loadProposalReport(env, s, *f.termNo, *f.sessionNo, *year, s.Now().Format("2006-01-02"))
	if err != nil {
		return err
	}
	title := strings.Join(r.Title(), "")
	if *set == "" {
		fmt.Fprint(env.Stdout, report.FormatNarrative(report.ProposalReportSections, r.Text.Sections))
		return nil
	}
	src, err := os.ReadFile(*set)
	if err != nil {
		return data.UserErrf(err, "无法读取文件 %s：%s", *set, data.UserMessage(err))
	}
	sections, err := report.ParseNarrative(report.ProposalReportSections, string(src))
	if err != nil {
		return fmt.Errorf("%s：%w", *set, err)
	}
	maps.Copy(r.Text.Sections, sections)
	if err := s.SaveReportText(env.Ctx, r.Text); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "已保存%s的文字（%d 个部分），下次生成报告时使用。\n", title, len(sections))
	return nil
}

func runReportForm(env Env, s *data.Store, args []string) error {
	f := newReportFlags("report form")
	number := f.fs.String("proposal", "", "")
	kind := f.fs.String("kind", "all", "")
	pos, err := parse(f.fs, args)
	if err != nil {
		return err
	}
	kinds := map[string][]string{"assign": {report.FormAssignment}, "feedback": {report.FormFeedback},
		"all": {report.FormAssignment, report.FormFeedback}}[*kind]
	if len(pos) > 0 || *f.out == "" || *number == "" || kinds == nil {
		return usageError{reportUsage}
	}
	info, err := f.docInfo()
	if err != nil {
		return err
	}
	p, err := proposalByNumber(env, s, *f.termNo, *f.sessionNo, *number)
	if err != nil {
		return err
	}
	form, err := report.LoadProposalForm(env.Ctx, s, p.ID)
	if err != nil {
		return err
	}
	if why := report.FormsRefusal(p); why != "" {
		return data.UserErr(fmt.Sprintf("%s提案“%s”%s", form.Config.FormatNumber(p.Number), p.Title, why))
	}
	err = savefile.Write(*f.out, func(w io.Writer) error {
		return report.WriteProposalForms(w, []*report.ProposalForm{form}, kinds, pdf.GBT9704(), info)
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "已生成%s号提案“%s”的%s：%s\n", strings.TrimSpace(*number), p.Title, formNames(kinds), *f.out)
	return nil
}

func formNames(kinds []string) string {
	var names []string
	for _, k := range kinds {
		names = append(names, map[string]string{report.FormAssignment: "提案交办单", report.FormFeedback: "提案办理情况征询意见表"}[k])
	}
	return strings.Join(names, "和")
}

// proposalByNumber finds a proposal by its 案号 in a session (the term's
// latest session when sessionNo is 0). The 案号 may be written "22",
// "022" or "第022号".
func proposalByNumber(env Env, s *data.Store, termNo, sessionNo int, number string) (data.Proposal, error) {
	digits := strings.TrimFunc(number, func(r rune) bool { return r < '0' || r > '9' })
	n, err := strconv.Atoi(digits)
	if err != nil || n <= 0 {
		return data.Proposal{}, usageError{fmt.Sprintf("--proposal 应为案号，如 22 或 第022号，而不是“%s”", number)}
	}
	t, err := term(env, s, termNo)
	if err != nil {
		return data.Proposal{}, err
	}
	session, err := sessionByNumber(env, s, t, sessionNo)
	if err != nil {
		return data.Proposal{}, err
	}
	if session == nil {
		sessions, err := s.ListSessions(env.Ctx, t.ID)
		if err != nil {
			return data.Proposal{}, err
		}
		if len(sessions) == 0 {
			return data.Proposal{}, data.UserErr(fmt.Sprintf("%s还没有登记任何会议", t.TermName()))
		}
		session = &sessions[len(sessions)-1]
	}
	ps, err := s.ListProposals(env.Ctx, data.ProposalFilter{TermID: t.ID, SessionID: session.ID})
	if err != nil {
		return data.Proposal{}, err
	}
	for _, p := range ps {
		if p.Number == n {
			return p, nil
		}
	}
	return data.Proposal{}, data.UserErr(fmt.Sprintf("%s%s没有案号为 %d 的提案（可用 --session 指定会次）", t.TermName(), session.SessionName(), n))
}
