package cli

// import, export and template: the commands that move sheets in and out.

import (
	"flag"
	"fmt"
	"strings"

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
	created, updated, same := p.Plan.Counts()
	fmt.Fprintf(env.Stdout, "文件：%s（工作表“%s”，表头在第 %d 行）→ %s\n", pos[1], p.Sheet.Sheet, p.Sheet.HeaderRow, t.Label())
	if len(p.Sheet.Ignored) > 0 {
		fmt.Fprintf(env.Stdout, "未识别、将忽略的列：%s\n", strings.Join(p.Sheet.Ignored, "、"))
	}
	if !p.OK() {
		for _, is := range p.Issues {
			field := is.Field
			if field == "" {
				field = "—"
			}
			fmt.Fprintf(env.Stdout, "第 %d 行\t%s\t%s\n", is.Row, field, is.Msg)
		}
		return exitError{ExitIssues, fmt.Sprintf("发现 %d 处问题，未导入任何数据。请修改表格后重新导入。", len(p.Issues))}
	}
	for kind, names := range p.Plan.NewCatalog {
		fmt.Fprintf(env.Stdout, "将在本届%s列表中新增：%s\n", data.KindLabel(kind), strings.Join(names, "、"))
	}
	if !*yes {
		fmt.Fprintf(env.Stdout, "预览：共 %d 行，将新增 %d 人，更新 %d 人%s。未写入数据；确认无误后加 --yes 执行导入。\n",
			len(p.Plan.Rows), created, updated, unchangedText(same))
		return nil
	}
	res, err := p.Apply(env.Ctx, s, t.ID)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "导入完成：新增 %d 人，更新 %d 人%s。\n", res.Created, res.Updated, unchangedText(res.Unchanged))
	return nil
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

// unchangedText is "，未变化 N 人" when rows were already stored as they
// are, else "".
func unchangedText(n int) string {
	if n == 0 {
		return ""
	}
	return fmt.Sprintf("，未变化 %d 人", n)
}
