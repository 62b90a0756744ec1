package cli

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"zhengxie/data"
	"zhengxie/data/backup"
	"zhengxie/data/backup/seal"
)

// passphraseEnv is the environment variable a script can pass the
// passphrase of an encrypted backup in.
const passphraseEnv = "ZX_PASSPHRASE"

// runBackup is `zhengxie backup [--to DIR] [--encrypt] [--passphrase-file F]`
// and `zhengxie backup list`.
func runBackup(env Env, s *data.Store, args []string) error {
	if len(args) > 0 && args[0] == "list" {
		return runBackupList(env, s, args[1:])
	}
	fs := flag.NewFlagSet("backup", flag.ContinueOnError)
	to := fs.String("to", "", "")
	encrypt := fs.Bool("encrypt", false, "")
	passFile := fs.String("passphrase-file", "", "")
	if pos, err := parse(fs, args); err != nil {
		return err
	} else if len(pos) > 0 {
		return usageError{"用法：zhengxie backup [--to 文件夹] [--encrypt [--passphrase-file 文件]] 或 zhengxie backup list"}
	}
	if !*encrypt && *to == "" {
		b, err := s.Backup(env.Ctx, backup.Manual)
		if err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "已备份：%s\n（%s，%s）\n", b.Path, formatSize(b.Size), b.Summary())
		return nil
	}
	if *to == "" {
		return usageError{"加密备份用于把数据带出本机：请用 --to 指定保存的文件夹（如U盘）"}
	}
	dir := *to
	pass := ""
	if *encrypt {
		var err error
		if pass, err = passphrase(env, *passFile, true); err != nil {
			return err
		}
	}
	path, err := seal.BackupToFolder(env.Ctx, s, dir, pass)
	if err != nil {
		return err
	}
	if pass != "" {
		fmt.Fprintf(env.Stdout, "已备份并加密：%s\n请妥善保管密码：忘记密码将无法恢复此备份。\n", path)
		return nil
	}
	fmt.Fprintf(env.Stdout, "已备份：%s\n注意：未加密的备份含委员身份证号和电话，请妥善保管U盘；外带时建议加 --encrypt。\n", path)
	return nil
}

func runBackupList(env Env, s *data.Store, args []string) error {
	if len(args) > 0 {
		return usageError{"用法：zhengxie backup list"}
	}
	dir := data.BackupDir(s.Path())
	list, err := data.ListBackups(env.Ctx, dir)
	if err != nil {
		return err
	}
	p, err := s.BackupPolicy(env.Ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "备份文件夹：%s\n保留规则：自动备份每日 %d 份、每周 %d 份、每月 %d 份；手动及恢复前、升级前备份 %d 份\n",
		dir, p.Daily, p.Weekly, p.Monthly, p.Manual)
	if len(list) == 0 {
		fmt.Fprintln(env.Stdout, "还没有备份。运行 zhengxie backup 立即备份。")
		return nil
	}
	fmt.Fprintln(env.Stdout, "时间\t类型\t大小\t内容\t文件")
	for _, b := range list {
		what := b.Summary()
		if b.Problem != "" {
			what = "不可用：" + b.Problem
		}
		fmt.Fprintf(env.Stdout, "%s\t%s\t%s\t%s\t%s\n", b.Time.Format("2006-01-02 15:04:05"), b.Kind.Label(),
			formatSize(b.Size), what, b.Name)
	}
	return nil
}

// runRestore is `zhengxie restore FILE [--yes] [--passphrase-file F]`. It
// runs with the database closed: Restore replaces the file.
func runRestore(env Env, db string, args []string) error {
	fs := flag.NewFlagSet("restore", flag.ContinueOnError)
	yes := fs.Bool("yes", false, "")
	passFile := fs.String("passphrase-file", "", "")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usageError{"用法：zhengxie restore 备份文件 [--yes] [--passphrase-file 文件]"}
	}
	from := pos[0]
	var info data.BackupInfo
	if seal.IsSealed(from) {
		pass, err := passphrase(env, *passFile, false)
		if err != nil {
			return err
		}
		var plain string
		if plain, info, err = seal.Open(env.Ctx, from, pass, db); err != nil {
			return err
		}
		defer os.Remove(plain)
		from = plain
	} else if info, err = data.InspectBackup(env.Ctx, from); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "备份文件：%s\n备份时间：%s\n委员会：%s\n内容：%s\n",
		info.Name, info.Time.Format("2006-01-02 15:04:05"), info.Committee, info.Summary())
	if !*yes {
		fmt.Fprintf(env.Stdout, "未恢复。恢复将用此备份替换当前数据（%s），当前数据会先另存为一份备份。确认后加 --yes 执行；执行前请关闭窗口程序。\n", db)
		return nil
	}
	s, res, err := data.Restore(env.Ctx, from, db, data.RestoreOptions{Actor: actor(), Source: info.Name})
	if err != nil {
		return err
	}
	defer s.Close()
	fmt.Fprintf(env.Stdout, "已恢复到 %s 的数据。\n", info.Time.Format("2006-01-02 15:04:05"))
	if res.Safety != "" {
		fmt.Fprintf(env.Stdout, "恢复前的数据已备份为：%s\n", res.Safety)
	}
	return printCheck(env, s, res.Check)
}

