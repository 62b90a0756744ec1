package rules

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"strings"

	"github.com/BurntSushi/toml"

	"zhengxie/data"
	"zhengxie/data/assess"
	"zhengxie/data/savefile"
)

// A rule file is a rule set (assess.RuleSet) written as TOML; its keys are
// the struct tags of package assess and docs/assessment-rules.md explains
// them for the office staff who edit such files.

// maxRulesSize bounds a rule file: the largest preset is under 20 KB, and
// a huge file would be stored whole in the database and shown in the editor.
const maxRulesSize = 256 << 10

// Parse reads a rule file (TOML, docs/assessment-rules.md). Errors are
// Chinese and name the line or the item: "第12行：…" / "第2项“提交提案”：…";
// unknown keys are refused (a typo must not silently drop a rule); the
// result has passed assess.Validate.
func Parse(b []byte) (assess.RuleSet, error) {
	if len(b) > maxRulesSize {
		return assess.RuleSet{}, data.UserErr(fmt.Sprintf("文件太大（%.1f MB），不像是考核规则文件（规则文件通常只有几 KB）。请检查是否选错了文件",
			float64(len(b))/(1<<20)))
	}
	var rs assess.RuleSet
	md, err := toml.NewDecoder(bytes.NewReader(b)).Decode(&rs)
	if err != nil {
		return assess.RuleSet{}, tomlError(err, b)
	}
	if keys := md.Undecoded(); len(keys) > 0 {
		lines := make([]string, 0, len(keys))
		for _, k := range keys {
			lines = append(lines, unknownKey(b, k))
		}
		return assess.RuleSet{}, data.UserErr(strings.Join(lines, "\n"))
	}
	if ps := assess.Validate(rs); len(ps) > 0 {
		lines := make([]string, len(ps))
		for i, p := range ps {
			lines[i] = p.Error()
		}
		return assess.RuleSet{}, data.UserErrf(assess.Problems(ps), "考核规则有误：\n%s", strings.Join(lines, "\n"))
	}
	return rs, nil
}

// tomlError turns a decoding error into a Chinese sentence with the line.
func tomlError(err error, input []byte) error {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		line := pe.Position.Line
		if line == 0 {
			//lint:ignore SA1019 older toml errors set only Line
			line = pe.Line
		}
		msg := pe.Message
		if inner := errors.Unwrap(pe); inner != nil {
			msg = inner.Error()
		}
		if hasChinese(msg) && pe.LastKey != "" {
			// A value our own types refused (assess.Points): the decoder
			// reports where parsing had got to, not the value's line.
			return valueError(pe.LastKey, msg, string(input))
		}
		if line > 0 {
			return data.UserErrf(err, "第%d行：%s", line, chineseTOML(msg))
		}
		return data.UserErrf(err, "规则文件格式有误：%s", chineseTOML(msg))
	}
	if m := lineRe.FindStringSubmatch(err.Error()); m != nil {
		return data.UserErrf(err, "第%s行：%s", m[1], chineseTOML(err.Error()))
	}
	return data.UserErrf(err, "规则文件格式有误：%s", chineseTOML(err.Error()))
}

var lineRe = regexp.MustCompile(`line (\d+)`)

// valueError names the key of a refused value and, when the line that
// assigns it can be found (key and the quoted value on one line), the line.
func valueError(key, msg, input string) error {
	leaf := key[strings.LastIndex(key, ".")+1:]
	value := ""
	if _, rest, ok := strings.Cut(msg, "“"); ok {
		value, _, _ = strings.Cut(rest, "”")
		value = strings.TrimSuffix(value, "…")
	}
	for i, line := range strings.Split(input, "\n") {
		t := strings.TrimSpace(line)
		rest, ok := strings.CutPrefix(t, leaf)
		if ok && strings.HasPrefix(strings.TrimSpace(rest), "=") && value != "" && strings.Contains(rest, value) {
			return data.UserErr(fmt.Sprintf("第%d行：%s", i+1, msg))
		}
	}
	return data.UserErr(fmt.Sprintf("%s 的值有误：%s", key, msg))
}

