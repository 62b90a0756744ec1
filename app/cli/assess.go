package cli

import (
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"zhengxie/data"
	"zhengxie/data/assess"
	"zhengxie/export/sheet"
)

const (
	assessUsage      = "用法：zhengxie assess --year 年度 --rules 规则集名称 [--out 结果.xlsx] [--detail] [--format text|json|csv]"
	importRulesUsage = "用法：zhengxie import rules 规则文件.toml [--year 年度] [--name 名称] [--replace]"
	exportRulesUsage = "用法：zhengxie export rules 规则集名称 文件.toml [--year 年度]"
)

// runAssess: zhengxie assess --year Y --rules NAME [--out results.xlsx] [--detail] [--format text|json|csv].
// Without --rules it uses the rule set chosen for the year.
func runAssess(env Env, s *data.Store, args []string) error {
	fs := flag.NewFlagSet("assess", flag.ContinueOnError)
	year := fs.Int("year", s.Now().Year(), "")
	name := fs.String("rules", "", "")
	out := fs.String("out", "", "")
	detail := fs.Bool("detail", false, "")
	format := fs.String("format", "", "")
	if pos, err := parse(fs, args); err != nil {
		return err
	} else if len(pos) > 0 {
		return usageError{assessUsage}
	}
	switch *format {
	case "", "text", "json", "csv":
	default:
		return usageError{fmt.Sprintf("--format 只能是 text、json 或 csv，不能是“%s”", *format)}
	}
	if *detail && *out == "" {
		return usageError{"--detail 需要与 --out 一起使用（明细写在结果表的“明细”工作表中）"}
	}
	id, err := assessRuleSet(env, s, *year, *name)
	if err != nil {
		return err
	}
	res, rs, err := s.Assess(env.Ctx, *year, id)
	if err != nil {
		return err
	}
	msgs := env.Stdout // json and csv keep stdout for the data
	if *out != "" {
		c, err := s.GetCommittee(env.Ctx)
		if err != nil {
			return err
		}
		if err := sheet.AssessmentFile(*out, c, rs, res, sheet.AssessmentOptions{Detail: *detail}); err != nil {
			return err
		}
		if *format == "json" || *format == "csv" {
			msgs = env.Stderr
		}
	}
	dec := assess.Decimals(rs)
	switch *format {
	case "json":
		err = writeResultJSON(env.Stdout, res, dec)
	case "csv":
		err = writeResultCSV(env.Stdout, res, dec)
	case "text":
		writeResultText(env.Stdout, rs, res, dec)
	default:
		if *out == "" {
			writeResultText(env.Stdout, rs, res, dec)
		} else {
			fmt.Fprintln(env.Stdout, resultSummary(rs, res))
		}
	}
	if err == nil && *out != "" {
		fmt.Fprintf(msgs, "已导出%d年度委员履职考核结果：%s\n", res.Year, *out)
	}
	return err
}

// assessRuleSet finds the rule set to use: the named one, else the year's choice.
func assessRuleSet(env Env, s *data.Store, year int, name string) (int64, error) {
	if name != "" {
		st, err := ruleSetByName(env, s, year, name)
		return st.ID, err
	}
	setup, err := s.AssessmentSetup(env.Ctx, year)
	if err != nil && !errors.Is(err, data.ErrNotFound) {
		return 0, err
	}
	if setup.RuleSetID == 0 {
		return 0, usageError{fmt.Sprintf("%d年度尚未选定考核规则，请用 --rules 指定规则集。%s", year, ruleSetNames(env, s, year))}
	}
	return setup.RuleSetID, nil
}

// ruleSetByName reads a year's rule set, naming the ones there are when
// the name is not found.
func ruleSetByName(env Env, s *data.Store, year int, name string) (data.StoredRuleSet, error) {
	st, err := s.RuleSetByName(env.Ctx, year, name)
	if errors.Is(err, data.ErrNotFound) {
		return st, data.UserErr(fmt.Sprintf("%d年度没有名为“%s”的规则集。%s", year, name, ruleSetNames(env, s, year)))
	}
	return st, err
}

func ruleSetNames(env Env, s *data.Store, year int) string {
	list, err := s.ListRuleSets(env.Ctx, year)
	if err != nil || len(list) == 0 {
		return "该年度还没有规则集，可用 zhengxie import rules 导入。"
	}
	names := make([]string, len(list))
	for i, r := range list {
		names[i] = "“" + r.Rules.Name + "”"
	}
	return "该年度的规则集有：" + strings.Join(names, "、") + "。"
}

// itemText is an item's points as printed: "—" when it does not apply.
func itemText(it assess.ItemResult, dec int) string {
	if !it.Applies {
		return "—"
	}
	return it.Final.Format(dec)
}

func rankText(m assess.MemberResult) string {
	if m.Rank == 0 {
		return ""
	}
	return fmt.Sprint(m.Rank)
}

