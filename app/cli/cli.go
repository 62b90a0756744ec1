// Package cli is zhengxie's command line: thin commands over the same data
// and export code the window uses, for office IT staff and automation.
// It does not import Fyne.
package cli

import (
	"cmp"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"zhengxie/assets"
	"zhengxie/data"
	"zhengxie/data/demo"
)

// Exit codes.
const (
	ExitOK     = 0
	ExitError  = 1 // the command failed; nothing was changed
	ExitUsage  = 2 // the command line was wrong
	ExitIssues = 3 // an import was refused because the sheet has problems
)

const usage = `政协履职（zhengxie）— 县级政协委员、提案与履职管理

用法：
  zhengxie [--db 数据文件]                      打开窗口程序
  zhengxie [--db 数据文件] 命令 [参数]

命令：
  help                                  显示本说明
  version                               显示版本号和数据文件位置
  init --name 委员会名称 --term N --start 年份 [--end 年份]
                                        首次设置：建立委员会和当前届次（同窗口程序的首次使用设置）
  term list                             列出各届次（届次、起止年份、当前届）
  term add --number N --start 年份 [--end 年份] [--current]
                                        新增一届（界别等名单沿用上一届）；--current 设为当前届
  session list [--term N]               列出一届的各次全体会议及日期
  session add --number N --date 年-月-日 [--end 年-月-日] [--term N]
                                        新增一次全体会议（如 --number 1 为第一次会议），供导入提案等使用
  catalog list [类别]                   列出名单：不写类别时列出全部类别；类别如 其他履职类型、
                                        采用级别、表彰级别、界别（界别等四项按届，--term N）
  catalog add 类别 名称 [--term N]      在名单末尾新增一项（同窗口程序“设置”中的名单）
  demo [--seed N]                       在空数据库中生成示例数据（虚构的清河县）
  demo --scale N [--seed N]             生成规模测试数据（N 个县合并的数据量，用于性能测试）
  import roster 文件.xlsx [--term N] [--yes] [--skip-bad [--left 文件.xlsx]]
                                        导入委员名册；不加 --yes 时只预览、不写入。三种导入均可加
                                        --skip-bad：表格有问题时只导入没有问题的行，有问题的行连同
                                        行号和问题写入 --left 文件（默认为原文件旁的“…（未导入的行）.xlsx”），
                                        改正后可再导入
  import proposals 文件.xlsx --session N [--term N] [--keep-unmatched] [--yes]
                                        导入往年提案台账到指定会次（--session 3 为本届第三次会议）；--keep-unmatched 时名册中找不到的
                                        提案人按姓名保存（否则列为问题）；不加 --yes 时只预览
  import events 文件.xlsx [--term N] [--keep-unmatched] [--yes]
                                        导入会议、活动及出席情况（每行一人次，或每个工作表一个活动）；
                                        再次导入时跳过已导入的活动；不加 --yes 时只预览
  export roster 文件.xlsx [--term N] [--all] [--full] [--full-id]
                                        导出委员名册（默认只含在任委员，--all 含全部；
                                        默认为打印报送版，--full 为含全部列、可再导入的完整版；
                                        身份证号和电话默认隐去中间几位，--full-id 导出完整号码）
  export composition 文件.xlsx [--term N]
                                        导出委员构成统计表
  export ledger 文件.xlsx [--term N] [--session N]
                                        导出提案台账（--session 为会次，如 5 表示第五次会议；不加为全届）
  export units 文件.xlsx [--term N] [--session N]
                                        导出承办单位办理情况统计表（会次同上）
  stats proposals [--term N] [--session N]
                                        提案统计：立案率、办复率、满意率等报告数字及分类表
  report proposals [--term N] [--session N | --year 年份] --out 文件.pdf [--date 年-月-日]
                                        生成提案工作情况报告（PDF，公文格式，含统计图表）；
                                        --date 固定文件的生成日期
  report text [--term N] [--session N | --year 年份] [--set 文件.txt]
                                        显示提案工作情况报告中的自写部分（主要做法、存在的不足、工作安排等），
                                        --set 保存修改后的文字，供下次生成报告使用
  report form --proposal 案号 [--session N] [--kind assign|feedback|all] --out 文件.pdf
                                        生成一件提案的提案交办单和（或）办理情况征询意见表（PDF）
  report annual [--year 年份] [--term N] --out 文件.pdf [--date 年-月-日]
                                        生成常委会工作报告统计部分（PDF：会议、协商调研视察、提案、
                                        社情民意、履职考核、委员构成，含图表）；不写 --year 为整届
  report archive [--term N] [--member 姓名] --out 文件夹|文件.pdf [--single] [--date 年-月-日]
                                        生成委员履职档案（一人一档，PDF）：--out 为文件夹时每人一个
                                        文件（序号_姓名.pdf），为 .pdf 文件或加 --single 时合为一个文件
  report notice --year 年度 [--rules 规则集名称] --out 文件.pdf [--order rank|sector] [--date 年-月-日]
                [--days N] [--contact 受理单位] [--phone 电话]
                                        生成履职考核结果公示（PDF；默认按名次排列，--order sector
                                        按界别；公示期默认 5 个工作日，自 --date 起）
  import rules 规则文件.toml [--year 年度] [--name 名称] [--replace]
                                        导入考核规则集（默认为今年；同名的不覆盖，除非 --replace）
  export rules 规则集名称 文件.toml [--year 年度]
                                        导出年度考核规则集，可修改后再导入
  assess --year 年度 [--rules 规则集名称] [--out 结果.xlsx] [--detail] [--format text|json|csv]
                                        委员履职考核：按规则集计算各项得分、总分、等次和排名；
                                        --out 导出考核结果表（--detail 含明细工作表）
  template 文件.xlsx                     生成空白的委员名册导入模板
  check                                 检查数据库文件（完整性、数据关联）和数据是否完好，并给出处理建议
  backup [--to 文件夹 [--encrypt] [--passphrase-file 文件]]
                                        立即备份（默认存入数据文件旁的 backups 文件夹）；--to 备份到U盘等
                                        文件夹，--encrypt 加密（密码取自 --passphrase-file、环境变量
                                        ZX_PASSPHRASE，或提示输入）
  backup list                           列出备份（时间、类型、大小、委员/提案/活动数）
  restore 备份文件 [--yes] [--passphrase-file 文件]
                                        显示备份内容；加 --yes 时恢复（当前数据先另存为备份；
                                        请先关闭窗口程序）

选项：
  --db 数据文件    数据库文件路径，默认：%s
  --term N        届次（数字，如 11 表示第十一届），默认为当前届

退出码：0 成功；1 出错（数据未更改）；2 命令行有误；3 导入的表格有问题（未导入）；
        4 加 --skip-bad 时只导入了没有问题的行（有问题的行已另存）。
`

