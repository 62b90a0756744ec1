package similar

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// The test proposals are fictional but written the way county proposals
// are: 案由 "关于……的建议", 正文 of situation, problems and suggestions.

var (
	water = Doc{
		Title: "关于加快农村饮水安全工程建设的建议",
		Body: "我县山区乡镇多，部分村组仍依靠山泉水和浅井供水，水源易受污染，旱季经常断水。" +
			"已建成的集中供水工程管网老化，缺少净化消毒设施，水质检测覆盖面不足。" +
			"建议整合涉农资金，实施农村供水管网改造和水厂规模化建设，配齐净化消毒设备，建立县级水质检测中心，落实工程管护责任和经费。",
	}
	myopia = Doc{
		Title: "关于加强中小学生近视防控的建议",
		Body: "近年来我县中小学生近视率逐年上升，小学高年级已超过四成，初中生超过六成。" +
			"学生课业负担重，户外活动时间少，电子产品使用时间长，部分学校教室照明和课桌椅不达标。" +
			"建议教育部门保障学生每天两小时户外活动，控制作业总量和电子产品使用时间，改造教室照明，每学期开展视力筛查并建立视力健康档案。",
	}
	parking2022 = Doc{
		Title: "关于缓解县城停车难问题的建议",
		Body: "随着我县机动车保有量快速增长，县城停车位严重不足，老城区和医院、学校周边停车难问题尤为突出，" +
			"占道停车、乱停乱放现象普遍，既影响交通通行，也容易引发邻里纠纷。" +
			"建议编制县城停车设施专项规划，利用闲置地块建设公共停车场和立体停车库；" +
			"推动机关企事业单位停车场在节假日和夜间向社会错时开放；规范路内停车泊位设置和收费管理，加大对乱停乱放的整治力度。",
	}
	parking2024 = Doc{
		Title: "关于破解城区停车难的建议",
		Body: "城区机动车数量逐年增加，停车位供给跟不上，尤其是老旧小区、医院和学校周边，停车难、停车乱的矛盾日益突出，" +
			"车辆占道停放、乱停乱放时有发生。为此建议：一是尽快编制停车设施专项规划，盘活闲置土地建设公共停车场，试点建设立体停车库；" +
			"二是推行机关事业单位内部停车场夜间和节假日错时共享；三是合理施划路内停车泊位，实行差别化收费，加强对乱停乱放的执法管理；" +
			"四是建设智慧停车平台，实时发布空余停车位信息。",
	}
	oldHousing = Doc{
		Title: "关于推进老旧小区改造的建议",
		Body: "我县城区有老旧小区八十余个，大多建于上世纪九十年代，普遍存在管网老化、外墙渗漏、没有电梯、缺少物业管理等问题，" +
			"小区内停车位不足、车辆乱停乱放也较突出。" +
			"建议将老旧小区改造纳入年度民生实事，统筹改造供水排水和燃气管网，加装电梯，增设停车位和充电桩，同时引入专业物业服务，建立长效管理机制。",
	}
)

var (
	ebike = Doc{
		Title: "关于规范电动自行车停放和充电管理的建议",
		Body: "我县电动自行车保有量已超过十万辆，城区人行道、小区楼道乱停乱放现象普遍，" +
			"不少群众将电动自行车推入楼道或在家中充电，飞线充电屡禁不止，火灾隐患突出。" +
			"建议在小区和商业街区集中建设电动自行车停放点和智能充电桩，严禁楼道停放和私拉电线充电，加大巡查执法力度。",
	}
	sewage = Doc{
		Title: "关于加强农村生活污水治理的建议",
		Body: "我县农村生活污水大多未经处理直接排放，部分村庄污水横流，影响水源和河道水质。" +
			"已建的污水处理设施因缺少运维经费，有的建而不用。" +
			"建议因村制宜建设污水处理设施和收集管网，明确运维主体，将运行经费纳入县级财政预算，定期开展出水水质检测。",
	}
	water2023 = Doc{
		Title: "关于保障农村饮水安全的建议",
		Body: "目前我县仍有部分山区村组饮水不安全，有的依靠山泉水和浅井，旱季缺水断水，有的供水管网老化，水质不达标。" +
			"建议加大农村饮水安全工程投入，改造老旧供水管网，推进城乡供水一体化，配齐水厂净化消毒设施，加强水质检测，明确工程管护责任。",
	}
)

