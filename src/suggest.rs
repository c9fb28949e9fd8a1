//! "Did you mean …?": the known name nearest to a misspelt one, in bounded time and memory
//! whatever the input (a 40,000-character id, or thousands of unknown names against
//! thousands of known ones).
//!
//! Distance is optimal string alignment: Levenshtein where swapping two neighbouring
//! letters counts as one edit («drfit» is one edit from «drift»). A name is suggested when
//! it is within a third of the word's length (one to three edits); ties go to the name
//! that sorts first, so the same input always gets the same hint.

/// Words longer than this get no suggestion: a typo is a slip in a short name, and
/// comparing long texts is work an attacker could multiply.
pub const MAX_WORD_CHARS: usize = 48;

/// The most trie nodes one lookup may visit: a bound on the work of one suggestion that
/// realistic names never reach (a lookup among 8,000 similar ids visits a few hundred).
const MAX_VISITS: usize = 20_000;

/// How many edits a word of `len` characters may be from a suggestion.
fn threshold(len: usize) -> usize {
    (len / 3).clamp(1, 3)
}

/// The word as compared: lower case, as characters; `None` when too long to suggest for.
fn prepare(word: &str) -> Option<Vec<char>> {
    let chars: Vec<char> = word.chars().flat_map(char::to_lowercase).collect();
    (chars.len() <= MAX_WORD_CHARS).then_some(chars)
}

/// The closest of `candidates` to `word`, if it is close enough to be a likely typo. For
/// short lists (keys, enum values, catalogue names); many lookups in one long list go
/// through [`Suggester`].
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let word = prepare(word)?;
    let mut limit = threshold(word.len());
    let mut best: Option<(usize, &str)> = None;
    let mut rows = Rows::default();
    // An empty name is no suggestion.
    for candidate in candidates.into_iter().filter(|c| !c.is_empty()) {
        let Some(distance) = rows.distance_within(&word, candidate, limit) else {
            continue;
        };
        if best.is_none_or(|b| (distance, candidate) < b) {
            best = Some((distance, candidate));
            // Only as near or nearer can win from here on.
            limit = distance;
        }
    }
    best.map(|(_, c)| c)
}

/// Three reusable rows of the edit-distance table (the swap looks two rows back): memory
/// is linear in the word, never a matrix.
#[derive(Default)]
struct Rows {
    before_last: Vec<usize>,
    last: Vec<usize>,
    current: Vec<usize>,
    candidate: Vec<char>,
}

impl Rows {
    /// The distance from `word` to `candidate` when it is at most `limit`; stops as soon as
    /// every cell of a row is past the limit.
    fn distance_within(&mut self, word: &[char], candidate: &str, limit: usize) -> Option<usize> {
        let n = word.len();
        // A candidate much longer than the word is out of reach: no need to look at it.
        if candidate.len() > (n + limit) * 4 {
            return None;
        }
        self.candidate.clear();
        self.candidate.extend(candidate.chars());
        let m = self.candidate.len();
        if m.abs_diff(n) > limit {
            return None;
        }
        self.last.clear();
        self.last.extend(0..=n);
        for i in 1..=m {
            let c = self.candidate[i - 1];
            self.current.clear();
            self.current.push(i);
            for j in 1..=n {
                let substitution = self.last[j - 1] + usize::from(word[j - 1] != c);
                let mut best = (self.last[j] + 1)
                    .min(self.current[j - 1] + 1)
                    .min(substitution);
                if i > 1 && j > 1 && word[j - 1] == self.candidate[i - 2] && word[j - 2] == c {
                    best = best.min(self.before_last[j - 2] + 1);
                }
                self.current.push(best);
            }
            if self.current.iter().all(|&d| d > limit) {
                return None;
            }
            std::mem::swap(&mut self.before_last, &mut self.last);
            std::mem::swap(&mut self.last, &mut self.current);
        }
        Some(self.last[n]).filter(|&d| d <= limit)
    }
}

/// Many lookups in one long list of names (every system id): the names in a trie, searched
/// with one table row per level and subtrees cut off as soon as no name in them can be near
/// enough. Names sharing a prefix share its work, so thousands of lookups among thousands
/// of names take about linear time.
pub struct Suggester<'a> {
    nodes: Vec<TrieNode<'a>>,
}

struct TrieNode<'a> {
    /// Children by character, in character order: a depth-first walk meets names in sorted
    /// order, so the first name found at a distance wins ties.
    children: Vec<(char, u32)>,
    name: Option<&'a str>,
}

impl<'a> Suggester<'a> {
    pub fn new(names: impl IntoIterator<Item = &'a str>) -> Suggester<'a> {
        let mut s = Suggester {
            nodes: vec![TrieNode {
                children: Vec::new(),
                name: None,
            }],
        };
        for name in names {
            // No word a suggestion is made for is near a name this long; an empty name
            // is no suggestion.
            if name.is_empty() || name.chars().count() > MAX_WORD_CHARS + 3 {
                continue;
            }
            let mut at = 0usize;
            for c in name.chars() {
                at = match s.nodes[at].children.binary_search_by_key(&c, |(k, _)| *k) {
                    Ok(i) => s.nodes[at].children[i].1 as usize,
                    Err(i) => {
                        let next = s.nodes.len();
                        s.nodes.push(TrieNode {
                            children: Vec::new(),
                            name: None,
                        });
                        s.nodes[at].children.insert(i, (c, next as u32));
                        next
                    }
                };
            }
            s.nodes[at].name = Some(name);
        }
        s
    }

    /// The nearest name to `word`, as [`did_you_mean`] would find it.
    pub fn nearest(&self, word: &str) -> Option<&'a str> {
        let word = prepare(word)?;
        let mut search = Search {
            word: &word,
            limit: Some(threshold(word.len())),
            best: None,
            visits: 0,
            rows: vec![(0..=word.len()).collect()],
        };
        for &(c, child) in &self.nodes[0].children {
            search.visit(self, child as usize, c, None, 1)?;
        }
        search.best.map(|(_, name)| name)
    }
}