// Env is what a command runs with.
type Env struct {
	Ctx    context.Context
	Stdin  io.Reader // where a passphrase is typed; nil when there is no terminal
	Stdout io.Writer
	Stderr io.Writer
}

// usageError is a mistake on the command line.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

// exitError ends a command with a specific exit code after its message.
type exitError struct {
	code int
	msg  string
}

func (e exitError) Error() string { return e.msg }

// Split separates the global --db option from the rest of the arguments.
// It returns the database path (data.DefaultPath() when not given).
func Split(args []string) (db string, rest []string, err error) {
	db = data.DefaultPath()
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--db" || a == "-db":
			if i+1 >= len(args) {
				return "", nil, usageError{"--db 后面需要数据文件路径"}
			}
			db = args[i+1]
			i++
		case strings.HasPrefix(a, "--db="):
			db = strings.TrimPrefix(a, "--db=")
		default:
			rest = append(rest, a)
		}
	}
	return db, rest, nil
}

// Run runs one command line (without the program name). When there is no
// command it calls gui with the database path and returns its exit code.
func Run(env Env, args []string, gui func(db string) int) int {
	db, rest, err := Split(args)
	if err != nil {
		return exitCode(env, err)
	}
	if len(rest) == 0 {
		return gui(db)
	}
	cmd, rest := rest[0], rest[1:]
	if wantsHelp(rest) { // zhengxie CMD --help: that command's usage, touching no file
		if h := commandHelp(cmd, rest); h != "" {
			fmt.Fprint(env.Stdout, h)
			return ExitOK
		}
	}
	switch cmd {
	case "help", "-h", "--help", "-help", "帮助":
		if len(rest) > 0 { // zhengxie help import
			if h := commandHelp(rest[0], rest[1:]); h != "" {
				fmt.Fprint(env.Stdout, h)
				return ExitOK
			}
		}
		fmt.Fprintf(env.Stdout, usage, data.DefaultPath())
		return ExitOK
	case "version", "--version", "-version", "版本":
		fmt.Fprintf(env.Stdout, "政协履职 %s\n数据文件：%s\n", assets.VersionText(), db)
		return ExitOK
	case "template": // needs no database
		return exitCode(env, runTemplate(env, rest))
	case "restore": // replaces the database file, so it must not be open
		return exitCode(env, runRestore(env, db, rest))
	case "init", "demo", "term", "session", "catalog", "import", "export", "backup", "stats", "check", "assess", "report":
	default:
		return exitCode(env, usageError{fmt.Sprintf("未知命令“%s”。运行 zhengxie help 查看用法。", cmd)})
	}
	if cmd == "demo" { // replaces the file: not while a window works on it
		lk, err := data.LockDatabase(db, data.LockDemo)
		if err != nil {
			return exitCode(env, err)
		}
		defer lk.Release()
	}
	s, err := data.Open(env.Ctx, db)
	if err != nil {
		return exitCode(env, data.UserErrf(err, "无法打开数据文件 %s：%s", db, data.UserMessage(err)))
	}
	defer func() {
		if s != nil {
			s.Close()
		}
	}()
	s.SetActor(actor(), data.RoleNone)
	switch cmd {
	case "init":
		err = runInit(env, s, rest)
	case "demo":
		s, err = runDemo(env, s, rest)
	case "term":
		err = runTerm(env, s, rest)
	case "session":
		err = runSession(env, s, rest)
	case "catalog":
		err = runCatalog(env, s, rest)
	case "import":
		err = runImport(env, s, rest)
	case "export":
		err = runExport(env, s, rest)
	case "stats":
		err = runStats(env, s, rest)
	case "check":
		err = runCheck(env, s)
	case "backup":
		err = runBackup(env, s, rest)
	case "assess":
		err = runAssess(env, s, rest)
	case "report":
		err = runReport(env, s, rest)
	}
	return exitCode(env, err)
}

