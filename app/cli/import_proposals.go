package cli

import (
	"flag"
	"fmt"

	"zhengxie/data"
	"zhengxie/export/sheet"
)

// runImportProposals previews (and with --yes applies) a proposal ledger
// into one session: the same preview and rules as the window's import.
func runImportProposals(env Env, s *data.Store, args []string) error {
	fs := flag.NewFlagSet("import proposals", flag.ContinueOnError)
	termNo := fs.Int("term", 0, "")
	sessionNo := fs.Int("session", 0, "")
	yes := fs.Bool("yes", false, "")
	keep := fs.Bool("keep-unmatched", false, "")
	pos, err := parse(fs, args)
	const use = "用法：zhengxie import proposals 文件.xlsx --session N [--term N] [--keep-unmatched] [--yes]"
	if err != nil {
		return err
	}
	if len(pos) != 1 || *sessionNo <= 0 {
		return usageError{use}
	}
	t, err := term(env, s, *termNo)
	if err != nil {
		return err
	}
	session, err := sessionByNumber(env, s, t, *sessionNo)
	if err != nil {
		return err
	}
	p, err := sheet.PreviewProposalFile(env.Ctx, s, *session, pos[0],
		data.ProposalImportOptions{KeepUnmatched: *keep, Actor: "命令行导入"})
	if err != nil {
		return err
	}
	for _, line := range p.Info(t) {
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
	if !*yes {
		fmt.Fprintln(env.Stdout, p.Summary()+" 未写入数据；确认无误后加 --yes 执行导入。")
		return nil
	}
	res, err := p.Apply(env.Ctx, s)
	if err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, sheet.ResultMessage(res))
	return nil
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}
