package demo

import (
	"math"

	"zhengxie/data"
)

// Full-time posts of the committee, held by 中共 members.
var (
	unitChair     = "政协" + county + "委员会主席"
	unitVice      = "政协" + county + "委员会副主席"
	unitSecretary = "政协" + county + "委员会秘书长"
)

// viceSectors says where the 副主席 come from, in order: full-time 中共
// vice-chairs alternate with the heads of parties and bodies.
var viceSectors = []string{"中国共产党", "民盟", "中国共产党", "工商联", "无党派人士", "民建"}

// assignRoles gives a term its 主席 (1), 副主席 (4–6), 秘书长 (1) and 常委
// (about a tenth of the seats in all). Roles carried over by returning
// members are kept; only the missing ones are filled.
func (g *generator) assignRoles(seats []*seat, year int) {
	count := map[string]int{}
	for _, s := range seats {
		count[s.m.Role]++
	}
	vice := 4 + g.rng.IntN(3)
	if len(seats) < 60 {
		vice = len(seats) / 15
	}
	if count["主席"] == 0 {
		if s := g.pick(seats, "中国共产党", false, year-50); s != nil {
			g.appoint(s, "主席", unitChair)
		}
	}
	if count["秘书长"] == 0 {
		if s := g.pick(seats, "中国共产党", false, year-42); s != nil {
			g.appoint(s, "秘书长", unitSecretary)
		}
	}
	// The first vice places of viceSectors, less those held by returning members.
	need := map[string]int{}
	for _, sector := range viceSectors[:min(vice, len(viceSectors))] {
		need[sector]++
	}
	for _, s := range seats {
		if s.m.Role == "副主席" {
			need[s.m.Sector]--
		}
	}
	for _, sector := range viceSectors {
		if need[sector] <= 0 {
			continue
		}
		need[sector]--
		if sector == "中国共产党" {
			if s := g.pick(seats, sector, false, year-45); s != nil {
				g.appoint(s, "副主席", unitVice)
			}
		} else if s := g.pick(seats, sector, true, year-40); s != nil {
			g.appoint(s, "副主席", "")
		}
	}
	g.fillStanding(seats, int(math.Round(float64(len(seats))*0.10)))
}

// fillStanding makes 常委 until want members sit on the standing committee:
// heads of parties and bodies first, then anyone.
func (g *generator) fillStanding(seats []*seat, want int) {
	have := 0
	var heads, others []*seat
	for _, s := range seats {
		switch {
		case s.m.Standing:
			have++
		case s.head:
			heads = append(heads, s)
		default:
			others = append(others, s)
		}
	}
	g.rng.Shuffle(len(heads), func(i, j int) { heads[i], heads[j] = heads[j], heads[i] })
	g.rng.Shuffle(len(others), func(i, j int) { others[i], others[j] = others[j], others[i] })
	for _, s := range append(heads, others...) {
		if have >= want {
			return
		}
		s.m.Role, s.m.Standing = "常委", true
		have++
	}
}

// pick finds a member of a 界别 without an office: its head when headFirst,
// else anyone born in bornBy or before (anyone at all when there is no
// such member). Nil when the 界别 has no member without an office.
func (g *generator) pick(seats []*seat, sector string, headFirst bool, bornBy int) *seat {
	var free, senior []*seat
	for _, s := range seats {
		if s.m.Sector != sector || (s.m.Role != "委员" && s.m.Role != "常委") {
			continue
		}
		if headFirst && s.head {
			return s
		}
		free = append(free, s)
		if birthYear(s.m.Birth) <= bornBy {
			senior = append(senior, s)
		}
	}
	if len(senior) > 0 {
		free = senior
	}
	if len(free) == 0 {
		return nil
	}
	return free[g.rng.IntN(len(free))]
}

// appoint gives a member an office. A full-time post replaces the work
// unit; its holder sits in no 专委会 and meets with the 城关镇 group.
func (g *generator) appoint(s *seat, role, unit string) {
	s.m.Role, s.m.Standing = role, true
	if unit != "" {
		s.m.WorkUnit, s.m.Committee, s.m.Group = unit, "", groups[0]
	}
}

// event is a status change during a term.
type event struct {
	status, date, note string
}

var events = map[int][]event{
	10: {
		{data.StatusResigned, "2018-06-26", "本人申请辞去委员"},
		{data.StatusAdded, "2018-12-20", "经常委会议决定增补"},
		{data.StatusMoved, "2019-08-29", "工作调动离开本县"},
		{data.StatusDeceased, "2020-04-17", "因病逝世"},
		{data.StatusAdded, "2020-12-24", "经常委会议决定增补"},
	},
	11: {
		{data.StatusResigned, "2022-06-28", "本人申请辞去委员"},
		{data.StatusMoved, "2022-12-20", "工作调动离开本县"},
		{data.StatusAdded, "2022-12-20", "经常委会议决定增补"},
		{data.StatusAdded, "2023-12-26", "经常委会议决定增补"},
		{data.StatusDeceased, "2024-03-15", "因病逝世"},
		{data.StatusResigned, "2024-09-10", "本人申请辞去委员"},
		{data.StatusMoved, "2025-06-25", "工作调动离开本县"},
		{data.StatusAdded, "2025-06-25", "经常委会议决定增补"},
	},
}

// changeStatuses picks the members of a term's status changes among
// ordinary members (added ones among the new). Every event takes a member,
// so that the rosters do not depend on the date; only changes on or before
// today are written.
func (g *generator) changeStatuses(seats []*seat, evs []event, today string) {
	for _, ev := range evs {
		var free []*seat
		for _, s := range seats {
			if s.changed || s.m.Role != "委员" || s.head || (ev.status == data.StatusAdded && !s.m.IsNew) {
				continue
			}
			free = append(free, s)
		}
		if len(free) == 0 {
			continue
		}
		s := free[g.rng.IntN(len(free))]
		s.changed = true
		s.leaves = ev.status != data.StatusAdded
		if ev.date <= today {
			s.m.Status, s.m.StatusDate, s.m.Note = ev.status, ev.date, ev.note
		}
	}
}
