package cli

import (
	"fmt"
	"path/filepath"

	"zhengxie/data"
	"zhengxie/export/sheet"
)

// ExitPartial ends an import with --skip-bad that left rows out: the others
// were imported, the rows left out written to a sheet to fix.
const ExitPartial = 4

// importOptions are the options every import command takes.
type importOptions struct {
	yes     bool   // import; else only preview
	skipBad bool   // with problems, import the rows without
	left    string // where the rows left out go ("" beside the file)
}

// leftPath is where the rows a partial import leaves out are written.
func (o importOptions) leftPath(source string) string {
	if o.left != "" {
		return o.left
	}
	return filepath.Join(filepath.Dir(source), sheet.LeftName(source))
}

// runPreview shows an import's preview and, with --yes, imports: the one
// way every import command (roster, proposals, events, and each kind
// added later) previews, refuses, imports the good rows (--skip-bad) and
// writes the rows left out. list prints the kind's own lines between the
// problems and the summary (nil: none).
func runPreview(env Env, s *data.Store, p sheet.Preview, o importOptions, list func()) error {
	for _, line := range p.Info() {
		fmt.Fprintln(env.Stdout, line)
	}
	for _, w := range p.Hints() {
		fmt.Fprintf(env.Stdout, "提示：第 %d 行\t%s\t%s\n", w.Row, orDash(w.Field), w.Msg)
	}
	problems := p.Problems()
	for _, is := range problems {
		fmt.Fprintf(env.Stdout, "第 %d 行\t%s\t%s\n", is.Row, orDash(is.Field), is.Msg)
	}
	part := p.Partial()
	if len(problems) > 0 {
		if !o.skipBad {
			msg := fmt.Sprintf("发现 %d 处问题，未导入任何数据。请修改表格后重新导入", len(problems))
			if part.Writes {
				msg += "，或加 --skip-bad 只导入没有问题的行（有问题的行另存为表格）"
			}
			return exitError{ExitIssues, msg + "。"}
		}
		if part.Summary != "" {
			fmt.Fprintln(env.Stdout, part.Summary)
		}
		if !part.Writes {
			return exitError{ExitIssues, fmt.Sprintf("发现 %d 处问题；其余的行没有需要写入的内容，未导入任何数据。请修改表格后重新导入。", len(problems))}
		}
		if !o.yes {
			fmt.Fprintf(env.Stdout, "未写入数据；确认无误后加 --yes 执行导入，有问题的行将写入：%s\n", o.leftPath(p.File()))
			return nil
		}
	} else {
		if list != nil {
			list()
		}
		if !o.yes {
			fmt.Fprintln(env.Stdout, p.Summary()+" 未写入数据；确认无误后加 --yes 执行导入。")
			return nil
		}
	}
	out, err := p.Import(env.Ctx, s, len(problems) > 0)
	if err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, out.Message)
	if len(out.Left) == 0 {
		return nil
	}
	path := o.leftPath(p.File())
	if err := sheet.LeftFile(path, p.Sources(), out.Left); err != nil {
		return exitError{ExitPartial, fmt.Sprintf("有问题的 %d 行未导入，但未能写入“%s”：%s",
			len(out.Left), path, data.UserMessage(err))}
	}
	return exitError{ExitPartial, sheet.LeftMessage(len(out.Left), path)}
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}
