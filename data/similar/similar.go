// Package similar measures how alike two proposals (提案) are, for the
// duplicate check (查重) shown while staff type a new proposal, and picks the
// search strings that find candidates in the store's FTS5 trigram index.
//
// The measure, as told to a clerk: both texts are cleaned (full-width letters
// and digits made ordinary, punctuation, spaces and the particle 的 removed,
// and the phrases every proposal uses — 关于, 建议, 我县, 进一步, 加强, 问题,
// 工作 … — struck out). What is left is cut into pairs of neighbouring
// characters (停车难 gives 停车 and 车难). Two texts are alike when they use
// the same pairs about equally often: the score is the cosine of the two
// lists of pair counts, 0 when they share no pair and 1 when the lists are
// the same. The 案由 and the 正文 are compared separately and averaged half
// and half; when either proposal has no 正文, the 案由 alone decides.
//
// See docs/similarity.md for the thresholds of Level, the candidate search
// and what the measure cannot see.
package similar

import (
	"math"
	"slices"
	"strings"
	"unicode"
)

// Doc is the text of one proposal.
type Doc struct{ Title, Body string }

// Prepared is a Doc cut into counted character pairs, ready to be compared
// many times. The zero Prepared is an empty document.
type Prepared struct {
	title, body vector
}

// vector is a bag of character pairs: entries sorted by key, with the sum of
// squared counts kept for the cosine.
type vector struct {
	keys   []uint64
	counts []float64
	norm2  float64
}

// Prepare cuts d into character pairs once, so that one new proposal can be
// scored against hundreds of candidates cheaply.
func Prepare(d Doc) Prepared {
	return Prepared{title: newVector(d.Title), body: newVector(d.Body)}
}

// Empty reports whether d had no character, letter or digit to compare.
func (p Prepared) Empty() bool {
	return len(p.title.keys) == 0 && len(p.body.keys) == 0
}

// Score is how alike p and q are, in [0, 1]: the cosine of their 案由 pairs
// and of their 正文 pairs, averaged half and half; the 案由 alone when either
// side has no 正文, the 正文 alone when either has no 案由, and 0 when
// nothing is left to compare. Score is symmetric.
func (p Prepared) Score(q Prepared) float64 {
	hasTitle := len(p.title.keys) > 0 && len(q.title.keys) > 0
	hasBody := len(p.body.keys) > 0 && len(q.body.keys) > 0
	switch {
	case hasTitle && hasBody:
		return clamp(0.5*cosine(p.title, q.title) + 0.5*cosine(p.body, q.body))
	case hasTitle:
		return clamp(cosine(p.title, q.title))
	case hasBody:
		return clamp(cosine(p.body, q.body))
	}
	return 0
}

// Score is how alike a and b are, in [0, 1]; 1 for identical texts. It is
// Prepare(a).Score(Prepare(b)); prepare once when scoring many.
func Score(a, b Doc) float64 {
	return Prepare(a).Score(Prepare(b))
}

// Level thresholds, chosen from the test proposals (similar_test.go): a
// reworded repeat of one topic scores 0.7–0.85, a broader proposal with the
// topic as one of its parts about 0.25, proposals sharing a sub-topic or a
// neighbouring field 0.1–0.16, unrelated proposals below 0.08 despite the
// shared officialese.
const (
	HighLevel   = 0.5
	MediumLevel = 0.2
	LowLevel    = 0.1
)

// Level is the Chinese label shown next to a score: 高度相似 (≥ 0.5),
// 较为相似 (≥ 0.2), 略有相似 (≥ 0.1) or 基本不相似.
func Level(score float64) string {
	switch {
	case score >= HighLevel:
		return "高度相似"
	case score >= MediumLevel:
		return "较为相似"
	case score >= LowLevel:
		return "略有相似"
	}
	return "基本不相似"
}

// Match is one candidate's place in the list Top returns.
type Match struct {
	Index int     // index into the candidates given to Top
	Score float64 // p.Score(candidate)
}

// Top scores every candidate against q and returns the k best with a score
// of at least min, best first; equal scores keep the candidates' order (the
// store's bm25 rank). k <= 0 means all; a score of 0 is never a match.
func Top(q Prepared, candidates []Prepared, k int, min float64) []Match {
	var out []Match
	for i, c := range candidates {
		if s := q.Score(c); s >= min && s > 0 {
			out = append(out, Match{Index: i, Score: s})
		}
	}
	slices.SortStableFunc(out, func(a, b Match) int {
		switch {
		case a.Score > b.Score:
			return -1
		case a.Score < b.Score:
			return 1
		}
		return 0
	})
	if k > 0 && len(out) > k {
		out = out[:k]
	}
	return out
}

