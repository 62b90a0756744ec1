package report

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"zhengxie/data"
	"zhengxie/data/assess"
	"zhengxie/export/pdf"
)

// Orders of the 公示 result table.
const (
	NoticeByRank   = "rank"   // by rank, ties in roster order (the default)
	NoticeBySector = "sector" // roster order: by 界别 list order, 常委 first
)

// NoticeOptions are what the office fills in on a 履职考核结果公示.
type NoticeOptions struct {
	Order   string // NoticeByRank (default) or NoticeBySector
	Date    string // YYYY-MM-DD: date of issue; the 公示期 starts on it
	Days    int    // length of the 公示期 in working days (default 5)
	Contact string // who takes objections (default: 政协XX县办公室)
	Phone   string // 联系电话 ("" leaves room to write one in)
	Issuer  string // issuing body (default: the committee's name)
}

// AssessmentNotice is the 关于XXXX年度委员履职考核结果的公示: an opening
// naming the rule set's document, the 公示期 and contact line, the issuing
// body and date, and the result table (序号, 姓名, 界别, 总分, 等次) as an
// attachment. Totals are printed as the result sheet prints them.
type AssessmentNotice struct {
	Committee data.Committee
	RuleSet   assess.RuleSet
	Result    assess.Result
	Options   NoticeOptions
}

// LoadAssessmentNotice assesses year with the rule set (Store.Assess, as
// the result sheet does) and fills the options' defaults; today is the
// default date of issue.
func LoadAssessmentNotice(ctx context.Context, s *data.Store, year int, ruleSetID int64, opts NoticeOptions, today time.Time) (*AssessmentNotice, error) {
	n := &AssessmentNotice{Options: opts}
	var err error
	if n.Committee, err = s.GetCommittee(ctx); err != nil {
		return nil, err
	}
	if n.Result, n.RuleSet, err = s.Assess(ctx, year, ruleSetID); err != nil {
		return nil, err
	}
	o := &n.Options
	switch o.Order {
	case "":
		o.Order = NoticeByRank
	case NoticeByRank, NoticeBySector:
	default:
		return nil, data.Invalid("排序", fmt.Sprintf("排序只能按名次（rank）或按界别（sector），不能是“%s”", o.Order))
	}
	if o.Date == "" {
		o.Date = today.Format("2006-01-02")
	}
	if _, err := time.Parse("2006-01-02", o.Date); err != nil {
		return nil, data.Invalid("公示日期", fmt.Sprintf("日期应为 年-月-日，如 2026-12-01，而不是“%s”", o.Date))
	}
	if o.Days <= 0 {
		o.Days = 5
	}
	if o.Contact == "" {
		o.Contact = shortCommittee(n.Committee) + "办公室"
	}
	if o.Issuer == "" {
		o.Issuer = n.Committee.Name
	}
	return n, nil
}

// Title is 关于2025年度委员履职考核结果的公示.
func (n *AssessmentNotice) Title() string {
	return fmt.Sprintf("关于%d年度委员履职考核结果的公示", n.Result.Year)
}

// Period is the 公示期: the date of issue (the next Monday when it falls on
// a weekend) and the last of Days working days.
func (n *AssessmentNotice) Period() (from, to string) {
	d, _ := time.Parse("2006-01-02", n.Options.Date)
	for weekend(d) {
		d = d.AddDate(0, 0, 1)
	}
	start := d
	for left := n.Options.Days - 1; left > 0; {
		d = d.AddDate(0, 0, 1)
		if !weekend(d) {
			left--
		}
	}
	return start.Format("2006-01-02"), d.Format("2006-01-02")
}

func weekend(d time.Time) bool { return d.Weekday() == time.Saturday || d.Weekday() == time.Sunday }

// Rows is the result table: assessed members in the chosen order.
func (n *AssessmentNotice) Rows() [][]string {
	ms := n.Result.Assessed()
	if n.Options.Order == NoticeByRank {
		slices.SortStableFunc(ms, func(a, b assess.MemberResult) int { return a.Rank - b.Rank })
	}
	dec := assess.Decimals(n.RuleSet)
	rows := make([][]string, len(ms))
	for i, m := range ms {
		rows[i] = []string{strconv.Itoa(i + 1), m.Member.Name, m.Member.Sector, m.Total.Format(dec), m.Grade}
	}
	return rows
}

