package cli

import (
	"fmt"
	"io"
	"strings"

	"zhengxie/data"
	"zhengxie/data/savefile"
	"zhengxie/export/pdf"
	"zhengxie/export/report"
)

const reportAnnualUsage = "      zhengxie report annual [--year 年份] [--term N] --out 文件.pdf [--date 年-月-日]（不写 --year 为整届）"

// runReportAnnual writes the statistics part of the 常委会工作报告 for a
// year, or for the whole term when --year is left out.
func runReportAnnual(env Env, s *data.Store, args []string) error {
	f := newReportFlags("report annual")
	year := f.fs.Int("year", 0, "")
	pos, err := parse(f.fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 || *f.out == "" || *f.sessionNo != 0 {
		return usageError{reportUsage}
	}
	info, err := f.docInfo()
	if err != nil {
		return err
	}
	var t data.Term
	if *year != 0 && *f.termNo == 0 {
		t, err = s.YearTerm(env.Ctx, *year)
	} else {
		t, err = term(env, s, *f.termNo)
	}
	if err != nil {
		return err
	}
	if *year != 0 && (*year < t.StartYear || *year > t.EndYear) {
		return data.UserErr(fmt.Sprintf("%d年不在%s（%d—%d年）之内", *year, t.TermName(), t.StartYear, t.EndYear))
	}
	r, err := report.LoadAnnualReport(env.Ctx, s, report.Scope{Term: t, Year: *year}, f.asOf(s, info))
	if err != nil {
		return err
	}
	if err := savefile.Write(*f.out, func(w io.Writer) error { return r.Write(w, pdf.GBT9704(), info) }); err != nil {
		return err
	}
	st := r.Stats
	meetings := 0
	for _, m := range st.Meetings {
		meetings += m.Held
	}
	fmt.Fprintf(env.Stdout, "已生成%s（%s）：召开会议 %d 次，收到提案 %d 件，社情民意 %d 篇（采用 %d 篇）。文件：%s\n",
		strings.Join(r.Title(), ""), r.ReviewHeading(), meetings, st.Proposals.Received, st.Infos.Submitted,
		st.Infos.Adopted, *f.out)
	return nil
}
