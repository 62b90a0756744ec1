package cli

import (
	"flag"
	"fmt"

	"zhengxie/data"
	"zhengxie/export/sheet"
)

// runImportEvents previews (and with --yes applies) an events/attendance
// workbook into a term: the same preview and rules as the window's import.
func runImportEvents(env Env, s *data.Store, args []string) error {
	fs := flag.NewFlagSet("import events", flag.ContinueOnError)
	termNo := fs.Int("term", 0, "")
	yes := fs.Bool("yes", false, "")
	keep := fs.Bool("keep-unmatched", false, "")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usageError{"用法：zhengxie import events 文件.xlsx [--term N] [--keep-unmatched] [--yes]"}
	}
	t, err := term(env, s, *termNo)
	if err != nil {
		return err
	}
	p, err := sheet.PreviewEventFile(env.Ctx, s, t, pos[0],
		data.EventImportOptions{KeepUnmatched: *keep, Actor: "命令行导入"})
	if err != nil {
		return err
	}
	for _, line := range p.Info() {
		fmt.Fprintln(env.Stdout, line)
	}
	for _, w := range p.Warnings {
		fmt.Fprintf(env.Stdout, "提示：第 %d 行\t%s\t%s\n", w.Row, orDash(w.Field), w.Msg)
	}
	if !p.OK() {
		for _, is := range p.Issues {
			fmt.Fprintf(env.Stdout, "第 %d 行\t%s\t%s\n", is.Row, orDash(is.Field), is.Msg)
		}
		return exitError{ExitIssues, fmt.Sprintf("发现 %d 处问题，未导入任何数据。请修改表格后重新导入。", len(p.Issues))}
	}
	for _, e := range p.Plan.Events {
		present, leave, absent := e.Attendance()
		fmt.Fprintf(env.Stdout, "%s\t%s\t%s\t%d 人（出席 %d，请假 %d，缺席 %d）\t%s\n", e.Activity.Date, e.Activity.Type,
			e.Activity.Title, len(e.Activity.Members), present, leave, absent, sheet.EventAction(e))
	}
	if !*yes {
		fmt.Fprintln(env.Stdout, p.Summary()+" 未写入数据；确认无误后加 --yes 执行导入。")
		return nil
	}
	res, err := p.Apply(env.Ctx, s)
	if err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, sheet.EventResultMessage(res))
	return nil
}