// writeResultText prints one tab-separated line per member and a summary.
func writeResultText(w io.Writer, rs assess.RuleSet, res assess.Result, dec int) {
	head := append([]string{"姓名", "界别"}, res.Columns...)
	fmt.Fprintln(w, strings.Join(append(head, "总分", "等次", "排名", "备注"), "\t"))
	for _, m := range res.Members {
		line := []string{m.Member.Name, m.Member.Sector}
		if m.Excluded != "" {
			fmt.Fprintln(w, strings.Join(append(line, assess.Remarks(m)), "\t"))
			continue
		}
		for _, it := range m.Items {
			line = append(line, itemText(it, dec))
		}
		line = append(line, m.Total.Format(dec), m.Grade, rankText(m), assess.Remarks(m))
		fmt.Fprintln(w, strings.TrimRight(strings.Join(line, "\t"), "\t"))
	}
	fmt.Fprintln(w, resultSummary(rs, res))
}

// resultSummary counts members by grade: 参加考核 N 人，优秀 a 人，…
func resultSummary(rs assess.RuleSet, res assess.Result) string {
	n, flagged := 0, 0
	for _, m := range res.Members {
		if m.Excluded == "" {
			n++
			if len(m.Consequences) > 0 {
				flagged++
			}
		}
	}
	s := fmt.Sprintf("%d年度（规则集“%s”）：参加考核 %d 人", res.Year, res.RuleSet, n)
	if grades := assess.GradeCounts(rs, res); grades != "" {
		s += "，" + grades
	}
	return s + fmt.Sprintf("；不参加考核 %d 人；列入结果运用 %d 人。", len(res.Members)-n, flagged)
}

// writeResultCSV writes a header row and one row per member, UTF-8 with a
// byte-order mark so that Excel opens it as Chinese text.
func writeResultCSV(w io.Writer, res assess.Result, dec int) error {
	if _, err := io.WriteString(w, "\uFEFF"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	head := append([]string{"姓名", "界别", "常委"}, res.Columns...)
	if err := cw.Write(append(head, "加分", "扣分", "总分", "等次", "排名", "备注")); err != nil {
		return err
	}
	for _, m := range res.Members {
		standing := ""
		if m.Member.Standing {
			standing = "是"
		}
		row := []string{m.Member.Name, m.Member.Sector, standing}
		if m.Excluded != "" {
			for range len(res.Columns) + 5 {
				row = append(row, "")
			}
		} else {
			for _, it := range m.Items {
				row = append(row, itemText(it, dec))
			}
			row = append(row, m.Bonus.Format(dec), m.Penalty.Format(dec), m.Total.Format(dec), m.Grade, rankText(m))
		}
		if err := cw.Write(append(row, assess.Remarks(m))); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// jsonResult is the machine-readable result: points are exact strings
// ("10", "7.5", "10/3"), never floats.
type jsonResult struct {
	Year     int          `json:"year"`
	RuleSet  string       `json:"rule_set"`
	Decimals int          `json:"decimals"`
	Members  []jsonMember `json:"members"`
}

type jsonMember struct {
	Member       string     `json:"member"`
	Sector       string     `json:"sector"`
	Standing     bool       `json:"standing"`
	Excluded     string     `json:"excluded,omitempty"`
	Items        []jsonItem `json:"items,omitempty"`
	Bonus        string     `json:"bonus,omitempty"`
	Penalty      string     `json:"penalty,omitempty"`
	Total        string     `json:"total,omitempty"`
	Grade        string     `json:"grade,omitempty"`
	Rank         int        `json:"rank,omitempty"`
	Consequences []string   `json:"consequences,omitempty"`
	Notes        []string   `json:"notes,omitempty"`
}

type jsonItem struct {
	Name    string `json:"name"`
	Applies bool   `json:"applies"`
	Points  string `json:"points"` // after the item's floor and cap
	Final   string `json:"final"`  // after the group cap: what the total uses
}

func writeResultJSON(w io.Writer, res assess.Result, dec int) error {
	out := jsonResult{Year: res.Year, RuleSet: res.RuleSet, Decimals: dec, Members: []jsonMember{}}
	for _, m := range res.Members {
		jm := jsonMember{Member: m.Member.Name, Sector: m.Member.Sector, Standing: m.Member.Standing, Excluded: m.Excluded}
		if m.Excluded == "" {
			for _, it := range m.Items {
				jm.Items = append(jm.Items, jsonItem{Name: it.Name, Applies: it.Applies,
					Points: it.Points.Exact(), Final: it.Final.Exact()})
			}
			jm.Bonus, jm.Penalty, jm.Total = m.Bonus.Exact(), m.Penalty.Exact(), m.Total.Exact()
			jm.Grade, jm.Rank, jm.Consequences = m.Grade, m.Rank, m.Consequences
			jm.Notes = m.Notes
			for _, g := range m.Gates {
				if !g.Passed {
					jm.Notes = append(jm.Notes, "未达“"+g.Name+"”：缺"+strings.Join(g.Missing, "、"))
				}
			}
		}
		out.Members = append(out.Members, jm)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}