struct Search<'w, 'a> {
    word: &'w [char],
    /// How far a name may be and still win; `None` once an exact match is found.
    limit: Option<usize>,
    best: Option<(usize, &'a str)>,
    visits: usize,
    /// One row per level of the path walked so far (depth ≤ MAX_WORD_CHARS + 3).
    rows: Vec<Vec<usize>>,
}

impl<'a> Search<'_, 'a> {
    /// Walks the subtree under `node`, reached by `c` at `depth` (after `parent_char`).
    /// `None` when the visit budget ran out: then no suggestion is made at all.
    fn visit(
        &mut self,
        trie: &Suggester<'a>,
        node: usize,
        c: char,
        parent_char: Option<char>,
        depth: usize,
    ) -> Option<()> {
        let Some(limit) = self.limit else {
            return Some(());
        };
        self.visits += 1;
        if self.visits > MAX_VISITS {
            return None;
        }
        let n = self.word.len();
        let mut row = Vec::with_capacity(n + 1);
        row.push(depth);
        for j in 1..=n {
            let last = &self.rows[depth - 1];
            let substitution = last[j - 1] + usize::from(self.word[j - 1] != c);
            let mut best = (last[j] + 1).min(row[j - 1] + 1).min(substitution);
            if let Some(p) = parent_char {
                if j > 1 && self.word[j - 1] == p && self.word[j - 2] == c {
                    best = best.min(self.rows[depth - 2][j - 2] + 1);
                }
            }
            row.push(best);
        }
        if row.iter().all(|&d| d > limit) {
            return Some(());
        }
        if let Some(name) = trie.nodes[node].name {
            let distance = row[n];
            if distance <= limit {
                // Names met later sort after this one: only a nearer one can win.
                self.best = Some((distance, name));
                self.limit = distance.checked_sub(1);
            }
        }
        self.rows.push(row);
        for &(next, child) in &trie.nodes[node].children {
            self.visit(trie, child as usize, next, Some(c), depth + 1)?;
        }
        self.rows.pop();
        Some(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_near_misses_only() {
        let names = ["systemeier", "systemforvalter", "drift"];
        assert_eq!(did_you_mean("systemeir", names), Some("systemeier"));
        assert_eq!(did_you_mean("drfit", names), Some("drift"));
        assert_eq!(did_you_mean("DRIFT", names), Some("drift"));
        assert_eq!(did_you_mean("budsjett", names), None);
    }

    #[test]
    fn ties_go_to_the_name_that_sorts_first() {
        assert_eq!(did_you_mean("abx", ["abz", "aby"]), Some("aby"));
        assert_eq!(Suggester::new(["abz", "aby"]).nearest("abx"), Some("aby"));
    }

    #[test]
    fn long_words_get_no_suggestion() {
        let long = "a".repeat(MAX_WORD_CHARS + 1);
        let near = format!("{long}b");
        assert_eq!(did_you_mean(&long, [near.as_str()]), None);
        assert_eq!(Suggester::new([near.as_str()]).nearest(&long), None);
    }

    /// The trie finds exactly what the plain scan finds, on names that share prefixes,
    /// differ by swaps, insertions and deletions, and tie.
    #[test]
    fn the_trie_agrees_with_the_scan() {
        let names = [
            "arkiv",
            "arkiv-2",
            "arkivet",
            "sak-arkiv",
            "drift",
            "drfit",
            "fiks-arkiv",
            "elements",
            "websak",
            "public-360",
            "p360",
            "a",
            "ab",
            "ba",
            "visma-flyt",
        ];
        let words = [
            "arkvi",
            "arkiv2",
            "sakarkiv",
            "fiks-arikv",
            "elemnts",
            "websk",
            "public360",
            "b",
            "aa",
            "visma-flyt-skole",
            "x",
            "publik-360",
            "ARKIV",
            "zzzz",
            "dirft",
        ];
        let trie = Suggester::new(names);
        for word in words {
            assert_eq!(trie.nearest(word), did_you_mean(word, names), "{word}");
        }
    }

    #[test]
    fn distance_counts_a_swap_as_one_edit() {
        let mut rows = Rows::default();
        let word: Vec<char> = "abcd".chars().collect();
        assert_eq!(rows.distance_within(&word, "abdc", 3), Some(1));
        assert_eq!(rows.distance_within(&word, "dcba", 3), Some(3));
        assert_eq!(rows.distance_within(&word, "wxyz", 3), None);
        assert_eq!(rows.distance_within(&word, "abcd", 0), Some(0));
    }

    proptest::proptest! {
        /// On names from a small alphabet (so that many are near each other), the trie and
        /// the scan always agree.
        #[test]
        fn the_trie_agrees_with_the_scan_on_generated_names(
            names in proptest::collection::vec("[abc-]{0,7}", 0..40),
            words in proptest::collection::vec("[abcd-]{0,8}", 1..10),
        ) {
            let trie = Suggester::new(names.iter().map(String::as_str));
            for word in &words {
                proptest::prop_assert_eq!(
                    trie.nearest(word),
                    did_you_mean(word, names.iter().map(String::as_str)),
                    "{}", word
                );
            }
        }
    }
}
