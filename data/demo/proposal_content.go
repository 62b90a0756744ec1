package demo

import (
	"math/rand/v2"
	"slices"
	"strings"

	"zhengxie/data"
)

// A signer is a roster member who may sign proposals.
type signer struct {
	id     int64 // membership
	name   string
	sector string
	group  string
	weight int    // how often the member leads a proposal; 0 never
	from   string // serving from (增补), "" since the term began
	until  string // left on (辞去, 调离, 逝世), "" still serving
}

func (x *signer) serving(date string) bool {
	return (x.from == "" || x.from <= date) && (x.until == "" || date < x.until)
}

// newSigners lists the members of a term who sign proposals: everyone but
// the full-time officers. A quarter never leads one; a tenth are prolific.
func newSigners(rng *rand.Rand, members []data.Member) []*signer {
	var out []*signer
	for _, m := range members {
		if m.Role == "主席" || m.Role == "副主席" || m.Role == "秘书长" {
			continue
		}
		x := &signer{id: m.Membership.ID, name: m.Name, sector: m.Sector, group: m.Group}
		switch r := rng.IntN(100); {
		case r < 25:
		case r < 70:
			x.weight = 2
		case r < 90:
			x.weight = 4
		default:
			x.weight = 8
		}
		switch m.Status {
		case data.StatusAdded:
			x.from = m.StatusDate
		case data.StatusResigned, data.StatusMoved, data.StatusDeceased, data.StatusRevoked:
			x.until = m.StatusDate
		}
		out = append(out, x)
	}
	return out
}

// pickSigner draws a serving member by weight, among those fit accepts when
// there are any (fit may be nil). With everyone set, members who never lead
// a proposal count too (co-signers).
func pickSigner(rng *rand.Rand, all []*signer, date string, fit func(*signer) bool, everyone bool) *signer {
	weight := func(x *signer) int {
		if !x.serving(date) {
			return 0
		}
		if everyone {
			return x.weight + 1
		}
		return x.weight
	}
	for _, restrict := range []bool{fit != nil, false} {
		total := 0
		for _, x := range all {
			if !restrict || fit(x) {
				total += weight(x)
			}
		}
		if total == 0 {
			continue
		}
		r := rng.IntN(total)
		for _, x := range all {
			if restrict && !fit(x) {
				continue
			}
			if r < weight(x) {
				return x
			}
			r -= weight(x)
		}
	}
	return nil
}

// cosigners picks n more members for a joint proposal: mostly colleagues of
// the same 界别 or 活动组.
func cosigners(rng *rand.Rand, all []*signer, first *signer, date string, n int) []*signer {
	taken := []*signer{first}
	for range n {
		var fit func(*signer) bool
		switch r := rng.IntN(100); {
		case r < 55:
			fit = func(x *signer) bool { return x.sector == first.sector && !slices.Contains(taken, x) }
		case r < 80:
			fit = func(x *signer) bool { return x.group == first.group && !slices.Contains(taken, x) }
		default:
			fit = func(x *signer) bool { return !slices.Contains(taken, x) }
		}
		x := pickSigner(rng, all, date, fit, true)
		if x == nil || slices.Contains(taken, x) {
			break
		}
		taken = append(taken, x)
	}
	return taken[1:]
}

// A collective is an organisation that submits proposals in its own name.
type collective struct{ kind, name, sector string }

// bodies are the people's organisations (人民团体) of the county by 界别.
var bodies = map[string]string{
	"工会": "清河县总工会", "妇联": "清河县妇女联合会", "共青团和青联": "共青团清河县委员会",
	"工商联": "清河县工商业联合会", "科协": "清河县科学技术协会", "侨联": "清河县归国华侨联合会",
	"台联": "清河县台湾同胞联谊会",
}

// newCollectives builds the proposers of collective proposals from the
// term's 界别 and 专委会 catalogs: the democratic parties' county branches,
// the 界别 themselves, the 人民团体 and the 专委会.
func newCollectives(sectors, committees []string) []collective {
	var out []collective
	for _, s := range sectors {
		switch {
		case slices.Contains(democraticParties, s):
			out = append(out, collective{"党派", partyBranch(s), s})
		case bodies[s] != "":
			out = append(out, collective{"人民团体", bodies[s], s})
		case s == "中国共产党":
		case strings.HasSuffix(s, "界"):
			out = append(out, collective{"界别", s + "别", s})
		default:
			out = append(out, collective{"界别", s + "界别", s})
		}
	}
	for _, c := range committees {
		out = append(out, collective{"专委会", "县政协" + c, ""})
	}
	return out
}