// cosine of two vectors, 0 if either is empty. The sums run in key order
// on both sides, so cosine(a, b) == cosine(b, a) exactly, and counts are
// whole numbers, so a vector against itself gives exactly 1.
func cosine(a, b vector) float64 {
	var dot float64
	i, j := 0, 0
	for i < len(a.keys) && j < len(b.keys) {
		switch ka, kb := a.keys[i], b.keys[j]; {
		case ka < kb:
			i++
		case ka > kb:
			j++
		default:
			dot += a.counts[i] * b.counts[j]
			i++
			j++
		}
	}
	if dot == 0 {
		return 0
	}
	return dot / math.Sqrt(a.norm2*b.norm2)
}

func clamp(x float64) float64 {
	return math.Max(0, math.Min(1, x))
}

// newVector cleans s and counts its character pairs. A text made only of
// stock phrases (关于进一步加强工作的建议) keeps them rather than vanish, and a
// one-character text counts that character, so that any text with a
// character in it matches itself with 1.
func newVector(s string) vector {
	if s == "" {
		return vector{}
	}
	runes := clean(s)
	keys := pairs(runes, nil)
	if len(keys) == 0 {
		runes = fold(s)
		keys = pairs(runes, keys)
		if len(keys) == 0 {
			keys = singles(runes, keys)
		}
	}
	return count(keys)
}

// pairs appends the key of every two neighbouring runes of r that are both
// kept (not a break).
func pairs(r []rune, keys []uint64) []uint64 {
	for i := 1; i < len(r); i++ {
		if r[i-1] != brk && r[i] != brk {
			keys = append(keys, uint64(r[i-1])<<32|uint64(r[i]))
		}
	}
	return keys
}

// singles appends one key per kept rune; a single's key cannot equal a
// pair's, since a pair's low half is never a break.
func singles(r []rune, keys []uint64) []uint64 {
	for _, c := range r {
		if c != brk {
			keys = append(keys, uint64(c)<<32)
		}
	}
	return keys
}

// count sorts keys and turns runs of equal keys into counts.
func count(keys []uint64) vector {
	if len(keys) == 0 {
		return vector{}
	}
	slices.Sort(keys)
	v := vector{keys: keys[:0], counts: make([]float64, 0, len(keys))}
	for i := 0; i < len(keys); {
		j := i + 1
		for j < len(keys) && keys[j] == keys[i] {
			j++
		}
		n := float64(j - i)
		v.keys = append(v.keys, keys[i])
		v.counts = append(v.counts, n)
		v.norm2 += n * n
		i = j
	}
	v.keys = slices.Clip(v.keys)
	return v
}

// brk marks a break between runs of kept characters: punctuation, spaces,
// 的, a struck-out stock phrase. No pair or gram spans a break.
const brk rune = 0

// fold maps s to lower-case half-width runes, with brk for every rune that
// is not a Han character, letter or digit; runs of breaks become one.
func fold(s string) []rune {
	out := make([]rune, 0, len(s)/2)
	for _, r := range s {
		switch {
		case r >= 0xFF01 && r <= 0xFF5E: // full-width ASCII
			r -= 0xFEE0
		case r == 0x3000: // ideographic space
			r = ' '
		}
		switch {
		case r >= 0x4E00 && r <= 0x9FFF: // common CJK, without a table search
			out = append(out, r)
		case unicode.Is(unicode.Han, r) || unicode.IsLetter(r) || unicode.IsDigit(r):
			out = append(out, unicode.ToLower(r))
		case len(out) > 0 && out[len(out)-1] != brk:
			out = append(out, brk)
		}
	}
	return out
}

// clean is fold with the stock phrases and the particle 的 turned into
// breaks.
func clean(s string) []rune {
	r := fold(s)
	for i := 0; i < len(r); {
		if n := stopAt(r, i); n > 0 {
			for j := i; j < i+n; j++ {
				r[j] = brk
			}
			i += n
			continue
		}
		if r[i] == '的' {
			r[i] = brk
		}
		i++
	}
	return r
}

