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
	skipBad := fs.Bool("skip-bad", false, "")
	left := fs.String("left", "", "")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usageError{"用法：zhengxie import events 文件.xlsx [--term N] [--keep-unmatched] [--yes] [--skip-bad [--left 文件.xlsx]]"}
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
	list := func() {
		for _, e := range p.Plan.Events {
			present, leave, absent := e.Attendance()
			fmt.Fprintf(env.Stdout, "%s\t%s\t%s\t%d 人（出席 %d，请假 %d，缺席 %d）\t%s\n", e.Activity.Date, e.Activity.Type,
				e.Activity.Title, len(e.Activity.Members), present, leave, absent, sheet.EventAction(e))
		}
	}
	return runPreview(env, s, p, importOptions{yes: *yes, skipBad: *skipBad, left: *left}, list)
}
