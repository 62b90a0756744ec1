package cli

import (
	"flag"
	"fmt"
	"slices"
	"strings"

	"zhengxie/data"
)

// catalogAliases are the names the window's 设置 → 履职 gives some lists,
// and other words offices use, for the store's list names.
var catalogAliases = map[string]string{
	"会议活动类型": "活动类型", "表彰惩戒类别": "表彰类型", "社情民意采用级别": "采用级别",
	"社情民意批示级别": "批示级别", "社情民意来源": "信息来源", "履职类型": "其他履职类型", "记录类型": "其他履职类型",
}

// catalogKind is one list the catalog command shows: a per-term list of
// the roster (界别, 党派, 专委会, 活动组; kind set) or one of the county's
// 履职 lists (activity set).
type catalogKind struct {
	label    string
	kind     string // data.Kind*, for a per-term list
	activity bool
}

func catalogKinds() []catalogKind {
	var out []catalogKind
	for _, k := range data.CatalogKinds {
		out = append(out, catalogKind{label: data.KindLabel(k), kind: k})
	}
	for _, l := range data.ActivityListLabels() {
		out = append(out, catalogKind{label: l, activity: true})
	}
	return out
}

// findCatalogKind resolves a kind given on the command line: a Chinese
// name, an alias, or a per-term kind's English key (sector, party …).
func findCatalogKind(name string) (catalogKind, error) {
	if a, ok := catalogAliases[name]; ok {
		name = a
	}
	kinds := catalogKinds()
	var labels []string
	for _, k := range kinds {
		if k.label == name || (k.kind != "" && k.kind == name) {
			return k, nil
		}
		labels = append(labels, k.label)
	}
	return catalogKind{}, usageError{fmt.Sprintf("没有名为“%s”的名单。可用的类别：%s。", name, strings.Join(labels, "、"))}
}

// runCatalog lists or extends the lists of 设置 (界别 … and the 履职 lists:
// record types, adoption and commendation levels …) over the store's
// catalogue methods, as the window does.
func runCatalog(env Env, s *data.Store, args []string) error {
	const use = "用法：zhengxie catalog list [类别] [--term N] 或 zhengxie catalog add 类别 名称 [--term N]"
	if len(args) == 0 || (args[0] != "list" && args[0] != "add") {
		return usageError{use}
	}
	fs := flag.NewFlagSet("catalog "+args[0], flag.ContinueOnError)
	termNo := fs.Int("term", 0, "")
	pos, err := parse(fs, args[1:])
	if err != nil {
		return err
	}
	if (args[0] == "list" && len(pos) > 1) || (args[0] == "add" && len(pos) != 2) {
		return usageError{use}
	}
	kinds := catalogKinds()
	if len(pos) > 0 {
		k, err := findCatalogKind(pos[0])
		if err != nil {
			return err
		}
		kinds = []catalogKind{k}
	}
	needsTerm := slices.ContainsFunc(kinds, func(k catalogKind) bool { return !k.activity })
	var t data.Term
	if needsTerm {
		if t, err = term(env, s, *termNo); err != nil {
			return err
		}
	}
	cfg, err := s.ActivityConfig(env.Ctx)
	if err != nil {
		return err
	}
	if args[0] == "add" {
		k, name := kinds[0], strings.TrimSpace(pos[1])
		if k.activity {
			l := cfg.List(k.label)
			*l = append(*l, name)
			if err := s.SaveActivityConfig(env.Ctx, cfg); err != nil {
				return err
			}
		} else if _, err := s.AddCatalogItem(env.Ctx, t.ID, k.kind, name); err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "已在“%s”中新增“%s”。\n", k.label, name)
		return nil
	}
	for _, k := range kinds {
		names := []string(nil)
		if k.activity {
			names = *cfg.List(k.label)
		} else if names, err = s.CatalogNames(env.Ctx, t.ID, k.kind); err != nil {
			return err
		}
		if len(kinds) == 1 {
			for _, n := range names {
				fmt.Fprintln(env.Stdout, n)
			}
			continue
		}
		scope := ""
		if !k.activity {
			scope = "（" + t.TermName() + "）"
		}
		fmt.Fprintf(env.Stdout, "%s%s：%s\n", k.label, scope, strings.Join(names, "、"))
	}
	return nil
}
