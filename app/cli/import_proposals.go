package cli

import (
	"flag"

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
	skipBad := fs.Bool("skip-bad", false, "")
	left := fs.String("left", "", "")
	pos, err := parse(fs, args)
	const use = "用法：zhengxie import proposals 文件.xlsx --session N [--term N] [--keep-unmatched] [--yes] [--skip-bad [--left 文件.xlsx]]"
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
	return runPreview(env, s, p, importOptions{yes: *yes, skipBad: *skipBad, left: *left}, nil)
}
