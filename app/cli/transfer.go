package cli

// import, export and template: the commands that move sheets in and out.

import (
	"flag"
	"fmt"

	"zhengxie/data"
	"zhengxie/export/sheet"
)

func runImport(env Env, s *data.Store, args []string) error {
	if len(args) > 0 {
		switch args[0] {
		case "proposals":
			return runImportProposals(env, s, args[1:])
		case "events":
			return runImportEvents(env, s, args[1:])
		case "rules":
			return runImportRules(env, s, args[1:])
		}
	}
	fs := flag.NewFlagSet("import", flag.ContinueOnError)
	termNo := fs.Int("term", 0, "")
	yes := fs.Bool("yes", false, "")
	skipBad := fs.Bool("skip-bad", false, "")
	left := fs.String("left", "", "")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 2 || pos[0] != "roster" {
		return usageError{"用法：zhengxie import roster|proposals 文件.xlsx [--term N] [--yes]"}
	}
	t, err := term(env, s, *termNo)
	if err != nil {
		return err
	}
	p, err := sheet.PreviewRosterFile(env.Ctx, s, t.ID, pos[1])
	if err != nil {
		return err
	}
	return runPreview(env, s, p, importOptions{yes: *yes, skipBad: *skipBad, left: *left}, nil)
}

func runExport(env Env, s *data.Store, args []string) error {
	if len(args) > 0 && args[0] == "rules" {
		return runExportRules(env, s, args[1:])
	}
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	termNo := fs.Int("term", 0, "")
	everyone := fs.Bool("all", false, "")
	full := fs.Bool("full", false, "")
	fullID := fs.Bool("full-id", false, "")
	session := fs.Int("session", 0, "")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	proposals := len(pos) == 2 && (pos[0] == "ledger" || pos[0] == "units")
	if len(pos) != 2 || (pos[0] != "roster" && pos[0] != "composition" && !proposals) {
		return usageError{"用法：zhengxie export roster|composition|ledger|units 文件.xlsx [--term N] [--session N]"}
	}
	if *session != 0 && !proposals {
		return usageError{"--session 只用于 export ledger 和 export units"}
	}
	t, err := term(env, s, *termNo)
	if err != nil {
		return err
	}
	if proposals {
		return exportProposals(env, s, pos[0], pos[1], t, *session)
	}
	c, err := s.GetCommittee(env.Ctx)
	if err != nil {
		return err
	}
	path := pos[1]
	if pos[0] == "composition" {
		if err := sheet.CompositionFile(env.Ctx, s, path, c, t); err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "已导出%s委员构成统计：%s\n", t.TermName(), path)
		return nil
	}
	members, err := s.ListMembers(env.Ctx, data.MemberFilter{TermID: t.ID, ActiveOnly: !*everyone})
	if err != nil {
		return err
	}
	if err := sheet.RosterFile(path, c, t, members, s.Now(), sheet.RosterOptions{AllFields: *full, FullID: *fullID}); err != nil {
		return err
	}
	if *fullID {
		fmt.Fprintln(env.Stderr, "注意：名册含完整的身份证号和电话号码，仅限内部使用，请妥善保管，用后及时删除。")
	}
	fmt.Fprintf(env.Stdout, "已导出%s委员名册 %d 人：%s\n", t.TermName(), len(members), path)
	return nil
}

func runTemplate(env Env, args []string) error {
	if len(args) != 1 {
		return usageError{"用法：zhengxie template 文件.xlsx"}
	}
	if err := sheet.TemplateFile(args[0]); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "已生成导入模板：%s\n", args[0])
	return nil
}
