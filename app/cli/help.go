package cli

import (
	"slices"
	"strings"

	"zhengxie/data"
)

// isHelpFlag reports whether a is one of the ways to ask for help.
func isHelpFlag(a string) bool { return a == "-h" || a == "--help" || a == "-help" }

// wantsHelp reports whether args ask for help anywhere.
func wantsHelp(args []string) bool { return slices.ContainsFunc(args, isHelpFlag) }

// commandHelp is the usage of one command, taken from the general usage
// text (so that every command's help says what `zhengxie help` says):
// the entries of cmd, narrowed to the subcommand when args name one
// ("import rules --help" shows import rules only), then the options and
// exit codes. "" when the usage has no entry for cmd.
func commandHelp(cmd string, args []string) string {
	entries := usageEntries()
	var mine [][]string
	for _, e := range entries {
		if words := commandWords(e[0]); len(words) > 0 && words[0] == cmd {
			mine = append(mine, e)
		}
	}
	if len(mine) == 0 {
		return ""
	}
	for _, a := range args {
		if strings.HasPrefix(a, "-") {
			continue
		}
		var sub [][]string
		for _, e := range mine {
			if words := commandWords(e[0]); len(words) > 1 && words[1] == a {
				sub = append(sub, e)
			}
		}
		if len(sub) > 0 {
			mine = sub
		}
		break // only the first word after the command can be a subcommand
	}
	var b strings.Builder
	b.WriteString("用法：\n")
	for _, e := range mine {
		b.WriteString(withProgram(e[0]) + "\n")
		for _, l := range e[1:] {
			b.WriteString(l + "\n")
		}
	}
	_, rest, _ := strings.Cut(usage, "\n选项：\n")
	b.WriteString("\n选项：\n")
	b.WriteString(strings.Replace(rest, "%s", data.DefaultPath(), 1))
	return b.String()
}

// usageEntries splits the 命令 section of the usage into entries: a line
// indented by two spaces starts one, deeper-indented lines continue it.
func usageEntries() [][]string {
	_, section, _ := strings.Cut(usage, "\n命令：\n")
	section, _, _ = strings.Cut(section, "\n选项：\n")
	var entries [][]string
	for _, line := range strings.Split(section, "\n") {
		switch {
		case strings.TrimSpace(line) == "":
		case strings.HasPrefix(line, "   ") && len(entries) > 0:
			entries[len(entries)-1] = append(entries[len(entries)-1], line)
		case strings.HasPrefix(line, "  "):
			entries = append(entries, []string{line})
		}
	}
	return entries
}

// commandWords are the leading plain words of an entry's first line:
// "  import roster 文件.xlsx [--term N]" → import, roster.
func commandWords(line string) []string {
	var words []string
	for _, w := range strings.Fields(line) {
		if w == "" || w[0] < 'a' || w[0] > 'z' {
			break
		}
		words = append(words, w)
	}
	return words
}

// withProgram puts "zhengxie " before an entry's command, keeping a
// description that follows on the same line in its column (or moving it
// to the next line when the command has grown too long for it).
func withProgram(line string) string {
	const column = 40
	body := strings.TrimLeft(line, " ")
	cmd, desc := body, ""
	if i := strings.Index(body, "   "); i > 0 {
		cmd, desc = body[:i], strings.TrimSpace(body[i:])
	}
	out := "  zhengxie " + cmd
	if desc == "" {
		return out
	}
	if pad := column - displayWidth(out); pad >= 2 {
		return out + strings.Repeat(" ", pad) + desc
	}
	return out + "\n" + strings.Repeat(" ", column) + desc
}

// displayWidth counts a Chinese character as two columns.
func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x2E80 {
			n += 2
		} else {
			n++
		}
	}
	return n
}
