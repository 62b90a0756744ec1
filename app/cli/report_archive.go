package cli

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"zhengxie/data"
	"zhengxie/data/savefile"
	"zhengxie/export/pdf"
	"zhengxie/export/report"
)

const (
	reportArchiveUsage = "用法：zhengxie report archive [--term N] [--member 姓名] --out 文件夹|文件.pdf [--single] [--date 年-月-日]\n" +
		"  --out 为文件夹时每位委员一个文件（序号_姓名.pdf）；为 .pdf 文件或加 --single 时全部委员合为一个文件"
	reportNoticeUsage = "用法：zhengxie report notice --year 年度 [--rules 规则集名称] --out 文件.pdf [--order rank|sector]\n" +
		"  [--date 年-月-日] [--days 工作日数] [--contact 受理单位] [--phone 电话] [--issuer 发布单位]"
)

// runReportArchive writes the 委员履职档案 of a term's members, or of one
// member, as one PDF or as a folder of one file per member.
func runReportArchive(env Env, s *data.Store, args []string) error {
	f := newReportFlags("report archive")
	name := f.fs.String("member", "", "")
	single := f.fs.Bool("single", false, "")
	pos, err := parse(f.fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 || *f.out == "" || *f.sessionNo != 0 {
		return usageError{reportArchiveUsage}
	}
	info, err := f.docInfo()
	if err != nil {
		return err
	}
	t, err := term(env, s, *f.termNo)
	if err != nil {
		return err
	}
	var membershipID int64
	if *name != "" {
		if membershipID, err = memberByName(env, s, t, *name); err != nil {
			return err
		}
	}
	set, err := report.LoadArchiveSet(env.Ctx, s, t.ID, membershipID)
	if err != nil {
		return err
	}
	set.Info = info
	set.Progress = func(done, total int) {
		if total >= 20 && (done%50 == 0 || done == total) {
			fmt.Fprintf(env.Stderr, "已完成 %d/%d\n", done, total)
		}
	}
	n := len(set.Book.Members)
	if *single || strings.EqualFold(filepath.Ext(*f.out), ".pdf") {
		if err := savefile.Write(*f.out, func(w io.Writer) error { return set.WritePDF(env.Ctx, w) }); err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "已生成%s委员履职档案 %d 份（一个文件）：%s\n", t.TermName(), n, *f.out)
		return nil
	}
	paths, err := set.WriteFolder(env.Ctx, *f.out)
	if err != nil {
		return data.UserErrf(err, "已生成 %d 份后中止：%s", len(paths), data.UserMessage(err))
	}
	fmt.Fprintf(env.Stdout, "已生成%s委员履职档案 %d 份，每人一个文件，在文件夹：%s\n", t.TermName(), len(paths), *f.out)
	return nil
}

// memberByName finds one member of term t by name (deleted ones left out).
func memberByName(env Env, s *data.Store, t data.Term, name string) (int64, error) {
	ms, err := s.ListMembers(env.Ctx, data.MemberFilter{TermID: t.ID})
	if err != nil {
		return 0, err
	}
	var found []data.Member
	for _, m := range ms {
		if m.Name == strings.TrimSpace(name) {
			found = append(found, m)
		}
	}
	switch len(found) {
	case 0:
		return 0, data.UserErr(fmt.Sprintf("%s没有名为“%s”的委员", t.TermName(), name))
	case 1:
		return found[0].Membership.ID, nil
	}
	var who []string
	for _, m := range found {
		who = append(who, fmt.Sprintf("%s（%s，%s）", m.Name, m.Sector, m.Birth))
	}
	return 0, data.UserErr(fmt.Sprintf("%s有 %d 位名为“%s”的委员：%s。名册中同名的委员请在窗口程序中打印", t.TermName(), len(found), name,
		strings.Join(who, "、")))
}

// runReportNotice writes the 履职考核结果公示 of a year.
func runReportNotice(env Env, s *data.Store, args []string) error {
	f := newReportFlags("report notice")
	year := f.fs.Int("year", 0, "")
	rules := f.fs.String("rules", "", "")
	var o report.NoticeOptions
	f.fs.StringVar(&o.Order, "order", "", "")
	f.fs.IntVar(&o.Days, "days", 0, "")
	f.fs.StringVar(&o.Contact, "contact", "", "")
	f.fs.StringVar(&o.Phone, "phone", "", "")
	f.fs.StringVar(&o.Issuer, "issuer", "", "")
	pos, err := parse(f.fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 || *f.out == "" || *year == 0 || *f.sessionNo != 0 || *f.termNo != 0 {
		return usageError{reportNoticeUsage}
	}
	info, err := f.docInfo()
	if err != nil {
		return err
	}
	o.Date = *f.date
	id, err := assessRuleSet(env, s, *year, *rules)
	if err != nil {
		return err
	}
	n, err := report.LoadAssessmentNotice(env.Ctx, s, *year, id, o, s.Now())
	if err != nil {
		return err
	}
	if err := savefile.Write(*f.out, func(w io.Writer) error { return n.Write(w, pdf.GBT9704(), info) }); err != nil {
		return err
	}
	from, to := n.Period()
	fmt.Fprintf(env.Stdout, "已生成%s：%d 名委员，公示期 %s 至 %s。文件：%s\n", n.Title(), len(n.Rows()), from, to, *f.out)
	return nil
}
