package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"strings"

	"zhengxie/data"
	"zhengxie/data/assess"
	"zhengxie/data/rules"
)

// runImportRules: zhengxie import rules FILE [--year Y] [--name NAME] [--replace].
// The rule set is stored for the year (default: this year); a name already
// used that year is refused unless --replace. When the year has no rule set
// chosen yet, the imported one is chosen.
func runImportRules(env Env, s *data.Store, args []string) error {
	fs := flag.NewFlagSet("import rules", flag.ContinueOnError)
	year := fs.Int("year", s.Now().Year(), "")
	name := fs.String("name", "", "")
	replace := fs.Bool("replace", false, "")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usageError{importRulesUsage}
	}
	rs, err := rules.ReadFile(pos[0])
	if err != nil {
		return err
	}
	if *name != "" {
		rs.Name = strings.TrimSpace(*name)
	}
	rs, warnings, err := rules.Admit(env.Ctx, s, rs)
	if err != nil {
		return data.UserErrf(err, "规则文件“%s”%s", pos[0], data.UserMessage(err))
	}
	st, replaced, err := storeRuleSet(env.Ctx, s, *year, rs, *replace)
	if err != nil {
		return err
	}
	verb := "已导入"
	if replaced {
		verb = "已替换"
	}
	fmt.Fprintf(env.Stdout, "%s规则集“%s”（%d年度）：%s\n", verb, st.Rules.Name, st.Year, ruleSetOutline(st.Rules))
	for _, w := range warnings {
		fmt.Fprintln(env.Stderr, "注意："+w)
	}
	chosen, err := chooseIfNone(env.Ctx, s, st)
	if err != nil {
		return err
	}
	if chosen {
		fmt.Fprintf(env.Stdout, "%d年度尚未选定考核规则，已选用“%s”。\n", st.Year, st.Rules.Name)
	}
	return nil
}

// storeRuleSet saves rs for a year; an existing rule set of that name is
// replaced only when replace is set.
func storeRuleSet(ctx context.Context, s *data.Store, year int, rs assess.RuleSet, replace bool) (data.StoredRuleSet, bool, error) {
	rs.Year = year
	st := data.StoredRuleSet{Year: year, Rules: rs}
	old, err := s.RuleSetByName(ctx, year, rs.Name)
	switch {
	case err == nil && !replace:
		return st, false, data.UserErr(fmt.Sprintf("%d年度已有名为“%s”的规则集，未导入。要替换它请加 --replace，或用 --name 另起名称。", year, rs.Name))
	case err == nil:
		st.ID = old.ID
	case !errors.Is(err, data.ErrNotFound):
		return st, false, err
	}
	if err := s.SaveRuleSet(ctx, &st); err != nil {
		return st, false, err
	}
	return st, st.ID == old.ID && old.ID != 0, nil
}

// chooseIfNone makes st the year's rule set when none is chosen. A year
// no term covers has no setup: nothing is chosen then.
func chooseIfNone(ctx context.Context, s *data.Store, st data.StoredRuleSet) (bool, error) {
	setup, err := s.AssessmentSetup(ctx, st.Year)
	if errors.Is(err, data.ErrNotFound) {
		return false, nil
	}
	if err != nil || setup.RuleSetID != 0 {
		return false, err
	}
	setup.RuleSetID = st.ID
	return true, s.SaveAssessmentSetup(ctx, setup)
}

// ruleSetOutline says what a rule set holds: its items and grades.
func ruleSetOutline(rs assess.RuleSet) string {
	items := make([]string, len(rs.Items))
	for i, it := range rs.Items {
		items[i] = it.Name
	}
	grades := make([]string, len(rs.Grades))
	for i, g := range rs.Grades {
		grades[i] = g.Name
	}
	s := fmt.Sprintf("%d 个考核项目（%s）", len(rs.Items), strings.Join(items, "、"))
	if len(grades) > 0 {
		s += fmt.Sprintf("，等次 %s", strings.Join(grades, "、"))
	}
	if len(rs.Gates) > 0 {
		s += fmt.Sprintf("，基本要求 %d 项", len(rs.Gates))
	}
	if len(rs.Consequences) > 0 {
		s += fmt.Sprintf("，结果运用 %d 项", len(rs.Consequences))
	}
	return s + "。"
}

// runExportRules: zhengxie export rules NAME FILE [--year Y].
func runExportRules(env Env, s *data.Store, args []string) error {
	fs := flag.NewFlagSet("export rules", flag.ContinueOnError)
	year := fs.Int("year", s.Now().Year(), "")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 2 {
		return usageError{exportRulesUsage}
	}
	st, err := ruleSetByName(env, s, *year, pos[0])
	if err != nil {
		return err
	}
	if err := rules.WriteFile(pos[1], st.Rules); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "已导出规则集“%s”（%d年度）：%s\n", st.Rules.Name, st.Year, pos[1])
	return nil
}