func partyBranch(party string) string {
	if party == "九三学社" {
		return "九三学社" + county + "支社"
	}
	return party + county + "总支部"
}

// committeeFields says which topics a 专委会 takes up, by category.
var committeeFields = map[string][]string{
	"经济委员会":      {"经济建设", "生态文明建设"},
	"科教文卫体委员会":   {"社会建设", "文化建设"},
	"社会和法制委员会":   {"社会建设", "政治建设"},
	"文化文史和学习委员会": {"文化建设"},
	"提案委员会":      {"政治建设", "经济建设", "社会建设"},
	"委员联络委员会":    {"其他", "政治建设"},
}

// pickCollective draws an organisation of the kind that fits the topic.
func pickCollective(rng *rand.Rand, all []collective, kind string, t *topic) collective {
	var fit, some []collective
	for _, c := range all {
		if c.kind != kind {
			continue
		}
		some = append(some, c)
		field := committeeFields[strings.TrimPrefix(c.name, "县政协")]
		if slices.Contains(t.sectors, c.sector) || slices.Contains(field, t.category) {
			fit = append(fit, c)
		}
	}
	if len(fit) > 0 && rng.IntN(100) < 80 {
		return fit[rng.IntN(len(fit))]
	}
	return some[rng.IntN(len(some))]
}

// pickTopic draws a topic: first its category by weight, then one of the
// category's topics.
func pickTopic(rng *rand.Rand) *topic {
	total := 0
	for _, c := range categoryWeights {
		total += c.w
	}
	r := rng.IntN(total)
	cat := categoryWeights[0].name
	for _, c := range categoryWeights {
		if r < c.w {
			cat = c.name
			break
		}
		r -= c.w
	}
	var in []*topic
	for _, t := range allTopics {
		if t.category == cat {
			in = append(in, t)
		}
	}
	return in[rng.IntN(len(in))]
}

// compose writes a body from a topic's fragments: the situation in two or
// three sentences, two or three problems and three or four suggestions,
// now and then one of the common ones, which also pad a short body to 300
// characters.
func compose(rng *rand.Rand, t *topic, title string, place func(string) string) string {
	var b strings.Builder
	for _, f := range pickOrdered(rng, t.facts, 2+mostly(rng)) {
		b.WriteString(place(f))
	}
	b.WriteString("\n存在的主要问题：")
	for i, x := range pickOrdered(rng, t.issues, 2+mostly(rng)) {
		if i > 0 {
			b.WriteString("；")
		}
		b.WriteString(chineseNumbers[i] + "是" + place(x))
	}
	subject := strings.TrimSuffix(strings.TrimPrefix(title, "关于"), "的建议")
	b.WriteString("。\n为" + subject + "，" + pick(rng, []string{"特提出如下建议：", "建议：", "现提出以下建议："}))
	advice := pickOrdered(rng, t.advice, 3+mostly(rng))
	if rng.IntN(100) < 20 {
		advice = append(advice, pick(rng, genericAdvice))
	}
	for len([]rune(b.String()))+runeLen(advice)+4*len(advice) < 300 {
		if next := pick(rng, genericAdvice); !slices.Contains(advice, next) {
			advice = append(advice, next)
		}
	}
	for i, a := range advice {
		b.WriteString("\n（" + chineseNumbers[i] + "）" + place(a))
	}
	return b.String()
}

// mostly is 1 two times in three, else 0.
func mostly(rng *rand.Rand) int { return min(1, rng.IntN(3)) }

var chineseNumbers = []string{"一", "二", "三", "四", "五", "六", "七"}

// pickOrdered picks n of xs (all when there are fewer), keeping their order.
func pickOrdered(rng *rand.Rand, xs []string, n int) []string {
	if len(xs) <= n {
		return xs
	}
	drop := map[int]bool{}
	for len(drop) < len(xs)-n {
		drop[rng.IntN(len(xs))] = true
	}
	var out []string
	for i, x := range xs {
		if !drop[i] {
			out = append(out, x)
		}
	}
	return out
}