// exitCode prints an error in Chinese and returns its exit code.
func exitCode(env Env, err error) int {
	if err == nil {
		return ExitOK
	}
	var ue usageError
	var ee exitError
	switch {
	case errors.As(err, &ue):
		fmt.Fprintln(env.Stderr, "命令有误："+ue.msg)
		return ExitUsage
	case errors.As(err, &ee):
		if ee.msg != "" {
			fmt.Fprintln(env.Stderr, ee.msg)
		}
		return ee.code
	}
	fmt.Fprintln(env.Stderr, "出错："+data.UserMessage(err))
	return ExitError
}

// parse parses flags that may come before or after positional arguments.
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	fs.SetOutput(io.Discard)
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, usageError{fmt.Sprintf("%v。运行 zhengxie help 查看用法。", err)}
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

func term(env Env, s *data.Store, number int) (data.Term, error) {
	if number > 0 {
		t, err := s.TermByNumber(env.Ctx, number)
		if errors.Is(err, data.ErrNotFound) {
			return t, data.UserErr(fmt.Sprintf("没有第%d届（%s）", number, data.ChineseNumber(number)))
		}
		return t, err
	}
	t, err := s.CurrentTerm(env.Ctx)
	if errors.Is(err, data.ErrNotFound) {
		return t, data.UserErr("数据库中还没有届次。请先打开窗口程序完成首次设置，或运行 zhengxie demo 生成示例数据。")
	}
	return t, err
}

func runInit(env Env, s *data.Store, args []string) error {
	fs := flag.NewFlagSet("init", flag.ContinueOnError)
	name := fs.String("name", "", "")
	short := fs.String("short", "", "")
	number := fs.Int("term", 0, "")
	start := fs.Int("start", 0, "")
	end := fs.Int("end", 0, "")
	if pos, err := parse(fs, args); err != nil {
		return err
	} else if len(pos) > 0 || *name == "" || *number == 0 || *start == 0 {
		return usageError{"用法：zhengxie init --name 政协XX县委员会 --term 11 --start 2021 [--end 2026]"}
	}
	if *end == 0 {
		*end = *start + 5
	}
	in := data.Setup{Committee: data.Committee{Name: *name, ShortName: *short},
		Term: data.Term{Number: *number, StartYear: *start, EndYear: *end}}
	t, err := s.SetUp(env.Ctx, in)
	if errors.Is(err, data.ErrConflict) {
		return data.UserErr("数据库已经设置过委员会，不能重复设置。如需修改，请在窗口程序的“设置”中进行。")
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "已建立%s，当前届次：%s。\n", *name, t.Label())
	return nil
}

// runDemo fills the database with the demo county (or scale data) all or
// nothing: into a copy that replaces the file only when complete
// (data.FillAtomically), so a demo killed midway leaves the file as it was.
// It returns the store of the filled file.
func runDemo(env Env, s *data.Store, args []string) (*data.Store, error) {
	fs := flag.NewFlagSet("demo", flag.ContinueOnError)
	seed := fs.Int64("seed", 1, "")
	scale := fs.Int("scale", 0, "")
	if pos, err := parse(fs, args); err != nil {
		return s, err
	} else if len(pos) > 0 {
		return s, usageError{"demo 不接受参数"}
	}
	if set, err := s.IsSetUp(env.Ctx); err != nil || set { // refused before copying a large file
		return s, cmp.Or(err, demo.ErrNotEmpty)
	}
	if *scale != 0 {
		return runDemoScale(env, s, *scale, *seed)
	}
	var sum demo.Summary
	s, err := data.FillAtomically(env.Ctx, s, func(ctx context.Context, t *data.Store) (err error) {
		sum, err = demo.PopulateWithPresets(ctx, t, demo.Options{Seed: *seed, Now: t.Now()})
		return err
	})
	if err != nil {
		return s, err
	}
	a := sum.Activity
	fmt.Fprintf(env.Stdout, "已生成示例数据：%d 个届次，%d 人，%d 条委员任职记录，%d 件提案；"+
		"%d 次会议和活动（%d 人次），%d 条社情民意，%d 项表彰等；考核规则已按内置办法设置。\n数据文件：%s\n",
		sum.Terms, sum.Persons, sum.Members, sum.Proposals, a.Events, a.Attendance, a.Infos, a.Awards, s.Path())
	return s, nil
}

// Stdio is the Env of a real process.
func Stdio() Env {
	return Env{Ctx: context.Background(), Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr}
}