var traffic = Doc{
	Title: "关于改善城区交通秩序的建议",
	Body: "近年来城区车辆快速增加，交通拥堵和秩序混乱问题日益突出。一是停车位严重不足，医院、学校周边停车难，占道停车、乱停乱放普遍；" +
		"二是部分路口信号灯配时不合理，高峰时段拥堵严重；三是公交线路少、班次稀，群众出行不便。" +
		"建议编制停车设施专项规划，建设公共停车场，推动机关单位停车场错时开放；优化路口信号灯配时；增开公交线路，加密高峰班次。",
}

var samples = []Doc{water, myopia, parking2022, parking2024, oldHousing, ebike, sewage, water2023, traffic}

func TestScoreIdentical(t *testing.T) {
	docs := append(slices.Clone(samples),
		Doc{Title: parking2022.Title},
		Doc{Body: myopia.Body},
		Doc{Title: "关于进一步加强有关工作的建议", Body: "建议加强。"}, // only stock phrases
		Doc{Title: "路"},
	)
	for _, d := range docs {
		if got := Score(d, d); got != 1 {
			t.Errorf("Score(%q, itself) = %v, want 1", d.Title, got)
		}
	}
}

func TestScoreUnrelatedIsLow(t *testing.T) {
	if got := Score(water, myopia); got >= 0.2 || Level(got) != "基本不相似" {
		t.Errorf("饮水安全 vs 近视防控 = %.3f (%s), want < 0.2 and 基本不相似", got, Level(got))
	}
	unrelated := [][2]Doc{
		{water, parking2022}, {myopia, parking2024}, {myopia, sewage}, {ebike, water2023}, {traffic, sewage},
	}
	for _, p := range unrelated {
		if got := Score(p[0], p[1]); got >= LowLevel {
			t.Errorf("%s vs %s = %.3f, want < %v", p[0].Title, p[1].Title, got, LowLevel)
		}
	}
}

func TestScoreRewordedRanksFirst(t *testing.T) {
	tests := []struct {
		name     string
		query    Doc
		reworded Doc
		partial  []Doc // share a sub-topic or a field, but are other proposals
	}{
		{"停车难 2022 vs 2024", parking2022, parking2024, []Doc{traffic, oldHousing, ebike}},
		{"停车难 2024 vs 2022", parking2024, parking2022, []Doc{traffic, oldHousing, ebike}},
		{"农村饮水 two years", water, water2023, []Doc{sewage, oldHousing}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cands := append([]Doc{myopia}, tt.partial...)
			cands = append(cands, tt.reworded)
			prepared := make([]Prepared, len(cands))
			for i, c := range cands {
				prepared[i] = Prepare(c)
			}
			top := Top(Prepare(tt.query), prepared, 3, 0)
			if len(top) == 0 || cands[top[0].Index] != tt.reworded {
				t.Fatalf("Top = %v, want the reworded proposal (%d) first", top, len(cands)-1)
			}
			if top[0].Score <= 0.5 || Level(top[0].Score) != "高度相似" {
				t.Errorf("reworded score = %.3f (%s), want > 0.5 and 高度相似", top[0].Score, Level(top[0].Score))
			}
			for _, m := range top[1:] {
				if m.Score >= HighLevel {
					t.Errorf("partial %s = %.3f, want < %v", cands[m.Index].Title, m.Score, HighLevel)
				}
			}
		})
	}
}

func TestScoreLevelsOfPartialOverlap(t *testing.T) {
	tests := []struct {
		a, b Doc
		want string
	}{
		{parking2022, traffic, "较为相似"},    // traffic order, with a whole paragraph on parking
		{parking2024, oldHousing, "略有相似"}, // old estates, one clause on parking
		{water, sewage, "略有相似"},           // another rural water topic
	}
	for _, tt := range tests {
		if got := Score(tt.a, tt.b); Level(got) != tt.want {
			t.Errorf("%s vs %s = %.3f (%s), want %s", tt.a.Title, tt.b.Title, got, Level(got), tt.want)
		}
	}
}

func TestScoreSymmetricAndBounded(t *testing.T) {
	for _, a := range samples {
		for _, b := range samples {
			ab, ba := Score(a, b), Score(b, a)
			if ab != ba || ab < 0 || ab > 1 {
				t.Errorf("Score(%s, %s) = %v, reversed %v", a.Title, b.Title, ab, ba)
			}
		}
	}
}

