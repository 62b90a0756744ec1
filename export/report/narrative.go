package report

import (
	"fmt"
	"strings"
	"zhengxie/data"
)

// The narrative of a report as a plain text file the office can edit in
// any editor (`zhengxie report text`): each section starts with its name
// in 【】 on a line of its own, followed by its paragraphs, one per line.
//
//	【主要做法】
//	（一）聚焦中心大局，着力提高提案质量
//	坚持把提高质量作为提案工作的生命线……

// NarrativeSection is one editable section of a report.
type NarrativeSection struct{ Key, Name string }

// FormatNarrative writes sections in the order given.
func FormatNarrative(sections []NarrativeSection, text map[string]string) string {
	var b strings.Builder
	for i, s := range sections {
		if i > 0 {
			b.WriteString("\n")
		}
		fmt.Fprintf(&b, "【%s】\n", s.Name)
		if t := strings.TrimSpace(text[s.Key]); t != "" {
			b.WriteString(t + "\n")
		}
	}
	return b.String()
}

// ParseNarrative reads a file written like FormatNarrative's output. A
// section left out of the file is not in the result (the caller keeps what
// it had); a section present but empty is "". Unknown section names and
// text before the first section are errors, in Chinese, with line numbers.
func ParseNarrative(sections []NarrativeSection, src string) (map[string]string, error) {
	byName := map[string]string{}
	var names []string
	for _, s := range sections {
		byName[s.Name] = s.Key
		names = append(names, "【"+s.Name+"】")
	}
	out := map[string]string{}
	var key string
	var body []string
	flush := func() {
		if key != "" {
			out[key] = strings.TrimSpace(strings.Join(body, "\n"))
		}
		body = body[:0]
	}
	src = strings.TrimPrefix(strings.ReplaceAll(src, "\r\n", "\n"), "\ufeff")
	for i, line := range strings.Split(src, "\n") {
		trimmed := strings.TrimSpace(line)
		if name, ok := sectionName(trimmed); ok {
			k, known := byName[name]
			if !known {
				return nil, data.UserErr(fmt.Sprintf("第 %d 行：没有名为“%s”的部分，可用的有：%s", i+1, name, strings.Join(names, "、")))
			}
			if _, dup := out[k]; dup || k == key {
				return nil, data.UserErr(fmt.Sprintf("第 %d 行：“%s”出现了两次", i+1, name))
			}
			flush()
			key = k
			continue
		}
		if key == "" && trimmed != "" {
			return nil, data.UserErr(fmt.Sprintf("第 %d 行：文字应写在某一部分的标题之下，如 %s", i+1, names[0]))
		}
		body = append(body, trimmed)
	}
	flush()
	return out, nil
}

// sectionName reads a "【名称】" line.
func sectionName(line string) (string, bool) {
	rest, ok := strings.CutPrefix(line, "【")
	if !ok {
		return "", false
	}
	name, ok := strings.CutSuffix(rest, "】")
	return strings.TrimSpace(name), ok && !strings.ContainsAny(name, "【】")
}
