package composition

import (
	"context"
	"fmt"
	"strings"

	"zhengxie/data"
)

// ForTerm computes the composition of a term's serving members at
// the store's today, with rows in the term's own 界别 and 党派 order.
func ForTerm(ctx context.Context, s *data.Store, t data.Term) (Stats, error) {
	members, err := s.ListMembers(ctx, data.MemberFilter{TermID: t.ID})
	if err != nil {
		return Stats{}, err
	}
	sectors, err := s.CatalogNames(ctx, t.ID, data.KindSector)
	if err != nil {
		return Stats{}, err
	}
	parties, err := s.CatalogNames(ctx, t.ID, data.KindParty)
	if err != nil {
		return Stats{}, err
	}
	return Compute(members, Options{AsOf: s.Now(), SectorOrder: sectors, PartyOrder: parties}), nil
}

// Summary is the one-paragraph summary printed above the tables
// and shown on screen.
func Summary(st Stats) string {
	if st.Total == 0 {
		return "本届名册中暂无在任委员。"
	}
	pct := func(n int) string { return fmt.Sprintf("%.1f%%", 100*float64(n)/float64(st.Total)) }
	parts := []string{
		fmt.Sprintf("在任委员 %d 人", st.Total),
		fmt.Sprintf("其中常委 %d 人", st.Standing),
		fmt.Sprintf("非中共委员 %d 人，占 %s", st.Total-st.CPC, pct(st.Total-st.CPC)),
		fmt.Sprintf("女性 %d 人，占 %s", st.Women, pct(st.Women)),
		fmt.Sprintf("少数民族 %d 人", st.Minority),
		fmt.Sprintf("新委员 %d 人", st.New),
	}
	if st.AverageAge > 0 {
		parts = append(parts, fmt.Sprintf("平均年龄 %.1f 岁", st.AverageAge))
	}
	return strings.Join(parts, "，") + "。"
}
