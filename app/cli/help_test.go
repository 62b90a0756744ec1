package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// `zhengxie CMD --help` (and -h) prints that command's usage and exits 0,
// for every command; it opens no database and changes nothing (restore
// --help must not restore). Before, every command said
// "命令有误：flag: help requested" and exited 2.
func TestEveryCommandHasHelp(t *testing.T) {
	tests := []struct {
		args []string
		want []string // lines the usage shows
		not  string   // a line of another command it must not show
	}{
		{[]string{"version"}, []string{"zhengxie version"}, "zhengxie init"},
		{[]string{"init"}, []string{"zhengxie init --name 委员会名称 --term N --start 年份"}, "zhengxie demo"},
		{[]string{"demo"}, []string{"zhengxie demo [--seed N]", "zhengxie demo --scale N"}, "zhengxie import"},
		{[]string{"term"}, []string{"zhengxie term list", "zhengxie term add --number N --start 年份"}, "zhengxie session"},
		{[]string{"session", "add"}, []string{"zhengxie session add --number N --date 年-月-日"}, "zhengxie session list"},
		{[]string{"catalog"}, []string{"zhengxie catalog list [类别]", "zhengxie catalog add 类别 名称"}, "zhengxie demo"},
		{[]string{"import"}, []string{"zhengxie import roster", "zhengxie import proposals", "zhengxie import events", "zhengxie import rules"}, "zhengxie export"},
		{[]string{"import", "roster"}, []string{"zhengxie import roster 文件.xlsx [--term N] [--yes]"}, "zhengxie import proposals"},
		{[]string{"import", "proposals"}, []string{"zhengxie import proposals 文件.xlsx --session N"}, "zhengxie import roster"},
		{[]string{"import", "events"}, []string{"zhengxie import events 文件.xlsx"}, "zhengxie import rules"},
		{[]string{"import", "rules"}, []string{"zhengxie import rules 规则文件.toml"}, "zhengxie import events"},
		{[]string{"export"}, []string{"zhengxie export roster", "zhengxie export composition", "zhengxie export ledger", "zhengxie export units", "zhengxie export rules"}, "zhengxie import"},
		{[]string{"export", "roster"}, []string{"zhengxie export roster 文件.xlsx", "--full-id"}, "zhengxie export ledger"},
		{[]string{"export", "composition"}, []string{"zhengxie export composition 文件.xlsx"}, "zhengxie export roster"},
		{[]string{"export", "ledger"}, []string{"zhengxie export ledger 文件.xlsx"}, "zhengxie export units"},
		{[]string{"export", "units"}, []string{"zhengxie export units 文件.xlsx"}, "zhengxie export ledger"},
		{[]string{"export", "rules"}, []string{"zhengxie export rules 规则集名称 文件.toml"}, "zhengxie export roster"},
		{[]string{"stats"}, []string{"zhengxie stats proposals"}, "zhengxie report"},
		{[]string{"report"}, []string{"zhengxie report proposals", "zhengxie report text", "zhengxie report form", "zhengxie report annual", "zhengxie report archive", "zhengxie report notice"}, "zhengxie stats"},
		{[]string{"report", "proposals"}, []string{"zhengxie report proposals [--term N]"}, "zhengxie report text"},
		{[]string{"report", "text"}, []string{"zhengxie report text"}, "zhengxie report proposals"},
		{[]string{"report", "form"}, []string{"zhengxie report form --proposal 案号"}, "zhengxie report annual"},
		{[]string{"report", "annual"}, []string{"zhengxie report annual [--year 年份]"}, "zhengxie report form"},
		{[]string{"report", "archive"}, []string{"zhengxie report archive [--term N]"}, "zhengxie report notice"},
		{[]string{"report", "notice"}, []string{"zhengxie report notice --year 年度", "[--days N]"}, "zhengxie report archive"},
		{[]string{"assess"}, []string{"zhengxie assess --year 年度"}, "zhengxie import"},
		{[]string{"template"}, []string{"zhengxie template 文件.xlsx"}, "zhengxie check"},
		{[]string{"check"}, []string{"zhengxie check"}, "zhengxie backup"},
		{[]string{"backup"}, []string{"zhengxie backup [--to 文件夹", "zhengxie backup list"}, "zhengxie restore"},
		{[]string{"backup", "list"}, []string{"zhengxie backup list"}, "zhengxie backup [--to"},
		{[]string{"restore", "备份.db"}, []string{"zhengxie restore 备份文件 [--yes]"}, "zhengxie backup"},
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "不应创建.db")
	for _, tt := range tests {
		for _, flag := range []string{"--help", "-h"} {
			args := append(append([]string{"--db", db}, tt.args...), flag)
			code, out, errOut := run(t, args...)
			name := strings.Join(args[2:], " ")
			if code != ExitOK || errOut != "" {
				t.Errorf("%s: exit %d, stderr %q", name, code, errOut)
				continue
			}
			for _, want := range append(tt.want, "用法：", "选项：", "--db 数据文件", "退出码") {
				if !strings.Contains(out, want) {
					t.Errorf("%s: usage lacks %q:\n%s", name, want, out)
				}
			}
			if strings.Contains(out, tt.not) {
				t.Errorf("%s: usage shows another command (%q):\n%s", name, tt.not, out)
			}
		}
	}
	// --help anywhere on the line, and `help CMD`, work the same way.
	code, out, _ := run(t, "--db", db, "import", "--help", "rules", "x.toml", "--yes")
	if code != ExitOK || !strings.Contains(out, "zhengxie import rules") {
		t.Errorf("--help before the arguments: %d\n%s", code, out)
	}
	code, out, _ = run(t, "help", "assess")
	if code != ExitOK || !strings.Contains(out, "zhengxie assess --year 年度") || strings.Contains(out, "zhengxie import") {
		t.Errorf("help assess: %d\n%s", code, out)
	}
	if _, err := os.Stat(db); !os.IsNotExist(err) {
		t.Errorf("help created or opened the database: %v", err)
	}
	// An unknown command stays a usage error, --help or not.
	if code, _, errOut := run(t, "--db", db, "frobnicate", "--help"); code != ExitUsage || !strings.Contains(errOut, "未知命令") {
		t.Errorf("unknown --help: %d %q", code, errOut)
	}
}