func TestScoreParts(t *testing.T) {
	titleOnly := Doc{Title: parking2024.Title}
	if got := Score(titleOnly, parking2024); got != 1 {
		t.Errorf("same 案由, one 正文 missing = %v, want 1 (案由 alone decides)", got)
	}
	retitled := Doc{Title: "关于加强中小学生近视防控的建议", Body: parking2022.Body}
	if got := Score(retitled, parking2022); got != 0.5 {
		t.Errorf("same 正文, unrelated 案由 = %v, want 0.5", got)
	}
	if got := Score(Doc{Body: parking2022.Body}, parking2022); got != 1 {
		t.Errorf("same 正文, one 案由 missing = %v, want 1 (正文 alone decides)", got)
	}
}

func TestScoreIgnoresWidthPunctuationAndCase(t *testing.T) {
	a := Doc{Title: "关于缓解县城停车难问题的建议", Body: "增设ETC停车位200个、充电桩50个；推行错时停车。"}
	b := Doc{Title: "关于 缓解县城“停车难”问题的建议", Body: "增设ｅｔｃ停车位２００个，充电桩５０个。推行错时停车！"}
	if got := Score(a, b); got != 1 {
		t.Errorf("Score = %v, want 1", got)
	}
}

func TestScoreEmpty(t *testing.T) {
	docs := []Doc{{}, {Title: "，。！？ 、"}, {Body: "……——"}}
	for _, d := range docs {
		if !Prepare(d).Empty() {
			t.Errorf("Prepare(%q).Empty() = false", d)
		}
		for _, other := range []Doc{{}, water, d} {
			if got := Score(d, other); got != 0 {
				t.Errorf("Score(%q, %q) = %v, want 0", d, other.Title, got)
			}
		}
	}
}

func TestLevel(t *testing.T) {
	tests := []struct {
		score float64
		want  string
	}{
		{1, "高度相似"}, {0.5, "高度相似"}, {0.49, "较为相似"}, {0.2, "较为相似"},
		{0.19, "略有相似"}, {0.1, "略有相似"}, {0.09, "基本不相似"}, {0, "基本不相似"},
	}
	for _, tt := range tests {
		if got := Level(tt.score); got != tt.want {
			t.Errorf("Level(%v) = %s, want %s", tt.score, got, tt.want)
		}
	}
}

func TestTop(t *testing.T) {
	q := Prepare(parking2022)
	cands := []Prepared{Prepare(myopia), Prepare(parking2024), Prepare(traffic), Prepare(parking2024), Prepare(oldHousing)}
	got := Top(q, cands, 3, 0)
	if want := []int{1, 3, 2}; len(got) != 3 || got[0].Index != want[0] || got[1].Index != want[1] || got[2].Index != want[2] {
		t.Errorf("Top(k=3) = %v, want indexes %v (ties keep candidate order)", got, want)
	}
	if got := Top(q, cands, 0, HighLevel); len(got) != 2 {
		t.Errorf("Top(min=%v) = %v, want the two 停车难 proposals", HighLevel, got)
	}
	if got := Top(q, []Prepared{Prepare(Doc{})}, 0, 0); len(got) != 0 {
		t.Errorf("Top over an empty candidate = %v, want none (score 0 is never a match)", got)
	}
}

func TestQueryGramsPicksTopicWords(t *testing.T) {
	tests := []struct {
		doc   Doc
		first string
		want  []string
	}{
		{parking2022, "停车难", []string{"停车场", "乱停乱"}},
		{myopia, "中小学", []string{"近视防", "户外活"}},
		{water, "农村饮", []string{"饮水安"}},
		{Doc{Title: "关于缓解县城停车难问题的建议"}, "停车难", nil},
	}
	for _, tt := range tests {
		got := QueryGrams(tt.doc, 8)
		if len(got) == 0 || got[0] != tt.first {
			t.Errorf("QueryGrams(%s) = %v, want %q first", tt.doc.Title, got, tt.first)
		}
		for _, w := range tt.want {
			if !slices.Contains(got, w) {
				t.Errorf("QueryGrams(%s) = %v, want it to hold %q", tt.doc.Title, got, w)
			}
		}
	}
}

func TestQueryGramsSkipsBoilerplate(t *testing.T) {
	for _, d := range []Doc{
		{Title: "关于进一步加强有关问题工作的建议", Body: "建议有关部门进一步加强工作，切实解决问题。"},
		{Title: "提案", Body: "我县 我市。进一步，加强！"},
		{}, {Title: "2024年"},
	} {
		if got := QueryGrams(d, 5); len(got) != 0 {
			t.Errorf("QueryGrams(%q) = %v, want none", d, got)
		}
	}
	for _, d := range samples {
		for n := 0; n <= 12; n++ {
			got := QueryGrams(d, n)
			checkGrams(t, d, n, got)
			if again := QueryGrams(d, n); !slices.Equal(got, again) {
				t.Errorf("QueryGrams(%s, %d) not deterministic: %v then %v", d.Title, n, got, again)
			}
			for _, g := range got {
				for _, p := range stopPhrases {
					if strings.Contains(g, p) || strings.Contains(p, g) {
						t.Errorf("QueryGrams(%s) = %v: %q overlaps stock phrase %q", d.Title, got, g, p)
					}
				}
			}
		}
	}
}

