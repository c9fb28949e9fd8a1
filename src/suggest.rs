//! "Did you mean …?": the known name nearest to a misspelt one, in bounded time and memory
//! whatever the input (a 40,000-character id, thousands of unknown names against
//! thousands of known ones, or names made to defeat the index).
//!
//! Distance is optimal string alignment, ignoring case: Levenshtein where swapping two
//! neighbouring letters counts as one edit («drfit» is one edit from «drift», «sky-0l» from
//! «SKY-01»). A name is suggested when it is within a third of the word's length (one to
//! three edits); the nearest wins, and ties go to the name that sorts first in lower case,
//! so the same input always gets the same hint.
//!
//! Two ways to look: [`did_you_mean`] scans a list once (a key, a value, a rule code);
//! [`Suggester`] indexes a long list for many lookups (every system id, the catalogue).
//! Both cap what they compare and skip what cannot be near; the index also has a budget
//! of work linear in its names, after which it makes no more suggestions: a hint is worth
//! little next to a run that finishes.

use std::collections::HashMap;

/// Words longer than this get no suggestion: a typo is a slip in a short name, and
/// comparing long texts is work an attacker could multiply.
pub const MAX_WORD_CHARS: usize = 48;

/// How many edits a word of `len` characters may be from a suggestion.
fn threshold(len: usize) -> usize {
    (len / 3).clamp(1, 3)
}

/// A text as compared: lower case, character by character.
fn folded(text: &str) -> impl Iterator<Item = char> + '_ {
    text.chars().flat_map(char::to_lowercase)
}

/// The word as compared; `None` when too long to suggest for.
fn prepare(word: &str) -> Option<Vec<char>> {
    let chars: Vec<char> = folded(word).take(MAX_WORD_CHARS + 1).collect();
    (chars.len() <= MAX_WORD_CHARS).then_some(chars)
}

/// The order in which ties are broken: lower case first, then as written.
fn sort_key(name: &str) -> (String, &str) {
    (folded(name).collect(), name)
}

/// Which characters a text holds, hashed into 64 bits. An edit adds at most one character
/// the other text lacks and removes at most one, so the larger of the two differences is
/// a lower bound of the distance (a shared bit can only make the bound smaller).
fn char_mask(chars: impl Iterator<Item = char>) -> u64 {
    chars.fold(0, |mask, c| mask | 1 << (c as u32 % 64))
}

fn mask_bound(a: u64, b: u64) -> usize {
    (a & !b).count_ones().max((b & !a).count_ones()) as usize
}

/// The closest of `candidates` to `word`, if it is close enough to be a likely typo. For
/// one lookup in a list; many lookups in one long list go through [`Suggester`].
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let word = prepare(word)?;
    let word_mask = char_mask(word.iter().copied());
    let mut limit = threshold(word.len());
    let mut best: Option<(usize, (String, &str))> = None;
    let mut rows = Rows::default();
    // An empty name is no suggestion.
    for candidate in candidates.into_iter().filter(|c| !c.is_empty()) {
        if mask_bound(word_mask, char_mask(folded(candidate))) > limit {
            continue;
        }
        let Some(distance) = rows.distance_within(&word, candidate, limit) else {
            continue;
        };
        let key = (distance, sort_key(candidate));
        if best.as_ref().is_none_or(|b| key < *b) {
            best = Some(key);
            // Only as near or nearer can win from here on.
            limit = distance;
        }
    }
    best.map(|(_, (_, c))| c)
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
        self.candidate.extend(folded(candidate).take(n + limit + 1));
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

/// The most trie nodes one lookup may visit.
const MAX_VISITS: usize = 20_000;
/// The work all lookups of one index may do together, in table cells: a fixed part, a part
/// per name and a part per lookup, so the whole is linear in the input. A lookup among
/// thousands of similar ids takes a few thousand cells; what one lookup leaves unused,
/// the next may spend.
const BUDGET_BASE: usize = 2_000_000;
const BUDGET_PER_NAME: usize = 1_000;
const BUDGET_PER_LOOKUP: usize = 10_000;

/// Many lookups in one long list of names (every system id): the names in a trie, searched
/// with one table row per level, first for names one edit away, then two, then three;
/// subtrees are cut off as soon as no name in them can be near enough, by distance or by
/// length. Names sharing a prefix share its work. The same word is looked up once.
pub struct Suggester<'a> {
    nodes: Vec<TrieNode<'a>>,
    budget: usize,
    cache: HashMap<String, Option<&'a str>>,
}

struct TrieNode<'a> {
    /// Children by character, in character order: a depth-first walk meets names in sorted
    /// order, so the first name found at a distance wins ties.
    children: Vec<(char, u32)>,
    name: Option<&'a str>,
    /// The shortest and longest name (in characters) at or below this node.
    shortest: usize,
    longest: usize,
}