func hasChinese(s string) bool {
	for _, r := range s {
		if r >= 0x4E00 && r <= 0x9FFF {
			return true
		}
	}
	return false
}

// chineseTOML explains the usual decoder messages; others are kept (the
// technical text still helps whoever supports the office).
func chineseTOML(msg string) string {
	switch {
	case strings.Contains(msg, "out of range"):
		return "数值太大或太小，超出了允许的范围：" + msg
	case strings.Contains(msg, "incompatible types"), strings.Contains(msg, "cannot load TOML value"):
		return "值的类型不对（例如该写数字的地方写了文字，或该写列表的地方只写了一个值）：" + msg
	case strings.Contains(msg, "has already been defined"), strings.Contains(msg, "already been defined"):
		return "同一个键写了两次：" + msg
	case strings.Contains(msg, "expected"), strings.Contains(msg, "unexpected"):
		return "格式有误（请检查引号、等号和方括号）：" + msg
	}
	return msg
}

// unknownKey names an undecoded key and, when it can be found, its line.
func unknownKey(b []byte, k toml.Key) string {
	last := k[len(k)-1]
	if n := keyLine(b, last); n > 0 {
		return fmt.Sprintf("第%d行：不认识的键“%s”", n, last)
	}
	return fmt.Sprintf("不认识的键“%s”", k.String())
}

// keyLine is the first line that assigns key (bare or quoted), or opens a
// table of that name; 0 when none does.
func keyLine(b []byte, key string) int {
	for i, line := range strings.Split(string(b), "\n") {
		t := strings.TrimSpace(line)
		t = strings.TrimLeft(t, "[")
		for _, q := range []string{key, `"` + key + `"`, "'" + key + "'"} {
			rest, ok := strings.CutPrefix(t, q)
			if !ok {
				continue
			}
			rest = strings.TrimSpace(rest)
			if strings.HasPrefix(rest, "=") || strings.HasPrefix(rest, "]") || strings.HasPrefix(rest, ".") {
				return i + 1
			}
		}
	}
	return 0
}

// Format writes a rule set as a rule file that Parse reads back to
// the same rule set.
func Format(rs assess.RuleSet) ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteString("# 委员履职考核规则（说明见 docs/assessment-rules.md）\n")
	buf.WriteString("# 规则集：" + oneLine(rs.Name) + "\n")
	if rs.Source != "" {
		buf.WriteString("# 来源：" + oneLine(rs.Source) + "\n")
	}
	buf.WriteString("\n")
	enc := toml.NewEncoder(&buf)
	enc.Indent = ""
	if err := enc.Encode(rs); err != nil {
		return nil, data.UserErrf(err, "写出考核规则失败：%s", data.UserMessage(err))
	}
	return buf.Bytes(), nil
}

// oneLine keeps a comment on one line.
func oneLine(s string) string {
	return strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ").Replace(s)
}

// ReadFile and WriteFile are Parse/Format on a file
// (written atomically).
func ReadFile(path string) (assess.RuleSet, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return assess.RuleSet{}, data.UserErrf(err, "无法读取规则文件“%s”：%s", path, data.UserMessage(err))
	}
	rs, err := Parse(b)
	if err != nil {
		return assess.RuleSet{}, data.UserErrf(err, "规则文件“%s”有误：\n%s", path, err.Error()) // Parse's sentences
	}
	return rs, nil
}

// WriteFile writes rs to path; an existing file is replaced only when
// the whole new one was written.
func WriteFile(path string, rs assess.RuleSet) error {
	b, err := Format(rs)
	if err != nil {
		return err
	}
	return savefile.Write(path, func(w io.Writer) error {
		_, err := w.Write(b)
		return err
	})
}