// checkGrams checks what every result of QueryGrams must satisfy: at most n
// grams, each three Han characters, letters or digits, occurring in the
// folded text, no duplicates.
func checkGrams(t *testing.T, d Doc, n int, got []string) {
	t.Helper()
	if len(got) > max(n, 0) {
		t.Errorf("QueryGrams(%q, %d) returned %d grams", d.Title, n, len(got))
	}
	text := string(fold(d.Title)) + "\x00" + string(fold(d.Body))
	for i, g := range got {
		if utf8.RuneCountInString(g) != 3 {
			t.Errorf("gram %q is not 3 runes", g)
		}
		for _, r := range g {
			if !unicode.Is(unicode.Han, r) && !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				t.Errorf("gram %q holds %q", g, r)
			}
		}
		if !strings.Contains(text, g) {
			t.Errorf("gram %q does not occur in %q", g, d)
		}
		if slices.Contains(got[:i], g) {
			t.Errorf("gram %q twice in %v", g, got)
		}
	}
}

func FuzzScore(f *testing.F) {
	f.Add(parking2022.Title, parking2022.Body, parking2024.Title, parking2024.Body)
	f.Add(water.Title, "", "", water.Body)
	f.Add("，。", "ＡＢＣ", "abc", "\xff\xfe")
	f.Fuzz(func(t *testing.T, t1, b1, t2, b2 string) {
		a, b := Doc{t1, b1}, Doc{t2, b2}
		ab, ba := Score(a, b), Score(b, a)
		if ab < 0 || ab > 1 || ab != ba {
			t.Fatalf("Score = %v, reversed %v", ab, ba)
		}
		if self := Score(a, a); self != 1 && !Prepare(a).Empty() {
			t.Fatalf("Score(a, a) = %v, want 1", self)
		}
	})
}

func FuzzQueryGrams(f *testing.F) {
	f.Add(parking2022.Title, parking2022.Body, 6)
	f.Add("关于进一步加强工作的建议", "１２３ＡＢＣ停车", 3)
	f.Add("", "", -1)
	f.Fuzz(func(t *testing.T, title, body string, n int) {
		n %= 64
		d := Doc{title, body}
		checkGrams(t, d, n, QueryGrams(d, n))
	})
}

// benchBody is a 正文 of at least runes characters: the sentences of the
// test proposals in a seeded random order, each used once before any is
// repeated, so that its pairs are about as varied as a real 正文's.
func benchBody(rng *rand.Rand, runes int) string {
	var sentences []string
	for _, d := range samples {
		for _, s := range strings.SplitAfter(d.Body, "。") {
			if s != "" {
				sentences = append(sentences, s)
			}
		}
	}
	var b strings.Builder
	for n, i := 0, len(sentences); n < runes; i++ {
		if i == len(sentences) {
			rng.Shuffle(len(sentences), func(i, j int) { sentences[i], sentences[j] = sentences[j], sentences[i] })
			i = 0
		}
		b.WriteString(sentences[i])
		n += utf8.RuneCountInString(sentences[i])
	}
	return b.String()
}

func BenchmarkScore300(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 2))
	query := Prepare(Doc{Title: parking2022.Title, Body: benchBody(rng, 1200)})
	cands := make([]Prepared, 300)
	for i := range cands {
		cands[i] = Prepare(Doc{Title: samples[i%len(samples)].Title, Body: benchBody(rng, 1200)})
	}
	for b.Loop() {
		for _, c := range cands {
			query.Score(c)
		}
	}
}

func BenchmarkPrepare1200(b *testing.B) {
	d := Doc{Title: parking2022.Title, Body: benchBody(rand.New(rand.NewPCG(1, 2)), 1200)}
	for b.Loop() {
		Prepare(d)
	}
}

func BenchmarkQueryGrams1200(b *testing.B) {
	d := Doc{Title: parking2022.Title, Body: benchBody(rand.New(rand.NewPCG(1, 2)), 1200)}
	for b.Loop() {
		QueryGrams(d, 8)
	}
}