impl<'a> Suggester<'a> {
    pub fn new(names: impl IntoIterator<Item = &'a str>) -> Suggester<'a> {
        let mut s = Suggester {
            nodes: vec![TrieNode::new()],
            budget: BUDGET_BASE,
            cache: HashMap::new(),
        };
        for name in names {
            let chars: Vec<char> = folded(name).take(MAX_WORD_CHARS + 4).collect();
            let length = chars.len();
            // No word a suggestion is made for is near a name this long; an empty name
            // is no suggestion.
            if name.is_empty() || length > MAX_WORD_CHARS + 3 {
                continue;
            }
            s.budget = s.budget.saturating_add(BUDGET_PER_NAME);
            let mut at = 0usize;
            s.nodes[at].note_length(length);
            for c in chars {
                at = match s.nodes[at].children.binary_search_by_key(&c, |(k, _)| *k) {
                    Ok(i) => s.nodes[at].children[i].1 as usize,
                    Err(i) => {
                        let next = s.nodes.len();
                        s.nodes.push(TrieNode::new());
                        s.nodes[at].children.insert(i, (c, next as u32));
                        next
                    }
                };
                s.nodes[at].note_length(length);
            }
            // Two names alike but for case share a node: the one that sorts first wins.
            let slot = &mut s.nodes[at].name;
            if slot.is_none_or(|old| sort_key(name) < sort_key(old)) {
                *slot = Some(name);
            }
        }
        s
    }

    /// The nearest name to `word`, as [`did_you_mean`] would find it, while the budget
    /// lasts.
    pub fn nearest(&mut self, word: &str) -> Option<&'a str> {
        let chars = prepare(word)?;
        if let Some(found) = self.cache.get(word) {
            return *found;
        }
        self.budget = self.budget.saturating_add(BUDGET_PER_LOOKUP);
        let found = self.search(&chars);
        self.cache.insert(word.to_string(), found);
        found
    }

    fn search(&mut self, word: &[char]) -> Option<&'a str> {
        // Nearer first: most typos are one edit away, and that search is cheap.
        for limit in 1..=threshold(word.len()) {
            let mut search = Search {
                word,
                limit: Some(limit),
                best: None,
                visits: 0,
                rows: vec![(0..=word.len()).collect()],
            };
            let mut within_budget = true;
            for &(c, child) in &self.nodes[0].children {
                if search.visit(self, child as usize, c, None, 1).is_none() {
                    within_budget = false;
                    break;
                }
            }
            self.budget = self.budget.saturating_sub(search.visits * (word.len() + 1));
            if !within_budget {
                return None;
            }
            if let Some((_, name)) = search.best {
                return Some(name);
            }
        }
        None
    }
}

impl TrieNode<'_> {
    fn new() -> Self {
        TrieNode {
            children: Vec::new(),
            name: None,
            shortest: usize::MAX,
            longest: 0,
        }
    }

    fn note_length(&mut self, length: usize) {
        self.shortest = self.shortest.min(length);
        self.longest = self.longest.max(length);
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
    /// `None` when this lookup or the index ran out of budget: then no suggestion is made.
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
        let n = self.word.len();
        let here = &trie.nodes[node];
        // No name below is of a length within reach.
        if here.longest + limit < n || here.shortest > n + limit {
            return Some(());
        }
        self.visits += 1;
        if self.visits > MAX_VISITS || self.visits * (n + 1) > trie.budget {
            return None;
        }
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
        if let Some(name) = here.name {
            let distance = row[n];
            if distance <= limit {
                // Names met later sort after this one: only a nearer one can win.
                self.best = Some((distance, name));
                self.limit = distance.checked_sub(1);
            }
        }
        self.rows.push(row);
        for &(next, child) in &here.children {
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
        let mut trie = Suggester::new(names);
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

    /// Many random ids, as a large inventory of opaque codes: every one-letter typo still
    /// finds its id (the search one edit away stays within the per-lookup bound).
    #[test]
    fn one_edit_typos_are_found_among_many_random_ids() {
        let mut state: u64 = 7;
        let mut next = || {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1);
            (state >> 33) as usize
        };
        let alphabet: Vec<char> = "abcdefghijklmnopqrstuvwxyz0123456789".chars().collect();
        let ids: Vec<String> = (0..12_000)
            .map(|_| (0..10).map(|_| alphabet[next() % alphabet.len()]).collect())
            .collect();
        let mut trie = Suggester::new(ids.iter().map(String::as_str));
        for id in ids.iter().step_by(60) {
            let mut typo: Vec<char> = id.chars().collect();
            let at = next() % typo.len();
            typo[at] = if typo[at] == 'x' { 'y' } else { 'x' };
            let typo: String = typo.into_iter().collect();
            // Among random ids no other is one edit from the typo (fixed seed: checked).
            assert_eq!(trie.nearest(&typo), Some(id.as_str()), "{typo}");
        }
    }

    /// Names built to defeat the index (every three-letter prefix, and words long enough
    /// to keep them all in reach) cost a bounded amount of work in all: the budget runs
    /// out and the rest get no suggestion, rather than the run taking minutes.
    #[test]
    fn work_is_bounded_whatever_the_names() {
        let letters: Vec<char> = "abcdefghijklmnopqrst".chars().collect();
        let mut names = Vec::new();
        for a in &letters {
            for b in &letters {
                for c in &letters {
                    names.push(format!("{a}{b}{c}{}", "z".repeat(42)));
                }
            }
        }
        let mut trie = Suggester::new(names.iter().map(String::as_str));
        let start = trie.budget;
        let mut cells = 0;
        for i in 0..2_000 {
            let before = trie.budget + BUDGET_PER_LOOKUP;
            assert_eq!(trie.nearest(&format!("{i:045}")), None);
            cells += before - trie.budget;
        }
        // Never more than the budget: the fixed part, the names' and the lookups' parts.
        assert!(
            cells <= start + 2_000 * BUDGET_PER_LOOKUP,
            "{cells} cells of work"
        );
        assert!(trie.budget < BUDGET_PER_LOOKUP, "the budget is spent");
    }

    proptest::proptest! {
        /// On names from a small alphabet (so that many are near each other), the trie and
        /// the scan always agree.
        #[test]
        fn the_trie_agrees_with_the_scan_on_generated_names(
            names in proptest::collection::vec("[abc-]{0,7}", 0..40),
            words in proptest::collection::vec("[abcd-]{0,8}", 1..10),
        ) {
            let mut trie = Suggester::new(names.iter().map(String::as_str));
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
