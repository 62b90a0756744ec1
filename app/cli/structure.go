package cli

import (
	"cmp"
	"flag"
	"fmt"

	"zhengxie/data"
)

// runTerm lists or adds 届次: the window's 设置 → 届次与会议, over the same
// store methods.
func runTerm(env Env, s *data.Store, args []string) error {
	const use = "用法：zhengxie term list 或 zhengxie term add --number 12 --start 2026 [--end 2031] [--current]"
	if len(args) == 0 {
		return usageError{use}
	}
	switch args[0] {
	case "list":
		if len(args) > 1 {
			return usageError{use}
		}
		terms, err := s.ListTerms(env.Ctx)
		if err != nil {
			return err
		}
		if len(terms) == 0 {
			return data.UserErr("数据库中还没有届次。请先运行 zhengxie init 完成首次设置。")
		}
		for _, t := range terms {
			mark := ""
			if t.Current {
				mark = "\t当前届"
			}
			fmt.Fprintf(env.Stdout, "%d\t%s%s\n", t.Number, t.Label(), mark)
		}
		return nil
	case "add":
		fs := flag.NewFlagSet("term add", flag.ContinueOnError)
		number := fs.Int("number", 0, "")
		start := fs.Int("start", 0, "")
		end := fs.Int("end", 0, "")
		current := fs.Bool("current", false, "")
		if pos, err := parse(fs, args[1:]); err != nil {
			return err
		} else if len(pos) > 0 || *number == 0 || *start == 0 {
			return usageError{use}
		}
		if set, err := s.IsSetUp(env.Ctx); err != nil || !set {
			return cmp.Or(err, data.UserErr("数据库还没有设置委员会。请先运行 zhengxie init 完成首次设置。"))
		}
		if *end == 0 {
			*end = *start + 5
		}
		t, err := s.CreateTerm(env.Ctx, data.Term{Number: *number, StartYear: *start, EndYear: *end, Current: *current})
		if err != nil {
			return err
		}
		msg := fmt.Sprintf("已新增%s", t.Label())
		if *current {
			msg += "，并设为当前届"
		}
		fmt.Fprintln(env.Stdout, msg+"。界别、党派等名单沿用上一届（没有上一届时为默认名单）。")
		return nil
	}
	return usageError{use}
}

// runSession lists or adds a term's 次会议 (plenary sessions).
func runSession(env Env, s *data.Store, args []string) error {
	const use = "用法：zhengxie session list [--term N] 或 zhengxie session add --number N --date 年-月-日 [--end 年-月-日] [--term N]"
	if len(args) == 0 || (args[0] != "list" && args[0] != "add") {
		return usageError{use}
	}
	fs := flag.NewFlagSet("session "+args[0], flag.ContinueOnError)
	termNo := fs.Int("term", 0, "")
	number := fs.Int("number", 0, "")
	date := fs.String("date", "", "")
	end := fs.String("end", "", "")
	pos, err := parse(fs, args[1:])
	if err != nil {
		return err
	}
	if len(pos) > 0 || (args[0] == "list" && (*number != 0 || *date != "" || *end != "")) ||
		(args[0] == "add" && *number <= 0) {
		return usageError{use}
	}
	t, err := term(env, s, *termNo)
	if err != nil {
		return err
	}
	if args[0] == "add" {
		x := data.Session{TermID: t.ID, Number: *number, StartDate: *date, EndDate: *end}
		if err := s.SaveSession(env.Ctx, &x); err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "已新增%s%s（%s）。\n", t.TermName(), x.SessionName(), sessionDates(x))
		return nil
	}
	sessions, err := s.ListSessions(env.Ctx, t.ID)
	if err != nil {
		return err
	}
	if len(sessions) == 0 {
		fmt.Fprintf(env.Stdout, "%s还没有登记任何会议。用 zhengxie session add --number 1 --date 年-月-日 添加。\n", t.TermName())
		return nil
	}
	for _, x := range sessions {
		fmt.Fprintf(env.Stdout, "%d\t%s%s\t%s\n", x.Number, t.TermName(), x.SessionName(), sessionDates(x))
	}
	return nil
}

// sessionDates is "2027-01-10 至 2027-01-13", one date, or 日期未填.
func sessionDates(x data.Session) string {
	switch {
	case x.StartDate == "" && x.EndDate == "":
		return "日期未填"
	case x.EndDate == "" || x.EndDate == x.StartDate:
		return x.StartDate
	case x.StartDate == "":
		return "至 " + x.EndDate
	}
	return x.StartDate + " 至 " + x.EndDate
}