// passphrase reads the passphrase of an encrypted backup: from a file,
// from ZX_PASSPHRASE, or typed (twice when a new one is chosen).
func passphrase(env Env, file string, confirm bool) (string, error) {
	if file != "" {
		body, err := os.ReadFile(file)
		if err != nil {
			return "", data.UserErrf(err, "无法读取密码文件 %s：%s", file, data.UserMessage(err))
		}
		line, _, _ := strings.Cut(string(body), "\n")
		return strings.TrimRight(line, "\r"), nil
	}
	if v := os.Getenv(passphraseEnv); v != "" {
		return v, nil
	}
	if env.Stdin == nil {
		return "", usageError{"需要密码：用 --passphrase-file 指定密码文件，或设置环境变量 " + passphraseEnv}
	}
	in := bufio.NewReader(env.Stdin)
	fmt.Fprint(env.Stderr, "请输入备份密码（输入的内容会显示在屏幕上）：")
	pass, err := readLine(in)
	if err != nil {
		return "", err
	}
	if confirm {
		fmt.Fprint(env.Stderr, "请再输入一次：")
		again, err := readLine(in)
		if err != nil {
			return "", err
		}
		if again != pass {
			return "", data.UserErr("两次输入的密码不一致，未备份。")
		}
	}
	return pass, nil
}

func readLine(r *bufio.Reader) (string, error) {
	line, err := r.ReadString('\n')
	if err != nil && (err != io.EOF || line == "") {
		return "", data.UserErr("没有读到密码。")
	}
	return strings.TrimRight(line, "\r\n"), nil
}

// runCheck is `zhengxie check`: the file (integrity, foreign keys) and the
// data, with what to do about each kind of problem.
func runCheck(env Env, s *data.Store) error {
	r, err := s.Check(env.Ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "数据文件：%s\n结构版本：%d\n", s.Path(), r.SchemaVersion)
	if !r.Damaged {
		fmt.Fprintf(env.Stdout, "届次 %d 个，人员 %d 人，任职记录 %d 条（回收站 %d 条）\n",
			r.Terms, r.Persons, r.Memberships, r.Deleted)
	}
	if last := s.LastBackup(); last.IsZero() {
		fmt.Fprintln(env.Stdout, "最近备份：无。建议立即运行 zhengxie backup。")
	} else {
		fmt.Fprintf(env.Stdout, "最近备份：%s\n", last.Format("2006-01-02 15:04"))
	}
	return printCheck(env, s, r)
}

func printCheck(env Env, s *data.Store, r data.CheckReport) error {
	if r.OK() {
		fmt.Fprintln(env.Stdout, "检查通过：文件完整性、数据关联和委员数据均未发现问题。")
		return nil
	}
	for _, p := range r.Problems {
		fmt.Fprintln(env.Stdout, p)
	}
	fmt.Fprintln(env.Stdout, "处理建议：")
	if r.Damaged {
		fmt.Fprintln(env.Stdout, "- 数据库文件已损坏：请不要继续录入。运行 zhengxie backup list 查看备份，用 zhengxie restore 备份文件 --yes 恢复最近一份完好的备份（当前文件会先另存）。")
	}
	if r.BrokenLinks > 0 {
		fmt.Fprintln(env.Stdout, "- 数据关联错误：部分记录引用的数据已不存在。请先备份（zhengxie backup），再联系技术支持，或恢复出错前的备份。")
	}
	if r.SchemaDiffers {
		fmt.Fprintln(env.Stdout, "- 数据结构与本程序不符：文件可能被其他程序改动过。请不要继续录入，用 zhengxie restore 备份文件 --yes 恢复最近一份完好的备份（当前文件会先另存）。")
	}
	if r.BadAttachments > 0 {
		fmt.Fprintln(env.Stdout, "- 附件路径不在附件文件夹内：本程序不会打开或删除这些路径指向的文件。请在窗口程序中移除这些附件后重新添加。")
	}
	if r.InvalidRows > 0 {
		fmt.Fprintln(env.Stdout, "- 委员信息不符合校验规则：请在窗口程序的“委员”中逐条修改上面列出的委员。")
	}
	return exitError{ExitError, fmt.Sprintf("发现 %d 个问题。", len(r.Problems))}
}

func formatSize(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.0f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d 字节", n)
}