// QueryGrams picks up to n distinctive 3-character strings (Han characters,
// letters or digits; no punctuation or spaces) from d, title first, for a
// candidate search with an FTS5 trigram index: the store asks for proposals
// containing any of them and re-scores those with Score.
//
// Every gram is three neighbouring characters of d, lower-cased and made
// half-width (the trigram index ignores case; a full-width ＡＢＣ stored as
// typed is not found by "abc"); none touches a stock phrase (关于, 的建议,
// 我县, 进一步, 加强, 问题, 工作 …) or spans punctuation.
// Order: grams of the 案由, those whose words recur most in the 正文 first,
// preferring grams that share at most one character with one already taken
// and hold no function character (和, 与, 在 …); then grams that occur at
// least twice in the 正文, most frequent first, skipping those that merely
// shift a gram already taken by one character; then the remaining grams of
// the 案由. Deterministic.
func QueryGrams(d Doc, n int) []string {
	if n <= 0 {
		return nil
	}
	title, body := clean(d.Title), clean(d.Body)
	index := map[gram]int{} // gram → its place in bodyGrams
	var bodyGrams []counted // in order of first occurrence
	for i := range body {
		if g, ok := gramAt(body, i); ok {
			if k, seen := index[g]; seen {
				bodyGrams[k].n++
			} else {
				index[g] = len(bodyGrams)
				bodyGrams = append(bodyGrams, counted{g, 1})
			}
		}
	}
	hits := func(g gram) int {
		if k, ok := index[g]; ok {
			return bodyGrams[k].n
		}
		return 0
	}
	type titleGram struct {
		g        gram
		pos, hit int
	}
	var titleGrams []titleGram
	for i := range title {
		if g, ok := gramAt(title, i); ok && !slices.ContainsFunc(titleGrams, func(t titleGram) bool { return t.g == g }) {
			titleGrams = append(titleGrams, titleGram{g, i, hits(g)})
		}
	}
	slices.SortStableFunc(titleGrams, func(a, b titleGram) int { return b.hit - a.hit })
	slices.SortStableFunc(bodyGrams, func(a, b counted) int { return b.n - a.n })

	var out []gram
	var takenPos []int
	var deferred []gram
	for _, t := range titleGrams {
		near := func(p int) bool { return p-t.pos < 2 && t.pos-p < 2 }
		if len(out) < n && !t.g.loose() && !slices.ContainsFunc(takenPos, near) {
			out = append(out, t.g)
			takenPos = append(takenPos, t.pos)
		} else {
			deferred = append(deferred, t.g)
		}
	}
	for _, c := range bodyGrams {
		if len(out) >= n || c.n < 2 {
			break
		}
		g := c.g
		if !g.loose() && !slices.ContainsFunc(out, func(o gram) bool { return o == g || o.shifted(g) || g.shifted(o) }) {
			out = append(out, g)
		}
	}
	for _, g := range deferred {
		if len(out) < n && !slices.Contains(out, g) {
			out = append(out, g)
		}
	}
	grams := make([]string, len(out))
	for i, g := range out {
		grams[i] = string(g[:])
	}
	return grams
}

// gram is three neighbouring characters.
type gram [3]rune

// counted is a gram and how often it occurs.
type counted struct {
	g gram
	n int
}

// shifted reports whether h continues g by one character (停车位 → 车位紧).
func (g gram) shifted(h gram) bool {
	return g[1] == h[0] && g[2] == h[1]
}

// loose reports whether g holds a function character (和, 与, 在, 是 …):
// such a gram most likely straddles two words (放和充) and finds little.
func (g gram) loose() bool {
	return strings.ContainsAny(string(g[:]), "和与及或在是对等为将了把被并也都而从向由于之其")
}

// gramAt returns the three runes at r[i:] if none is a break and at most
// one is a digit (years and sums are not what a proposal is about).
func gramAt(r []rune, i int) (gram, bool) {
	if i+3 > len(r) {
		return gram{}, false
	}
	g := gram(r[i : i+3])
	digits := 0
	for _, c := range g {
		if c == brk {
			return gram{}, false
		}
		if unicode.IsDigit(c) {
			digits++
		}
	}
	return g, digits <= 1
}

// stopPhrases are the stock phrases struck out before comparing: the frame
// of every 案由 (关于…的建议), the county's name for itself, and the verbs
// and nouns of officialese that say nothing about the topic.
var stopPhrases = []string{
	"关于进一步", "关于", "的建议", "建议", "提案", "意见",
	"我县", "我市", "我区", "我镇", "本县", "本市", "全县", "全市", "县城", "城区",
	"进一步", "加强", "加快", "加大", "推进", "推动", "促进", "提高", "提升",
	"完善", "健全", "建立", "强化", "做好", "切实", "大力", "积极", "不断", "着力",
	"解决", "缓解", "破解", "规范", "优化", "改善", "保障", "支持",
	"问题", "工作", "有关", "相关", "部门", "政府", "方面", "情况", "措施", "对策",
	"力度", "机制", "落实", "建设", "发展",
	"一是", "二是", "三是", "四是", "五是", "六是",
	"目前", "当前", "存在", "主要", "以下", "如下", "进行", "开展", "实现", "通过",
	"我们", "需要", "一些", "同时", "因此", "以及", "有效",
}

// stops indexes stopPhrases by first rune, longest first.
var stops = func() map[rune][][]rune {
	m := map[rune][][]rune{}
	for _, s := range stopPhrases {
		r := []rune(s)
		m[r[0]] = append(m[r[0]], r)
	}
	for _, list := range m {
		slices.SortStableFunc(list, func(a, b []rune) int { return len(b) - len(a) })
	}
	return m
}()

// stopAt returns the length of the longest stock phrase at r[i:], or 0.
func stopAt(r []rune, i int) int {
	for _, p := range stops[r[i]] {
		if i+len(p) <= len(r) && slices.Equal(r[i:i+len(p)], p) {
			return len(p)
		}
	}
	return 0
}