// Opening is the first paragraph: the rules, who was assessed, the grades.
func (n *AssessmentNotice) Opening() string {
	total := len(n.Result.Assessed())
	s := fmt.Sprintf("%s对全体委员%d年度履职情况进行了考核。参加考核的委员共%d名",
		n.Committee.Name, n.Result.Year, total)
	if doc := ruleSetPhrase(n.RuleSet, n.Committee); doc != "" {
		s = "根据" + doc + "，" + s
	}
	if g := assess.GradeCounts(n.RuleSet, n.Result); g != "" {
		s += "，其中" + strings.ReplaceAll(g, " ", "")
	}
	if out := len(n.Result.Members) - total; out > 0 {
		s += fmt.Sprintf("；另有%d名委员不参加本年度考核", out)
	}
	return s + "。现将考核结果予以公示（见附件）。"
}

// PeriodText is the 公示期 and the contact line.
func (n *AssessmentNotice) PeriodText() string {
	from, to := n.Period()
	phone := n.Options.Phone
	if phone == "" {
		phone = "　　　　　　　　"
	}
	return fmt.Sprintf("公示期为%s至%s（%d个工作日）。公示期间，如对考核结果有异议，请以书面、电话等形式向%s反映。"+
		"反映情况应实事求是，并署真实姓名和联系方式。\n联系电话：%s", data.ChineseISODate(from), data.ChineseISODate(to), n.Options.Days,
		n.Options.Contact, phone)
}

// Write lays the notice out with tpl and writes the PDF.
func (n *AssessmentNotice) Write(w io.Writer, tpl pdf.PageTemplate, info pdf.DocInfo) error {
	d, err := n.Build(tpl, info)
	if err != nil {
		return err
	}
	return d.Write(w)
}

// Build lays the notice out: the notice on the first page, the result
// table as 附件 from a new page on.
func (n *AssessmentNotice) Build(tpl pdf.PageTemplate, info pdf.DocInfo) (*pdf.Doc, error) {
	if info.Title == "" {
		info.Title = n.Title()
	}
	info.Author = n.Committee.Name
	d, err := pdf.NewDoc(tpl, info)
	if err != nil {
		return nil, err
	}
	d.Title(n.Title())
	d.Paragraph(n.Opening())
	d.Paragraph(n.PeriodText())
	d.Blank()
	d.Text("附件："+n.attachmentTitle(), pdf.TextStyle{Role: d.Template().Body, Indent: 2, Grid: true})
	d.Blank()
	d.Blank()
	d.Signature(n.Options.Issuer, data.ChineseISODate(n.Options.Date))
	d.NewPage()
	d.Text("附件", pdf.TextStyle{Role: d.Template().Heading1, Grid: true})
	d.Blank()
	dec := assess.Decimals(n.RuleSet)
	d.Table(pdf.Table{Title: n.attachmentTitle(), Columns: []pdf.Column{{Header: "序号", Width: 1, Align: pdf.AlignCenter},
		{Header: "姓名", Width: 1.6, Align: pdf.AlignCenter}, {Header: "界别", Width: 3.2, Align: pdf.AlignCenter},
		{Header: "总分", Width: 1.3, Align: pdf.AlignCenter}, {Header: "等次", Width: 1.4, Align: pdf.AlignCenter}},
		Rows: n.Rows(), Note: n.tableNote(dec)})
	return d, nil
}

func (n *AssessmentNotice) attachmentTitle() string {
	return fmt.Sprintf("%d年度委员履职考核结果", n.Result.Year)
}

func (n *AssessmentNotice) tableNote(dec int) string {
	order := "按总分从高到低排列，总分相同的按界别顺序排列"
	if n.Options.Order == NoticeBySector {
		order = "按界别顺序排列"
	}
	return fmt.Sprintf("注：%s；分值保留%d位小数（四舍五入）。", order, dec)
}
