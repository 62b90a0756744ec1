package app

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"zhengxie/data"
)

// 社情民意 wording: adoption kinds, modes and sources.
const (
	adoptKindAdopt    = "采用"
	adoptKindInstruct = "批示"
	sourceDirect      = "直接报送"
	sourceProposal    = "提案转来"
	adoptAny          = "已采用"
	adoptNone         = "未采用"
	allAdoptions      = "全部采用情况"
	allSources        = "全部来源"
)

// adoptModes are how an adoption came about (单篇 or 转送).
var adoptModes = []string{"单篇", "转送"}

// Lists used when the county has not set its own (the store's defaults
// normally fill them).
var (
	defaultAdoptLevels    = []string{"县委县政府", "市政协", "省政协", "全国政协"}
	defaultInstructLevels = []string{"县", "市", "省", "国家"}
)

// infoScreen is 社情民意: the term's public-opinion reports with their
// authors, issues, adoptions and leaders' instructions.
type infoScreen struct {
	u    *UI
	list *infoList
	// base holds the roster and lists the author picker shares with the
	// 履职活动 forms.
	base *activityScreen
}

func newInfoScreen(u *UI) *infoScreen {
	s := &infoScreen{u: u, base: &activityScreen{u: u, cfg: data.DefaultActivityConfig()}}
	s.list = newInfoList(s)
	return s
}

func (s *infoScreen) title() string           { return "社情民意" }
func (s *infoScreen) icon() fyne.Resource     { return theme.MailComposeIcon() }
func (s *infoScreen) view() fyne.CanvasObject { return s.list.obj }

// reload re-reads the lists and the roster, then the records.
func (s *infoScreen) reload(ctx context.Context) {
	u := s.u
	cfg, err := u.store.ActivityConfig(ctx)
	if err != nil {
		showError(err, u.win)
	}
	s.base.cfg = cfg
	s.base.members, s.base.sectors = nil, nil
	if u.term.ID != 0 {
		if s.base.members, err = u.store.ListMembers(ctx, data.MemberFilter{TermID: u.term.ID}); err != nil {
			showError(err, u.win)
		}
	}
	s.list.reload(ctx)
}

func (s *infoScreen) adoptLevels() []string {
	return orDefaultList(s.base.cfg.AdoptLevels, defaultAdoptLevels)
}

func (s *infoScreen) instructLevels() []string {
	return orDefaultList(s.base.cfg.InstructLevels, defaultInstructLevels)
}

func (s *infoScreen) sources() []string {
	return orDefaultList(s.base.cfg.InfoSources, []string{sourceDirect, sourceProposal})
}

func orDefaultList(list, def []string) []string {
	if len(list) == 0 {
		return def
	}
	return list
}

// highestAdoption is the highest 采用 level of a record in the county's
// order (the list runs from the lowest level up), "" when not adopted.
func highestAdoption(a data.Activity, levels []string) string {
	best, bestRank := "", -2
	for _, x := range a.Adoptions {
		if x.Kind != adoptKindAdopt {
			continue
		}
		if r := slices.Index(levels, x.Level); r > bestRank {
			best, bestRank = x.Level, r
		}
	}
	return best
}

// adoptedAt says whether a record was adopted at a level.
func adoptedAt(a data.Activity, level string) bool {
	return slices.ContainsFunc(a.Adoptions, func(x data.Adoption) bool {
		return x.Kind == adoptKindAdopt && x.Level == level
	})
}

func instructed(a data.Activity) bool {
	return slices.ContainsFunc(a.Adoptions, func(x data.Adoption) bool { return x.Kind == adoptKindInstruct })
}

// instructions is the 批示 column: "市：王书记；县：李县长".
func instructions(a data.Activity) string {
	var out []string
	for _, x := range a.Adoptions {
		if x.Kind == adoptKindInstruct {
			out = append(out, strings.TrimPrefix(x.Level+"：", "：")+x.Leader)
		}
	}
	return strings.Join(out, "；")
}

// infoCounts is the counts line in the wording of the annual report:
// "收到 N 篇，编发 N 期，被采用 N 篇：县委县政府 a、市政协 b…；领导批示 N 篇".
func infoCounts(rows []data.Activity, levels []string) string {
	issues := map[string]bool{}
	adopted, inst := 0, 0
	perLevel := map[string]int{}
	levels = slices.Clone(levels)
	for _, a := range rows {
		if a.Issue != "" {
			issues[a.Issue] = true
		}
		if highestAdoption(a, levels) != "" {
			adopted++
		}
		seen := map[string]bool{}
		for _, x := range a.Adoptions {
			if x.Kind == adoptKindAdopt && !seen[x.Level] {
				seen[x.Level] = true
				perLevel[x.Level]++
				if !slices.Contains(levels, x.Level) {
					levels = append(levels, x.Level)
				}
			}
		}
		if instructed(a) {
			inst++
		}
	}
	parts := make([]string, len(levels))
	for i, l := range levels {
		parts[i] = fmt.Sprintf("%s %d", l, perLevel[l])
	}
	return fmt.Sprintf("收到 %d 篇，编发 %d 期，被采用 %d 篇：%s；领导批示 %d 篇",
		len(rows), len(issues), adopted, strings.Join(parts, "、"), inst)
}