func runeLen(xs []string) int {
	n := 0
	for _, x := range xs {
		n += len([]rune(x))
	}
	return n
}

// content fills a draft on a topic: title (given or drawn), body,
// proposers. A personal matter is always one member's.
func (pl *planner) content(d *draft, t *topic, title string, first *signer, personal bool) {
	town, street := pick(pl.rng, towns), pick(pl.rng, streets)
	place := strings.NewReplacer("{town}", town, "{street}", street).Replace
	if title == "" {
		title = pick(pl.rng, t.titles)
	}
	title = place(title)
	if strings.Contains(title, town) {
		d.town = town
	}
	d.t = t
	d.actor = pick(pl.rng, staff)
	p := &d.p
	p.Title, p.Body, p.Category = title, compose(pl.rng, t, title, place), t.category
	p.EnteredBy, p.Public = d.actor, pl.chance(95)
	if len(t.units) > 0 && pl.chance(55) {
		p.SuggestedUnit = pl.units[t.units[0]].name
	}
	r := pl.rng.IntN(100)
	if first != nil || personal {
		r = min(r, 75)
	}
	if r >= 84 {
		kind := pick(pl.rng, []string{"党派", "党派", "党派", "党派", "界别", "界别", "界别", "专委会", "专委会", "人民团体"})
		c := pickCollective(pl.rng, pl.groups, kind, t)
		p.ProposerType, p.Sector = c.kind, c.sector
		p.Proposers = []data.Proposer{{Name: c.name}}
		return
	}
	if first == nil {
		var fit func(*signer) bool
		if pl.chance(65) {
			fit = func(x *signer) bool { return slices.Contains(t.sectors, x.sector) }
		}
		first = pickSigner(pl.rng, pl.signers, p.Submitted, fit, false)
	}
	if first == nil {
		first = pickSigner(pl.rng, pl.signers, p.Submitted, nil, true)
	}
	d.first = first
	p.ProposerType, p.Sector = "委员个人", first.sector
	p.Proposers = []data.Proposer{{MembershipID: first.id}}
	if r < 55 || personal {
		return
	}
	size := pick(pl.rng, []int{2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 4, 4, 5})
	for _, x := range cosigners(pl.rng, pl.signers, first, p.Submitted, size-1) {
		p.Proposers = append(p.Proposers, data.Proposer{MembershipID: x.id})
	}
	if len(p.Proposers) > 1 {
		p.ProposerType = "委员联名"
	}
}

// rejections are the 不予立案 of one session so far.
type rejections struct {
	n    int
	used map[string]bool // titles taken
}

// free lists the titles of a rejected topic still to be used in the
// session; 社情民意 titles name a town or a street and may come again.
func (r *rejections) free(rt *rejectedTopic) []string {
	if rt.disposition == "转社情民意" {
		return rt.titles
	}
	var out []string
	for _, t := range rt.titles {
		if !r.used[t] {
			out = append(out, t)
		}
	}
	return out
}

// rejectedContent picks what a 不予立案 proposal says: the first four of a
// session cover every disposition, the rest follow usual shares, and no
// title comes twice (when a disposition's titles are used up, 社情民意).
func (pl *planner) rejectedContent(d *draft, r *rejections) {
	dispo := pl.cfg.Dispositions[r.n%len(pl.cfg.Dispositions)]
	if r.n >= len(pl.cfg.Dispositions) {
		dispo = pick(pl.rng, []string{"转社情民意", "转社情民意", "转社情民意", "转意见建议", "转意见建议", "委员来信", "退回"})
	}
	var fit []*rejectedTopic
	for _, want := range []string{dispo, "转社情民意"} {
		for i := range rejectedTopics {
			if rt := &rejectedTopics[i]; rt.disposition == want && len(r.free(rt)) > 0 {
				fit = append(fit, rt)
			}
		}
		if len(fit) > 0 {
			break
		}
	}
	rt := pick(pl.rng, fit)
	title := pick(pl.rng, r.free(rt))
	r.n++
	r.used[title] = true
	d.reason, d.dispo = rt.reason, rt.disposition
	personal := rt.disposition != "转社情民意" && rt.key != "vague"
	pl.content(d, &rt.topic, title, nil, personal)
}
